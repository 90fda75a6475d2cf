import { errorMessage } from '@shared/domain/errorMessage';
import type { SourceOrigin } from '@shared/schemas/records';
import {
  baseName,
  checkZipLimits,
  extractZipEntry,
  isSystemEntry,
  readZipDirectory,
  type ZipEntry,
  type ZipEntryResult,
} from '@shared/domain/archive/zip';
import { readImageHeader } from '@shared/domain/import/imageHeader';
import {
  findIdentifyingMetadata,
  identifyingMetadataWarning,
} from '@shared/domain/import/identifyingMetadata';
import {
  detectChatFormat,
  detectChatZip,
  listChatAttachments,
  parseChatExport,
  type ParsedChat,
} from '@shared/domain/chat';
import { splitMbox } from '@shared/domain/email/mbox';
import type { NewSource, NewSourceTree } from '../../db';
import { chatTree, type ChatAttachmentSource } from './prepareChat';
import { decodeText } from './decodeText';
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

const CANCELLED: Prepared = {
  ok: false,
  reason: 'Not imported: the import was cancelled.',
  cancelled: true,
};

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
  file: {
    name: string;
    path: string;
    mediaType?: string;
    bytes: Uint8Array;
    sha256: string;
    origin: SourceOrigin;
  },
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
        image: {
          format: header.image.format,
          width: header.image.width,
          height: header.image.height,
        },
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
      metadata: {
        pathInParent: file.path,
        pdf: read.pdf.info,
        pageCount: read.pdf.pageCount,
        identifying,
      },
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
      return fail(`the email could not be read (${errorMessage(cause)})`);
    }
  }
  return base;
}

/** Children of one parent, each hashed, the same file inside twice kept once. */
/** A file inside another: its bytes, or (for archive entries) how to inflate them when its turn comes. */
interface ChildFile {
  name: string;
  path: string;
  mediaType?: string;
  bytes: Uint8Array | (() => ZipEntryResult);
}

type Children =
  | { children: (NewSource & { id: string })[]; byPath: Map<string, string>; skipped: string[] }
  | { refused: string }
  | undefined;

/**
 * Children of one parent, each hashed, the same file inside twice kept once. Archive entries are
 * inflated one at a time, just before they are read, so only one entry's bytes are held besides
 * the Blobs being built (a 1 GB archive does not need 2 GB).
 */
