import { foldWithOffsets, isUnspacedScript } from '../textFold';

/**
 * Words too common to be worth indexing: leaving them out keeps the index small and a query
 * quick. A phrase in quotes still checks them against the text ("minister of transport").
 */
export const STOP_WORDS = new Set(
  (
    'a an and are as at be but by for from has have he her his i in is it its of on or she that ' +
    'the their them then there these they this to was we were which will with would you'
  ).split(' '),
);

/** A word of a text, folded, with where it stands in the original text. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]/u;
const wordish = new Map<number, boolean>();
function isWordCode(code: number): boolean {
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  }
  let known = wordish.get(code);
  if (known === undefined) {
    known = WORD.test(String.fromCharCode(code));
    wordish.set(code, known);
  }
  return known;
}

/**
 * Splits a text into folded words with their original offsets. Letters and digits make words;
 * in scripts written without spaces (Chinese, Japanese, Thai) each character is a word of its own,
 * so that a search for "北京" finds it inside a sentence.
 */
export function tokenize(text: string): Token[] {
  const folded = foldWithOffsets(text);
  const f = folded.text;
  const tokens: Token[] = [];
  let start = -1;
  const flush = (end: number) => {
    if (start >= 0) {
      tokens.push({
        term: f.slice(start, end),
        start: folded.starts[start] as number,
        end: folded.ends[end - 1] as number,
      });
      start = -1;
    }
  };
  for (let i = 0; i < f.length; i += 1) {
    const code = f.charCodeAt(i);
    if (isUnspacedScript(code)) {
      flush(i);
      tokens.push({
        term: f[i] as string,
        start: folded.starts[i] as number,
        end: folded.ends[i] as number,
      });
    } else if (isWordCode(code)) {
      if (start < 0) start = i;
    } else {
      flush(i);
    }
  }
  flush(f.length);
  return tokens;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 127) return false;
  return true;
}
const ASCII_SEPARATORS = /[^a-z0-9]+/;

/**
 * The folded words of a text, for the index (offsets are not needed there). Plain ASCII text, most
 * of it, takes a quicker path that gives the same words.
 */
export function termsOf(text: string): string[] {
  if (isAscii(text)) {
    const words = text.toLowerCase().split(ASCII_SEPARATORS);
    if (words[0] === '') words.shift();
    if (words[words.length - 1] === '') words.pop();
    return words;
  }
  return tokenize(text).map((t) => t.term);
}
