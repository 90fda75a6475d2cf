import type { SourceOrigin } from '@shared/schemas/records';
import {
  baseName,
  checkZipLimits,
  extractZipEntry,
  isSystemEntry,
  readZipDirectory,
  type ZipEntry,
} from '@shared/domain/archive/zip';
import { readImageHeader } from '@shared/domain/import/imageHeader';
import {
  findIdentifyingMetadata,
  identifyingMetadataWarning,
} from '@shared/domain/import/identifyingMetadata';
import type { NewSource, NewSourceTree } from '../../db';
import { fileKindOf, KNOWN_FILE_TYPES } from './fileKind';
import { ocrPool, OcrCancelledError } from './ocr';
import { prepareDocx } from './prepareDocx';
import { readEmail, threadEmails, type EmailAttachment, type ReadEmail } from './prepareEmail';
import { prepareImage, readImageMetadata } from './prepareImage';
import { preparePdf } from './preparePdf';
import { prepareTextSource, titleFromFileName } from './prepareTextSource';

/** A file as it reached the importer, already hashed. */
export interface FileInput {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
  sha256: string;
  origin: SourceOrigin;
  title?: string;
  provenance?: string;
}

/** What the preparation of one file may ask of the worker around it. */
export interface PrepareContext {
  /** True once the reporter cancelled the batch: stop before storing anything. */
  cancelled: () => boolean;
  /** Says what is happening now ("Recognising text…"), for the progress tray. */
  stage: (text: string) => void;
  sha256: (bytes: Uint8Array) => Promise<string>;
  /** Whether top-level images are recognised now (off for benchmarks of storage alone). */
  ocr: boolean;
}

export type Prepared =
  | { ok: true; tree: NewSourceTree; notes: string[] }
  | { ok: false; reason: string; cancelled?: boolean };

/** JSON files larger than this are refused before parsing (parsing needs several times the size). */
export const MAX_JSON_BYTES = 200 * 1024 * 1024;
/** Most files taken out of one archive or email. */
export const MAX_CHILDREN = 5_000;

const CANCELLED: Prepared = { ok: false, reason: 'Not imported: the import was cancelled.', cancelled: true };

function blobOf(bytes: Uint8Array, type: string): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/**
 * A file found inside another (an attachment, an archive entry) as a child source. Children are
 * read for text where that is quick (text, PDF, Word) and kept untouched otherwise; a damaged child
 * is still kept, as a file, with the reason it could not be read, since it is part of the
 * material. Images are not recognised during the import (that could take minutes for a chat full
 * of photos): the reader offers "Recognize text" on each.
 */