async function prepareChildren(
  files: ChildFile[],
  origin: SourceOrigin,
  context: PrepareContext,
): Promise<Children> {
  const children: (NewSource & { id: string })[] = [];
  const bySha = new Map<string, string>();
  const byPath = new Map<string, string>();
  const skipped: string[] = [];
  for (const [index, file] of files.entries()) {
    if (context.cancelled()) return undefined;
    if (files.length > 3) context.stage(`Reading file ${index + 1} of ${files.length} inside`);
    let bytes: Uint8Array;
    if (typeof file.bytes === 'function') {
      const inflated = file.bytes();
      if (!inflated.ok) {
        // A lying size is a bomb: refuse the whole archive. Other damage skips the one entry.
        if (/lies about its contents/.test(inflated.reason)) return { refused: inflated.reason };
        skipped.push(`Not taken out: ${inflated.reason}`);
        continue;
      }
      bytes = inflated.data;
    } else bytes = file.bytes;
    const sha256 = await context.sha256(bytes);
    const seen = bySha.get(sha256);
    if (seen) {
      byPath.set(file.path, seen);
      continue;
    }
    const child = await prepareChild(
      {
        name: file.name,
        path: file.path,
        ...(file.mediaType ? { mediaType: file.mediaType } : {}),
        bytes,
        sha256,
        origin,
      },
      context,
    );
    bySha.set(sha256, child.id);
    byPath.set(file.path, child.id);
    children.push(child);
  }
  return { children, byPath, skipped };
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
      (input.origin === 'clipboard'
        ? `Pasted screenshot ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`
        : titleFromFileName(input.name)),
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
      const ocr = await ocrPool().recognize(image.ocrInput, context.cancelled);
      source.text = ocr.text;
      source.textKind = 'ocr';
      source.words = ocr.words;
      (source.metadata as Record<string, unknown>).ocr = {
        engine: 'tesseract.js 7, English (LSTM)',
        confidence: Math.round(ocr.confidence),
        seconds: Math.round(ocr.millis) / 1000,
      };
      notes.push(
        ocr.text ? `${plural(ocr.words.length, 'word')} recognised` : 'no text recognised',
      );
      if (!ocr.text) warnings.push('No text was recognised in this image.');
    } catch (cause) {
      if (cause instanceof OcrCancelledError) return CANCELLED;
      warnings.push(
        `Text recognition failed (${errorMessage(cause)}). The image is kept; use “Recognize text” to try again.`,
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
      reason: `This email could not be read (${errorMessage(cause)}).`,
    };
  }
  const subjects = threadEmails([email]);
  const attachments = await prepareChildren(
    email.attachments.map((a: EmailAttachment) => ({
      name: a.name,
      path: a.name,
      mediaType: a.mediaType,
      bytes: a.bytes,
    })),
    'attachment',
    context,
  );
  if (!attachments) return CANCELLED;
  if ('refused' in attachments) return { ok: false, reason: attachments.refused };
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
  const notes = attachments.children.length
    ? [`${plural(attachments.children.length, 'attachment')}`]
    : [];
  return {
    ok: true,
    tree: { source, messages: [email.draft], children: attachments.children },
    notes,
  };
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
    (entry): entry is ZipEntry & { name: string } =>
      entry.name !== undefined && !isSystemEntry(entry.name),
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
  const chat = await prepareChatZip(input, usable, context);
  if (chat) {
    if (chat.ok) chat.tree.source.warnings = [...warnings, ...(chat.tree.source.warnings ?? [])];
    return chat;
  }
  const prepared = await prepareChildren(
    usable.map((entry) => ({
      name: baseName(entry.name),
      path: entry.name,
      bytes: () => extractZipEntry(input.bytes, entry),
    })),
    'archive',
    context,
  );
  if (!prepared) return CANCELLED;
  if ('refused' in prepared) return { ok: false, reason: prepared.refused };
  warnings.push(...prepared.skipped);
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

/** A chat export as a tree, with the export's own file as the source. */
function chatPrepared(
  input: FileInput,
  mediaType: string,
  chat: ParsedChat,
  attachments: ChatAttachmentSource[] = [],
): Prepared {
  const { tree, notes } = chatTree(
    {
      name: input.name,
      ...(input.title ? { title: input.title } : {}),
      mediaType,
      sha256: input.sha256,
      origin: input.origin,
      bytes: blobOf(input.bytes, mediaType),
      ...(input.provenance ? { provenance: input.provenance } : {}),
    },
    chat,
    attachments,
  );
  return { ok: true, tree, notes };
}

async function prepareJsonFile(input: FileInput, context: PrepareContext): Promise<Prepared> {
  if (input.bytes.length === 0) {
    return { ok: false, reason: 'The file is empty (0 bytes): there is nothing to import.' };
  }
  if (input.bytes.length > MAX_JSON_BYTES) {
    return {
      ok: false,
      reason: `This JSON file is ${Math.round(input.bytes.length / 1024 / 1024)} MB; Casefile reads JSON files of up to ${MAX_JSON_BYTES / 1024 / 1024} MB (reading one takes several times its size in memory). Split the export, or export one chat at a time.`,
    };
  }
  const decoded = decodeText(input.bytes);
  if (!decoded.ok) return decoded;
  context.stage('Reading the chat export');
  const parsed = parseChatExport({ fileName: input.name, text: decoded.text });
  if (!parsed.ok) {
    // Layouts are told from the start of the file; a broken file is better told as broken.
    try {
      JSON.parse(decoded.text);
    } catch (cause) {
      return {
        ok: false,
        reason: `This JSON file is malformed (${errorMessage(cause)}), so it was not imported: it may be cut short or damaged.`,
      };
    }
    return parsed;
  }
  if (context.cancelled()) return CANCELLED;
  return chatPrepared(input, 'application/json', parsed.chat);
}

