import {
  daysInMonth,
  PartialDateSchema,
  type DatePoint,
  type PartialDate,
  type Precision,
} from '../schemas/partialDate';

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const MONTH_LOOKUP: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((name, index) => {
    const lower = name.toLowerCase();
    const forms: [string, number][] = [
      [lower, index + 1],
      [lower.slice(0, 3), index + 1],
    ];
    if (lower === 'september') forms.push(['sept', index + 1]);
    return forms;
  }),
);

/** How finely a point is stated: the last of year, month, day, minute that it has. */
export function precisionOf(point: DatePoint): Precision {
  if (point.hour !== undefined) return 'minute';
  if (point.day !== undefined) return 'day';
  if (point.month !== undefined) return 'month';
  return 'year';
}

const PRECISION_RANK: Record<Precision, number> = { year: 0, month: 1, day: 2, minute: 3 };

/** The coarser of two precisions. */
export function coarserPrecision(a: Precision, b: Precision): Precision {
  return PRECISION_RANK[a] <= PRECISION_RANK[b] ? a : b;
}

// ---------------------------------------------------------------------------------------------
// Time zones

const OFFSET_PATTERN = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/**
 * Normalises what a source says about a time zone: "UTC", "GMT" and "Z" become "UTC"; offsets
 * become "+02:00"; IANA names ("Europe/Berlin") are kept when the platform knows them. Returns
 * undefined for something that is not a time zone.
 */