async function prepareChild(
  file: { name: string; path: string; mediaType?: string; bytes: Uint8Array; sha256: string; origin: SourceOrigin },
  context: PrepareContext,
): Promise<NewSource & { id: string }> {
  const name = baseName(file.path) || file.name;
  const base: NewSource & { id: string } = {
    id: crypto.randomUUID(),
    kind: 'file',
    title: name,
    fileName: name,
    mediaType: file.mediaType || 'application/octet-stream',
    sha256: file.sha256,
    origin: file.origin,
    bytes: blobOf(file.bytes, file.mediaType || 'application/octet-stream'),
    metadata: { pathInParent: file.path },
    warnings: [],
  };
  const kind = fileKindOf(name, file.mediaType ?? '', file.bytes);
  const fail = (reason: string) => {
    base.warnings = [`Kept as a file, not read: ${reason}`];
    return base;
  };
  if (kind === 'image') {
    const header = readImageHeader(file.bytes);
    if (!header.ok) return fail(header.reason);
    const metadata = await readImageMetadata(file.bytes);
    const identifying = findIdentifyingMetadata(metadata);
    const warning = identifyingMetadataWarning(identifying);
    return {
      ...base,
      kind: 'image',
      mediaType: header.image.mediaType,
      bytes: blobOf(file.bytes, header.image.mediaType),
      metadata: {
        pathInParent: file.path,
        image: { format: header.image.format, width: header.image.width, height: header.image.height },
        exif: metadata,
        identifying,
      },
      warnings: warning ? [warning] : [],
    };
  }
  if (kind === 'text') {
    const read = prepareTextSource(name, file.mediaType ?? '', file.bytes);
    if (!read.ok) return fail(read.reason);
    return {
      ...base,
      kind: read.prepared.kind,
      mediaType: read.prepared.mediaType,
      text: read.prepared.text,
      encoding: read.prepared.encoding,
      warnings: read.prepared.warnings,
    };
  }
  if (kind === 'pdf') {
    const read = await preparePdf(file.bytes, context.cancelled);
    if (!read.ok) return fail(read.reason);
    const identifying = findIdentifyingMetadata(read.pdf.info);
    const warning = identifyingMetadataWarning(identifying);
    return {
      ...base,
      kind: 'pdf',
      mediaType: 'application/pdf',
      text: read.pdf.text,
      pageStarts: read.pdf.pageStarts,
      metadata: { pathInParent: file.path, pdf: read.pdf.info, pageCount: read.pdf.pageCount, identifying },
      warnings: warning ? [warning] : [],
    };
  }
  if (kind === 'docx') {
    const read = await prepareDocx(file.bytes);
    if (!read.ok) return fail(read.reason);
    const identifying = findIdentifyingMetadata(read.docx.properties);
    const warning = identifyingMetadataWarning(identifying);
    return {
      ...base,
      kind: 'docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      text: read.docx.text,
      metadata: { pathInParent: file.path, docx: read.docx.properties, identifying },
      warnings: warning ? [warning] : [],
    };
  }
  if (kind === 'email') {
    try {
      const email = await readEmail(file.bytes);
      const extra = email.draft.extra ?? {};
      const head = [
        ['From', extra.from],
        ['To', (extra.to as string[] | undefined)?.join(', ')],
        ['Cc', (extra.cc as string[] | undefined)?.join(', ')],
        ['Date', email.draft.sentAtStated],
        ['Subject', email.subject],
      ]
        .filter(([, value]) => value)
        .map(([label, value]) => `${label}: ${value}`)
        .join('\n');
      return {
        ...base,
        kind: 'text',
        title: email.subject || name,
        mediaType: 'message/rfc822',
        text: `${head}\n\n${email.draft.text}`,
        ...(email.sourceDate ? { sourceDate: email.sourceDate } : {}),
        warnings: email.warnings,
      };
    } catch (cause) {
      return fail(`the email could not be read (${cause instanceof Error ? cause.message : String(cause)})`);
    }
  }
  return base;
}

/** Children of one parent, each hashed, the same file inside twice kept once. */
async function prepareChildren(
  files: { name: string; path: string; mediaType?: string; bytes: Uint8Array }[],
  origin: SourceOrigin,
  context: PrepareContext,
): Promise<{ children: (NewSource & { id: string })[]; byPath: Map<string, string> } | undefined> {
  const children: (NewSource & { id: string })[] = [];
  const bySha = new Map<string, string>();
  const byPath = new Map<string, string>();
  for (const [index, file] of files.entries()) {
    if (context.cancelled()) return undefined;
    if (files.length > 3) context.stage(`Reading file ${index + 1} of ${files.length} inside`);
    const sha256 = await context.sha256(file.bytes);
    const seen = bySha.get(sha256);
    if (seen) {
      byPath.set(file.path, seen);
      continue;
    }
    const child = await prepareChild({ ...file, sha256, origin }, context);
    bySha.set(sha256, child.id);
    byPath.set(file.path, child.id);
    children.push(child);
  }
  return { children, byPath };
}

