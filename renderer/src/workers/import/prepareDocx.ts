import { errorMessage } from '@shared/domain/errorMessage';
import mammoth from 'mammoth';
import { checkZipLimits, extractZipEntry, readZipDirectory } from '@shared/domain/archive/zip';

/** The text and properties of a Word document. */
export interface PreparedDocx {
  text: string;
  /** Core properties (title, creator, last modified by, dates) from docProps/core.xml. */
  properties: Record<string, string>;
  messages: string[];
}

const CORE_FIELDS: Record<string, string> = {
  'dc:title': 'title',
  'dc:subject': 'subject',
  'dc:creator': 'creator',
  'cp:lastModifiedBy': 'lastModifiedBy',
  'dcterms:created': 'created',
  'dcterms:modified': 'modified',
  'cp:revision': 'revision',
  'dc:description': 'description',
  'cp:keywords': 'keywords',
};

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** Reads docProps/core.xml: who wrote and last saved the document, and when. */
function coreProperties(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [tag, key] of Object.entries(CORE_FIELDS)) {
    const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
    const value = match?.[1] ? decodeEntities(match[1]).trim() : '';
    if (value) out[key] = value.slice(0, 500);
  }
  return out;
}

/**
 * Extracts a DOCX's text with mammoth. The archive is checked against the zip limits first (a DOCX
 * is a zip, and can be a zip bomb like any other), and its core properties are read for the
 * author names they may carry.
 */
export async function prepareDocx(
  bytes: Uint8Array,
): Promise<{ ok: true; docx: PreparedDocx } | { ok: false; reason: string }> {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) {
    return {
      ok: false,
      reason: 'This Word document is damaged or truncated (it is not a whole zip archive).',
    };
  }
  const limits = checkZipLimits(directory.entries);
  if (!limits.ok) return limits;
  if (!directory.entries.some((entry) => entry.name === 'word/document.xml')) {
    return {
      ok: false,
      reason: 'This file is a zip archive but not a Word document (it has no word/document.xml).',
    };
  }
  let properties: Record<string, string> = {};
  const core = directory.entries.find((entry) => entry.name === 'docProps/core.xml');
  if (core) {
    const extracted = extractZipEntry(bytes, core);
    if (extracted.ok) properties = coreProperties(new TextDecoder().decode(extracted.data));
  }
  try {
    const result = await mammoth.extractRawText({ arrayBuffer: bytes.slice().buffer });
    const text = result.value
      .replace(/\r\n?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    return {
      ok: true,
      docx: { text, properties, messages: result.messages.map((m) => m.message).slice(0, 20) },
    };
  } catch (cause) {
    return {
      ok: false,
      reason: `This Word document could not be read (${errorMessage(cause)}).`,
    };
  }
}
