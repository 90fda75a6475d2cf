import type { PartialDate } from '../../schemas/partialDate';
import type { ReviewState, Verification } from '../../schemas/records';
import { MONTH_NAMES } from '../partialDate';

/** The fields of an event the list and the axis need. */
export interface TimelineEventLike {
  id: string;
  title: string;
  date: PartialDate;
  sortStart: number;
  sortEnd: number;
  tags: readonly string[];
  entityIds: readonly string[];
  verification: Verification;
  review: ReviewState;
}

/** The year and month heading an event is listed under; month 0 is "the year, no month stated". */
export interface GroupKey {
  year: number;
  month: number;
}

/**
 * The heading an event goes under, from the date as the source states it: "14 April 2020" under
 * April 2020, "2020" and "c. 2020" under 2020 before its months, "between March and May 2020" under
 * March. "after 2019" goes where its interval starts (2020), since that is where it sorts.
 */
export function groupKeyOf(event: Pick<TimelineEventLike, 'date' | 'sortStart'>): GroupKey {
  const { date } = event;
  if (date.bound === 'after') {
    const start = new Date(event.sortStart);
    const year = Math.min(9999, Math.max(1, start.getUTCFullYear()));
    return { year, month: date.start.month === undefined ? 0 : start.getUTCMonth() + 1 };
  }
  return { year: date.start.year, month: date.start.month ?? 0 };
}

/**
 * Events in the order the list shows them: by heading (year, then month, the year's own events
 * first), then by the start of their interval, the shorter first, then by title.
 */
export function sortForDisplay<T extends TimelineEventLike>(events: readonly T[]): T[] {
  const keyed = events.map((event) => {
    const key = groupKeyOf(event);
    return { event, group: key.year * 13 + key.month };
  });
  keyed.sort(
    (a, b) =>
      a.group - b.group ||
      a.event.sortStart - b.event.sortStart ||
      a.event.sortEnd - b.event.sortEnd ||
      (a.event.title < b.event.title ? -1 : a.event.title > b.event.title ? 1 : 0) ||
      (a.event.id < b.event.id ? -1 : 1),
  );
  return keyed.map((k) => k.event);
}

/** One row of the grouped list: a year heading, a month heading, or an event. */
export type TimelineRow =
  | { kind: 'year'; key: string; year: number; count: number }
  | { kind: 'month'; key: string; year: number; month: number; label: string; count: number }
  | { kind: 'event'; key: string; index: number };

/** The label of a month heading: "April 2020", or "2020, month not stated". */
export function monthLabel(year: number, month: number): string {
  const y = String(year).padStart(4, '0');
  return month === 0 ? `${y}, month not stated` : `${MONTH_NAMES[month - 1]} ${y}`;
}

/**
 * The rows of the list for events already in display order: a heading for each year and each
 * month that has events, then the events. Linear in the number of events.
 */
export function buildRows(events: readonly TimelineEventLike[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let yearRow: Extract<TimelineRow, { kind: 'year' }> | undefined;
  let monthRow: Extract<TimelineRow, { kind: 'month' }> | undefined;
  events.forEach((event, index) => {
    const { year, month } = groupKeyOf(event);
    if (!yearRow || yearRow.year !== year) {
      yearRow = { kind: 'year', key: `y${year}`, year, count: 0 };
      rows.push(yearRow);
      monthRow = undefined;
    }
    if (!monthRow || monthRow.month !== month) {
      monthRow = {
        kind: 'month',
        key: `m${year}-${month}`,
        year,
        month,
        label: monthLabel(year, month),
        count: 0,
      };
      rows.push(monthRow);
    }
    yearRow.count += 1;
    monthRow.count += 1;
    rows.push({ kind: 'event', key: event.id, index });
  });
  return rows;
}

/** What the reporter narrows the timeline to. Every field is optional; all given must match. */
export interface TimelineFilter {
  /** Words that must all appear in the title or description (case- and accent-insensitive). */
  text?: string;
  entityId?: string;
  tag?: string;
  verification?: Verification;
  review?: ReviewState;
  /** Only events whose interval overlaps [from, to), in milliseconds since 1970. */
  from?: number;
  to?: number;
}

/** Lower-cases and strips accents, for matching typed words against titles. */
export function foldText(text: string): string {
  // Plain ASCII (most titles) has no accents to strip: lower-casing is all (and ten times faster).
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const ASCII = /^\p{ASCII}*$/u;

/** True when the filter narrows anything. */
export function isFiltering(filter: TimelineFilter): boolean {
  return Boolean(
    filter.text?.trim() ||
    filter.entityId ||
    filter.tag ||
    filter.verification ||
    filter.review ||
    filter.from !== undefined ||
    filter.to !== undefined,
  );
}

/**
 * The events that pass a filter, in their order. `searchText` gives an event's folded searchable
 * text (title and description); it is called only when the filter has words.
 */
export function filterEvents<T extends TimelineEventLike>(
  events: readonly T[],
  filter: TimelineFilter,
  searchText: (event: T) => string,
): T[] {
  if (!isFiltering(filter)) return events as T[];
  const words = foldText(filter.text ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  return events.filter((event) => {
    if (filter.entityId && !event.entityIds.includes(filter.entityId)) return false;
    if (filter.tag && !event.tags.includes(filter.tag)) return false;
    if (filter.verification && event.verification !== filter.verification) return false;
    if (filter.review && event.review !== filter.review) return false;
    if (from !== -Infinity || to !== Infinity) {
      // An open bound is a point; give it a millisecond so that it can overlap.
      const end = Math.max(event.sortEnd, event.sortStart + 1);
      if (end <= from || event.sortStart >= to) return false;
    }
    if (words.length > 0) {
      const haystack = searchText(event);
      for (const word of words) if (!haystack.includes(word)) return false;
    }
    return true;
  });
}