async function prepareImageFile(input: FileInput, context: PrepareContext): Promise<Prepared> {
  context.stage('Checking the image');
  const read = await prepareImage(input.bytes);
  if (!read.ok) return read;
  const { image } = read;
  const warnings = [...image.warnings];
  const notes: string[] = [];
  const source: NewSource = {
    kind: 'image',
    title:
      input.title?.trim() ||
      (input.origin === 'clipboard' ? `Pasted screenshot ${new Date().toISOString().slice(0, 16).replace('T', ' ')}` : titleFromFileName(input.name)),
    mediaType: image.header.mediaType,
    sha256: input.sha256,
    origin: input.origin,
    bytes: blobOf(input.bytes, image.header.mediaType),
    metadata: {
      image: { format: image.header.format, width: image.width, height: image.height },
      exif: image.metadata,
      identifying: image.identifying,
    },
    warnings,
  };
  if (input.origin !== 'clipboard' && input.origin !== 'paste') source.fileName = input.name;
  if (input.provenance) source.provenance = input.provenance;
  if (context.ocr) {
    if (context.cancelled()) return CANCELLED;
    context.stage('Recognising text');
    try {
      const ocr = await ocrPool().recognize(image.upright, context.cancelled);
      source.text = ocr.text;
      source.textKind = 'ocr';
      source.words = ocr.words;
      (source.metadata as Record<string, unknown>).ocr = {
        engine: 'tesseract.js 7, English (LSTM)',
        confidence: Math.round(ocr.confidence),
        seconds: Math.round(ocr.millis) / 1000,
      };
      notes.push(ocr.text ? `${plural(ocr.words.length, 'word')} recognised` : 'no text recognised');
      if (!ocr.text) warnings.push('No text was recognised in this image.');
    } catch (cause) {
      if (cause instanceof OcrCancelledError) return CANCELLED;
      warnings.push(
        `Text recognition failed (${cause instanceof Error ? cause.message : String(cause)}). The image is kept; use “Recognize text” to try again.`,
      );
    }
  }
  if (context.cancelled()) return CANCELLED;
  return { ok: true, tree: { source }, notes };
}

async function prepareEmailFile(input: FileInput, context: PrepareContext): Promise<Prepared> {
  if (input.bytes.length === 0) {
    return { ok: false, reason: 'The file is empty (0 bytes): there is nothing to import.' };
  }
  context.stage('Reading the email');
  let email: ReadEmail;
  try {
    email = await readEmail(input.bytes);
  } catch (cause) {
    return {
      ok: false,
      reason: `This email could not be read (${cause instanceof Error ? cause.message : String(cause)}).`,
    };
  }
  const subjects = threadEmails([email]);
  const attachments = await prepareChildren(
    email.attachments.map((a: EmailAttachment) => ({ name: a.name, path: a.name, mediaType: a.mediaType, bytes: a.bytes })),
    'attachment',
    context,
  );
  if (!attachments) return CANCELLED;
  const contentIds: Record<string, string> = {};
  email.attachments.forEach((attachment) => {
    const id = attachments.byPath.get(attachment.name);
    if (id && attachment.contentId) contentIds[attachment.contentId] = id;
  });
  if (email.draft.attachments) {
    email.draft.attachments = email.draft.attachments.map((a) => {
      const id = attachments.byPath.get(a.name);
      return id ? { ...a, sourceId: id } : a;
    });
  }
  if (Object.keys(contentIds).length) email.draft.extra = { ...email.draft.extra, contentIds };
  const source: NewSource = {
    kind: 'email',
    title: input.title?.trim() || email.subject || titleFromFileName(input.name),
    fileName: input.name,
    mediaType: 'message/rfc822',
    sha256: input.sha256,
    origin: input.origin,
    bytes: blobOf(input.bytes, 'message/rfc822'),
    metadata: {
      email: { threads: Object.fromEntries(subjects), count: 1 },
    },
    warnings: email.warnings,
  };
  if (email.sourceDate) source.sourceDate = email.sourceDate;
  if (input.provenance) source.provenance = input.provenance;
  const notes = attachments.children.length ? [`${plural(attachments.children.length, 'attachment')}`] : [];
  return { ok: true, tree: { source, messages: [email.draft], children: attachments.children }, notes };
}

