import { plain } from './lexicon';

/**
 * Words of a text with what the name finder needs to know about each: where it is, how it is
 * written, whether it starts a sentence (where a capital letter says nothing), whether its line is
 * written in capitals (a headline), and whether it ends in a possessive.
 */
export interface Token {
  /** Position in the token list. */
  index: number;
  /** Offsets of the word in the text, without a possessive ending. */
  start: number;
  end: number;
  text: string;
  /** Lower case without accents. */
  key: string;
  shape: 'title' | 'caps' | 'lower' | 'mixed' | 'number' | 'symbol';
  /** "Kanter's", "Democrats'". */
  possessive: boolean;
  /** First word of a sentence, a line, a quotation or a list item. */
  sentenceStart: boolean;
  /** The word's line is written in capitals (a headline): capitals say nothing there. */
  capsLine: boolean;
  /** The full stop right after the word belongs to it ("Mr.", "Ltd.", "J."). */
  abbreviation: boolean;
  /** Line number (from 0). */
  line: number;
}

// A/S; dotted abbreviations (U.S., S.A., d.o.o.); words with inner apostrophes (O'Brien,
// Kanter's); numbers; an ampersand.
const WORD =
  /\p{Lu}\/\p{Lu}(?![\p{L}\p{M}])|(?:\p{L}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*|\p{N}+(?:[.,:/]\p{N}+)*[\p{L}]*|&/gu;

/** Words whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st jr sr co inc ltd corp gen col capt lt sgt rep sen gov vs etc fig ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon esq dept est approx bros ' +
    'kft zrt nyrt pte pty bhd ltda lda sp fla calif tex mass wash ariz ave blvd rd cllr'
  ).split(' '),
);

/** Words that begin sentences: after an abbreviation's full stop, they show it also ended one. */
const SENTENCE_OPENERS = new Set(
  (
    'the a an he she it they we i his her its their this that these those there in on at but ' +
    'and so as if when while after before for from by with no yes our my your what who how why'
  ).split(' '),
);

const OPENING = /[“"‘«([]/u;
// List markers and quoting at the start of a line: "- ", "> ", "1. ", "(a) ", "iv) ".
const LINE_MARKER =
  /^[ \t]*(?:[-*•>·–—][ \t]*)*(?:(?:\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]|\([A-Z]\))[ \t]+)?/u;

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;

/** Whether one character (a UTF-16 unit or a pair) is upper case, lower case, or neither. */
function caseOf(code: number, char: string): 'upper' | 'lower' | 'none' {
  if (code < 128) {
    if (code >= 65 && code <= 90) return 'upper';
    if (code >= 97 && code <= 122) return 'lower';
    return 'none';
  }
  if (UPPER.test(char)) return 'upper';
  if (LOWER.test(char)) return 'lower';
  return 'none';
}

function shapeOf(word: string): Token['shape'] {
  const first = word.codePointAt(0) ?? 0;
  const firstChar = String.fromCodePoint(first);
  const firstCase = caseOf(first, firstChar);
  if (firstCase === 'none') {
    if (NUMBER.test(firstChar)) return 'number';
    if (!LETTER.test(firstChar)) return 'symbol';
  }
  let upper = 0;
  let letters = 0;
  for (const char of word) {
    const c = caseOf(char.codePointAt(0) ?? 0, char);
    if (c === 'upper') upper += 1;
    if (c !== 'none' || LETTER.test(char)) letters += 1;
  }
  if (firstCase === 'upper') return upper === letters && letters > 1 ? 'caps' : 'title';
  return upper > 0 ? 'mixed' : 'lower';
}

/** Whether a line is a headline in capitals (most of its letters upper case, a few words). */
function isCapsLine(line: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < line.length; i += 1) {
    const code = line.charCodeAt(i);
    const c = caseOf(code, line[i] as string);
    if (c === 'upper') upper += 1;
    else if (c === 'lower') lower += 1;
  }
  if (upper + lower < 6 || upper < 0.85 * (upper + lower)) return false;
  return (line.match(/\p{L}{2,}/gu) ?? []).length >= 2;
}

/** Splits a text into tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Lines: where each starts, whether it is in capitals, where its content starts.
  const lineStarts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const capsLines: boolean[] = [];
  const contentStarts: number[] = [];
  lineStarts.forEach((start, n) => {
    const end = n + 1 < lineStarts.length ? (lineStarts[n + 1] as number) - 1 : text.length;
    const line = text.slice(start, end);
    capsLines.push(isCapsLine(line));
    contentStarts.push(start + (LINE_MARKER.exec(line)?.[0].length ?? 0));
  });
  let line = 0;
  let previousEnd = 0;
  let previous: Token | undefined;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    let word = match[0];
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] as number) <= start) line += 1;
    const lineStart = lineStarts[line] as number;
    // A list marker ("1.", "(a)") is not a word of the sentence.
    if (start < (contentStarts[line] as number)) {
      previousEnd = start + word.length;
      continue;
    }
    let possessive = false;
    const poss = /['’]s$/u.exec(word);
    if (poss && word.length > 2) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (/s$/u.test(word) && /^['’](?![\p{L}])/u.test(text.slice(start + word.length))) {
      possessive = true; // "Democrats'"
    }
    const end = start + word.length;
    const gap = text.slice(Math.max(previousEnd, lineStart), start);
    // A new line starts a sentence as far as capitals go: in chats every line does, and a name at
    // the start of a wrapped line of a PDF is still found by the other evidence.
    let sentenceStart = previous === undefined || previous.line !== line;
    if (previous && !sentenceStart) {
      const stop = gap.startsWith('.') || previous.text.endsWith('.');
      if (/[!?…]/u.test(gap) || /:\s/u.test(gap) || OPENING.test(gap) || /\s[—–]\s/u.test(gap))
        sentenceStart = true;
      else if (stop && /^\.?["”’'»)]*\s/u.test(gap))
        // A full stop ends a sentence unless it belongs to an abbreviation or an initial, which
        // it does not when the next word is one that opens sentences.
        sentenceStart = !previous.abbreviation || SENTENCE_OPENERS.has(word.toLowerCase());
    }
    const key = plain(word);
    const dotted = text[end] === '.' && !possessive;
    const token: Token = {
      index: tokens.length,
      start,
      end,
      text: word,
      key,
      shape: shapeOf(word),
      possessive,
      sentenceStart,
      capsLine: capsLines[line] as boolean,
      abbreviation:
        word.endsWith('.') ||
        (dotted && (ABBREVIATIONS.has(key) || (word.length === 1 && /\p{Lu}/u.test(word)))),
      line,
    };
    tokens.push(token);
    previous = token;
    previousEnd = match.index + match[0].length;
  }
  return tokens;
}

/** The text between two neighbouring tokens. */
export function gapBetween(text: string, left: Token, right: Token): string {
  return text.slice(left.end, right.start);
}