/**
 * A zip that is a chat export (WhatsApp with media, Slack, Telegram, Signal, Messenger,
 * Instagram): its text entries parsed, and every file a message names stored as a child source
 * linked from its message. Undefined when the zip is no chat export.
 */
async function prepareChatZip(
  input: FileInput,
  entries: (ZipEntry & { name: string })[],
  context: PrepareContext,
): Promise<Prepared | undefined> {
  const detected = detectChatZip(
    input.name,
    entries.map((entry) => entry.name),
  );
  if (detected.format === 'unknown') return undefined;
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const texts = new Map<string, string>();
  for (const path of detected.textEntries) {
    const entry = byName.get(path);
    if (!entry) continue;
    const extracted = extractZipEntry(input.bytes, entry);
    if (!extracted.ok) return { ok: false, reason: extracted.reason };
    const decoded = decodeText(extracted.data);
    texts.set(path, decoded.ok ? decoded.text : '');
  }
  context.stage('Reading the chat export');
  const parsed = parseChatExport({ fileName: input.name, entries: texts, format: detected.format });
  if (!parsed.ok) return parsed;
  const links = listChatAttachments(
    parsed.chat,
    entries.map((entry) => entry.name),
  ).filter((link) => link.entryPath !== undefined && !link.omitted);
  const paths = [...new Set(links.map((link) => link.entryPath as string))];
  const prepared = await prepareChildren(
    paths.map((path) => ({
      name: baseName(path),
      path,
      bytes: () => extractZipEntry(input.bytes, byName.get(path) as ZipEntry),
    })),
    'attachment',
    context,
  );
  if (!prepared) return CANCELLED;
  if ('refused' in prepared) return { ok: false, reason: prepared.refused };
  parsed.chat.warnings.push(...prepared.skipped);
  const attachments: ChatAttachmentSource[] = [];
  const childById = new Map(prepared.children.map((child) => [child.id, child]));
  for (const link of links) {
    const id = prepared.byPath.get(link.entryPath as string);
    const child = id ? childById.get(id) : undefined;
    if (child) attachments.push({ name: link.name, child });
  }
  return chatPrepared(input, 'application/zip', parsed.chat, attachments);
}

/** Bytes as a string of the same length, one character per byte, so nothing is lost. */
function bytesToBinaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return out;
}

function binaryStringToBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/**
 * An mbox: split into its emails (the splitter keeps a body line starting with "From " inside its
 * email), each read like an .eml with its own charset, grouped into threads; one source, one
 * message per email, attachments as child sources. The mbox is split as bytes (one character per
 * byte), so each email reaches the MIME parser exactly as it is in the file.
 */
