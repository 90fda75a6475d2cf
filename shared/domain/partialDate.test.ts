import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  formatPartialDate,
  intervalOf,
  isUncertainDate,
  withTimeZone,
  normalizeTimeZone,
  parsePartialDate,
  partialDateFromInstant,
  precisionOf,
} from './partialDate';
import type { PartialDate } from '../schemas/partialDate';

function parsed(text: string): PartialDate {
  const result = parsePartialDate(text);
  if (!result.ok) throw new Error(`expected "${text}" to parse: ${result.error}`);
  return result.date;
}

function refused(text: string): string {
  const result = parsePartialDate(text);
  if (result.ok)
    throw new Error(`expected "${text}" to be refused, got ${JSON.stringify(result.date)}`);
  return result.error;
}

describe('parsePartialDate', () => {
  it.each([
    ['2020', { year: 2020 }],
    ['April 2020', { year: 2020, month: 4 }],
    ['apr 2020', { year: 2020, month: 4 }],
    ['Sept. 2021', { year: 2021, month: 9 }],
    ['2020-04', { year: 2020, month: 4 }],
    ['14 April 2020', { year: 2020, month: 4, day: 14 }],
    ['14th April 2020', { year: 2020, month: 4, day: 14 }],
    ['April 14, 2020', { year: 2020, month: 4, day: 14 }],
    ['Tuesday, 14 April 2020', { year: 2020, month: 4, day: 14 }],
    ['2020-04-14', { year: 2020, month: 4, day: 14 }],
    ['2020-04-14 15:00', { year: 2020, month: 4, day: 14, hour: 15, minute: 0 }],
    ['14 April 2020 at 3:05 pm', { year: 2020, month: 4, day: 14, hour: 15, minute: 5 }],
    ['14 April 2020, 12:30 am', { year: 2020, month: 4, day: 14, hour: 0, minute: 30 }],
    ['29 February 2020', { year: 2020, month: 2, day: 29 }],
    ['0044', { year: 44 }],
  ])('reads %s', (text, start) => {
    const date = parsed(text);
    expect(date.start).toEqual(start);
    expect(date.end).toBeUndefined();
    expect(date.approximate).toBe(false);
  });

  it('reads time zones and keeps them apart from the date', () => {
    expect(parsed('2020-04-14 15:00 UTC')).toMatchObject({ timeZone: 'UTC', start: { hour: 15 } });
    expect(parsed('2020-04-14T15:00Z').timeZone).toBe('UTC');
    expect(parsed('2020-04-14T15:00+02:00').timeZone).toBe('+02:00');
    expect(parsed('14 April 2020 15:00 UTC+2').timeZone).toBe('+02:00');
    expect(parsed('14 April 2020 15:00 Europe/Berlin').timeZone).toBe('Europe/Berlin');
    expect(parsed('14 April 2020 UTC')).toMatchObject({ timeZone: 'UTC', start: { day: 14 } });
    expect(parsed('14 April 2020').timeZone).toBeUndefined();
    expect(refused('14 April 2020 15:00 Mars/Olympus')).toMatch(/time zone/);
  });

  it('reads approximate dates', () => {
    for (const text of ['c. 2020', 'c.2020', 'circa 2020', 'about 2020', '~2020', '2020?']) {
      const date = parsed(text);
      expect(date).toMatchObject({ approximate: true, start: { year: 2020 } });
    }
    expect(parsed('c. April 2020').start).toEqual({ year: 2020, month: 4 });
  });

  it('reads ranges, lending the end year to the start', () => {
    expect(parsed('between March and May 2020')).toMatchObject({
      start: { year: 2020, month: 3 },
      end: { year: 2020, month: 5 },
    });
    expect(parsed('March–May 2020')).toMatchObject({ start: { month: 3 }, end: { month: 5 } });
    expect(parsed('3–5 March 2020')).toMatchObject({
      start: { year: 2020, month: 3, day: 3 },
      end: { year: 2020, month: 3, day: 5 },
    });
    expect(parsed('2019-2021')).toMatchObject({ start: { year: 2019 }, end: { year: 2021 } });
    expect(parsed('from 2019 to 2021')).toMatchObject({
      start: { year: 2019 },
      end: { year: 2021 },
    });
    expect(parsed('between December 2019 and February 2020')).toMatchObject({
      start: { year: 2019, month: 12 },
      end: { year: 2020, month: 2 },
    });
  });

  it('reads open bounds', () => {
    expect(parsed('before 14 April 2020')).toMatchObject({
      bound: 'before',
      start: { year: 2020, month: 4, day: 14 },
    });
    expect(parsed('after 2019')).toMatchObject({ bound: 'after', start: { year: 2019 } });
    expect(parsed('by May 2020')).toMatchObject({ bound: 'before' });
  });

  it('refuses impossible dates with a reason', () => {
    expect(refused('31 February 2020')).toMatch(/February 2020 has 29 days/);
    expect(refused('29 February 2021')).toMatch(/28 days/);
    expect(refused('2020-02-30')).toMatch(/29 days/);
    expect(refused('31 April 2020')).toMatch(/30 days/);
    expect(refused('2020-13')).toMatch(/not a month/);
    expect(refused('0')).toMatch(/1 to 9999|all their digits/);
    expect(refused('10000')).toMatch(/1 to 9999/);
    expect(refused('25:00 14 April 2020')).toBeTruthy();
    expect(refused('')).toMatch(/Type a date/);
    expect(refused('   ')).toMatch(/Type a date/);
    expect(refused('yesterday-ish')).toBeTruthy();
    expect(refused('04/05/2020')).toMatch(/day\/month or month\/day/);
    expect(refused('April')).toMatch(/year/);
    expect(refused('x'.repeat(10_000))).toMatch(/too long/);
  });

  it('refuses ranges whose end precedes their start', () => {
    expect(refused('between May and March 2020')).toMatch(/ends .* before it starts/);
    expect(refused('2021-2019')).toMatch(/before it starts/);
  });

  it('copes with no-break spaces, zero-width characters and dashes', () => {
    expect(parsed('14\u00a0April\u202f2020').start).toEqual({ year: 2020, month: 4, day: 14 });
    expect(parsed('14 Apr\u200bil 2020').start).toEqual({ year: 2020, month: 4, day: 14 });
    expect(parsed('March — May 2020').end).toEqual({ year: 2020, month: 5 });
  });
});

