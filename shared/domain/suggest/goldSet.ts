import type { EntityType } from '../../schemas/records';

/** A span of a gold text, annotated by hand. */
export interface GoldSpan {
  start: number;
  end: number;
  text: string;
  type: EntityType;
}

/** A piece of a gold text that the suggester reads on its own (the whole text, or one message). */
export interface GoldUnit {
  start: number;
  end: number;
  /** Who wrote the message (chats only). */
  sender?: string;
}

/** A gold text: the plain text, its annotated spans and the pieces the suggester reads. */
export interface GoldDocument {
  text: string;
  spans: GoldSpan[];
  /** `text`: one unit, the whole text; `messages`: each line is a message `sender: text`. */
  mode: 'text' | 'messages';
  /** What the suggester is given, in order: the whole text, or each message's text. */
  units: GoldUnit[];
}

/** The groups precision and recall are reported for. */
export type EvaluationGroup = 'person' | 'organization' | 'location';

/** Which group an entity type counts in (companies and government bodies are organisations). */
export function groupOf(type: EntityType): EvaluationGroup | undefined {
  if (type === 'person') return 'person';
  if (type === 'organization' || type === 'company' || type === 'public-body')
    return 'organization';
  if (type === 'location') return 'location';
  return undefined;
}

const TYPES = new Set<EntityType>(['person', 'organization', 'company', 'public-body', 'location']);

const MODE_LINE = /^# mode: (text|messages)\s*$/;

/**
 * Reads a gold text: `[words]{type}` marks a span; lines starting with `#` are comments and are
 * left out of the text. `# mode: messages` makes each non-empty line a chat message written
 * `sender: text`, of which only the text is read by the suggester (and may hold spans).
 * Throws on malformed markup, naming the line.
 */
export function parseGold(source: string): GoldDocument {
  const all = source.split('\n');
  const modeLine = all.map((line) => MODE_LINE.exec(line)).find((m) => m !== null);
  const mode = (modeLine?.[1] as GoldDocument['mode'] | undefined) ?? 'text';
  const lines = all.filter((line) => !line.startsWith('# ') && line !== '#');
  let text = '';
  const spans: GoldSpan[] = [];
  const units: GoldUnit[] = [];
  lines.forEach((line, lineIndex) => {
    const lineStart = text.length;
    const firstSpan = spans.length;
    let i = 0;
    while (i < line.length) {
      const ch = line[i] as string;
      if (ch === '[') {
        const close = line.indexOf(']{', i);
        const end = close >= 0 ? line.indexOf('}', close) : -1;
        if (close < 0 || end < 0)
          throw new Error(`Line ${lineIndex + 1}: a "[" without "]{type}" after it.`);
        const words = line.slice(i + 1, close);
        const type = line.slice(close + 2, end) as EntityType;
        if (!TYPES.has(type)) throw new Error(`Line ${lineIndex + 1}: unknown type "${type}".`);
        if (!words || words.includes('[')) throw new Error(`Line ${lineIndex + 1}: bad span.`);
        spans.push({ start: text.length, end: text.length + words.length, text: words, type });
        text += words;
        i = end + 1;
      } else {
        text += ch;
        i += 1;
      }
    }
    if (mode === 'messages' && text.length > lineStart) {
      const colon = text.indexOf(': ', lineStart);
      if (colon < 0) throw new Error(`Line ${lineIndex + 1}: a message needs "sender: text".`);
      const unitStart = colon + 2;
      if (spans.slice(firstSpan).some((span) => span.start < unitStart))
        throw new Error(`Line ${lineIndex + 1}: a span in the sender's name.`);
      const sender = text.slice(lineStart, colon);
      if (unitStart < text.length) units.push({ start: unitStart, end: text.length, sender });
    }
    if (lineIndex < lines.length - 1) text += '\n';
  });
  if (mode === 'text') units.push({ start: 0, end: text.length });
  return { text, spans, mode, units };
}

/**
 * Runs a suggester over a gold text as the app would: the whole text at once, or one message at a
 * time in order (the suggester is told the message, its sender and its index, so it may keep what
 * it learnt from earlier messages). Offsets come back in the whole text.
 */
export function predictGold<P extends PredictedSpan>(
  gold: GoldDocument,
  suggest: (text: string, unit: GoldUnit, unitIndex: number) => readonly P[],
): P[] {
  const out: P[] = [];
  gold.units.forEach((unit, index) => {
    for (const p of suggest(gold.text.slice(unit.start, unit.end), unit, index))
      out.push({ ...p, start: p.start + unit.start, end: p.end + unit.start });
  });
  return out;
}

/** A prediction to score: a span and the type it was given. */
export interface PredictedSpan {
  start: number;
  end: number;
  type: EntityType;
}

/** Counts and figures for one group. */
export interface GroupScore {
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

/** What the suggester got right and wrong on a gold text. */
export interface Evaluation {
  groups: Record<EvaluationGroup, GroupScore>;
  /** Gold spans not found with the right span and group. */
  missed: GoldSpan[];
  /** Predictions that match no gold span of their group. */
  wrong: (PredictedSpan & { text: string })[];
}

/**
 * Scores predictions against gold spans: a prediction is correct when its start, end and group
 * (person, organisation, location) equal a gold span's. Predictions of other types (emails,
 * phones) are not scored. Each gold span can be matched once.
 */
export function evaluate(gold: GoldDocument, predicted: readonly PredictedSpan[]): Evaluation {
  const goldKeys = new Map<string, GoldSpan>();
  for (const span of gold.spans) {
    const group = groupOf(span.type);
    if (group) goldKeys.set(`${span.start}:${span.end}:${group}`, span);
  }
  const matched = new Set<string>();
  const counts: Record<EvaluationGroup, { gold: number; predicted: number; correct: number }> = {
    person: { gold: 0, predicted: 0, correct: 0 },
    organization: { gold: 0, predicted: 0, correct: 0 },
    location: { gold: 0, predicted: 0, correct: 0 },
  };
  for (const span of gold.spans) {
    const group = groupOf(span.type);
    if (group) counts[group].gold += 1;
  }
  const wrong: Evaluation['wrong'] = [];
  const seen = new Set<string>();
  for (const p of predicted) {
    const group = groupOf(p.type);
    if (!group) continue;
    const key = `${p.start}:${p.end}:${group}`;
    if (seen.has(key)) continue; // the same prediction twice counts once
    seen.add(key);
    counts[group].predicted += 1;
    if (goldKeys.has(key) && !matched.has(key)) {
      matched.add(key);
      counts[group].correct += 1;
    } else {
      wrong.push({ ...p, text: gold.text.slice(p.start, p.end) });
    }
  }
  const score = (c: { gold: number; predicted: number; correct: number }): GroupScore => {
    const precision = c.predicted === 0 ? 1 : c.correct / c.predicted;
    const recall = c.gold === 0 ? 1 : c.correct / c.gold;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { ...c, precision, recall, f1 };
  };
  const missed = [...goldKeys.entries()].filter(([key]) => !matched.has(key)).map(([, s]) => s);
  return {
    groups: {
      person: score(counts.person),
      organization: score(counts.organization),
      location: score(counts.location),
    },
    missed,
    wrong,
  };
}
