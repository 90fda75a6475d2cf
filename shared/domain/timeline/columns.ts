import type { ReviewState, Verification } from '../../schemas/records';
import { formatPartialDate, isUncertainDate } from '../partialDate';
import {
  foldText,
  groupKeyOf,
  isFiltering,
  monthLabel,
  type TimelineEventLike,
  type TimelineFilter,
} from './rows';

/*
 * The timeline of a large case as columns: one typed array per field, strings packed end to end,
 * tags and entities as lists of small numbers. A case of 100,000 events is then a few dozen
 * megabytes of flat arrays that a worker builds and hands to the page without copying, that the
 * page filters in milliseconds and from which it draws only the rows in view, instead of 100,000
 * event objects built, sorted and filtered on the page.
 */

/** Verification states by their code in {@link TimelineColumns.verification}. */
export const VERIFICATION_CODES: readonly Verification[] = [
  'unverified',
  'single-source',
  'corroborated',
  'confirmed',
  'disputed',
];

/** Review states by their code in {@link TimelineColumns.review}. */
export const REVIEW_CODES: readonly ReviewState[] = ['open', 'approved', 'questioned'];

/** Bits of {@link TimelineColumns.flags}. */
export const FLAG_UNCERTAIN = 1;
export const FLAG_BEFORE = 2;
export const FLAG_AFTER = 4;

/** Strings end to end: item i is `text.slice(offsets[i], offsets[i + 1] - 1)`. */
export interface PackedStrings {
  text: string;
  /** n + 1 offsets; each item is followed by one separator character. */
  offsets: Uint32Array;
}

/** A character no typed word or stored title contains, between packed strings. */
const SEPARATOR = '\u0001';

/** Packs strings end to end (see {@link PackedStrings}). */
export function packStrings(list: readonly string[]): PackedStrings {
  const offsets = new Uint32Array(list.length + 1);
  let at = 0;
  for (let i = 0; i < list.length; i += 1) {
    offsets[i] = at;
    at += (list[i] as string).length + 1;
  }
  offsets[list.length] = at;
  return { text: list.length ? `${list.join(SEPARATOR)}${SEPARATOR}` : '', offsets };
}

/** Item `index` of packed strings. */
export function stringAt(packed: PackedStrings, index: number): string {
  return packed.text.slice(packed.offsets[index], (packed.offsets[index + 1] as number) - 1);
}

/** What the column builder needs of an event (a stored Event fits). */
export interface ColumnEvent extends TimelineEventLike {
  description?: unknown;
}

/** The timeline's events as columns (see the note at the top of this file). */
export interface TimelineColumns {
  count: number;
  ids: PackedStrings;
  titles: PackedStrings;
  /** The date as the source states it ("c. April 2020"), for cards and the axis. */
  dates: PackedStrings;
  /** The start of the description as plain text (up to 300 characters), or empty. */
  snippets: PackedStrings;
  /** Title and description (up to 5,000 characters), folded for matching typed words. */
  search: PackedStrings;
  sortStart: Float64Array;
  sortEnd: Float64Array;
  /** The heading the event is listed under: year × 13 + month (month 0: none stated). */
  group: Int32Array;
  verification: Uint8Array;
  review: Uint8Array;
  /** FLAG_UNCERTAIN, FLAG_BEFORE, FLAG_AFTER. */
  flags: Uint8Array;
  /** Event i has tags tagList[tagStart[i] .. tagStart[i + 1]), numbers into tagNames. */
  tagStart: Uint32Array;
  tagList: Uint32Array;
  tagNames: string[];
  /** Event i names entityList[entityStart[i] .. entityStart[i + 1]), numbers into entityIds. */
  entityStart: Uint32Array;
  entityList: Uint32Array;
  entityIds: string[];
  /** How many citations back each event (0 where not known yet). */
  citations: Uint32Array;
  /** False while the citation counts are not known (the first page, read before the rest). */
  citationsKnown: boolean;
  /** Event numbers in the order the list shows them (see sortForDisplay). */
  displayOrder: Uint32Array;
  /** Event numbers by the start of their interval, then its end (the axis's order). */
  startOrder: Uint32Array;
}

