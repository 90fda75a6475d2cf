import approxSearch from 'approx-string-match';
import type { TextAnchor, TextScope } from '../schemas/anchor';

/** How much text either side of a quote is kept to tell its occurrences apart. */
export const CONTEXT_LENGTH = 32;

/** The longest quote kept; longer selections are refused rather than silently cut. */
export const MAX_QUOTE_LENGTH = 100_000;

/** Why a passage could not become an anchor. */
export class EmptySelectionError extends Error {
  constructor() {
    super('The selection covers no text. Select a passage in the source first.');
    this.name = 'EmptySelectionError';
  }
}

/**
 * Trims whitespace off both ends of a [start, end) range of `text`, since a selection that ends
 * in a space or a line break should quote the words, not the gaps.
 */
export function trimRange(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s] ?? '')) s += 1;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e -= 1;
  return { start: s, end: e };
}

/**
 * Makes an anchor for text[start, end): its position plus the quote with some context either side
 * (W3C TextPositionSelector + TextQuoteSelector). Throws {@link EmptySelectionError} when the range
 * holds nothing but whitespace.
 */
export function createTextAnchor(
  text: string,
  start: number,
  end: number,
  options: { revisionId?: string; scope?: TextScope; contextLength?: number } = {},
): TextAnchor {
  const range = trimRange(text, start, end);
  if (range.end <= range.start) throw new EmptySelectionError();
  if (range.end - range.start > MAX_QUOTE_LENGTH) {
    throw new RangeError(
      `That passage is ${range.end - range.start} characters long; quote at most ${MAX_QUOTE_LENGTH}.`,
    );
  }
  const context = options.contextLength ?? CONTEXT_LENGTH;
  const anchor: TextAnchor = {
    type: 'text',
    position: { start: range.start, end: range.end },
    quote: {
      exact: text.slice(range.start, range.end),
      prefix: text.slice(Math.max(0, range.start - context), range.start),
      suffix: text.slice(range.end, range.end + context),
    },
  };
  if (options.revisionId) anchor.revisionId = options.revisionId;
  if (options.scope) anchor.scope = options.scope;
  return anchor;
}

/** How an anchor was found in the text it was resolved against. */
export type AnchorMatch = 'position' | 'quote' | 'approximate';

/** Where an anchor lies in a (possibly changed) text. */
export interface ResolvedAnchor {
  start: number;
  end: number;
  match: AnchorMatch;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/** At most this many exact occurrences are weighed against each other. */
const MAX_CANDIDATES = 2_000;

/**
 * Finds an anchor's passage in `text`, which may have changed since the anchor was made:
 * 1. the quote still stands at its position;
 * 2. else the occurrence of the exact quote whose surrounding text best matches the stored prefix
 *    and suffix (ties go to the one nearest the old position);
 * 3. else, for quotes of 8 characters or more, the best approximate match with at most a fifth of
 *    its characters changed (an OCR correction of a word inside the quote).
 * Returns null when the passage is gone, so that the caller can flag the mention or citation.
 */
export function resolveTextAnchor(text: string, anchor: TextAnchor): ResolvedAnchor | null {
  const { exact, prefix, suffix } = anchor.quote;
  const { start, end } = anchor.position;
  if (end <= text.length && text.slice(start, end) === exact) {
    return { start, end, match: 'position' };
  }

  let best: { start: number; score: number } | undefined;
  let from = 0;
  let seen = 0;
  while (seen < MAX_CANDIDATES) {
    const at = text.indexOf(exact, from);
    if (at < 0) break;
    seen += 1;
    const before = text.slice(Math.max(0, at - prefix.length), at);
    const after = text.slice(at + exact.length, at + exact.length + suffix.length);
    const contextScore = commonSuffixLength(before, prefix) + commonPrefixLength(after, suffix);
    // Context outweighs distance; distance only breaks ties, scaled to stay below one character.
    const distance = Math.abs(at - start) / (text.length + 1);
    const score = contextScore - distance;
    if (!best || score > best.score) best = { start: at, score };
    from = at + 1;
  }
  if (best) return { start: best.start, end: best.start + exact.length, match: 'quote' };

  if (exact.length >= 8 && exact.length <= 2_000) {
    const maxErrors = Math.floor(exact.length / 5);
    // Look near the old position first: corrections rarely move text far.
    const windowStart = Math.max(0, start - 5_000);
    const windowEnd = Math.min(text.length, end + 5_000);
    const near = approxSearch(text.slice(windowStart, windowEnd), exact, maxErrors);
    const candidates =
      near.length > 0
        ? near.map((m) => ({ ...m, start: m.start + windowStart, end: m.end + windowStart }))
        : text.length <= 1_000_000
          ? approxSearch(text, exact, maxErrors)
          : [];
    let approximate: { start: number; end: number; score: number } | undefined;
    for (const match of candidates) {
      const before = text.slice(Math.max(0, match.start - prefix.length), match.start);
      const after = text.slice(match.end, match.end + suffix.length);
      const score =
        commonSuffixLength(before, prefix) +
        commonPrefixLength(after, suffix) -
        match.errors * 4 -
        Math.abs(match.start - start) / (text.length + 1);
      if (!approximate || score > approximate.score) {
        approximate = { start: match.start, end: match.end, score };
      }
    }
    if (approximate) {
      return { start: approximate.start, end: approximate.end, match: 'approximate' };
    }
  }
  return null;
}

/**
 * Moves an anchor onto a new text revision: the new position and the quote as it now reads (the
 * quote keeps what the text now says, since that is what a reader will see highlighted). Returns
 * null when the passage cannot be found.
 */
export function reanchor(
  text: string,
  anchor: TextAnchor,
  revisionId: string,
): { anchor: TextAnchor; match: AnchorMatch } | null {
  const found = resolveTextAnchor(text, anchor);
  if (!found) return null;
  const moved = createTextAnchor(text, found.start, found.end, {
    revisionId,
    ...(anchor.scope ? { scope: anchor.scope } : {}),
  });
  if (anchor.regions) moved.regions = anchor.regions;
  return { anchor: moved, match: found.match };
}

/** A few words either side of a passage, for lists of mentions and citations. */
export function contextAround(
  text: string,
  start: number,
  end: number,
  width = 60,
): { before: string; passage: string; after: string } {
  let from = Math.max(0, start - width);
  let to = Math.min(text.length, end + width);
  // Cut at word boundaries where one is near, so the context does not start mid-word.
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  const squash = (s: string): string => s.replace(/\s+/g, ' ');
  return {
    before: (from > 0 ? '…' : '') + squash(text.slice(from, start)),
    passage: squash(text.slice(start, end)),
    after: squash(text.slice(end, to)) + (to < text.length ? '…' : ''),
  };
}
