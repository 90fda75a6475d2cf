import { foldCodePoint, foldTerm, isUnspacedScript, isWordUnit } from './textFold';

/** One name to look for, and what it names. */
export interface NamePattern {
  /** What the name belongs to (an entity id); several patterns may share one. */
  id: string;
  name: string;
}

/** An occurrence of one or more names in a text, in the original text's offsets. */
export interface NameHit {
  start: number;
  end: number;
  /** The folded name that matched. */
  term: string;
  /** Every id whose name or alias folds to this term (two entities may share a name). */
  ids: string[];
}

/** Names shorter than this (after folding) are not looked for: "a" or "x" would match everywhere. */
export const MIN_NAME_LENGTH = 2;

/**
 * Finds every occurrence of many names in a text in one pass over it (Aho–Corasick over the folded
 * text), case- and diacritic-insensitively, on word boundaries: "Kanter" is found in "Kanter's"
 * and "Kanter-led" but not in "Kanterson". In scripts written without spaces (Chinese, Japanese,
 * Thai) a name is found wherever it occurs.
 *
 * Where names overlap, the longest wins ("Ministry of Transport" over "Transport"); names of the
 * same length at the same place are reported together.
 */
export class NameMatcher {
  /** Transitions of each state, by UTF-16 unit. */
  private readonly next: Map<number, number>[] = [new Map()];
  private fail: Int32Array = new Int32Array(1);
  /** The pattern ending at a state (-1 for none), and the nearest suffix state that has one. */
  private terminal: number[] = [-1];
  private outputLink: Int32Array = new Int32Array(1);
  private readonly terms: string[] = [];
  private maxLength = 0;
  private ringCodes = new Int32Array(0);
  private readonly root = new Int32Array(65_536);
  private ringStarts = new Int32Array(0);
  private readonly idsOfTerm: string[][] = [];

  constructor(patterns: Iterable<NamePattern>) {
    const byTerm = new Map<string, number>();
    for (const pattern of patterns) {
      const term = foldTerm(pattern.name);
      if (term.length < MIN_NAME_LENGTH) continue;
      let index = byTerm.get(term);
      if (index === undefined) {
        index = this.terms.length;
        byTerm.set(term, index);
        this.terms.push(term);
        this.maxLength = Math.max(this.maxLength, term.length);
        this.idsOfTerm.push([]);
        this.insert(term, index);
      }
      const ids = this.idsOfTerm[index] as string[];
      if (!ids.includes(pattern.id)) ids.push(pattern.id);
    }
    this.link();
    for (const [code, to] of this.next[0] as Map<number, number>) this.root[code] = to;
  }

  /** How many distinct folded names the matcher looks for. */
  get size(): number {
    return this.terms.length;
  }

  private insert(term: string, index: number): void {
    let state = 0;
    for (let i = 0; i < term.length; i += 1) {
      const code = term.charCodeAt(i);
      const edges = this.next[state] as Map<number, number>;
      let to = edges.get(code);
      if (to === undefined) {
        to = this.next.length;
        this.next.push(new Map());
        this.terminal.push(-1);
        edges.set(code, to);
      }
      state = to;
    }
    this.terminal[state] = index;
  }

  /** Breadth-first: failure links and output links. */
  private link(): void {
    const count = this.next.length;
    this.fail = new Int32Array(count);
    this.outputLink = new Int32Array(count).fill(-1);
    const queue: number[] = [];
    for (const child of (this.next[0] as Map<number, number>).values()) {
      this.fail[child] = 0;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head += 1) {
      const state = queue[head] as number;
      for (const [code, child] of this.next[state] as Map<number, number>) {
        let f = this.fail[state] as number;
        while (f > 0 && !(this.next[f] as Map<number, number>).has(code))
          f = this.fail[f] as number;
        const target = (this.next[f] as Map<number, number>).get(code);
        const fallback = target !== undefined && target !== child ? target : 0;
        this.fail[child] = fallback;
        this.outputLink[child] =
          (this.terminal[fallback] as number) >= 0
            ? fallback
            : (this.outputLink[fallback] as number);
        queue.push(child);
      }
    }
  }