/** The array buffers of columns, to hand them to another thread without copying. */
export function columnBuffers(columns: TimelineColumns): ArrayBuffer[] {
  return [
    columns.ids.offsets,
    columns.titles.offsets,
    columns.dates.offsets,
    columns.snippets.offsets,
    columns.search.offsets,
    columns.sortStart,
    columns.sortEnd,
    columns.group,
    columns.verification,
    columns.review,
    columns.flags,
    columns.tagStart,
    columns.tagList,
    columns.entityStart,
    columns.entityList,
    columns.citations,
    columns.displayOrder,
    columns.startOrder,
  ].map((array) => array.buffer as ArrayBuffer);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What the columns hold of one event, derived from it (see {@link rowOf}). */
export interface ColumnRow {
  id: string;
  title: string;
  date: string;
  snippet: string;
  search: string;
  sortStart: number;
  sortEnd: number;
  group: number;
  verification: number;
  review: number;
  flags: number;
  tags: readonly string[];
  entityIds: readonly string[];
  citations: number;
}

const VERIFICATION_CODE = new Map(VERIFICATION_CODES.map((v, i) => [v, i]));
const REVIEW_CODE = new Map(REVIEW_CODES.map((r, i) => [r, i]));

/**
 * What the columns hold of an event: its date as stated, the start of its description as plain
 * text, its folded searchable text, its heading and its codes. `plainText` turns a stored
 * description into plain text, cut at a limit.
 */
export function rowOf(
  event: ColumnEvent,
  plainText: (doc: unknown, limit: number) => string,
  citations = 0,
): ColumnRow {
  const description = event.description === undefined ? '' : plainText(event.description, 5_000);
  const key = groupKeyOf(event);
  return {
    id: event.id,
    title: event.title,
    date: formatPartialDate(event.date),
    snippet: description.length > 300 ? `${description.slice(0, 300)}…` : description,
    search: foldText(description ? `${event.title}\n${description}` : event.title),
    sortStart: event.sortStart,
    sortEnd: event.sortEnd,
    group: key.year * 13 + key.month,
    verification: VERIFICATION_CODE.get(event.verification) ?? 0,
    review: REVIEW_CODE.get(event.review) ?? 0,
    flags:
      (isUncertainDate(event.date) ? FLAG_UNCERTAIN : 0) |
      (event.date.bound === 'before' ? FLAG_BEFORE : 0) |
      (event.date.bound === 'after' ? FLAG_AFTER : 0),
    tags: event.tags,
    entityIds: event.entityIds,
    citations,
  };
}

/**
 * Builds the columns of a list of events. `plainText` turns a stored description into plain text
 * (cut at a limit); `citationCount` says how many citations an event has, where known.
 */
export function buildColumns(
  events: readonly ColumnEvent[],
  plainText: (doc: unknown, limit: number) => string,
  citationCount?: (eventId: string) => number,
): TimelineColumns {
  return columnsOf(
    events.map((event) => rowOf(event, plainText, citationCount?.(event.id) ?? 0)),
    citationCount !== undefined,
  );
}

/** The columns of rows made by {@link rowOf} (or read back by {@link rowsOf}). */
export function columnsOf(rows: readonly ColumnRow[], citationsKnown: boolean): TimelineColumns {
  const count = rows.length;
  const ids: string[] = new Array(count);
  const titles: string[] = new Array(count);
  const dates: string[] = new Array(count);
  const snippets: string[] = new Array(count);
  const search: string[] = new Array(count);
  const sortStart = new Float64Array(count);
  const sortEnd = new Float64Array(count);
  const group = new Int32Array(count);
  const verification = new Uint8Array(count);
  const review = new Uint8Array(count);
  const flags = new Uint8Array(count);
  const tagStart = new Uint32Array(count + 1);
  const entityStart = new Uint32Array(count + 1);
  const citations = new Uint32Array(count);
  const tagNumbers = new Map<string, number>();
  const entityNumbers = new Map<string, number>();
  const tagList: number[] = [];
  const entityList: number[] = [];

  for (let i = 0; i < count; i += 1) {
    const row = rows[i] as ColumnRow;
    ids[i] = row.id;
    titles[i] = row.title;
    dates[i] = row.date;
    snippets[i] = row.snippet;
    search[i] = row.search;
    sortStart[i] = row.sortStart;
    sortEnd[i] = row.sortEnd;
    group[i] = row.group;
    verification[i] = row.verification;
    review[i] = row.review;
    flags[i] = row.flags;
    tagStart[i] = tagList.length;
    for (const tag of row.tags) {
      let number = tagNumbers.get(tag);
      if (number === undefined) {
        number = tagNumbers.size;
        tagNumbers.set(tag, number);
      }
      tagList.push(number);
    }
    entityStart[i] = entityList.length;
    for (const id of row.entityIds) {
      let number = entityNumbers.get(id);
      if (number === undefined) {
        number = entityNumbers.size;
        entityNumbers.set(id, number);
      }
      entityList.push(number);
    }
    citations[i] = row.citations;
  }
  tagStart[count] = tagList.length;
  entityStart[count] = entityList.length;

  // The list's order (as sortForDisplay): heading, start, end, title, id.
  const displayOrder = new Uint32Array(count);
  const startOrder = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) {
    displayOrder[i] = i;
    startOrder[i] = i;
  }
  displayOrder.sort(
    (a, b) =>
      (group[a] as number) - (group[b] as number) ||
      (sortStart[a] as number) - (sortStart[b] as number) ||
      (sortEnd[a] as number) - (sortEnd[b] as number) ||
      compareStrings(titles[a] as string, titles[b] as string) ||
      compareStrings(ids[a] as string, ids[b] as string),
  );
  startOrder.sort(
    (a, b) =>
      (sortStart[a] as number) - (sortStart[b] as number) ||
      (sortEnd[a] as number) - (sortEnd[b] as number) ||
      compareStrings(ids[a] as string, ids[b] as string),
  );

  return {
    count,
    ids: packStrings(ids),
    titles: packStrings(titles),
    dates: packStrings(dates),
    snippets: packStrings(snippets),
    search: packStrings(search),
    sortStart,
    sortEnd,
    group,
    verification,
    review,
    flags,
    tagStart,
    tagList: Uint32Array.from(tagList),
    tagNames: [...tagNumbers.keys()],
    entityStart,
    entityList: Uint32Array.from(entityList),
    entityIds: [...entityNumbers.keys()],
    citations,
    citationsKnown,
    displayOrder,
    startOrder,
  };
}