async function prepareMboxFile(input: FileInput, context: PrepareContext): Promise<Prepared> {
  if (input.bytes.length === 0) {
    return { ok: false, reason: 'The file is empty (0 bytes): there is nothing to import.' };
  }
  context.stage('Splitting the mailbox');
  const split = splitMbox(bytesToBinaryString(input.bytes));
  if (split.messages.length === 0) {
    return { ok: false, reason: `This mailbox holds no email. ${split.warnings.join(' ')}`.trim() };
  }
  const emails: ReadEmail[] = [];
  const warnings = [...split.warnings];
  for (const [index, message] of split.messages.entries()) {
    if (context.cancelled()) return CANCELLED;
    if (index % 10 === 0) context.stage(`Reading email ${index + 1} of ${split.messages.length}`);
    try {
      emails.push(await readEmail(binaryStringToBytes(message.raw), emails.length));
    } catch (cause) {
      warnings.push(
        `Email ${index + 1} (${message.separator.slice(0, 80)}) could not be read: ${errorMessage(cause)}`,
      );
    }
  }
  const subjects = threadEmails(emails);
  const files: ChildFile[] = [];
  emails.forEach((email, e) => {
    email.attachments.forEach((attachment, a) => {
      files.push({
        name: attachment.name,
        path: `${e}/${a}/${attachment.name}`,
        mediaType: attachment.mediaType,
        bytes: attachment.bytes,
      });
    });
  });
  if (files.length > MAX_CHILDREN) {
    return {
      ok: false,
      reason: `This mailbox has ${plural(files.length, 'attachment')}; Casefile takes up to ${MAX_CHILDREN.toLocaleString('en-GB')} from one file.`,
    };
  }
  const prepared = await prepareChildren(files, 'attachment', context);
  if (!prepared) return CANCELLED;
  if ('refused' in prepared) return { ok: false, reason: prepared.refused };
  emails.forEach((email, e) => {
    const contentIds: Record<string, string> = {};
    email.draft.attachments = email.attachments.map((attachment, a) => {
      const id = prepared.byPath.get(`${e}/${a}/${attachment.name}`);
      if (id && attachment.contentId) contentIds[attachment.contentId] = id;
      return id ? { name: attachment.name, sourceId: id } : { name: attachment.name };
    });
    if (email.draft.attachments.length === 0) delete email.draft.attachments;
    if (Object.keys(contentIds).length) email.draft.extra = { ...email.draft.extra, contentIds };
    for (const warning of email.warnings) if (!warnings.includes(warning)) warnings.push(warning);
  });
  const source: NewSource = {
    kind: 'email',
    title: input.title?.trim() || titleFromFileName(input.name).replace(/\.mbox$/i, ''),
    fileName: input.name,
    mediaType: 'application/mbox',
    sha256: input.sha256,
    origin: input.origin,
    bytes: blobOf(input.bytes, 'application/mbox'),
    metadata: { email: { threads: Object.fromEntries(subjects), count: emails.length } },
    warnings,
  };
  if (input.provenance) source.provenance = input.provenance;
  const notes = [plural(emails.length, 'email'), plural(subjects.size, 'thread')];
  if (prepared.children.length) notes.push(plural(prepared.children.length, 'attachment'));
  return {
    ok: true,
    tree: { source, messages: emails.map((email) => email.draft), children: prepared.children },
    notes,
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
      return prepareJsonFile(input, context);
    case 'mbox':
      return prepareMboxFile(input, context);
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
        bytes: blobOf(
          input.bytes,
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ),
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
      const chatWarnings: string[] = [];
      if (prepared.kind === 'text' && input.origin !== 'paste') {
        const detected = detectChatFormat(input.name, prepared.text);
        if (detected.format !== 'unknown') {
          context.stage('Reading the chat export');
          const parsed = parseChatExport({
            fileName: input.name,
            text: prepared.text,
            format: detected.format,
          });
          if (parsed.ok) {
            const result = chatPrepared(input, prepared.mediaType, parsed.chat);
            if (result.ok) {
              result.tree.source.encoding = prepared.encoding;
              result.tree.source.warnings = [
                ...prepared.warnings,
                ...(result.tree.source.warnings ?? []),
              ];
            }
            return result;
          }
          chatWarnings.push(
            `This file looks like a chat export but could not be read as one, so it was imported as text: ${parsed.reason}`,
          );
        }
      }
      const source: NewSource = {
        kind: prepared.kind,
        title: input.title?.trim() || prepared.title,
        mediaType: prepared.mediaType,
        sha256: input.sha256,
        origin: input.origin,
        bytes: blobOf(input.bytes, prepared.mediaType),
        text: prepared.text,
        encoding: prepared.encoding,
        warnings: [...prepared.warnings, ...chatWarnings],
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
