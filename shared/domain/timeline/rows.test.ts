import { describe, expect, it } from 'vitest';
import { parsePartialDate, sortKeysOf, intervalOf } from '../partialDate';
import {
  buildRows,
  filterEvents,
  foldText,
  groupKeyOf,
  sortForDisplay,
  type TimelineEventLike,
} from './rows';

let n = 0;
function event(title: string, dateText: string, extra: Partial<TimelineEventLike> = {}) {
  const parsed = parsePartialDate(dateText);
  if (!parsed.ok) throw new Error(parsed.error);
  n += 1;
  return {
    id: `e${n}`,
    title,
    date: parsed.date,
    ...sortKeysOf(parsed.date),
    tags: [],
    entityIds: [],
    verification: 'unverified',
    review: 'open',
    ...extra,
  } satisfies TimelineEventLike;
}

describe('grouping', () => {
  it('puts events under their stated year and month, the year’s own first', () => {
    const events = sortForDisplay([
      event('Paid', '28 April 2020'),
      event('Met', '14 April 2020'),
      event('Tender', '2020'),
      event('Talks', 'between March and May 2020'),
      event('Founded', 'c. 2011'),
      event('Later', 'after 2019'),
      event('Before', 'before 14 April 2020'),
    ]);
    const rows = buildRows(events);
    const shown = rows.map((row) =>
      row.kind === 'event'
        ? `  ${events[row.index]!.title}`
        : row.kind === 'year'
          ? `${row.year} (${row.count})`
          : ` ${row.label} (${row.count})`,
    );
    expect(shown).toEqual([
      '2011 (1)',
      ' 2011, month not stated (1)',
      '  Founded',
      '2020 (6)',
      ' 2020, month not stated (2)',
      '  Later',
      '  Tender',
      ' March 2020 (1)',
      '  Talks',
      ' April 2020 (3)',
      '  Before',
      '  Met',
      '  Paid',
    ]);
  });

  it('groups "after" dates where their interval starts', () => {
    expect(groupKeyOf(event('x', 'after March 2020'))).toEqual({ year: 2020, month: 4 });
  });
});

describe('filtering', () => {
  const events = [
    event('Oduya meets Halvorsen', '14 April 2020', {
      entityIds: ['oduya'],
      tags: ['meeting'],
      verification: 'corroborated',
    }),
    event('Ministry pays Halvorsen', 'c. May 2020', { tags: ['money'] }),
    event('Contract signed', '2019', { review: 'approved' }),
  ];
  const text = (e: TimelineEventLike) => foldText(e.title);

  it('matches every given field', () => {
    expect(filterEvents(events, {}, text)).toBe(events);
    expect(filterEvents(events, { text: 'halvorsen' }, text)).toHaveLength(2);
    expect(filterEvents(events, { text: 'MÍNISTRY halv' }, text).map((e) => e.title)).toEqual([
      'Ministry pays Halvorsen',
    ]);
    expect(filterEvents(events, { entityId: 'oduya' }, text)).toHaveLength(1);
    expect(filterEvents(events, { tag: 'money' }, text)).toHaveLength(1);
    expect(filterEvents(events, { verification: 'corroborated' }, text)).toHaveLength(1);
    expect(filterEvents(events, { review: 'approved' }, text)).toHaveLength(1);
  });

  it('keeps events whose interval overlaps the date range', () => {
    const april = parsePartialDate('April 2020');
    if (!april.ok) throw new Error();
    const range = intervalOf(april.date);
    expect(
      filterEvents(events, { from: range.start, to: range.end }, text).map((e) => e.title),
    ).toEqual(['Oduya meets Halvorsen']);
    expect(filterEvents(events, { from: range.start }, text)).toHaveLength(2);
  });

  it('filters 100,000 events', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({
      ...events[i % 3]!,
      id: `m${i}`,
      title: `Event ${i} ${i % 7 === 0 ? 'harbour' : 'office'}`,
    }));
    const folded = new Map(many.map((e) => [e.id, foldText(e.title)]));
    const out = filterEvents(many, { text: 'harbour' }, (e) => folded.get(e.id) ?? '');
    expect(out.length).toBe(Math.ceil(100_000 / 7));
  });
});