export function normalizeTimeZone(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^(utc|gmt|z)$/i.test(trimmed)) return 'UTC';
  const offset = OFFSET_PATTERN.exec(trimmed);
  if (offset) {
    const hours = Number(offset[2]);
    const minutes = Number(offset[3] ?? '0');
    if (hours > 14 || minutes > 59) return undefined;
    if (hours === 0 && minutes === 0) return 'UTC';
    return `${offset[1]}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  }
  if (/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(trimmed)) {
    try {
      return new Intl.DateTimeFormat('en', { timeZone: trimmed }).resolvedOptions().timeZone;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Minutes to add to UTC to get the zone's local time at the given UTC instant. */
function zoneOffsetMinutes(timeZone: string, utcMillis: number): number {
  if (timeZone === 'UTC') return 0;
  const offset = /^([+-])(\d{2}):(\d{2})$/.exec(timeZone);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3]);
    return offset[1] === '-' ? -minutes : minutes;
  }
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }).formatToParts(new Date(utcMillis));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const local = utcMillisOf(get('year'), get('month'), get('day'), get('hour'), get('minute'));
    return Math.round((local - Math.floor(utcMillis / 60_000) * 60_000) / 60_000);
  } catch {
    return 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Intervals

/** Milliseconds since 1970 of a wall-clock time read as UTC (works for years 1 to 99 too). */
function utcMillisOf(year: number, month = 1, day = 1, hour = 0, minute = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, 0, 0);
  return date.getTime();
}

/** The first instant a point covers, as wall-clock time read as UTC. */
function pointStartWallClock(point: DatePoint): number {
  return utcMillisOf(point.year, point.month, point.day, point.hour, point.minute);
}

/** The first instant after the point, as wall-clock time read as UTC. */
function pointEndWallClock(point: DatePoint): number {
  switch (precisionOf(point)) {
    case 'year':
      return utcMillisOf(point.year + 1);
    case 'month':
      return point.month === 12
        ? utcMillisOf(point.year + 1, 1)
        : utcMillisOf(point.year, (point.month ?? 1) + 1);
    case 'day':
      return pointStartWallClock(point) + 86_400_000;
    case 'minute':
      return pointStartWallClock(point) + 60_000;
  }
}

function toUtc(wallClock: number, timeZone: string | undefined): number {
  if (!timeZone) return wallClock;
  // Two passes settle the offset around daylight-saving changes.
  let utc = wallClock - zoneOffsetMinutes(timeZone, wallClock) * 60_000;
  utc = wallClock - zoneOffsetMinutes(timeZone, utc) * 60_000;
  return utc;
}

/** An interval in milliseconds since 1970, start inclusive and end exclusive. */
export interface DateInterval {
  start: number;
  end: number;
}

/**
 * The span of time a date covers. A date without a time zone is read as UTC (it is the local time
 * of the source, whatever that was). An open bound covers only its edge: "before 14 April 2020"
 * sorts at the start of 14 April, "after 2019" at the end of 2019.
 */
export function intervalOf(date: PartialDate): DateInterval {
  const start = toUtc(pointStartWallClock(date.start), date.timeZone);
  const end = toUtc(pointEndWallClock(date.end ?? date.start), date.timeZone);
  if (date.bound === 'before') return { start, end: start };
  if (date.bound === 'after') {
    const after = toUtc(pointEndWallClock(date.start), date.timeZone);
    return { start: after, end: after };
  }
  return { start, end };
}

/** Sort keys for storing with an event: the start and end of its interval. */
export function sortKeysOf(date: PartialDate): { sortStart: number; sortEnd: number } {
  const { start, end } = intervalOf(date);
  return { sortStart: start, sortEnd: end };
}

/**
 * Orders dates by the start of their interval, then by the shorter interval first (the day before
 * the month that contains it), so that a timeline reads from the most precise at each moment.
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const ia = intervalOf(a);
  const ib = intervalOf(b);
  return ia.start - ib.start || ia.end - ib.end;
}

// ---------------------------------------------------------------------------------------------
// Formatting

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function formatTimeZone(timeZone: string | undefined): string {
  if (!timeZone) return '';
  if (timeZone === 'UTC') return ' UTC';
  if (/^[+-]\d{2}:\d{2}$/.test(timeZone)) return ` UTC${timeZone}`;
  return ` ${timeZone}`;
}

function formatPoint(point: DatePoint, parts: { year?: boolean; month?: boolean } = {}): string {
  const showYear = parts.year ?? true;
  const showMonth = parts.month ?? true;
  const month = point.month ? MONTH_NAMES[point.month - 1] : undefined;
  const pieces: string[] = [];
  if (point.day !== undefined) pieces.push(String(point.day));
  if (month && showMonth) pieces.push(month);
  // Years before 1000 keep four digits, so that "0044" cannot be read as a day or a short year.
  if (showYear) pieces.push(String(point.year).padStart(4, '0'));
  let text = pieces.join(' ');
  if (point.hour !== undefined) text += `, ${pad2(point.hour)}:${pad2(point.minute ?? 0)}`;
  return text;
}

/** True when two points have the same fields stated. */
function samePrecision(a: DatePoint, b: DatePoint): boolean {
  return precisionOf(a) === precisionOf(b);
}

/**
 * A date the way a reporter would write it, at the precision the source states:
 * "2020", "April 2020", "14 April 2020", "14 April 2020, 15:00 UTC", "c. 2020",
 * "between March and May 2020", "before 14 April 2020", "after 2019". The output parses back to
 * the same date with {@link parsePartialDate}.
 */
export function formatPartialDate(date: PartialDate): string {
  const zone = formatTimeZone(date.timeZone);
  let text: string;
  if (date.end) {
    const { start, end } = date;
    const hasTime = start.hour !== undefined || end.hour !== undefined;
    const sameYear = start.year === end.year;
    const sameMonth = sameYear && start.month !== undefined && start.month === end.month;
    let left: string;
    if (!hasTime && samePrecision(start, end) && sameMonth && start.day !== undefined) {
      left = formatPoint(start, { year: false, month: false });
    } else if (!hasTime && samePrecision(start, end) && sameYear && start.month !== undefined) {
      left = formatPoint(start, { year: false });
    } else {
      left = formatPoint(start);
    }
    text = `between ${left} and ${formatPoint(end)}${zone}`;
  } else {
    text = `${formatPoint(date.start)}${zone}`;
    if (date.bound) text = `${date.bound} ${text}`;
  }
  return date.approximate ? `c. ${text}` : text;
}

/** A compact, sortable form for narrow places: "2020-04", "2020-04-14 15:00". */
export function formatPartialDateIso(date: PartialDate): string {
  const point = (p: DatePoint): string => {
    let text = String(p.year).padStart(4, '0');
    if (p.month !== undefined) text += `-${pad2(p.month)}`;
    if (p.day !== undefined) text += `-${pad2(p.day)}`;
    if (p.hour !== undefined) text += ` ${pad2(p.hour)}:${pad2(p.minute ?? 0)}`;
    return text;
  };
  let text = date.end ? `${point(date.start)} – ${point(date.end)}` : point(date.start);
  if (date.bound) text = `${date.bound === 'before' ? '<' : '>'} ${text}`;
  return date.approximate ? `~${text}` : text;
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** The result of reading a typed date. */
export type ParseResult = { ok: true; date: PartialDate } | { ok: false; error: string };

interface PointParse {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  timeZone?: string;
}

const APPROXIMATE_PREFIX =
  /^(?:(?:circa|approximately|approx\.?|around|about|roughly|ca\.|c\.|~)\s*|(?:ca|c)\s+)(?=\S)/i;

function normalizeInput(text: string): string {
  return text
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\u2012\u2013\u2014\u2015]/g, '–')
    .replace(/\s+/g, ' ')
    .trim();
}

const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+/i;

/** Splits a trailing time of day and time zone off a string. */
function splitTime(text: string): { rest: string; time?: PointParse; error?: string } {
  const timeMatch =
    /(?:^|[\sT,]|\bat\s)(\d{1,2})(?::(\d{2}))?(?::\d{2}(?:\.\d+)?)?\s*(am|pm|a\.m\.|p\.m\.)?(\s*(?:Z|UTC|GMT|[A-Za-z]+\/[A-Za-z_/+-]+|(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?))?$/i.exec(
      text,
    );
  if (!timeMatch || (timeMatch[2] === undefined && timeMatch[3] === undefined)) {
    // A time zone alone may still follow a date ("14 April 2020 UTC").
    const zoneOnly =
      /\s+(Z|UTC|GMT|[A-Za-z]+\/[A-Za-z_/+-]+|(?:UTC|GMT)\s*[+-]\d{1,2}(?::?\d{2})?)$/i.exec(text);
    if (zoneOnly?.[1]) {
      const zone = normalizeTimeZone(zoneOnly[1]);
      if (!zone) return { rest: text, error: `"${zoneOnly[1]}" is not a time zone I know.` };
      return { rest: text.slice(0, zoneOnly.index).trim(), time: { timeZone: zone } };
    }
    return { rest: text };
  }
  let hour = Number(timeMatch[1]);
  const minute = Number(timeMatch[2] ?? '0');
  const meridiem = timeMatch[3]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (hour < 1 || hour > 12)
      return { rest: text, error: `${hour} is not an hour on a 12-hour clock.` };
    if (meridiem === 'pm' && hour !== 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
  }
  if (hour > 23) return { rest: text, error: `${hour} is not an hour of the day.` };
  if (minute > 59) return { rest: text, error: `${minute} is not a minute of the hour.` };
  const time: PointParse = { hour, minute };
  if (timeMatch[4]) {
    const zone = normalizeTimeZone(timeMatch[4]);
    if (!zone) return { rest: text, error: `"${timeMatch[4].trim()}" is not a time zone I know.` };
    time.timeZone = zone;
  }
  const rest = text
    .slice(0, timeMatch.index)
    .replace(/(?:,|\bat)\s*$/i, '')
    .trim();
  return { rest, time };
}

function monthNumber(word: string): number | undefined {
  return MONTH_LOOKUP.get(word.toLowerCase().replace(/\.$/, ''));
}

/**
 * Reads one date point. Missing parts are left undefined so that a range can lend them from its
 * other end ("March–May 2020").
 */
function parsePoint(input: string): { point?: PointParse; error?: string } {
  let text = input.trim().replace(WEEKDAY, '');
  if (!text) return { error: 'Type a date, such as "April 2020" or "14 April 2020".' };

  // ISO forms: 2020, 2020-04, 2020-04-14, 2020-04-14T15:00Z, 2020-04-14 15:00 UTC
  const iso =
    /^(\d{3,4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|[A-Za-z]+\/[A-Za-z_/+-]+)?)?)?)?$/i.exec(
      text,
    );
  if (iso) {
    const point: PointParse = { year: Number(iso[1]) };
    if (iso[2] !== undefined) point.month = Number(iso[2]);
    if (iso[3] !== undefined) point.day = Number(iso[3]);
    if (iso[4] !== undefined) {
      point.hour = Number(iso[4]);
      point.minute = Number(iso[5]);
    }
    if (iso[6]) {
      const zone = normalizeTimeZone(iso[6]);
      if (!zone) return { error: `"${iso[6]}" is not a time zone I know.` };
      point.timeZone = zone;
    }
    return { point };
  }

  const { rest, time, error } = splitTime(text);
  if (error) return { error };
  text = rest;

  // Day-first numeric dates are ambiguous between countries; only the unambiguous ISO order is read.
  if (/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(text)) {
    return {
      error: `"${text}" could be day/month or month/day: write it as "14 April 2020" or 2020-04-14.`,
    };
  }

  const words = text
    .replace(/,/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0 && !/^(?:of|the)$/i.test(w));
  const point: PointParse = { ...time };
  for (const word of words) {
    const ordinal = /^(\d{1,2})(?:st|nd|rd|th)$/i.exec(word);
    const month = monthNumber(word);
    if (month !== undefined) {
      if (point.month !== undefined) return { error: `"${input.trim()}" names two months.` };
      point.month = month;
    } else if (ordinal) {
      if (point.day !== undefined) return { error: `"${input.trim()}" names two days.` };
      point.day = Number(ordinal[1]);
    } else if (/^\d+$/.test(word)) {
      const value = Number(word);
      if (word.length >= 3) {
        if (point.year !== undefined) return { error: `"${input.trim()}" names two years.` };
        point.year = value;
      } else if (point.day === undefined && (point.month !== undefined || words.length > 1)) {
        point.day = value;
      } else if (point.year === undefined) {
        return { error: `Write years with all their digits: "${word}" is ambiguous.` };
      } else {
        return { error: `"${input.trim()}" has a number I cannot place: ${word}.` };
      }
    } else if (/^(?:ad|ce)$/i.test(word)) {
      continue;
    } else {
      return { error: `"${word}" is not part of a date I can read.` };
    }
  }
  if (point.day !== undefined && point.month === undefined) {
    return { error: `"${input.trim()}" has a day but no month.` };
  }
  if (point.hour !== undefined && point.day === undefined && point.year !== undefined) {
    return { error: 'A time of day needs a day.' };
  }
  return { point };
}

function describeMissing(point: PointParse): string | undefined {
  if (point.year === undefined) return 'Add a year.';
  return undefined;
}

function completePoint(
  parsed: PointParse,
  label: string,
): { point?: DatePoint; timeZone?: string; error?: string } {
  const missing = describeMissing(parsed);
  if (missing) return { error: missing };
  const { timeZone, ...fields } = parsed;
  const year = fields.year as number;
  if (year < 1 || year > 9999) return { error: 'Years run from 1 to 9999.' };
  if (fields.month !== undefined && (fields.month < 1 || fields.month > 12)) {
    return { error: `${fields.month} is not a month.` };
  }
  if (fields.day !== undefined && fields.month !== undefined) {
    const max = daysInMonth(year, fields.month);
    if (fields.day < 1 || fields.day > max) {
      return {
        error: `${label}${fields.day} ${MONTH_NAMES[fields.month - 1]} ${year} does not exist: ${MONTH_NAMES[fields.month - 1]} ${year} has ${max} days.`,
      };
    }
  }
  const point: DatePoint = { year };
  if (fields.month !== undefined) point.month = fields.month;
  if (fields.day !== undefined) point.day = fields.day;
  if (fields.hour !== undefined) {
    point.hour = fields.hour;
    point.minute = fields.minute ?? 0;
  }
  return timeZone ? { point, timeZone } : { point };
}

function parseRange(leftText: string, rightText: string): ParseResult {
  const right = parsePoint(rightText);
  if (right.error || !right.point)
    return { ok: false, error: right.error ?? 'Unreadable end date.' };
  // "3–5 March 2020": a bare number before the dash is a day.
  const bareDay = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(leftText.trim());
  const left = bareDay
    ? { point: { day: Number(bareDay[1]) } as PointParse }
    : parsePoint(leftText);
  if (left.error || !left.point)
    return { ok: false, error: left.error ?? 'Unreadable start date.' };
  const l = { ...left.point };
  const r = right.point;
  // "March–May 2020" and "3–5 March 2020": the start borrows what it leaves out from the end.
  if (l.year === undefined) {
    l.year = r.year;
    if (l.month === undefined && l.day !== undefined) l.month = r.month;
  }
  const start = completePoint(l, '');
  if (start.error || !start.point) return { ok: false, error: start.error ?? 'Unreadable start.' };
  const end = completePoint(r, '');
  if (end.error || !end.point) return { ok: false, error: end.error ?? 'Unreadable end.' };
  if (start.timeZone && end.timeZone && start.timeZone !== end.timeZone) {
    return { ok: false, error: 'A range must use one time zone at both ends.' };
  }
  const date: PartialDate = { start: start.point, end: end.point, approximate: false };
  const timeZone = start.timeZone ?? end.timeZone;
  if (timeZone) date.timeZone = timeZone;
  const interval = intervalOf(date);
  const startInterval = intervalOf({ start: start.point, approximate: false, timeZone });
  if (interval.end <= startInterval.start) {
    return {
      ok: false,
      error: `The range ends (${formatPoint(end.point)}) before it starts (${formatPoint(start.point)}).`,
    };
  }
  return { ok: true, date };
}

/**
 * Reads a date as a reporter types it: "2020", "April 2020", "14 April 2020", "April 14, 2020",
 * "2020-04-14 15:00 UTC", "c. 2020", "between March and May 2020", "March–May 2020",
 * "before 14 April 2020", "after 2019". Impossible dates (31 February), years outside 1–9999,
 * ranges that end before they start and ambiguous numeric dates (04/05/2020) are refused with a
 * sentence saying why.
 */
export function parsePartialDate(input: string): ParseResult {
  let text = normalizeInput(input);
  if (!text) return { ok: false, error: 'Type a date, such as "April 2020" or "14 April 2020".' };
  if (text.length > 200) return { ok: false, error: 'That is too long to be a date.' };

  let approximate = false;
  const approx = APPROXIMATE_PREFIX.exec(text);
  if (approx) {
    approximate = true;
    text = text.slice(approx[0].length);
  }
  if (/\?$/.test(text)) {
    approximate = true;
    text = text.slice(0, -1).trim();
  }

  const season = parseSeason(text);
  if (season) {
    if (!season.ok) return season;
    return { ok: true, date: { ...season.date, approximate: true } };
  }

  let result: ParseResult;
  const between = /^between\s+(.+?)\s+and\s+(.+)$/i.exec(text);
  const fromTo = /^from\s+(.+?)\s+(?:to|until|till|through)\s+(.+)$/i.exec(text);
  const bound = /^(before|after|by|until|since)\s+(.+)$/i.exec(text);
  const dash = /^(.+?)\s*(?:–|\s-\s|\sto\s)\s*(.+)$/i.exec(text);
  const yearDash = /^(\d{3,4})-(\d{3,4})$/.exec(text);
  if (between?.[1] && between[2]) {
    result = parseRange(between[1], between[2]);
  } else if (fromTo?.[1] && fromTo[2]) {
    result = parseRange(fromTo[1], fromTo[2]);
  } else if (yearDash?.[1] && yearDash[2]) {
    result = parseRange(yearDash[1], yearDash[2]);
  } else if (bound?.[1] && bound[2]) {
    const word = bound[1].toLowerCase();
    if (word === 'since') {
      return { ok: false, error: '"since" is ambiguous: write "after …" or "between … and …".' };
    }
    const inner = parsePartialDate(bound[2]);
    if (!inner.ok) return inner;
    if (inner.date.end || inner.date.bound) {
      return { ok: false, error: 'An open date ("before …", "after …") takes a single date.' };
    }
    result = {
      ok: true,
      date: { ...inner.date, bound: word === 'after' ? 'after' : 'before' },
    };
    approximate = approximate || inner.date.approximate;
  } else if (dash?.[1] && dash[2]) {
    result = parseRange(dash[1], dash[2]);
  } else {
    const parsed = parsePoint(text);
    if (parsed.error || !parsed.point) {
      return { ok: false, error: parsed.error ?? `"${text}" is not a date I can read.` };
    }
    const done = completePoint(parsed.point, '');
    if (done.error || !done.point) return { ok: false, error: done.error ?? 'Unreadable date.' };
    const date: PartialDate = { start: done.point, approximate: false };
    if (done.timeZone) date.timeZone = done.timeZone;
    result = { ok: true, date };
  }
  if (!result.ok) return result;
  const date: PartialDate = { ...result.date, approximate };
  const checked = PartialDateSchema.safeParse(date);
  if (!checked.success) {
    return { ok: false, error: checked.error.issues[0]?.message ?? 'That date is not valid.' };
  }
  return { ok: true, date: checked.data };
}

const PART_OF_YEAR: Record<string, [number, number]> = {
  early: [1, 4],
  mid: [5, 8],
  late: [9, 12],
};

/**
 * "early 2020", "mid-2020", "late 2020" (thirds of the year, approximate), "early April 2020"
 * (the first ten days, approximate) and decades ("the 1990s"). Undefined when the text is none
 * of these.
 */
function parseSeason(text: string): ParseResult | undefined {
  const decade = /^(?:the\s+)?(\d{3})0s$/i.exec(text);
  if (decade?.[1]) {
    const first = Number(decade[1]) * 10;
    if (first < 1 || first + 9 > 9999) return { ok: false, error: 'Years run from 1 to 9999.' };
    return {
      ok: true,
      date: { start: { year: first }, end: { year: first + 9 }, approximate: false },
    };
  }
  const part = /^(early|mid|late)[\s-]+(.+)$/i.exec(text);
  if (!part?.[1] || !part[2]) return undefined;
  const inner = parsePoint(part[2]);
  if (inner.error || !inner.point) return { ok: false, error: inner.error ?? 'Unreadable date.' };
  const done = completePoint(inner.point, '');
  if (done.error || !done.point) return { ok: false, error: done.error ?? 'Unreadable date.' };
  const point = done.point;
  const which = part[1].toLowerCase();
  let date: PartialDate;
  if (precisionOf(point) === 'year') {
    const [from, to] = PART_OF_YEAR[which] ?? [1, 12];
    date = {
      start: { year: point.year, month: from },
      end: { year: point.year, month: to },
      approximate: true,
    };
  } else if (precisionOf(point) === 'month') {
    const month = point.month ?? 1;
    const last = daysInMonth(point.year, month);
    const [from, to] = which === 'early' ? [1, 10] : which === 'mid' ? [11, 20] : [21, last];
    date = {
      start: { year: point.year, month, day: from },
      end: { year: point.year, month, day: to },
      approximate: true,
    };
  } else {
    return { ok: false, error: `"${part[1]}" goes with a month or a year, not a day.` };
  }
  if (done.timeZone) date.timeZone = done.timeZone;
  return { ok: true, date };
}

/**
 * True when a date is uncertain enough to be drawn faded: approximate, open on one side, or stated
 * no finer than a month.
 */
export function isUncertainDate(date: PartialDate): boolean {
  if (date.approximate || date.bound) return true;
  const precision = date.end
    ? coarserPrecision(precisionOf(date.start), precisionOf(date.end))
    : precisionOf(date.start);
  return precision === 'year' || precision === 'month';
}

/** The finest precision a date states at its coarser end. */
export function precisionOfDate(date: PartialDate): Precision {
  return date.end
    ? coarserPrecision(precisionOf(date.start), precisionOf(date.end))
    : precisionOf(date.start);
}

/**
 * The same date read in another time zone, or as the local time of the source (undefined). The
 * wall-clock fields stay as the source states them; only their meaning changes.
 */
export function withTimeZone(date: PartialDate, timeZone: string | undefined): PartialDate {
  const { timeZone: _old, ...rest } = date;
  return timeZone ? { ...rest, timeZone } : rest;
}

/** The partial date of an instant, to the minute, in UTC. */
export function partialDateFromInstant(iso: string, timeZone = 'UTC'): PartialDate | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  const local = new Date(time + zoneOffsetMinutes(timeZone, time) * 60_000);
  const year = local.getUTCFullYear();
  if (year < 1 || year > 9999) return undefined;
  return {
    start: {
      year,
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
    },
    approximate: false,
    timeZone,
  };
}