/** The rows columns were built from (to change a few and build them again). */
export function rowsOf(columns: TimelineColumns): ColumnRow[] {
  const rows: ColumnRow[] = new Array(columns.count);
  for (let i = 0; i < columns.count; i += 1) {
    rows[i] = {
      id: stringAt(columns.ids, i),
      title: stringAt(columns.titles, i),
      date: stringAt(columns.dates, i),
      snippet: stringAt(columns.snippets, i),
      search: stringAt(columns.search, i),
      sortStart: columns.sortStart[i] as number,
      sortEnd: columns.sortEnd[i] as number,
      group: columns.group[i] as number,
      verification: columns.verification[i] as number,
      review: columns.review[i] as number,
      flags: columns.flags[i] as number,
      tags: tagsAt(columns, i),
      entityIds: entityIdsAt(columns, i),
      citations: columns.citations[i] as number,
    };
  }
  return rows;
}

/** The tag names of event `index`. */
export function tagsAt(columns: TimelineColumns, index: number): string[] {
  const out: string[] = [];
  for (
    let k = columns.tagStart[index] as number;
    k < (columns.tagStart[index + 1] as number);
    k += 1
  )
    out.push(columns.tagNames[columns.tagList[k] as number] as string);
  return out;
}

/** The entity ids of event `index`. */
export function entityIdsAt(columns: TimelineColumns, index: number): string[] {
  const out: string[] = [];
  for (
    let k = columns.entityStart[index] as number;
    k < (columns.entityStart[index + 1] as number);
    k += 1
  )
    out.push(columns.entityIds[columns.entityList[k] as number] as string);
  return out;
}

/** The number of the event with id `id`, or -1 (a linear search over the packed ids). */
export function indexOfId(columns: TimelineColumns, id: string): number {
  if (!id) return -1;
  const { text, offsets } = columns.ids;
  let at = text.indexOf(`${id}${SEPARATOR}`);
  while (at !== -1) {
    // Found at the start of an item: find which (offsets are sorted).
    let lo = 0;
    let hi = columns.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((offsets[mid] as number) < at) lo = mid + 1;
      else hi = mid;
    }
    if (offsets[lo] === at) return lo;
    at = text.indexOf(`${id}${SEPARATOR}`, at + 1);
  }
  return -1;
}

/** Marks the events whose packed text contains `word`. */
function markWord(packed: PackedStrings, count: number, word: string, into: Uint8Array): void {
  const { text, offsets } = packed;
  let event = 0;
  let at = text.indexOf(word);
  while (at !== -1) {
    while ((offsets[event + 1] as number) <= at) event += 1;
    if (event >= count) break;
    const end = (offsets[event + 1] as number) - 1;
    if (at + word.length <= end) {
      into[event] = 1;
      // One match is enough: look on from the next event.
      at = text.indexOf(word, end + 1);
    } else {
      at = text.indexOf(word, at + 1);
    }
  }
}

/**
 * Which events pass a filter (1) and which do not (0); `null` when the filter narrows nothing.
 * The same rules as filterEvents (rows.ts): every word in the title or description, the entity,
 * the tag, the statuses, and an interval that overlaps [from, to).
 */
