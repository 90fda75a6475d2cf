import { z } from 'zod';

/** Days in each month of a non-leap year; February is checked separately. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** True for Gregorian leap years (proleptic before 1582, which is what sources in practice mean). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days in a month (1-12) of a given year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 31;
}

/**
 * A point in time as far as the source states it: a year, optionally refined to a month, a day and
 * a time of day. Whatever is not stated is left out, never filled in with zeros.
 */
export const DatePointSchema = z
  .object({
    year: z.number().int().min(1).max(9999),
    month: z.number().int().min(1).max(12).optional(),
    day: z.number().int().min(1).max(31).optional(),
    hour: z.number().int().min(0).max(23).optional(),
    minute: z.number().int().min(0).max(59).optional(),
  })
  .superRefine((point, ctx) => {
    if (point.day !== undefined && point.month === undefined) {
      ctx.addIssue({ code: 'custom', message: 'A day needs a month.' });
    }
    if (point.hour !== undefined && point.day === undefined) {
      ctx.addIssue({ code: 'custom', message: 'A time of day needs a day.' });
    }
    if (point.minute !== undefined && point.hour === undefined) {
      ctx.addIssue({ code: 'custom', message: 'Minutes need an hour.' });
    }
    if (
      point.day !== undefined &&
      point.month !== undefined &&
      point.day > daysInMonth(point.year, point.month)
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `${point.year}-${String(point.month).padStart(2, '0')} has only ${daysInMonth(point.year, point.month)} days.`,
      });
    }
  });
export type DatePoint = z.infer<typeof DatePointSchema>;

/** How finely a date point is stated. */
export const PrecisionSchema = z.enum(['year', 'month', 'day', 'minute']);
export type Precision = z.infer<typeof PrecisionSchema>;

/**
 * A date as a source states it. `start` alone is a single date at its own precision ("April 2020"
 * covers the whole month). With `end` it is a range ("between March and May 2020"). With `bound`
 * it is open on one side: "before 14 April 2020" (`bound: 'before'`, `start` is 14 April) or "after
 * 2019". `timeZone` is what the source says ("UTC", "+02:00", "Europe/Berlin"); when absent the
 * time is the local time of the source, whatever that was.
 */
export const PartialDateSchema = z
  .object({
    start: DatePointSchema,
    end: DatePointSchema.optional(),
    approximate: z.boolean(),
    bound: z.enum(['before', 'after']).optional(),
    timeZone: z.string().min(1).max(64).optional(),
  })
  .superRefine((date, ctx) => {
    if (date.end && date.bound) {
      ctx.addIssue({
        code: 'custom',
        message: 'A date is either a range or open on one side, not both.',
      });
    }
  });
export type PartialDate = z.infer<typeof PartialDateSchema>;
