import { describe, expect, it } from 'vitest';
import { suggestDates } from './dateSuggestions';
import { formatPartialDate, parsePartialDate } from './partialDate';
import type { PartialDate } from '../schemas/partialDate';

function date(text: string): PartialDate {
  const result = parsePartialDate(text);
  if (!result.ok) throw new Error(result.error);
  return result.date;
}

/** The suggestions as "date ← words" lines, easy to read in a failure. */
function shown(input: Parameters<typeof suggestDates>[0]): string[] {
  return suggestDates(input).map((s) => `${formatPartialDate(s.date)} ← ${s.text}`);
}

const SENT = date('2022-07-27 08:15 UTC');

describe('suggestDates', () => {
  it('reads absolute dates at the precision the passage states', () => {
    expect(
      shown({
        passage:
          'On 14 April 2020 Minister Oduya met Halvorsen. The contract dates from March 2019, the firm from 2011.',
      }),
    ).toEqual(['14 April 2020 ← On 14 April 2020', 'March 2019 ← March 2019', '2011 ← 2011']);
  });

  it('reads ranges, open bounds and approximate dates', () => {
    expect(shown({ passage: 'Payments were made between March and May 2020.' })).toEqual([
      'between March and May 2020 ← between March and May 2020',
    ]);
    expect(shown({ passage: 'It was signed before 14 April 2020.' })).toEqual([
      'before 14 April 2020 ← before 14 April 2020',
    ]);
    expect(shown({ passage: 'They met around March 2020.' })).toEqual([
      'c. March 2020 ← around March 2020',
    ]);
    expect(shown({ passage: 'He had left after 2019.' })).toEqual(['after 2019 ← after 2019']);
  });

  it('reads times with their time zone', () => {
    expect(shown({ passage: 'Logged at 2020-04-14 15:00 UTC by the gate.' })[0]).toBe(
      '14 April 2020, 15:00 UTC ← 2020-04-14 15:00 UTC',
    );
  });

  it('counts relative dates from the source’s own date', () => {
    const suggestions = suggestDates({
      passage: 'We met him on Monday at the port.',
      reference: SENT,
      referenceLabel: 'the message’s date',
    });
    expect(suggestions[0]).toMatchObject({
      date: { start: { year: 2022, month: 7, day: 25 } },
      text: 'on Monday',
      origin: 'passage',
    });
    expect(suggestions[0]?.note).toMatch(/message’s date \(27 July 2022, 08:15 UTC\)/);
    // The message's own time is offered too, last.
    expect(suggestions.at(-1)).toMatchObject({ origin: 'source-date', date: SENT });
    expect(suggestions.at(-1)?.text).toBe('The message’s date: 27 July 2022, 08:15 UTC');
  });

  it('reads yesterday, last week and last month against the reference', () => {
    expect(shown({ passage: 'They paid yesterday.', reference: SENT }).slice(0, 1)).toEqual([
      '26 July 2022 ← yesterday',
    ]);
    expect(shown({ passage: 'The call was last week.', reference: SENT })[0]).toBe(
      'between 18 and 24 July 2022 ← last week',
    );
    expect(shown({ passage: 'It started last month.', reference: SENT })[0]).toBe(
      'June 2022 ← last month',
    );
  });

  it('leaves relative dates out without a source dated to the day', () => {
    expect(shown({ passage: 'We met him on Monday.' })).toEqual([]);
    expect(shown({ passage: 'We met him on Monday.', reference: date('July 2022') })).toEqual([
      'July 2022 ← The source’s date: July 2022',
    ]);
  });

  it('takes a missing year from the source’s date, and says so', () => {
    const [first] = suggestDates({ passage: 'Sent on 5 March.', reference: SENT });
    expect(formatPartialDate(first!.date)).toBe('5 March 2022');
    expect(first?.note).toMatch(/year is taken from/);
  });

  it('resolves "the same month" from the sentence before the passage', () => {
    expect(
      shown({
        before: 'In April 2020 the ministry opened the tender. ',
        passage: 'The same month Halvorsen registered a subsidiary.',
      }),
    ).toEqual(['April 2020 ← The same month']);
    const [suggestion] = suggestDates({
      before: 'In April 2020 the ministry opened the tender. ',
      passage: 'Later that year the contract was signed.',
    });
    expect(formatPartialDate(suggestion!.date)).toBe('2020');
    expect(suggestion?.note).toMatch(/The year of “April 2020”/);
  });

  it('resolves offsets from an earlier date in the passage', () => {
    expect(
      shown({
        passage:
          'On 14 April 2020 Oduya met the directors. Two weeks later the ministry paid Halvorsen.',
      }),
    ).toEqual(['14 April 2020 ← On 14 April 2020', 'c. 28 April 2020 ← Two weeks later']);
    expect(
      shown({ before: 'The meeting was on 3 May 2021.', passage: 'The next day he resigned.' }),
    ).toEqual(['4 May 2021 ← the next day'.replace('the', 'The')]);
  });

  it('ignores anaphora with nothing to refer to', () => {
    expect(shown({ passage: 'The same month he resigned.' })).toEqual([]);
  });

  it('never offers an impossible date', () => {
    expect(shown({ passage: 'Dated 31 February 2020.' })).toEqual([]);
  });

  it('copes with long and empty passages', () => {
    expect(suggestDates({ passage: '' })).toEqual([]);
    const long = `${'word '.repeat(50_000)} on 14 April 2020`;
    expect(() => suggestDates({ passage: long })).not.toThrow();
  });
});