async function prepareZipFile(input: FileInput, context: PrepareContext): Promise<Prepared> {
  context.stage('Checking the archive');
  const directory = readZipDirectory(input.bytes);
  if (!directory.ok) return directory;
  const limits = checkZipLimits(directory.entries);
  if (!limits.ok) return limits;
  const files = directory.entries.filter((entry) => !entry.directory);
  const unsafe = files.filter((entry) => entry.name === undefined);
  const usable = files.filter(
    (entry): entry is ZipEntry & { name: string } => entry.name !== undefined && !isSystemEntry(entry.name),
  );
  if (usable.length > MAX_CHILDREN) {
    return {
      ok: false,
      reason: `This archive holds ${plural(usable.length, 'file')}; Casefile takes up to ${MAX_CHILDREN.toLocaleString('en-GB')} from one archive. Unpack it and import the folders one by one.`,
    };
  }
  const warnings: string[] = [];
  if (unsafe.length) {
    warnings.push(
      `${plural(unsafe.length, 'file')} in this archive ${unsafe.length === 1 ? 'was' : 'were'} not taken out because ${unsafe.length === 1 ? 'its name' : 'their names'} would reach outside the archive or ${unsafe.length === 1 ? 'is' : 'are'} absolute: ${unsafe
        .slice(0, 5)
        .map((e) => `“${e.rawName.slice(0, 120)}” (${e.unsafeReason})`)
        .join(', ')}${unsafe.length > 5 ? '…' : ''}. Nothing was ever written under these names.`,
    );
  }
  const extracted: { name: string; path: string; bytes: Uint8Array }[] = [];
  for (const [index, entry] of usable.entries()) {
    if (context.cancelled()) return CANCELLED;
    if (usable.length > 3) context.stage(`Unpacking file ${index + 1} of ${usable.length}`);
    const result = extractZipEntry(input.bytes, entry);
    if (!result.ok) {
      // A lying size is a bomb: stop the whole archive. Other damage skips the one entry.
      if (/lies about its contents/.test(result.reason)) return { ok: false, reason: result.reason };
      warnings.push(`Not taken out: ${result.reason}`);
      continue;
    }
    extracted.push({ name: baseName(entry.name), path: entry.name, bytes: result.data });
  }
  const prepared = await prepareChildren(extracted, 'archive', context);
  if (!prepared) return CANCELLED;
  const listing = usable
    .map((entry) => `${entry.name}  (${entry.size.toLocaleString('en-GB')} bytes)`)
    .join('\n');
  const source: NewSource = {
    kind: 'file',
    title: input.title?.trim() || titleFromFileName(input.name),
    fileName: input.name,
    mediaType: 'application/zip',
    sha256: input.sha256,
    origin: input.origin,
    bytes: blobOf(input.bytes, 'application/zip'),
    text: `Archive of ${plural(usable.length, 'file')}:\n\n${listing}`,
    metadata: {
      archive: {
        entries: files.length,
        taken: prepared.children.length,
        refusedNames: unsafe.map((e) => e.rawName.slice(0, 300)).slice(0, 100),
      },
    },
    warnings,
  };
  if (input.provenance) source.provenance = input.provenance;
  return {
    ok: true,
    tree: { source, children: prepared.children },
    notes: [`${plural(prepared.children.length, 'file')} taken out`],
  };
}

async function prepareJsonFile(input: FileInput): Promise<Prepared> {
  if (input.bytes.length === 0) {
    return { ok: false, reason: 'The file is empty (0 bytes): there is nothing to import.' };
  }
  if (input.bytes.length > MAX_JSON_BYTES) {
    return {
      ok: false,
      reason: `This JSON file is ${Math.round(input.bytes.length / 1024 / 1024)} MB; Casefile reads JSON files of up to ${MAX_JSON_BYTES / 1024 / 1024} MB (reading one takes several times its size in memory). Split the export, or export one chat at a time.`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: false }).decode(input.bytes));
  } catch (cause) {
    return {
      ok: false,
      reason: `This JSON file is malformed (${cause instanceof Error ? cause.message : String(cause)}), so it was not imported.`,
    };
  }
  void data;
  return {
    ok: false,
    reason:
      'This JSON file is not a chat export layout Casefile knows. Known layouts: Telegram Desktop (result.json), DiscordChatExporter JSON, Facebook Messenger and Instagram (“Download your information”), and Slack and WhatsApp exports as .zip or .txt.',
  };
}

