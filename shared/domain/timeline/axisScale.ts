import { MONTH_NAMES } from '../partialDate';

/** One mark on the time axis. */
export interface AxisTick {
  /** Milliseconds since 1970 (wall clock read as UTC, like the events' sort keys). */
  at: number;
  label: string;
  /** A major tick starts a larger unit (a year among months, a day among hours). */
  major: boolean;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The first and last instants the axis can show: 1 January of year 1 to the end of 9999. */
export const AXIS_MAX = Date.UTC(10_000, 0, 1);

/** The narrowest view: six hours across the axis. The widest: ten thousand years. */
export const MIN_SPAN = 6 * HOUR;
export const MAX_SPAN = AXIS_MAX - utc(1);

function utc(year: number, month = 0, day = 1, hour = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  date.setUTCHours(hour, 0, 0, 0);
  return date.getTime();
}

interface Step {
  unit: 'year' | 'month' | 'day' | 'hour';
  size: number;
  /** Roughly how long one step is, to pick a step for the scale. */
  approx: number;
}

const YEAR_APPROX = 365.25 * DAY;
const MONTH_APPROX = YEAR_APPROX / 12;
const STEPS: Step[] = [
  ...[1, 3, 6, 12].map((size) => ({ unit: 'hour' as const, size, approx: size * HOUR })),
  ...[1, 2, 7, 14].map((size) => ({ unit: 'day' as const, size, approx: size * DAY })),
  ...[1, 3, 6].map((size) => ({ unit: 'month' as const, size, approx: size * MONTH_APPROX })),
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].map((size) => ({
    unit: 'year' as const,
    size,
    approx: size * YEAR_APPROX,
  })),
];

/** The step whose ticks stand at least `minGapPx` apart at `msPerPx`. */
export function stepFor(msPerPx: number, minGapPx = 90): Step {
  const wanted = msPerPx * minGapPx;
  return STEPS.find((step) => step.approx >= wanted) ?? (STEPS[STEPS.length - 1] as Step);
}

function floorTo(at: number, step: Step): number {
  const date = new Date(at);
  const year = date.getUTCFullYear();
  switch (step.unit) {
    case 'year':
      return utc(Math.floor(year / step.size) * step.size || (step.size > 1 ? step.size : 1));
    case 'month':
      return utc(year, Math.floor(date.getUTCMonth() / step.size) * step.size);
    case 'day': {
      const day = utc(year, date.getUTCMonth(), date.getUTCDate());
      if (step.size === 1) return day;
      // Weeks and fortnights start on Mondays.
      const weekday = (new Date(day).getUTCDay() + 6) % 7;
      return day - weekday * DAY;
    }
    case 'hour':
      return (
        utc(year, date.getUTCMonth(), date.getUTCDate()) +
        Math.floor(date.getUTCHours() / step.size) * step.size * HOUR
      );
  }
}

function next(at: number, step: Step): number {
  const date = new Date(at);
  switch (step.unit) {
    case 'year':
      return utc(date.getUTCFullYear() + step.size);
    case 'month':
      return utc(date.getUTCFullYear(), date.getUTCMonth() + step.size);
    case 'day':
      return at + step.size * DAY;
    case 'hour':
      return at + step.size * HOUR;
  }
}

function label(at: number, step: Step, major: boolean): string {
  const date = new Date(at);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = MONTH_NAMES[date.getUTCMonth()] ?? '';
  switch (step.unit) {
    case 'year':
      return year;
    case 'month':
      return major ? `${month.slice(0, 3)} ${year}` : month.slice(0, 3);
    case 'day':
      return major || date.getUTCDate() === 1
        ? `${date.getUTCDate()} ${month.slice(0, 3)} ${year}`
        : `${date.getUTCDate()} ${month.slice(0, 3)}`;
    case 'hour':
      return major
        ? `${date.getUTCDate()} ${month.slice(0, 3)} ${year}`
        : `${String(date.getUTCHours()).padStart(2, '0')}:00`;
  }
}

function isMajor(at: number, step: Step): boolean {
  const date = new Date(at);
  switch (step.unit) {
    case 'year':
      return date.getUTCFullYear() % (step.size * 10) === 0;
    case 'month':
      return date.getUTCMonth() === 0;
    case 'day':
      return date.getUTCDate() <= step.size && (step.size === 1 ? date.getUTCDate() === 1 : true);
    case 'hour':
      return date.getUTCHours() === 0;
  }
}

/**
 * The ticks between `start` and `end` when `msPerPx` milliseconds fill one pixel: years, months,
 * days or hours, far enough apart to be read. At most 400 ticks are returned.
 */
export function axisTicks(start: number, end: number, msPerPx: number): AxisTick[] {
  const step = stepFor(msPerPx);
  const ticks: AxisTick[] = [];
  const from = Math.max(start, utc(1));
  const to = Math.min(end, AXIS_MAX);
  for (let at = floorTo(from, step); at <= to && ticks.length < 400; at = next(at, step)) {
    if (at < from) continue;
    const major = isMajor(at, step);
    ticks.push({ at, label: label(at, step, major), major });
  }
  return ticks;
}

/** Keeps a view inside the axis's range and zoom limits. */
export function clampView(start: number, span: number): { start: number; span: number } {
  const clampedSpan = Math.min(MAX_SPAN, Math.max(MIN_SPAN, span));
  const min = utc(1);
  const clampedStart = Math.min(AXIS_MAX - clampedSpan, Math.max(min, start));
  return { start: clampedStart, span: clampedSpan };
}

/** Zooms a view by `factor` (below 1 zooms in) around the instant `at`. */
export function zoomView(
  view: { start: number; span: number },
  factor: number,
  at: number,
): { start: number; span: number } {
  const span = view.span * factor;
  const ratio = (at - view.start) / view.span;
  return clampView(at - ratio * span, span);
}