describe('formatPartialDate', () => {
  it.each([
    ['2020', '2020'],
    ['2020-04', 'April 2020'],
    ['2020-04-14', '14 April 2020'],
    ['2020-04-14 15:00 UTC', '14 April 2020, 15:00 UTC'],
    ['2020-04-14 15:00 +02:00', '14 April 2020, 15:00 UTC+02:00'],
    ['2020-04-14 09:05', '14 April 2020, 09:05'],
    ['c. 2020', 'c. 2020'],
    ['between March and May 2020', 'between March and May 2020'],
    ['between December 2019 and February 2020', 'between December 2019 and February 2020'],
    ['3–5 March 2020', 'between 3 and 5 March 2020'],
    ['2019-2021', 'between 2019 and 2021'],
    ['before 14 April 2020', 'before 14 April 2020'],
    ['after 2019', 'after 2019'],
    ['c. before 2019', 'c. before 2019'],
  ])('shows %s as "%s"', (input, shown) => {
    expect(formatPartialDate(parsed(input))).toBe(shown);
  });

  it('reads back what it writes', () => {
    const inputs = [
      '2020',
      'April 2020',
      '14 April 2020',
      '2020-04-14 15:00 UTC',
      'c. 1999',
      'between 3 and 5 March 2020',
      'between March 2019 and May 2020',
      'before 14 April 2020',
      'after 2019',
      '14 April 2020 15:00 Europe/Berlin',
      '0044',
    ];
    for (const input of inputs) {
      const date = parsed(input);
      expect(parsed(formatPartialDate(date))).toEqual(date);
    }
  });
});