/**
 * Reads one file into everything that will be stored for it: the source, its text or messages,
 * and the files inside it. Nothing is stored here; the caller stores the whole tree in one
 * transaction, so a failure or a cancel part-way leaves nothing behind.
 */
export async function prepareFile(input: FileInput, context: PrepareContext): Promise<Prepared> {
  const kind = fileKindOf(input.name, input.mediaType, input.bytes);
  switch (kind) {
    case 'image':
      return prepareImageFile(input, context);
    case 'email':
      return prepareEmailFile(input, context);
    case 'zip':
      return prepareZipFile(input, context);
    case 'json':
      return prepareJsonFile(input);
    case 'pdf': {
      context.stage('Reading the PDF');
      const read = await preparePdf(input.bytes, context.cancelled);
      if (!read.ok) return read.reason === 'cancelled' ? CANCELLED : read;
      const identifying = findIdentifyingMetadata(read.pdf.info);
      const warnings: string[] = [];
      const warning = identifyingMetadataWarning(identifying);
      if (warning) warnings.push(warning);
      if (!read.pdf.text.trim()) {
        warnings.push(
          'This PDF has no text layer (it may be a scan). Its pages are kept; recognising text in PDF pages is not done yet.',
        );
      }
      const source: NewSource = {
        kind: 'pdf',
        title: input.title?.trim() || read.pdf.title || titleFromFileName(input.name),
        fileName: input.name,
        mediaType: 'application/pdf',
        sha256: input.sha256,
        origin: input.origin,
        bytes: blobOf(input.bytes, 'application/pdf'),
        text: read.pdf.text,
        pageStarts: read.pdf.pageStarts,
        metadata: { pdf: read.pdf.info, pageCount: read.pdf.pageCount, identifying },
        warnings,
      };
      if (input.provenance) source.provenance = input.provenance;
      return { ok: true, tree: { source }, notes: [plural(read.pdf.pageCount, 'page')] };
    }
    case 'docx': {
      context.stage('Reading the Word document');
      const read = await prepareDocx(input.bytes);
      if (!read.ok) return read;
      const identifying = findIdentifyingMetadata(read.docx.properties);
      const warnings: string[] = [];
      const warning = identifyingMetadataWarning(identifying);
      if (warning) warnings.push(warning);
      if (!read.docx.text) warnings.push('This document has no readable text.');
      const source: NewSource = {
        kind: 'docx',
        title: input.title?.trim() || read.docx.properties.title || titleFromFileName(input.name),
        fileName: input.name,
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        sha256: input.sha256,
        origin: input.origin,
        bytes: blobOf(input.bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
        text: read.docx.text,
        metadata: { docx: read.docx.properties, identifying },
        warnings,
      };
      if (input.provenance) source.provenance = input.provenance;
      return { ok: true, tree: { source }, notes: [] };
    }
    case 'text': {
      const read = prepareTextSource(input.name, input.mediaType, input.bytes);
      if (!read.ok) return read;
      const { prepared } = read;
      const source: NewSource = {
        kind: prepared.kind,
        title: input.title?.trim() || prepared.title,
        mediaType: prepared.mediaType,
        sha256: input.sha256,
        origin: input.origin,
        bytes: blobOf(input.bytes, prepared.mediaType),
        text: prepared.text,
        encoding: prepared.encoding,
        warnings: prepared.warnings,
      };
      if (input.origin !== 'paste') source.fileName = input.name;
      if (input.provenance) source.provenance = input.provenance;
      if (prepared.metadata) source.metadata = prepared.metadata;
      return { ok: true, tree: { source }, notes: [] };
    }
    default: {
      if (input.bytes.length === 0) {
        return { ok: false, reason: 'The file is empty (0 bytes): there is nothing to import.' };
      }
      const extension = /\.([A-Za-z0-9]+)$/.exec(input.name)?.[1]?.toLowerCase();
      return {
        ok: false,
        reason: `Casefile cannot import ${extension ? `.${extension}` : 'this kind of'} files. It reads ${KNOWN_FILE_TYPES}.`,
      };
    }
  }
}

