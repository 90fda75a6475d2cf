import type { TextEncoding } from '@shared/schemas/records';

/** The outcome of turning a file's bytes into text. */
export type DecodeResult =
  { ok: true; text: string; encoding: TextEncoding } | { ok: false; reason: string };

/** Text files larger than this are refused rather than freezing the reader. */
export const MAX_TEXT_BYTES = 512 * 1024 * 1024;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Guesses UTF-16 without a byte-order mark: ASCII-heavy UTF-16 has a zero in every other byte.
 * Returns the byte order when at least 40% of the even or odd bytes of the first 4 KB are zero
 * and the other half has almost none.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const pairs = length / 2;
  if (oddZeros / pairs > 0.4 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (evenZeros / pairs > 0.4 && oddZeros / pairs < 0.05) return 'utf-16be';
  return undefined;
}

/** True when a decoded text holds so many control characters that it cannot be meant as text. */
function looksBinary(text: string): boolean {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) controls += 1;
  }
  return controls > Math.max(2, sample.length * 0.01);
}

/** Line breaks become \n so that offsets mean the same thing whatever system wrote the file. */
function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Decodes a text file. A byte-order mark decides when there is one; otherwise UTF-16 is sniffed,
 * then strict UTF-8 is tried, and bytes that are not valid UTF-8 are read as Windows-1252 (the
 * superset of Latin-1 that Western European files use), saying so. Files with NUL bytes that are
 * not UTF-16 are refused as binary.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) {
    return { ok: false, reason: 'The file is empty (0 bytes): there is nothing to import.' };
  }
  if (bytes.length > MAX_TEXT_BYTES) {
    return {
      ok: false,
      reason: `The file is ${Math.round(bytes.length / 1024 / 1024)} MB; text files up to ${MAX_TEXT_BYTES / 1024 / 1024} MB can be imported.`,
    };
  }

  let label: string;
  let offset = 0;
  let assumed = false;
  let note: string | undefined;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    label = 'utf-8';
    offset = 3;
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    label = 'utf-16le';
    offset = 2;
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    label = 'utf-16be';
    offset = 2;
  } else {
    const utf16 = sniffUtf16(bytes);
    if (utf16) {
      label = utf16;
      assumed = true;
      note = `No byte-order mark; read as ${utf16 === 'utf-16le' ? 'UTF-16 little-endian' : 'UTF-16 big-endian'} from the pattern of its bytes.`;
    } else {
      if (bytes.indexOf(0) >= 0) {
        return {
          ok: false,
          reason:
            'This file holds binary data (NUL bytes), so it is not a text file, whatever its name says.',
        };
      }
      label = 'utf-8';
    }
  }

  const body = offset > 0 ? bytes.subarray(offset) : bytes;
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    if (label !== 'utf-8') {
      return {
        ok: false,
        reason: `The file says it is ${label.toUpperCase()} but its bytes are not.`,
      };
    }
    text = new TextDecoder('windows-1252').decode(body);
    label = 'windows-1252';
    assumed = true;
    note =
      'The file is not valid UTF-8, so it was read as Windows-1252 (Latin-1, Western European). If some letters look wrong, the original bytes are kept untouched.';
  }
  if (looksBinary(text)) {
    return {
      ok: false,
      reason:
        'This file is mostly control characters, so it is not a text file, whatever its name says.',
    };
  }
  const encoding: TextEncoding = { name: label, assumed };
  if (note) encoding.note = note;
  return { ok: true, text: normalizeNewlines(text), encoding };
}