  /**
   * Every non-overlapping occurrence of the names in `text`, in order. The text is folded as it is
   * read, one code point at a time (no folded copy is made): a ring of the last folded units and
   * where they came from gives each match its original offsets and its word boundaries.
   */
  find(text: string): NameHit[] {
    if (this.terms.length === 0 || text.length === 0) return [];
    const size = this.maxLength + 2;
    const codes =
      this.ringCodes.length >= size ? this.ringCodes : (this.ringCodes = new Int32Array(size));
    const starts =
      this.ringStarts.length >= size ? this.ringStarts : (this.ringStarts = new Int32Array(size));
    const candidates: { start: number; end: number; term: number; folded: number }[] = [];
    let pending: { start: number; end: number; term: number; folded: number }[] = [];
    let state = 0;
    let n = 0; // folded units fed so far
    let lastWasSpace = true;
    const feed = (code: number, origStart: number, origEnd: number) => {
      // The unit after a pending match decides its end boundary.
      if (pending.length > 0) {
        for (const c of pending) {
          const last = codes[(c.folded - 1) % size] as number;
          if (isUnspacedScript(last) || !(isWordUnit(code) && isWordUnit(last))) candidates.push(c);
        }
        pending = [];
      }
      codes[n % size] = code;
      starts[n % size] = origStart;
      n += 1;
      let to = state === 0 ? undefined : (this.next[state] as Map<number, number>).get(code);
      while (to === undefined && state > 0) {
        state = this.fail[state] as number;
        to = state === 0 ? undefined : (this.next[state] as Map<number, number>).get(code);
      }
      // The root's transitions are a plain array: most units of a text leave the root at once.
      state = to ?? (this.root[code] as number);
      if (state === 0) return;
      let out = (this.terminal[state] as number) >= 0 ? state : (this.outputLink[state] as number);
      while (out >= 0) {
        const term = this.terminal[out] as number;
        const length = (this.terms[term] as string).length;
        const foldedStart = n - length;
        const first = codes[foldedStart % size] as number;
        let ok = true;
        if (foldedStart > 0 && !isUnspacedScript(first)) {
          const before = codes[(foldedStart - 1) % size] as number;
          if (isWordUnit(before) && isWordUnit(first)) ok = false;
        }
        if (ok)
          pending.push({
            start: starts[foldedStart % size] as number,
            end: origEnd,
            term,
            folded: n,
          });
        out = this.outputLink[out] as number;
      }
    };
    const length = text.length;
    let i = 0;
    while (i < length) {
      const code = text.charCodeAt(i);
      if (code < 128) {
        if (code >= 65 && code <= 90) {
          feed(code + 32, i, i + 1);
          lastWasSpace = false;
        } else if (code === 32 || (code >= 9 && code <= 13)) {
          if (!lastWasSpace) feed(32, i, i + 1);
          lastWasSpace = true;
        } else {
          feed(code, i, i + 1);
          lastWasSpace = false;
        }
        i += 1;
        continue;
      }
      const width = code >= 0xd800 && code <= 0xdbff && i + 1 < length ? 2 : 1;
      const folded = foldCodePoint(width === 1 ? (text[i] as string) : text.slice(i, i + 2));
      if (folded === ' ') {
        if (!lastWasSpace) feed(32, i, i + width);
        lastWasSpace = true;
      } else if (folded.length > 0) {
        for (let k = 0; k < folded.length; k += 1) feed(folded.charCodeAt(k), i, i + width);
        lastWasSpace = false;
      }
      i += width;
    }
    // Matches at the very end of the text end on a boundary.
    candidates.push(...pending);
    if (candidates.length === 0) return [];
    // Longest first at each start, then keep those that do not overlap one already kept.
    candidates.sort((a, b) => a.start - b.start || b.end - a.end);
    const hits: NameHit[] = [];
    let reach = -1;
    for (const c of candidates) {
      if (c.start < reach) continue;
      reach = c.end;
      hits.push({
        start: c.start,
        end: c.end,
        term: this.terms[c.term] as string,
        ids: [...(this.idsOfTerm[c.term] as string[])],
      });
    }
    return hits;
  }
}
