/**
 * Folding text for matching names and search terms while keeping track of where every folded
 * character came from, so that a match in the folded text can be mapped back to the original.
 *
 * Folding works code point by code point (so that offsets can be kept): lower case, compatibility
 * decomposition with the combining marks dropped ("É" → "e", "ﬁ" → "fi"), zero-width characters
 * dropped, every kind of space (no-break, thin, figure) made a plain space and runs of spaces
 * collapsed. The same function folds names and texts, so a name and its occurrence always fold
 * alike.
 */

/** A text folded for matching, with the original range of each folded UTF-16 unit. */
export interface FoldedText {
  text: string;
  /** For each folded unit, the offset in the original text where its code point starts. */
  starts: Int32Array;
  /** For each folded unit, the offset in the original text where its code point ends. */
  ends: Int32Array;
}

const ZERO_WIDTH = /^[\u200b-\u200d\u2060\ufeff\u00ad]$/;
const SPACE = /^[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;
const MARKS = /\p{M}+/gu;

const cache = new Map<string, string>();

/** How one code point folds ('' when it disappears, ' ' for any space). */
export function foldCodePoint(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 128) {
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    if (code === 9 || code === 10 || code === 11 || code === 12 || code === 13) return ' ';
    return char;
  }
  let folded = cache.get(char);
  if (folded === undefined) {
    if (ZERO_WIDTH.test(char)) folded = '';
    else if (SPACE.test(char)) folded = ' ';
    else {
      folded = char.normalize('NFKD').replace(MARKS, '').toLowerCase();
      // Final sigma folds like any sigma, so a Greek name matches at the end of a word too.
      folded = folded.replace(/ς/g, 'σ');
    }
    if (cache.size < 50_000) cache.set(char, folded);
  }
  return folded;
}

/** Folds a text, keeping the original range of each folded unit. */
export function foldWithOffsets(text: string): FoldedText {
  const length = text.length;
  let out = '';
  // Most texts fold to about their own length; the arrays grow when they do not.
  let starts = new Int32Array(length + 8);
  let ends = new Int32Array(length + 8);
  let n = 0;
  let lastSpace = true; // drop leading spaces
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    let width = 1;
    let folded: string;
    if (code < 128) {
      if (code >= 65 && code <= 90) folded = String.fromCharCode(code + 32);
      else if (code === 32 || (code >= 9 && code <= 13)) folded = ' ';
      else folded = text[i] as string;
    } else {
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) width = 2;
      folded = foldCodePoint(text.slice(i, i + width));
    }
    if (folded === ' ') {
      if (!lastSpace) {
        out += ' ';
        if (n >= starts.length) ({ starts, ends } = grow(starts, ends));
        starts[n] = i;
        ends[n] = i + width;
        n += 1;
        lastSpace = true;
      }
    } else if (folded.length > 0) {
      out += folded;
      for (let k = 0; k < folded.length; k += 1) {
        if (n >= starts.length) ({ starts, ends } = grow(starts, ends));
        starts[n] = i;
        ends[n] = i + width;
        n += 1;
      }
      lastSpace = false;
    }
    i += width;
  }
  return { text: out, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

function grow(
  starts: Int32Array<ArrayBuffer>,
  ends: Int32Array<ArrayBuffer>,
): { starts: Int32Array<ArrayBuffer>; ends: Int32Array<ArrayBuffer> } {
  const s = new Int32Array(starts.length * 2);
  const e = new Int32Array(ends.length * 2);
  s.set(starts);
  e.set(ends);
  return { starts: s, ends: e };
}

/** Folds a name or a search term: {@link foldWithOffsets} without the offsets, trimmed. */
export function foldTerm(text: string): string {
  return foldWithOffsets(text).text.trim();
}

const WORD = /[\p{L}\p{N}]/u;
const wordCache = new Map<number, boolean>();

/**
 * Scripts written without spaces between words (Han, kana, Hangul, Thai, Lao, Khmer, Myanmar):
 * a name inside such text has no word boundary to check.
 */
export function isUnspacedScript(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0x0e00 && code <= 0x0eff) ||
    (code >= 0x1780 && code <= 0x17ff) ||
    (code >= 0x1000 && code <= 0x109f)
  );
}

/**
 * True for a UTF-16 unit that is part of a word in a spaced script (a letter or a digit), which is
 * what a word boundary must not cut through. Surrogates (emoji, mostly) do not count.
 */
export function isWordUnit(code: number): boolean {
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  }
  if (code >= 0xd800 && code <= 0xdfff) return false;
  if (isUnspacedScript(code)) return false;
  let known = wordCache.get(code);
  if (known === undefined) {
    known = WORD.test(String.fromCharCode(code));
    wordCache.set(code, known);
  }
  return known;
}