export function filterMask(columns: TimelineColumns, filter: TimelineFilter): Uint8Array | null {
  if (!isFiltering(filter)) return null;
  const { count } = columns;
  const words = foldText(filter.text ?? '')
    .split(/\s+/)
    .filter(Boolean);
  let mask: Uint8Array | undefined;
  for (const word of words) {
    const marks = new Uint8Array(count);
    markWord(columns.search, count, word, marks);
    if (mask)
      for (let i = 0; i < count; i += 1) mask[i] = (mask[i] as number) & (marks[i] as number);
    else mask = marks;
  }
  if (!mask) mask = new Uint8Array(count).fill(1);

  const inList = (start: Uint32Array, list: Uint32Array, wanted: number) => {
    for (let i = 0; i < count; i += 1) {
      if (!mask![i]) continue;
      let found = false;
      for (let k = start[i] as number; k < (start[i + 1] as number); k += 1)
        if (list[k] === wanted) {
          found = true;
          break;
        }
      if (!found) mask![i] = 0;
    }
  };
  if (filter.entityId) {
    const wanted = columns.entityIds.indexOf(filter.entityId);
    if (wanted < 0) mask.fill(0);
    else inList(columns.entityStart, columns.entityList, wanted);
  }
  if (filter.tag) {
    const wanted = columns.tagNames.indexOf(filter.tag);
    if (wanted < 0) mask.fill(0);
    else inList(columns.tagStart, columns.tagList, wanted);
  }
  if (filter.verification) {
    const code = VERIFICATION_CODES.indexOf(filter.verification);
    for (let i = 0; i < count; i += 1) if (columns.verification[i] !== code) mask[i] = 0;
  }
  if (filter.review) {
    const code = REVIEW_CODES.indexOf(filter.review);
    for (let i = 0; i < count; i += 1) if (columns.review[i] !== code) mask[i] = 0;
  }
  if (filter.from !== undefined || filter.to !== undefined) {
    const from = filter.from ?? -Infinity;
    const to = filter.to ?? Infinity;
    for (let i = 0; i < count; i += 1) {
      const start = columns.sortStart[i] as number;
      // An open bound is a point; give it a millisecond so that it can overlap.
      const end = Math.max(columns.sortEnd[i] as number, start + 1);
      if (end <= from || start >= to) mask[i] = 0;
    }
  }
  return mask;
}

/** The events of `order` that a mask lets through, in that order (`order` itself for no mask). */
export function applyMask(order: Uint32Array, mask: Uint8Array | null): Uint32Array {
  if (!mask) return order;
  let kept = 0;
  for (let k = 0; k < order.length; k += 1) if (mask[order[k] as number]) kept += 1;
  const out = new Uint32Array(kept);
  let at = 0;
  for (let k = 0; k < order.length; k += 1) {
    const index = order[k] as number;
    if (mask[index]) out[at++] = index;
  }
  return out;
}

/** A year or month heading of the list. */
export type ListHeading =
  | { kind: 'year'; key: string; year: number; count: number }
  | { kind: 'month'; key: string; year: number; month: number; label: string; count: number };

/**
 * The rows of the list: `rows[r] >= 0` is an event number, `rows[r] < 0` is heading
 * `headings[-1 - rows[r]]`. Built in one pass over the shown events (in display order), with an
 * object only per heading.
 */
export interface ListRows {
  rows: Int32Array;
  headings: ListHeading[];
}

/** The rows of the list for events in display order (as buildRows does for event objects). */
export function buildListRows(columns: TimelineColumns, shown: Uint32Array): ListRows {
  const headings: ListHeading[] = [];
  const rows: number[] = [];
  let yearRow: Extract<ListHeading, { kind: 'year' }> | undefined;
  let monthRow: Extract<ListHeading, { kind: 'month' }> | undefined;
  let lastGroup = Number.NaN;
  for (let k = 0; k < shown.length; k += 1) {
    const index = shown[k] as number;
    const g = columns.group[index] as number;
    if (g !== lastGroup) {
      lastGroup = g;
      const year = Math.floor(g / 13);
      const month = g - year * 13;
      if (!yearRow || yearRow.year !== year) {
        yearRow = { kind: 'year', key: `y${year}`, year, count: 0 };
        rows.push(-1 - headings.length);
        headings.push(yearRow);
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
        rows.push(-1 - headings.length);
        headings.push(monthRow);
      }
    }
    (yearRow as { count: number }).count += 1;
    (monthRow as { count: number }).count += 1;
    rows.push(index);
  }
  return { rows: Int32Array.from(rows), headings };
}

/** How many events carry each tag. */
export function tagCounts(columns: TimelineColumns): Map<string, number> {
  const counts = new Uint32Array(columns.tagNames.length);
  for (let k = 0; k < columns.tagList.length; k += 1)
    counts[columns.tagList[k] as number] = (counts[columns.tagList[k] as number] as number) + 1;
  return new Map(columns.tagNames.map((name, i) => [name, counts[i] as number]));
}