describe('intervals and sorting', () => {
  it('covers the whole stated period', () => {
    const april = intervalOf(parsed('April 2020'));
    expect(new Date(april.start).toISOString()).toBe('2020-04-01T00:00:00.000Z');
    expect(new Date(april.end).toISOString()).toBe('2020-05-01T00:00:00.000Z');
    const year = intervalOf(parsed('2020'));
    expect(new Date(year.end).toISOString()).toBe('2021-01-01T00:00:00.000Z');
    const december = intervalOf(parsed('December 2020'));
    expect(new Date(december.end).toISOString()).toBe('2021-01-01T00:00:00.000Z');
    const minute = intervalOf(parsed('2020-04-14 15:00 UTC'));
    expect(minute.end - minute.start).toBe(60_000);
  });

  it('applies stated time zones', () => {
    const berlin = intervalOf(parsed('2020-07-01 12:00 Europe/Berlin'));
    expect(new Date(berlin.start).toISOString()).toBe('2020-07-01T10:00:00.000Z');
    const winter = intervalOf(parsed('2020-01-01 12:00 Europe/Berlin'));
    expect(new Date(winter.start).toISOString()).toBe('2020-01-01T11:00:00.000Z');
    const offset = intervalOf(parsed('2020-07-01 12:00 -05:00'));
    expect(new Date(offset.start).toISOString()).toBe('2020-07-01T17:00:00.000Z');
  });

  it('handles years before 100 without sliding into the 1900s', () => {
    expect(new Date(intervalOf(parsed('0044')).start).getUTCFullYear()).toBe(44);
  });

  it('sorts by the start of the interval, the shorter first on ties', () => {
    const texts = [
      '2021',
      'after 2019',
      '14 April 2020',
      'April 2020',
      'before 14 April 2020',
      '2020',
      'c. 2019',
    ];
    const sorted = texts
      .map((text) => ({ text, date: parsed(text) }))
      .sort((a, b) => comparePartialDates(a.date, b.date))
      .map((item) => item.text);
    expect(sorted).toEqual([
      'c. 2019',
      'after 2019',
      '2020',
      'April 2020',
      'before 14 April 2020',
      '14 April 2020',
      '2021',
    ]);
  });
});

describe('helpers', () => {
  it('names precisions', () => {
    expect(precisionOf({ year: 2020 })).toBe('year');
    expect(precisionOf({ year: 2020, month: 1, day: 2, hour: 3, minute: 4 })).toBe('minute');
  });

  it('normalises time zones', () => {
    expect(normalizeTimeZone('gmt')).toBe('UTC');
    expect(normalizeTimeZone('+0530')).toBe('+05:30');
    expect(normalizeTimeZone('UTC-3')).toBe('-03:00');
    expect(normalizeTimeZone('+00:00')).toBe('UTC');
    expect(normalizeTimeZone('+15:00')).toBeUndefined();
    expect(normalizeTimeZone('Nowhere/Land')).toBeUndefined();
  });

  it('makes a date from an instant', () => {
    expect(partialDateFromInstant('2022-07-27T08:15:00Z')).toEqual({
      start: { year: 2022, month: 7, day: 27, hour: 8, minute: 15 },
      approximate: false,
      timeZone: 'UTC',
    });
    expect(partialDateFromInstant('not a date')).toBeUndefined();
  });
});

describe('parts of years and decades', () => {
  it('reads early, mid and late as approximate ranges', () => {
    expect(parsed('early 2020')).toMatchObject({
      start: { year: 2020, month: 1 },
      end: { year: 2020, month: 4 },
      approximate: true,
    });
    expect(parsed('mid-2020')).toMatchObject({ start: { month: 5 }, end: { month: 8 } });
    expect(parsed('late April 2020')).toMatchObject({
      start: { year: 2020, month: 4, day: 21 },
      end: { year: 2020, month: 4, day: 30 },
      approximate: true,
    });
    expect(formatPartialDate(parsed('early 2020'))).toBe('c. between January and April 2020');
    expect(parsed(formatPartialDate(parsed('late 2020')))).toEqual(parsed('late 2020'));
    expect(refused('early 14 April 2020')).toMatch(/month or a year/);
  });

  it('reads decades', () => {
    expect(parsed('the 1990s')).toMatchObject({ start: { year: 1990 }, end: { year: 1999 } });
  });

  it('says which dates are uncertain', () => {
    expect(isUncertainDate(parsed('14 April 2020'))).toBe(false);
    expect(isUncertainDate(parsed('April 2020'))).toBe(true);
    expect(isUncertainDate(parsed('c. 14 April 2020'))).toBe(true);
    expect(isUncertainDate(parsed('before 14 April 2020'))).toBe(true);
    expect(isUncertainDate(parsed('between 3 and 5 March 2020'))).toBe(false);
  });

  it('changes the time zone without moving the wall clock', () => {
    const local = parsed('2020-04-14 15:00');
    const utc = withTimeZone(local, 'UTC');
    expect(utc.start).toEqual(local.start);
    expect(formatPartialDate(utc)).toBe('14 April 2020, 15:00 UTC');
    expect(withTimeZone(utc, undefined)).toEqual(local);
  });

  it('refuses years before 1 and after 9999, and negative years', () => {
    expect(refused('10000-01-01')).toBeTruthy();
    expect(refused('-44')).toBeTruthy();
    expect(refused('0000')).toMatch(/1 to 9999/);
  });
});
