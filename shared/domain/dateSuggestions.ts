import * as chrono from 'chrono-node';
import type { DatePoint, PartialDate } from '../schemas/partialDate';
import { daysInMonth } from '../schemas/partialDate';
import { formatPartialDate, parsePartialDate, precisionOf } from './partialDate';

/** A date the event form offers, with the words it was read from. */
export interface DateSuggestion {
  date: PartialDate;
  /** The words of the passage the date was read from, or a description of the source's date. */
  text: string;
  /** Where the date comes from: the passage itself, or the source's (message's) own date. */
  origin: 'passage' | 'source-date';
  /** How a relative or anaphoric date was worked out, for the reporter to check. */
  note?: string;
}

/** What {@link suggestDates} reads. */
export interface SuggestionInput {
  /** The quoted passage the event is made from. */
  passage: string;
  /** Text just before the passage, where "the same month" may find its month. */
  before?: string;
  /** When the source (the message, the email) itself was made, as it states it. */
  reference?: PartialDate;
  /** How to name the reference in notes and in its own suggestion: "the message's date". */
  referenceLabel?: string;
}

type Unit = 'day' | 'week' | 'month' | 'year';

interface Found {
  /** Position in the combined text (before + passage). */
  index: number;
  end: number;
  text: string;
  date: PartialDate;
  note?: string;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

/** How far back an anaphor ("the same month") looks for the date it refers to. */
const ANTECEDENT_REACH = 600;

/** British English: "5/3/2020" is the 5th of March. */
const parser = chrono.en.GB;

/** A year standing alone after a word that introduces a date ("in 2019", "after 2019"). */
const YEAR_ALONE =
  /\b(?:in|during|since|by|before|after|until|around|about|circa|c\.|ca\.|of|from|and|to)\s+((?:1[0-9]|20)\d{2})\b(?![-/.:]\d)/gi;

/** Wall-clock components of a point (hour defaults to noon, as chrono does). */
function referenceInstant(point: DatePoint): Date {
  const date = new Date(2000, 0, 1, point.hour ?? 12, point.minute ?? 0);
  date.setFullYear(point.year, (point.month ?? 1) - 1, point.day ?? 1);
  return date;
}

function pointOfLocal(date: Date, unit: 'minute' | Unit): DatePoint {
  const point: DatePoint = { year: date.getFullYear() };
  if (unit === 'year') return point;
  point.month = date.getMonth() + 1;
  if (unit === 'month') return point;
  point.day = date.getDate();
  if (unit === 'minute') {
    point.hour = date.getHours();
    point.minute = date.getMinutes();
  }
  return point;
}

function validPoint(point: DatePoint): boolean {
  if (point.year < 1 || point.year > 9999) return false;
  if (point.month !== undefined && (point.month < 1 || point.month > 12)) return false;
  if (point.day !== undefined && point.month !== undefined) {
    return point.day >= 1 && point.day <= daysInMonth(point.year, point.month);
  }
  return true;
}

/** A week, Monday to Sunday, around a day. */
function weekOf(date: Date): PartialDate {
  const monday = new Date(date);
  monday.setDate(date.getDate() - ((date.getDay() + 6) % 7));
  const sunday = new Date(monday);
  sunday.setDate(monday.getDate() + 6);
  return {
    start: pointOfLocal(monday, 'day'),
    end: pointOfLocal(sunday, 'day'),
    approximate: false,
  };
}

function unitOfRelative(text: string): Unit | 'time' {
  if (/\bweeks?\b/i.test(text) && !/\bweeks?\s+(ago|later|earlier|before|after)/i.test(text)) {
    return 'week';
  }
  if (/\bmonth\b/i.test(text) && !/\bmonths?\s+(ago|later|earlier)/i.test(text)) return 'month';
  if (/\byear\b/i.test(text) && !/\byears?\s+(ago|later|earlier)/i.test(text)) return 'year';
  return 'day';
}

/** Converts one chrono result to a partial date at the precision the words state. */
function fromChrono(
  result: chrono.ParsedResult,
  reference: PartialDate | undefined,
  referenceLabel: string,
): { date: PartialDate; note?: string } | undefined {
  const start = result.start;
  const tags = result.tags?.() ?? new Set<string>();
  const relative =
    [...tags].some((t) => t.startsWith('casualReference') || t === 'result/relativeDate') ||
    (!start.isCertain('month') && !start.isCertain('year') && start.isCertain('weekday')) ||
    (start.isCertain('hour') && !start.isCertain('day'));
  const refPrecision = reference ? precisionOf(reference.start) : undefined;
  const refIsDay = refPrecision === 'day' || refPrecision === 'minute';
  const note = (what: string) => `${what} ${referenceLabel} (${formatPartialDate(reference!)})`;

  if (relative) {
    // "on Monday", "yesterday", "last week": meaningful only against a source dated to the day.
    if (!reference || !refIsDay) return undefined;
    const when = start.date();
    const unit = unitOfRelative(result.text);
    if (unit === 'week') return { date: weekOf(when), note: note('The week, counted from') };
    const hasTime = start.isCertain('hour');
    const point = pointOfLocal(when, hasTime ? 'minute' : unit === 'time' ? 'day' : unit);
    const date: PartialDate = { start: point, approximate: false };
    if (hasTime && reference.timeZone) date.timeZone = reference.timeZone;
    return { date, note: note('Counted from') };
  }

  const known = (c: chrono.Component) => start.isCertain(c);
  let yearFromReference = false;
  const point: DatePoint = { year: start.get('year') ?? 0 };
  if (!known('year')) {
    if (!known('month') || !reference) return undefined;
    yearFromReference = true;
  }
  if (known('month')) point.month = start.get('month') ?? undefined;
  if (known('day') && point.month !== undefined) point.day = start.get('day') ?? undefined;
  if (known('hour') && point.day !== undefined) {
    point.hour = start.get('hour') ?? 0;
    point.minute = start.get('minute') ?? 0;
  }
  if (point.month === undefined) delete point.month;
  if (point.day === undefined) delete point.day;
  if (!validPoint(point)) return undefined;
  const date: PartialDate = { start: point, approximate: false };
  if (known('timezoneOffset')) {
    const offset = start.get('timezoneOffset') ?? 0;
    date.timeZone =
      offset === 0
        ? 'UTC'
        : `${offset < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  }
  if (result.end) {
    const end: DatePoint = { year: result.end.get('year') ?? point.year };
    if (result.end.isCertain('month') || point.month !== undefined) {
      end.month = result.end.get('month') ?? point.month;
    }
    if (result.end.isCertain('day') && end.month !== undefined)
      end.day = result.end.get('day') ?? 1;
    if (validPoint(end) && precisionOf(end) === precisionOf(point)) date.end = end;
  }
  return yearFromReference ? { date, note: `The year is taken from ${referenceLabel}.` } : { date };
}

const APPROXIMATE_BEFORE =
  /\b(?:around|about|approximately|roughly|circa|c\.|ca\.|sometime in|some time in)\s*(?:in\s+|on\s+)?$/i;
const BOUND_BEFORE = /\b(before|by|until|till|prior to|after)\s*(?:the\s+)?$/i;

/** Adds "before", "after" and "around" that stand in front of a date. */
function qualify(found: Found, combined: string): Found {
  const lead = combined.slice(Math.max(0, found.index - 24), found.index);
  const bound = BOUND_BEFORE.exec(lead);
  if (bound?.[1] && !found.date.end) {
    const word = bound[1].toLowerCase();
    return {
      ...found,
      index: found.index - bound[0].length,
      text: `${bound[0]}${found.text}`,
      date: { ...found.date, bound: word === 'after' ? 'after' : 'before' },
    };
  }
  const approx = APPROXIMATE_BEFORE.exec(lead);
  if (approx) {
    return {
      ...found,
      index: found.index - approx[0].length,
      text: `${approx[0]}${found.text}`,
      date: { ...found.date, approximate: true },
    };
  }
  return found;
}

const RANGE = /\b(between|from)\s+(.{1,40}?)\s+(and|to|until|till)\s+((?:\S+\s*){1,4})/gi;

/** "between March and May 2020", "from 3 to 5 March 2020": read with the date parser itself. */
function findRanges(combined: string): Found[] {
  const out: Found[] = [];
  for (const match of combined.matchAll(RANGE)) {
    const [, , left, , rightWords] = match;
    if (!left || !rightWords) continue;
    const words = rightWords.trim().split(/\s+/);
    for (let n = words.length; n >= 1; n -= 1) {
      const right = words
        .slice(0, n)
        .join(' ')
        .replace(/[.,;:!?)]+$/, '');
      const parsed = parsePartialDate(`between ${left} and ${right}`);
      if (parsed.ok && parsed.date.end) {
        const text = `${match[1]} ${left} ${match[3]} ${right}`;
        out.push({
          index: match.index ?? 0,
          end: (match.index ?? 0) + text.length,
          text,
          date: parsed.date,
        });
        break;
      }
    }
  }
  return out;
}

function shift(point: DatePoint, unit: Unit, amount: number): DatePoint | undefined {
  const date = referenceInstant(point);
  if (unit === 'day') date.setDate(date.getDate() + amount);
  else if (unit === 'week') date.setDate(date.getDate() + amount * 7);
  else if (unit === 'month') date.setMonth(date.getMonth() + amount, 1);
  else date.setFullYear(date.getFullYear() + amount);
  const precision = precisionOf(point);
  const next = pointOfLocal(date, precision === 'minute' ? 'day' : precision);
  return validPoint(next) ? next : undefined;
}

function truncate(point: DatePoint, unit: Unit): DatePoint | undefined {
  const rank = { year: 0, month: 1, day: 2, week: 2, minute: 3 };
  if (rank[precisionOf(point)] < rank[unit]) return undefined;
  if (unit === 'year') return { year: point.year };
  if (unit === 'month') return { year: point.year, month: point.month };
  return { year: point.year, month: point.month, day: point.day };
}

const SAME = /\b(?:(?:later|earlier)\s+)?(?:the\s+same|that)\s+(day|week|month|year)\b/gi;
const NEXT =
  /\b(?:the\s+)(next|following|previous|preceding)\s+(day|week|month|year)\b|\bthe\s+(day)\s+(before|after)\b/gi;
const OFFSET =
  /\b(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few)\s+(day|week|month|year)s?\s+(later|after(?:wards)?|earlier|before)\b(?!\s+(?:\d|the\s+\d|january|february|march|april|may|june|july|august|september|october|november|december))/gi;

/** Dates that only make sense against an earlier one: "the same month", "two weeks later". */
function findAnaphora(
  combined: string,
  from: number,
  antecedentAt: (index: number) => Found | undefined,
): Found[] {
  const out: Found[] = [];
  const push = (
    match: RegExpMatchArray,
    make: (antecedent: Found) => { date?: PartialDate; what: string },
  ) => {
    const index = match.index ?? 0;
    if (index < from) return;
    const antecedent = antecedentAt(index);
    if (!antecedent) return;
    const { date, what } = make(antecedent);
    if (!date) return;
    out.push({
      index,
      end: index + match[0].length,
      text: match[0],
      date,
      note: `${what} “${antecedent.text.trim()}” (${formatPartialDate(antecedent.date)}).`,
    });
  };
  for (const match of combined.matchAll(SAME)) {
    push(match, (antecedent) => {
      const unit = (match[1] ?? 'day').toLowerCase() as Unit;
      const point = truncate(antecedent.date.start, unit);
      if (!point) return { what: '' };
      if (unit === 'week') {
        return { date: weekOf(referenceInstant(point)), what: 'The week of' };
      }
      return {
        date: { start: point, approximate: antecedent.date.approximate },
        what: `The ${unit} of`,
      };
    });
  }
  for (const match of combined.matchAll(NEXT)) {
    push(match, (antecedent) => {
      const direction = (match[1] ?? match[4] ?? '').toLowerCase();
      const unit = (match[2] ?? match[3] ?? 'day').toLowerCase() as Unit;
      const sign = /next|following|after/.test(direction) ? 1 : -1;
      const base = truncate(antecedent.date.start, unit);
      if (!base) return { what: '' };
      if (unit === 'week') {
        const moved = shift(base, 'week', sign);
        return moved
          ? { date: weekOf(referenceInstant(moved)), what: `The ${direction} week after` }
          : { what: '' };
      }
      const moved = shift(base, unit, sign);
      return moved
        ? {
            date: { start: moved, approximate: antecedent.date.approximate },
            what: sign > 0 ? `One ${unit} after` : `One ${unit} before`,
          }
        : { what: '' };
    });
  }
  for (const match of combined.matchAll(OFFSET)) {
    push(match, (antecedent) => {
      const word = (match[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
      const few = word === 'a few';
      const amount = few ? 3 : /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word] ?? 1);
      const unit = (match[2] ?? 'day').toLowerCase() as Unit;
      const sign = /later|after/i.test(match[3] ?? '') ? 1 : -1;
      const moved = shift(antecedent.date.end ?? antecedent.date.start, unit, sign * amount);
      return moved
        ? {
            // "Two weeks later" is rarely exact: the suggestion says so.
            date: { start: moved, approximate: true },
            what: `${few ? 'A few' : amount} ${unit}${amount === 1 ? '' : 's'} ${sign > 0 ? 'after' : 'before'}`,
          }
        : { what: '' };
    });
  }
  return out;
}

function overlaps(a: { index: number; end: number }, b: { index: number; end: number }): boolean {
  return a.index < b.end && b.index < a.end;
}

/**
 * Dates a passage states, as suggestions for an event's date: absolute dates ("14 April 2020",
 * "March 2020", "in 2019"), ranges ("between March and May 2020"), open bounds ("before 14 April"),
 * dates relative to the source's own date ("on Monday" in a message sent on 27 July 2022 is 25 July
 * 2022), and references to an earlier date ("the same month", "two weeks later") resolved from the
 * text before them. The source's own date comes last, as a choice of its own. Each suggestion keeps
 * the words it came from. Relative dates need a source dated to the day and are left out otherwise.
 */
export function suggestDates(input: SuggestionInput): DateSuggestion[] {
  const passage = input.passage.slice(0, 20_000);
  const before = (input.before ?? '').slice(-ANTECEDENT_REACH * 2);
  const combined = `${before}${before && !/\s$/.test(before) ? ' ' : ''}${passage}`;
  const from = combined.length - passage.length;
  const label = input.referenceLabel ?? 'the source’s date';
  const reference = input.reference;

  const refInstant = reference ? referenceInstant(reference.start) : new Date(2000, 0, 1, 12);
  const results = parser.parse(combined, refInstant, { forwardDate: false });

  const found: Found[] = findRanges(combined);
  for (const result of results) {
    if (/\b(later|earlier|afterwards)\b/i.test(result.text)) continue; // anaphoric, see below
    const span = { index: result.index, end: result.index + result.text.length };
    if (found.some((f) => overlaps(f, span))) continue;
    const converted = fromChrono(result, reference, label);
    if (!converted) continue;
    found.push(
      qualify(
        {
          ...span,
          text: result.text,
          date: converted.date,
          ...(converted.note ? { note: converted.note } : {}),
        },
        combined,
      ),
    );
  }
  for (const match of combined.matchAll(YEAR_ALONE)) {
    const yearText = match[1] ?? '';
    const index = (match.index ?? 0) + match[0].length - yearText.length;
    const span = { index, end: index + yearText.length };
    if (found.some((f) => overlaps(f, span))) continue;
    const year = Number(yearText);
    found.push(
      qualify({ ...span, text: yearText, date: { start: { year }, approximate: false } }, combined),
    );
  }
  found.sort((a, b) => a.index - b.index);

  const antecedentAt = (index: number) => {
    const candidates = found.filter((f) => f.end <= index && index - f.end <= ANTECEDENT_REACH);
    return candidates[candidates.length - 1];
  };
  for (const anaphor of findAnaphora(combined, from, antecedentAt)) {
    const clash = found.findIndex((f) => overlaps(f, anaphor));
    if (clash >= 0) found.splice(clash, 1);
    found.push(anaphor);
  }
  found.sort((a, b) => a.index - b.index);

  const suggestions: DateSuggestion[] = [];
  const seen = new Set<string>();
  for (const item of found) {
    if (item.end <= from) continue; // dates before the passage only serve as antecedents
    const key = JSON.stringify(item.date);
    if (seen.has(key)) continue;
    seen.add(key);
    suggestions.push({
      date: item.date,
      text: item.text.trim(),
      origin: 'passage',
      ...(item.note ? { note: item.note } : {}),
    });
  }
  if (reference) {
    const key = JSON.stringify(reference);
    if (!seen.has(key)) {
      suggestions.push({
        date: reference,
        text: `${label[0]?.toUpperCase() ?? ''}${label.slice(1)}: ${formatPartialDate(reference)}`,
        origin: 'source-date',
      });
    }
  }
  return suggestions;
}
