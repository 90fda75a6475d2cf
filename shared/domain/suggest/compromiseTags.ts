import nlp from 'compromise';

/**
 * compromise's tagger, run on one sentence at a time and only when the name finder cannot decide
 * a word from cheaper evidence (a capitalised word no dictionary knows, starting a sentence).
 * Sentences are cached: chats repeat themselves.
 */

const CACHE_LIMIT = 5_000;
const cache = new Map<string, { start: number; end: number; tags: Set<string> }[]>();

/** How many sentences compromise has tagged (for benchmarks). */
export const compromiseStats = { sentences: 0, cached: 0 };

function tagSentence(sentence: string): { start: number; end: number; tags: Set<string> }[] {
  const hit = cache.get(sentence);
  if (hit) {
    compromiseStats.cached += 1;
    return hit;
  }
  compromiseStats.sentences += 1;
  let terms: { start: number; end: number; tags: Set<string> }[] = [];
  try {
    const json = nlp(sentence).json({ offset: true, terms: { offset: true } }) as {
      terms: { tags: string[]; offset?: { start: number; length: number } }[];
    }[];
    terms = json.flatMap((s) =>
      s.terms
        .filter((t) => t.offset)
        .map((t) => ({
          start: t.offset!.start,
          end: t.offset!.start + t.offset!.length,
          tags: new Set(t.tags),
        })),
    );
  } catch {
    terms = [];
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(sentence, terms);
  return terms;
}

/**
 * The tags compromise gives the word at `start`–`end` of `text`, reading only the sentence (at
 * most the line, 400 characters either side) around it; undefined when it finds no such word.
 */
export function sentenceTags(text: string, start: number, end: number): Set<string> | undefined {
  let from = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 400);
  const stop = /[.!?]\s+(?=\S)/gu;
  stop.lastIndex = from;
  for (let m = stop.exec(text); m && m.index + m[0].length <= start; m = stop.exec(text))
    from = m.index + m[0].length;
  let to = text.indexOf('\n', end);
  if (to < 0) to = text.length;
  to = Math.min(to, end + 400);
  const afterStop = /[.!?](?=\s|$)/u.exec(text.slice(end, to));
  if (afterStop) to = end + afterStop.index + 1;
  const sentence = text.slice(from, to);
  const term = tagSentence(sentence).find((t) => t.start + from <= start && t.end + from >= end);
  return term?.tags;
}
