import { tokenize, type Token } from './tokens';
import { typosAllowed, usesPrefix } from './query';

/** A passage to show for a search hit, with the matching words marked. */
export interface Snippet {
  /** The passage (spaces squashed), with "…" where it was cut. */
  text: string;
  /** [start, end) of each marked word in `text`. */
  highlights: [number, number][];
  /** Where the first hit is in the original text, to open the source there. */
  hit?: { start: number; end: number } | undefined;
}

/** Levenshtein distance up to `max` (returns max + 1 beyond). */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (max === 0) return a === b;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return false;
    previous = current;
  }
  return (previous[b.length] as number) <= max;
}

/** Whether a word of the text matches a query term (exactly, as a prefix, or with one typo). */
export function termMatches(word: string, term: string): boolean {
  if (word === term) return true;
  if (usesPrefix(term) && word.startsWith(term)) return true;
  const typos = typosAllowed(term);
  if (typos === 0) return false;
  if (withinEdits(word, term, typos)) return true;
  // A prefix with a typo: "kantr" for "kanter's" is found by the index, so mark it too.
  return (
    usesPrefix(term) &&
    word.length > term.length &&
    withinEdits(word.slice(0, term.length), term, typos)
  );
}

/** Where each phrase occurs in the tokens, as [first token, last token] index pairs. */
export function findPhrases(
  tokens: readonly Token[],
  phrases: readonly string[][],
): [number, number][] {
  const found: [number, number][] = [];
  for (const phrase of phrases) {
    if (phrase.length === 0) continue;
    for (let i = 0; i + phrase.length <= tokens.length; i += 1) {
      let ok = true;
      for (let k = 0; k < phrase.length; k += 1) {
        const word = (tokens[i + k] as Token).term;
        const want = phrase[k] as string;
        // The last word of a phrase may be typed in part.
        if (!(
          word === want ||
          (k === phrase.length - 1 && usesPrefix(want) && word.startsWith(want))
        )) {
          ok = false;
          break;
        }
      }
      if (ok) found.push([i, i + phrase.length - 1]);
    }
  }
  return found;
}

/** Whether every phrase occurs in the text. */
export function containsPhrases(text: string, phrases: readonly string[][]): boolean {
  if (phrases.length === 0) return true;
  const tokens = tokenize(text);
  return phrases.every((phrase) => findPhrases(tokens, [phrase]).length > 0);
}

/**
 * The passage of `text` around the first hit, about `width` characters long, with every word
 * matching the query marked. Phrases are marked whole.
 */
export function makeSnippet(
  text: string,
  terms: readonly string[],
  phrases: readonly string[][] = [],
  width = 180,
): Snippet {
  const tokens = tokenize(text);
  const marks: [number, number][] = [];
  for (const [first, last] of findPhrases(tokens, phrases)) {
    marks.push([(tokens[first] as Token).start, (tokens[last] as Token).end]);
  }
  for (const token of tokens) {
    if (terms.some((term) => termMatches(token.term, term))) marks.push([token.start, token.end]);
  }
  marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const mark of marks) {
    const previous = merged[merged.length - 1];
    if (previous && mark[0] <= previous[1]) previous[1] = Math.max(previous[1], mark[1]);
    else merged.push([mark[0], mark[1]]);
  }
  const first = merged[0];
  const center = first ? first[0] : 0;
  let from = Math.max(0, center - Math.floor(width / 3));
  let to = Math.min(text.length, from + width);
  if (to - from < width) from = Math.max(0, to - width);
  // Start and end on word boundaries where one is near.
  if (from > 0) {
    const space = text.slice(from, center).search(/\s/);
    if (space >= 0) from += space + 1;
  }
  if (to < text.length) {
    const tail = text.slice(center, to);
    const space = tail.search(/\s\S*$/);
    if (space > 0) to = center + space;
  }
  // Never cut a surrogate pair in half.
  if (from > 0 && /[\udc00-\udfff]/.test(text[from] ?? '')) from -= 1;
  if (to < text.length && /[\udc00-\udfff]/.test(text[to] ?? '')) to += 1;
  let out = from > 0 ? '…' : '';
  const highlights: [number, number][] = [];
  let cursor = from;
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  for (const [start, end] of merged) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    out += squash(text.slice(cursor, s));
    const at = out.length;
    out += squash(text.slice(s, e));
    highlights.push([at, out.length]);
    cursor = e;
  }
  out += squash(text.slice(cursor, to));
  if (to < text.length) out += '…';
  return { text: out, highlights, hit: first ? { start: first[0], end: first[1] } : undefined };
}
