import { foldTerm, foldWithOffsets, isUnspacedScript, isWordUnit } from './textFold';

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
        this.idsOfTerm.push([]);
        this.insert(term, index);
      }
      const ids = this.idsOfTerm[index] as string[];
      if (!ids.includes(pattern.id)) ids.push(pattern.id);
    }
    this.link();
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

  /** Every non-overlapping occurrence of the names in `text`, in order. */
  find(text: string): NameHit[] {
    if (this.terms.length === 0 || text.length === 0) return [];
    const folded = foldWithOffsets(text);
    const f = folded.text;
    const candidates: { start: number; end: number; term: number }[] = [];
    let state = 0;
    for (let i = 0; i < f.length; i += 1) {
      const code = f.charCodeAt(i);
      let to = (this.next[state] as Map<number, number>).get(code);
      while (to === undefined && state > 0) {
        state = this.fail[state] as number;
        to = (this.next[state] as Map<number, number>).get(code);
      }
      state = to ?? 0;
      if (state === 0) continue;
      let out = (this.terminal[state] as number) >= 0 ? state : (this.outputLink[state] as number);
      while (out >= 0) {
        const term = this.terminal[out] as number;
        const length = (this.terms[term] as string).length;
        const start = i - length + 1;
        if (this.onBoundary(f, start, i + 1)) candidates.push({ start, end: i + 1, term });
        out = this.outputLink[out] as number;
      }
    }
    if (candidates.length === 0) return [];
    // Longest first at each start, then keep those that do not overlap one already kept.
    candidates.sort((a, b) => a.start - b.start || b.end - a.end);
    const hits: NameHit[] = [];
    let reach = -1;
    for (const c of candidates) {
      if (c.start < reach) continue;
      reach = c.end;
      hits.push({
        start: folded.starts[c.start] as number,
        end: folded.ends[c.end - 1] as number,
        term: this.terms[c.term] as string,
        ids: [...(this.idsOfTerm[c.term] as string[])],
      });
    }
    return hits;
  }

  private onBoundary(f: string, start: number, end: number): boolean {
    const first = f.charCodeAt(start);
    const last = f.charCodeAt(end - 1);
    if (start > 0 && !isUnspacedScript(first)) {
      const before = f.charCodeAt(start - 1);
      if (isWordUnit(before) && isWordUnit(first)) return false;
    }
    if (end < f.length && !isUnspacedScript(last)) {
      const after = f.charCodeAt(end);
      if (isWordUnit(after) && isWordUnit(last)) return false;
    }
    return true;
  }
}
