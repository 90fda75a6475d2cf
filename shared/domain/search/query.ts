import { STOP_WORDS, termsOf } from './tokens';

/** The longest query read; the rest is ignored (and the reporter is told). */
export const MAX_QUERY_LENGTH = 500;
/** At most this many words are looked up. */
export const MAX_QUERY_TERMS = 12;

/** A search query as typed, read into words and quoted phrases. */
export interface ParsedQuery {
  /** Folded words to look up in the index (stop words left out), each once. */
  terms: string[];
  /** Quoted phrases, as folded words in order (stop words kept): every one must occur as is. */
  phrases: string[][];
  /** Words typed after the last space, still being typed: matched as a prefix. */
  truncated: boolean;
  /** True when nothing searchable is left (only stop words, punctuation or emoji). */
  empty: boolean;
}

/**
 * Reads a query: "quoted phrases" must occur as written (case and accents aside), other words must
 * all occur somewhere. Anything else is plain text: regex or index syntax (`*`, `~`, `(`, `:`,
 * `\`) means nothing special and never fails. Queries longer than {@link MAX_QUERY_LENGTH}
 * characters or {@link MAX_QUERY_TERMS} words are cut.
 */
export function parseQuery(input: string): ParsedQuery {
  const truncated = input.length > MAX_QUERY_LENGTH;
  const text = input.slice(0, MAX_QUERY_LENGTH);
  const phrases: string[][] = [];
  const loose: string[] = [];
  const quote = /["“”„«»]([^"“”„«»]*)["“”„«»]?/gu;
  let last = 0;
  for (const match of text.matchAll(quote)) {
    loose.push(text.slice(last, match.index));
    const words = termsOf(match[1] ?? '');
    if (words.length > 1) phrases.push(words);
    else if (words.length === 1) loose.push(words[0] as string);
    last = match.index + match[0].length;
  }
  loose.push(text.slice(last));
  const terms: string[] = [];
  const add = (term: string) => {
    if (!STOP_WORDS.has(term) && !terms.includes(term)) terms.push(term);
  };
  for (const phrase of phrases) phrase.forEach(add);
  for (const part of loose) termsOf(part).forEach(add);
  const cut = terms.length > MAX_QUERY_TERMS;
  return {
    terms: terms.slice(0, MAX_QUERY_TERMS),
    phrases: phrases.slice(0, 4),
    truncated: truncated || cut,
    empty: terms.length === 0,
  };
}

/** Whether `term` is matched as a prefix of longer words (short words are not). */
export function usesPrefix(term: string): boolean {
  return term.length >= 3;
}

/** How many typos a term tolerates: one from four characters on, none for numbers. */
export function typosAllowed(term: string): number {
  return term.length >= 4 && !/^\d+$/.test(term) ? 1 : 0;
}
