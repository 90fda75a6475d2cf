/**
 * Small pieces every chat-export parser uses: reading untrusted JSON values, writing ISO times,
 * guessing what kind of file an attachment is, repairing Facebook's mojibake, linking replies.
 */
import type { ParsedAttachment, ParsedConversation, ParsedMessage } from './types';

/** A plain JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it is a non-empty string; numbers are written out; anything else is undefined. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The value as a finite number (numeric strings included), or undefined. */
export function num(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** "00".."99", so that writing 100,000 timestamps does not call padStart 600,000 times. */
export const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) =>
  i < 10 ? `0${i}` : String(i),
);

/** Milliseconds since 1970 as "2020-04-14T13:00:00Z" (or with ".123" when there are ms). */
export function isoFromEpochMs(ms: number): string | undefined {
  // Date covers ±8.64e15 ms; beyond that (or NaN) there is no time to write.
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** An ISO time with an offset ("2018-05-20T16:09:44.209+02:00") normalised to UTC ("…Z"). */
export function isoToUtc(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    return undefined;
  }
  return isoFromEpochMs(Date.parse(text));
}

const IMAGE_EXT = new Set([
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
  'heic',
  'heif',
  'bmp',
  'tif',
  'tiff',
  'avif',
]);
const VIDEO_EXT = new Set(['mp4', 'mov', 'm4v', '3gp', 'mkv', 'webm', 'avi', 'mpeg', 'mpg']);
const AUDIO_EXT = new Set(['opus', 'ogg', 'oga', 'mp3', 'm4a', 'aac', 'wav', 'flac', 'amr']);

/** What kind of file a name suggests, from its extension (and WhatsApp's naming). */
export function attachmentKindOf(name: string, mediaType?: string): ParsedAttachment['kind'] {
  if (mediaType) {
    if (mediaType.startsWith('image/')) return 'image';
    if (mediaType.startsWith('video/')) return 'video';
    if (mediaType.startsWith('audio/')) return 'audio';
    if (mediaType === 'text/vcard' || mediaType === 'text/x-vcard') return 'contact';
  }
  const upper = name.toUpperCase();
  if (upper.includes('-STICKER-') || upper.startsWith('STK-')) return 'sticker';
  const dot = name.lastIndexOf('.');
  const ext = dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (ext === 'webp' && upper.includes('STICKER')) return 'sticker';
  if (IMAGE_EXT.has(ext)) return 'image';
  if (VIDEO_EXT.has(ext)) return 'video';
  if (AUDIO_EXT.has(ext)) return 'audio';
  if (ext === 'vcf') return 'contact';
  return 'file';
}

/**
 * Facebook's "Download your information" JSON stores UTF-8 bytes as if each were a Latin-1
 * character ("Ã©" for "é"). This undoes that when, and only when, the whole string is such a byte
 * sequence that decodes as strict UTF-8; anything else (a real "Ã", a lone "é") is left alone.
 */
export function repairMojibake(text: string): string {
  let high = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return text;
    if (c >= 0x80) high = true;
  }
  if (!high) return text;
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const b0 = text.charCodeAt(i);
    if (b0 < 0x80) {
      out += text[i];
      i += 1;
      continue;
    }
    let need: number;
    let cp: number;
    let min: number;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      need = 1;
      cp = b0 & 0x1f;
      min = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      need = 2;
      cp = b0 & 0x0f;
      min = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      need = 3;
      cp = b0 & 0x07;
      min = 0x10000;
    } else {
      return text;
    }
    if (i + need >= n) return text;
    for (let k = 1; k <= need; k += 1) {
      const b = text.charCodeAt(i + k);
      if (!(b >= 0x80 && b <= 0xbf)) return text;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return text;
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/**
 * Fills `replyToSeq` from `replyToExportId` where the message replied to is in the same
 * conversation; a reply to a message that is not in the export keeps only the export id.
 */
export function linkReplies(conversation: ParsedConversation): void {
  let seqById: Map<string, number> | undefined;
  for (const message of conversation.messages) {
    if (message.replyToExportId === undefined) continue;
    if (!seqById) {
      seqById = new Map();
      for (const m of conversation.messages) {
        if (m.exportId !== undefined && !seqById.has(m.exportId)) seqById.set(m.exportId, m.seq);
      }
    }
    const seq = seqById.get(message.replyToExportId);
    if (seq !== undefined && seq !== message.seq) message.replyToSeq = seq;
  }
}

/** The distinct senders of the messages people wrote, in order of first appearance. */
export function participantsOf(
  messages: readonly ParsedMessage[],
  known: readonly string[] = [],
): string[] {
  const seen = new Set<string>(known);
  const out = [...known];
  for (const m of messages) {
    if (m.sender !== undefined && !m.system && !seen.has(m.sender)) {
      seen.add(m.sender);
      out.push(m.sender);
    }
  }
  return out;
}

/** Numbers the messages 0, 1, 2… in their current order. */
export function renumber(messages: ParsedMessage[]): void {
  for (let i = 0; i < messages.length; i += 1) messages[i]!.seq = i;
}

/** The file name without its folders and extension. */
export function baseName(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The file name without its folders. */
export function fileNameOf(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(slash + 1);
}

/** Describes a count in words: "1 message", "3 messages". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** Caps a list of examples for a warning: "a, b, c and 4 more". */
export function examples(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).map((s) => `“${s.length > 60 ? `${s.slice(0, 57)}…` : s}”`);
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}
