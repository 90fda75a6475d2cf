/**
 * WhatsApp's "Export chat" text (`_chat.txt` on iOS, `WhatsApp Chat with X.txt` on Android), alone
 * or in the `.zip` WhatsApp makes when media are included.
 *
 * A message starts on a line that begins with a timestamp, in one of two shapes:
 *   Android  `12/31/20, 9:41 PM - Name: text`
 *   iOS      `[31.12.20, 21:41:05] Name: text`
 * and the many locale variants of both: day/month or month/day (decided from the whole file),
 * 2- or 4-digit years, year first, dots, dashes or slashes, 12- or 24-hour clocks with AM/PM in
 * local forms (`p. m.`, `午後`, `nachm.`), no-break spaces, U+200E marks. Every other line
 * continues the message above it. Lines with no `Name: ` are events (joins, encryption notices).
 *
 * WhatsApp writes no time zone: times are the wall-clock time of the phone that made the export.
 */
import { errorMessage } from '../errorMessage';
import { attachmentKindOf, PAD2, participantsOf, plural, examples } from './common';
import type { ChatParseResult, ParsedAttachment, ParsedChat, ParsedMessage } from './types';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the Gregorian calendar (kept here so the parser pulls in no schema code). */
function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 31;
}

/** Which of the first two date fields is the day. */
export type DateOrder = 'dmy' | 'mdy';

export interface WhatsAppOptions {
  /** Read dates in this order instead of deciding from the file. */
  dateOrder?: DateOrder;
}

/** What the timestamp assumption says for every WhatsApp export. */
export const WHATSAPP_TIME_ASSUMPTION =
  'WhatsApp writes each time as the wall-clock time of the phone that made the export and names ' +
  'no time zone: the times here are that local time, and the zone is not known.';

// --- Headers -------------------------------------------------------------------------------------
//
// A header is scanned by hand rather than with a regular expression: a 100,000-message export has
// 100,000 of them, and a scanner that allocates nothing but the stated time is several times
// faster. It reads, from the start of a line:
//
//   marks* "["? marks* A sep " "? B sep " "? C "."? ("," H* | H+) (word H*)? HH [:.] MM ([:.] SS)?
//   (H* marker)? marks* ("]" H? | H [-–] H)
//
// where marks are the direction marks iOS puts before lines (U+200E…) and a BOM; H is a
// horizontal space, no-break spaces included (U+00A0, U+202F); sep is one of . / - (both the
// same); word is up to 8 letters before the time (à, um, klo, 오후, 午前); marker is AM/PM in any
// form (PM, p.m., p. m., nachm., 午後) or another short word.

function isMark(c: number): boolean {
  return (
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff
  );
}

/** A horizontal space: never a line break. */
function isH(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** What JavaScript's \s matches (for the word before the time and the marker). */
function isSpace(c: number): boolean {
  return (
    isH(c) || (c >= 10 && c <= 13) || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0xfeff
  );
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const AM_MARKERS = new Set([
  'am',
  'a',
  'vorm',
  '午前',
  '上午',
  '오전',
  'ص',
  'πμ',
  'ap',
  'fm',
  'sa',
]);
const PM_MARKERS = new Set([
  'pm',
  'p',
  'nachm',
  '午後',
  '下午',
  '오후',
  'م',
  'μμ',
  'ip',
  'em',
  'ch',
]);

/** AM/PM from a marker in any of the forms exports use, or undefined when it is not one. */
function meridiem(marker: string): 'am' | 'pm' | undefined {
  const key = marker.toLowerCase().replace(/[.\s\u00A0\u202F]/g, '');
  if (AM_MARKERS.has(key)) return 'am';
  if (PM_MARKERS.has(key)) return 'pm';
  return undefined;
}

/** What the scanner found; one object reused for every line. */
interface Scan {
  a: number;
  b: number;
  c: number;
  aDigits: number;
  cDigits: number;
  dotted: boolean;
  bracket: boolean;
  hour: number;
  minute: number;
  second: number;
  /** 0 no marker, 1 AM, 2 PM, 3 a marker that is not a known AM/PM form. */
  half: number;
  markerStart: number;
  markerEnd: number;
  statedStart: number;
  statedEnd: number;
  /** Where the header ends (the sender or event starts). */
  end: number;
}

const HALF_NONE = 0;
const HALF_AM = 1;
const HALF_PM = 2;
const HALF_UNKNOWN = 3;

function newScan(): Scan {
  return {
    a: 0,
    b: 0,
    c: 0,
    aDigits: 0,
    cDigits: 0,
    dotted: false,
    bracket: false,
    hour: 0,
    minute: 0,
    second: 0,
    half: 0,
    markerStart: 0,
    markerEnd: 0,
    statedStart: 0,
    statedEnd: 0,
    end: 0,
  };
}

/** Where the header's closing ("] " or " - ") ends, or -1 when it does not close at `p`. */
function closeAt(text: string, p: number, lineEnd: number): number {
  while (p < lineEnd && isMark(text.charCodeAt(p))) p += 1;
  if (p >= lineEnd) return -1;
  const c = text.charCodeAt(p);
  if (c === 93) {
    return p + 1 < lineEnd && isH(text.charCodeAt(p + 1)) ? p + 2 : p + 1;
  }
  if (isH(c) && p + 2 < lineEnd) {
    const dash = text.charCodeAt(p + 1);
    if ((dash === 45 || dash === 0x2013) && isH(text.charCodeAt(p + 2))) return p + 3;
  }
  return -1;
}

/** Reads `max` digits at most at `p` into scan.value; returns the digits read (0 when none). */
function digitsAt(
  text: string,
  p: number,
  lineEnd: number,
  max: number,
  out: { value: number },
): number {
  let n = 0;
  let value = 0;
  while (p + n < lineEnd && n <= max) {
    const c = text.charCodeAt(p + n);
    if (!isDigit(c)) break;
    value = value * 10 + (c - 48);
    n += 1;
  }
  out.value = value;
  return n;
}

const digitBox = { value: 0 };

/** Scans a header at the start of a line into `out`; false when the line does not start with one. */
function scanHeader(text: string, lineStart: number, lineEnd: number, out: Scan): boolean {
  let p = lineStart;
  while (p < lineEnd && isMark(text.charCodeAt(p))) p += 1;
  if (p >= lineEnd) return false;
  let c = text.charCodeAt(p);
  out.bracket = c === 91;
  if (out.bracket) {
    p += 1;
    while (p < lineEnd && isMark(text.charCodeAt(p))) p += 1;
  }
  out.statedStart = p;

  // Date: A sep B sep C
  let n = digitsAt(text, p, lineEnd, 4, digitBox);
  if (n === 0 || n > 4) return false;
  out.a = digitBox.value;
  out.aDigits = n;
  p += n;
  if (p >= lineEnd) return false;
  const sep = text.charCodeAt(p);
  if (sep !== 46 && sep !== 47 && sep !== 45) return false;
  out.dotted = sep === 46;
  p += 1;
  if (p < lineEnd && isH(text.charCodeAt(p))) p += 1;
  n = digitsAt(text, p, lineEnd, 2, digitBox);
  if (n === 0 || n > 2) return false;
  out.b = digitBox.value;
  p += n;
  if (p >= lineEnd || text.charCodeAt(p) !== sep) return false;
  p += 1;
  if (p < lineEnd && isH(text.charCodeAt(p))) p += 1;
  n = digitsAt(text, p, lineEnd, 4, digitBox);
  if (n === 0 || n > 4) return false;
  out.c = digitBox.value;
  out.cDigits = n;
  p += n;
  if (p < lineEnd && text.charCodeAt(p) === 46) p += 1;

  // "," then spaces, or at least one space.
  if (p >= lineEnd) return false;
  c = text.charCodeAt(p);
  if (c === 44) {
    p += 1;
    while (p < lineEnd && isH(text.charCodeAt(p))) p += 1;
  } else {
    if (!isH(c)) return false;
    while (p < lineEnd && isH(text.charCodeAt(p))) p += 1;
  }

  // A word before the time: a connector (à, um, klo) or a marker (오후, 午前).
  let wordStart = -1;
  let wordEnd = -1;
  if (p < lineEnd && !isDigit(text.charCodeAt(p))) {
    wordStart = p;
    while (p < lineEnd) {
      c = text.charCodeAt(p);
      if (isDigit(c) || isSpace(c) || c === 91 || c === 93) break;
      p += 1;
    }
    wordEnd = p;
    if (wordEnd === wordStart || wordEnd - wordStart > 8) return false;
    while (p < lineEnd && isH(text.charCodeAt(p))) p += 1;
  }

  // Time: HH [:.] MM ([:.] SS)?
  n = digitsAt(text, p, lineEnd, 2, digitBox);
  if (n === 0 || n > 2) return false;
  out.hour = digitBox.value;
  p += n;
  if (p >= lineEnd) return false;
  c = text.charCodeAt(p);
  if (c !== 58 && c !== 46) return false;
  p += 1;
  if (p + 1 >= lineEnd || !isDigit(text.charCodeAt(p)) || !isDigit(text.charCodeAt(p + 1)))
    return false;
  out.minute = (text.charCodeAt(p) - 48) * 10 + (text.charCodeAt(p + 1) - 48);
  p += 2;
  out.second = 0;
  if (p + 2 < lineEnd) {
    c = text.charCodeAt(p);
    if (
      (c === 58 || c === 46) &&
      isDigit(text.charCodeAt(p + 1)) &&
      isDigit(text.charCodeAt(p + 2))
    ) {
      out.second = (text.charCodeAt(p + 1) - 48) * 10 + (text.charCodeAt(p + 2) - 48);
      p += 3;
    }
  }
  out.statedEnd = p;
  out.half = HALF_NONE;

  // AM/PM after the time, then the closing; without the marker when that does not close.
  const marker = markerAt(text, p, lineEnd, out);
  if (marker !== -1) {
    const closed = closeAt(text, marker, lineEnd);
    if (closed !== -1) {
      out.statedEnd = marker;
      out.end = closed;
      return true;
    }
    out.half = HALF_NONE;
  }
  const closed = closeAt(text, p, lineEnd);
  if (closed === -1) return false;
  out.end = closed;
  if (wordStart !== -1) {
    // A word before the time may be the marker (Korean, Japanese, Chinese).
    const half = meridiem(text.slice(wordStart, wordEnd));
    if (half !== undefined) {
      out.half = half === 'am' ? HALF_AM : HALF_PM;
      out.markerStart = wordStart;
      out.markerEnd = wordEnd;
    }
  }
  return true;
}

/**
 * Reads an AM/PM marker after the time (spaces first); returns where it ends, or -1. Latin forms
 * (AM, p.m., p. m.) are read without building a string.
 */
function markerAt(text: string, p: number, lineEnd: number, out: Scan): number {
  while (p < lineEnd && isH(text.charCodeAt(p))) p += 1;
  if (p >= lineEnd) return -1;
  const start = p;
  const c = text.charCodeAt(p);
  if (c === 97 || c === 65 || c === 112 || c === 80) {
    let q = p + 1;
    if (q < lineEnd && text.charCodeAt(q) === 46) q += 1;
    if (q < lineEnd && isH(text.charCodeAt(q))) q += 1;
    const m = q < lineEnd ? text.charCodeAt(q) : -1;
    if (m === 109 || m === 77) {
      q += 1;
      if (q < lineEnd && text.charCodeAt(q) === 46) q += 1;
      out.half = c === 97 || c === 65 ? HALF_AM : HALF_PM;
      out.markerStart = start;
      out.markerEnd = q;
      return q;
    }
  }
  // Any other short word: a marker in another language, known or not.
  if (
    isDigit(c) ||
    isSpace(c) ||
    c === 93 ||
    c === 45 ||
    c === 0x2013 ||
    c === 58 ||
    c === 46 ||
    c === 44
  ) {
    return -1;
  }
  let q = p + 1;
  while (q < lineEnd && q - p < 8) {
    const d = text.charCodeAt(q);
    if (isSpace(d) || d === 93 || d === 45 || d === 0x2013 || d === 58) break;
    q += 1;
  }
  const half = meridiem(text.slice(start, q));
  out.half = half === 'am' ? HALF_AM : half === 'pm' ? HALF_PM : HALF_UNKNOWN;
  out.markerStart = start;
  out.markerEnd = q;
  return q;
}

// Per-message numbers kept in one Int32Array during the first pass (no object per header).
const F_A = 0;
const F_B = 1;
const F_C = 2;
/** Bits: 1 year first, 2 two-digit year, 4 bracket, 8 dotted, 16/32/48 AM/PM/unknown marker. */
const F_FLAGS = 3;
const F_HOUR = 4;
const F_MINUTE = 5;
const F_SECOND = 6;
/** Where the line's text after the header starts (for a sender found late). */
const F_REST = 7;
const F_LINE_END = 8;
/** Where the message's text ends (before the next header). */
const F_BODY_END = 9;
const STRIDE = 10;

const YEAR_FIRST = 1;
const SHORT_YEAR = 2;
const BRACKET = 4;
const DOTTED = 8;
const HALF_SHIFT = 4;

const SYSTEM_SENDER =
  /\b(?:created group|changed the (?:subject|group name|group description)|changed this group's)\b/;

/**
 * Reads a WhatsApp text export. `chatName` is what the conversation is called (from the file or
 * zip name: see {@link whatsAppChatNameFromFileName}). Never throws.
 */
export function parseWhatsApp(
  chatName: string,
  text: string,
  options: WhatsAppOptions = {},
): ChatParseResult {
  try {
    return parseWhatsAppUnsafe(chatName, text, options);
  } catch (error) {
    return {
      ok: false,
      reason: `The WhatsApp export could not be read: ${errorMessage(error)}`,
    };
  }
}

/**
 * The first ":" (followed by a space when `spaced`) between two offsets of one line, or -1.
 * Searching only the line keeps a file of events without colons linear: indexOf would run on to
 * the next colon in the file for every one of them.
 */
function colonIn(text: string, from: number, end: number, spaced: boolean): number {
  for (let i = from; i < end; i += 1) {
    if (text.charCodeAt(i) === 58 && (!spaced || (i + 1 < end && text.charCodeAt(i + 1) === 32))) {
      return i;
    }
  }
  return -1;
}

/** Checks the fields a scanned header holds; false for what cannot be a date and time. */
function plausible(scan: Scan): boolean {
  if (scan.aDigits === 4) {
    if (scan.cDigits > 2) return false;
  } else {
    if (scan.aDigits > 2 || (scan.cDigits !== 2 && scan.cDigits !== 4)) return false;
    if (scan.a > 31 || scan.b > 31) return false;
  }
  return scan.hour <= 24 && scan.minute <= 59 && scan.second <= 60;
}

function parseWhatsAppUnsafe(
  chatName: string,
  text: string,
  options: WhatsAppOptions,
): ChatParseResult {
  const n = text.length;
  const scan = newScan();
  let nums = new Int32Array(STRIDE * 1024);
  const messages: ParsedMessage[] = [];
  const senders = new Set<string>();
  const unknownMarkers = new Set<string>();
  /** Messages whose line has no "Name: " (events, or "Name:" with nothing after it). */
  const unsplit: number[] = [];
  let linesBefore = 0;
  let count = 0;
  let bodyStart = -1;
  let pos = 0;

  /** The text between two offsets, without the line breaks before the next header, CRLF as LF. */
  const bodyText = (start: number, bodyEnd: number): string => {
    let end = bodyEnd;
    while (end > start) {
      const c = text.charCodeAt(end - 1);
      if (c === 10 || c === 13) end -= 1;
      else break;
    }
    const body = end > start ? text.slice(start, end) : '';
    return body.indexOf('\r') === -1 ? body : body.replace(/\r\n?/g, '\n');
  };
  const finish = (bodyEnd: number) => {
    const message = messages[count - 1]!;
    nums[(count - 1) * STRIDE + F_BODY_END] = bodyEnd;
    message.text = bodyText(bodyStart, bodyEnd);
    readBody(message);
  };

  while (pos < n) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd === -1) lineEnd = n;
    // A header starts with a digit or "[" (after marks): test that before scanning.
    let k = pos;
    let c = text.charCodeAt(k);
    while (isMark(c)) c = text.charCodeAt(++k);
    if ((c === 91 || isDigit(c)) && scanHeader(text, pos, lineEnd, scan) && plausible(scan)) {
      if (count > 0) finish(pos);
      if ((count + 1) * STRIDE > nums.length) {
        const grown = new Int32Array(nums.length * 2);
        grown.set(nums);
        nums = grown;
      }
      const at = count * STRIDE;
      const yearFirst = scan.aDigits === 4;
      nums[at + F_A] = scan.a;
      nums[at + F_B] = scan.b;
      nums[at + F_C] = scan.c;
      nums[at + F_FLAGS] =
        (yearFirst ? YEAR_FIRST : 0) |
        (!yearFirst && scan.cDigits === 2 ? SHORT_YEAR : 0) |
        (scan.bracket ? BRACKET : 0) |
        (scan.dotted ? DOTTED : 0) |
        (scan.half << HALF_SHIFT);
      if (scan.half === HALF_UNKNOWN)
        unknownMarkers.add(text.slice(scan.markerStart, scan.markerEnd));
      nums[at + F_HOUR] = scan.hour;
      nums[at + F_MINUTE] = scan.minute;
      nums[at + F_SECOND] = scan.second;

      let rest = scan.end;
      let firstLineEnd = lineEnd;
      if (firstLineEnd > rest && text.charCodeAt(firstLineEnd - 1) === 13) firstLineEnd -= 1;
      while (rest < firstLineEnd) {
        const d = text.charCodeAt(rest);
        if (d === 0x200e || d === 0x200f) rest += 1;
        else break;
      }
      nums[at + F_REST] = rest;
      nums[at + F_LINE_END] = firstLineEnd;

      const message: ParsedMessage = {
        seq: count,
        sentAtStated: text.slice(scan.statedStart, scan.statedEnd),
        text: '',
        system: true,
        attachments: [],
      };
      bodyStart = rest;
      const sep = colonIn(text, rest, firstLineEnd, true);
      if (sep > rest) {
        const candidate = text.slice(rest, sep);
        if (!(candidate.length > 12 && SYSTEM_SENDER.test(candidate))) {
          message.sender = candidate;
          message.system = false;
          senders.add(candidate);
          bodyStart = sep + 2;
        }
      }
      if (message.system) unsplit.push(count);
      messages.push(message);
      count += 1;
    } else if (count === 0 && lineEnd > pos && !(lineEnd === pos + 1 && c === 13)) {
      linesBefore += 1;
    }
    pos = lineEnd + 1;
  }
  if (count > 0) finish(n);

  if (count === 0) {
    return {
      ok: false,
      reason:
        'No line of this file starts with a WhatsApp timestamp such as “12/31/20, 9:41 PM - Name:” ' +
        'or “[31.12.20, 21:41:05] Name:”.',
    };
  }

  // "John Doe:." or "John Doe:" (nothing after the colon): a known sender with an empty or
  // unspaced body, not an event.
  for (const i of unsplit) {
    const at = i * STRIDE;
    const rest = nums[at + F_REST]!;
    const firstLineEnd = nums[at + F_LINE_END]!;
    const colon = colonIn(text, rest, firstLineEnd, false);
    if (colon <= rest) continue;
    const candidate = text.slice(rest, colon);
    if (!senders.has(candidate)) continue;
    const start = text.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1;
    const message: ParsedMessage = {
      seq: i,
      sender: candidate,
      sentAtStated: messages[i]!.sentAtStated,
      text: bodyText(start, nums[at + F_BODY_END]!),
      system: false,
      attachments: [],
    };
    readBody(message);
    messages[i] = message;
  }

  const warnings: string[] = [];
  if (linesBefore > 0) {
    warnings.push(
      `${plural(linesBefore, 'line')} before the first message did not start with a timestamp and ${linesBefore === 1 ? 'was' : 'were'} not read.`,
    );
  }

  const order = options.dateOrder ?? decideDateOrder(nums, count, warnings);
  const impossible: string[] = [];
  let brackets = 0;
  let sentAt: string | undefined;
  for (let i = 0; i < count; i += 1) {
    const at = i * STRIDE;
    if (nums[at + F_FLAGS]! & BRACKET) brackets += 1;
    // Messages in a burst share their minute: reuse the previous string rather than build another.
    if (i === 0 || !sameTime(nums, at, at - STRIDE)) sentAt = isoOf(nums, at, order);
    const message = messages[i]!;
    if (sentAt === undefined) impossible.push(message.sentAtStated);
    else message.sentAt = sentAt;
  }

  if (impossible.length > 0) {
    warnings.push(
      `${plural(impossible.length, 'message')} ${impossible.length === 1 ? 'has' : 'have'} a date or time that does not exist when read as ${order === 'dmy' ? 'day/month' : 'month/day'} (${examples(impossible)}); ${impossible.length === 1 ? 'its' : 'their'} time is left empty.`,
    );
  }
  if (unknownMarkers.size > 0) {
    warnings.push(
      `The time marker${unknownMarkers.size === 1 ? '' : 's'} ${examples([...unknownMarkers])} ${unknownMarkers.size === 1 ? 'is' : 'are'} not a known AM/PM form; those times were read as 24-hour times.`,
    );
  }

  const chat: ParsedChat = {
    format: brackets * 2 >= count ? 'whatsapp-ios' : 'whatsapp-android',
    conversations: [
      {
        name: chatName,
        participants: participantsOf(messages),
        messages,
      },
    ],
    timeZone: { assumption: WHATSAPP_TIME_ASSUMPTION },
    warnings,
  };
  return { ok: true, chat };
}

/**
 * Decides whether the first date field is the day or the month, from every header in the file:
 * a first field above 12 means day first, a second field above 12 means month first. When no
 * field says, the order that keeps the messages in time order wins; failing that, the usual order
 * for the separator is assumed and a warning says so.
 */
function decideDateOrder(nums: Int32Array, count: number, warnings: string[]): DateOrder {
  let firstOver = 0;
  let secondOver = 0;
  let dotted = 0;
  let twelveHour = 0;
  let considered = 0;
  for (let at = 0; at < count * STRIDE; at += STRIDE) {
    const flags = nums[at + F_FLAGS]!;
    if (flags & YEAR_FIRST) continue;
    considered += 1;
    if (nums[at + F_A]! > 12) firstOver += 1;
    if (nums[at + F_B]! > 12) secondOver += 1;
    if (flags >> HALF_SHIFT) twelveHour += 1;
    if (flags & DOTTED) dotted += 1;
  }
  if (considered === 0) return 'dmy';
  if (firstOver > 0 && secondOver === 0) return 'dmy';
  if (secondOver > 0 && firstOver === 0) return 'mdy';
  if (firstOver > 0 && secondOver > 0) {
    const order: DateOrder = firstOver >= secondOver ? 'dmy' : 'mdy';
    warnings.push(
      `The dates disagree about their order: ${plural(firstOver, 'date')} ${firstOver === 1 ? 'has' : 'have'} a first field above 12 and ${plural(secondOver, 'date')} a second field above 12. They were read as ${order === 'dmy' ? 'day/month' : 'month/day'}, which fits more of them; check the others.`,
    );
    return order;
  }
  // No field above 12 anywhere: see which order keeps the messages in time order.
  const dmyBackwards = countBackwards(nums, count, 'dmy');
  const mdyBackwards = countBackwards(nums, count, 'mdy');
  if (dmyBackwards !== mdyBackwards) {
    const order: DateOrder = dmyBackwards < mdyBackwards ? 'dmy' : 'mdy';
    warnings.push(
      `No date in this file has a day above 12, so day/month and month/day both read. ${order === 'dmy' ? 'Day/month' : 'Month/day'} was chosen because it keeps the messages in time order; check a date you know.`,
    );
    return order;
  }
  const byDots = dotted * 2 >= considered;
  const order: DateOrder = byDots ? 'dmy' : twelveHour * 2 > considered ? 'mdy' : 'dmy';
  const why =
    order === 'mdy'
      ? 'as is usual for dates with an AM/PM clock (United States)'
      : byDots
        ? 'as is usual for dates written with dots'
        : 'as is usual for dates with a 24-hour clock';
  warnings.push(
    `The date order could not be decided: no date in this file has a day above 12. Dates were read as ${order === 'dmy' ? 'day/month (31/12)' : 'month/day (12/31)'}, ${why}; check a date you know.`,
  );
  return order;
}

function countBackwards(nums: Int32Array, count: number, order: DateOrder): number {
  let backwards = 0;
  let last = -Infinity;
  for (let at = 0; at < count * STRIDE; at += STRIDE) {
    if (nums[at + F_FLAGS]! & YEAR_FIRST) continue;
    const a = nums[at + F_A]!;
    const b = nums[at + F_B]!;
    const month = order === 'dmy' ? b : a;
    const day = order === 'dmy' ? a : b;
    const key =
      ((nums[at + F_C]! * 13 + month) * 32 + day) * 1440 +
      nums[at + F_HOUR]! * 60 +
      nums[at + F_MINUTE]!;
    if (key < last) backwards += 1;
    last = key;
  }
  return backwards;
}

/** Whether two headers state the same date and time (the fields from A to seconds). */
function sameTime(nums: Int32Array, at: number, other: number): boolean {
  for (let k = F_A; k <= F_SECOND; k += 1) if (nums[at + k] !== nums[other + k]) return false;
  return true;
}

/** A header's time as ISO 8601 without an offset, or undefined when it does not exist. */
function isoOf(nums: Int32Array, at: number, order: DateOrder): string | undefined {
  const flags = nums[at + F_FLAGS]!;
  const a = nums[at + F_A]!;
  const b = nums[at + F_B]!;
  const c = nums[at + F_C]!;
  let year: number;
  let month: number;
  let day: number;
  if (flags & YEAR_FIRST) {
    year = a;
    month = b;
    day = c;
  } else {
    year = flags & SHORT_YEAR ? 2000 + c : c;
    if (order === 'dmy') {
      day = a;
      month = b;
    } else {
      month = a;
      day = b;
    }
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  let hour = nums[at + F_HOUR]!;
  const half = (flags >> HALF_SHIFT) & 3;
  if (half === HALF_AM || half === HALF_PM) {
    if (hour < 1 || hour > 12) return undefined;
    if (half === HALF_AM && hour === 12) hour = 0;
    else if (half === HALF_PM && hour !== 12) hour += 12;
  }
  if (hour > 23) return undefined;
  const second = Math.min(nums[at + F_SECOND]!, 59);
  return `${year}-${PAD2[month]}-${PAD2[day]}T${PAD2[hour]}:${PAD2[nums[at + F_MINUTE]!]}:${PAD2[second]}`;
}

// --- Message bodies ----------------------------------------------------------------------------

/** iOS: `<attached: 00000012-PHOTO-2020-04-14-13-00-00.jpg>`. */
const ATTACHED = /\u200E?<attached: ([^>\r\n]+)>/g;
/** Android: `IMG-20200414-WA0003.jpg (file attached)` on the first line, then the caption. */
const FILE_ATTACHED =
  /^\u200E?(.+?) \((?:file attached|Datei angehängt|archivo adjunto|fichier joint|arquivo anexado|file allegato|bestand bijgevoegd|plik załączony|dosya ekli|файл прикреплен|прикреплённый файл)\)$/i;
/** Android `<Media omitted>` in the languages seen in exports. */
const MEDIA_OMITTED = new Set([
  '<media omitted>',
  '<medien ausgeschlossen>',
  '<multimedia omitido>',
  '<archivo omitido>',
  '<médias omis>',
  '<fichier omis>',
  '<mídia oculta>',
  '<arquivo de mídia oculto>',
  '<media weggelaten>',
  '<media omessi>',
  '<media esclusi>',
  '<pominięto multimedia>',
  '<medya dahil edilmedi>',
  '<без медиафайлов>',
  '<медиафайлы опущены>',
  '<media tidak disertakan>',
]);
/** iOS `image omitted`, `‎video omitted`, `‎Contact card omitted`, `Report.pdf • 3 pages document omitted`. */
const IOS_OMITTED =
  /^(?:(.*\S)\s+)?\u200E?(image|video|audio|sticker|GIF|document|Contact card|contact card) omitted$/i;
const DELETED = new Set([
  'this message was deleted',
  'you deleted this message',
  'diese nachricht wurde gelöscht',
  'du hast diese nachricht gelöscht',
  'se eliminó este mensaje',
  'eliminaste este mensaje',
  'ce message a été supprimé',
  'vous avez supprimé ce message',
  'esta mensagem foi apagada',
  'você apagou esta mensagem',
  'questo messaggio è stato eliminato',
  'hai eliminato questo messaggio',
  'dit bericht is verwijderd',
  'je hebt dit bericht verwijderd',
  'данное сообщение удалено',
  'вы удалили данное сообщение',
]);
const DELETED_LENGTHS = new Set(
  [...DELETED].flatMap((phrase) => [phrase.length, phrase.length + 1]),
);
const EDITED =
  /[ \u00A0]?\u200E?<(?:This message was edited|Diese Nachricht wurde bearbeitet|Se editó este mensaje\.?|Mensaje editado|Ce message a été modifié|Message modifié|Esta mensagem foi editada|Mensagem editada|Questo messaggio è stato modificato|Messaggio modificato|Dit bericht is bewerkt|Сообщение изменено)>$/;

/**
 * Reads what WhatsApp writes inside a message's text: attachments, `<Media omitted>`, deleted and
 * edited markers, and the U+200E mark iOS puts before events in one-to-one chats. Markers are
 * taken out of the text and said in the fields instead.
 */
function readBody(message: ParsedMessage): void {
  let body = message.text;
  if (body.length === 0) return;
  let marked = false;
  if (body.charCodeAt(0) === 0x200e) {
    marked = true;
    body = body.replace(/^\u200E+/, '');
  }
  // Fast path: most messages have none of the markers.
  const hasAngle = body.indexOf('<') !== -1;
  const hasParen = body.indexOf('(') !== -1;
  const maybeOmitted = body.endsWith('omitted');
  // Lower-casing every short message would cost an allocation each: look only at the lengths of
  // the known phrases.
  const maybeDeleted =
    DELETED_LENGTHS.has(body.length) && DELETED.has(body.toLowerCase().replace(/\.$/, ''));
  if (!marked && !hasAngle && !hasParen && !maybeOmitted && !maybeDeleted) {
    return;
  }

  if (hasAngle && body.endsWith('>')) {
    const edited = EDITED.exec(body);
    if (edited) {
      message.edited = true;
      body = body.slice(0, edited.index);
    }
  }
  let recognised = false;
  const attachments: ParsedAttachment[] = message.attachments;
  if (hasAngle) {
    if (MEDIA_OMITTED.has(body.trim().toLowerCase())) {
      attachments.push({ name: body.trim(), omitted: true });
      body = '';
      recognised = true;
    } else if (body.indexOf('<attached: ') !== -1) {
      body = body.replace(ATTACHED, (_all, name: string) => {
        const trimmed = name.trim();
        attachments.push({ name: trimmed, kind: attachmentKindOf(trimmed) });
        return '';
      });
      body = body.replace(/^[\s\u200E]+|[\s\u200E]+$/g, '');
      recognised = true;
    }
  }
  if (!recognised && hasParen) {
    const newline = body.indexOf('\n');
    const firstLine = newline === -1 ? body : body.slice(0, newline);
    const fileAttached = FILE_ATTACHED.exec(firstLine);
    if (fileAttached) {
      const name = fileAttached[1]!.trim();
      attachments.push({ name, kind: attachmentKindOf(name) });
      body = newline === -1 ? '' : body.slice(newline + 1);
      recognised = true;
    }
  }
  if (!recognised && maybeOmitted) {
    const omitted = IOS_OMITTED.exec(body);
    if (omitted) {
      const what = omitted[2]!.toLowerCase();
      const kind: ParsedAttachment['kind'] =
        what === 'image' || what === 'gif'
          ? 'image'
          : what === 'video'
            ? 'video'
            : what === 'audio'
              ? 'audio'
              : what === 'sticker'
                ? 'sticker'
                : what === 'contact card'
                  ? 'contact'
                  : 'file';
      attachments.push({
        name: omitted[1]?.replace(/\u200E/g, '').trim() || body.replace(/\u200E/g, ''),
        kind,
        omitted: true,
      });
      body = '';
      recognised = true;
    }
  }
  if (!recognised) {
    const plain = body
      .replace(/\u200E/g, '')
      .trim()
      .toLowerCase()
      .replace(/\.$/, '');
    if (plain.length < 60 && DELETED.has(plain)) {
      message.extra = { ...message.extra, deleted: true };
      recognised = true;
    } else if (marked && message.sender !== undefined) {
      // iOS one-to-one chats put events under the contact's name, after a U+200E mark.
      message.system = true;
    }
  }
  message.text = body;
}

// --- Names and attachments ----------------------------------------------------------------------

const CHAT_NAME_PREFIX =
  /^(?:WhatsApp Chat(?: with| mit| met| con| com| avec| z| ile| с)?|Chat (?:de|di) WhatsApp (?:con|com|avec)|Discussion WhatsApp avec|Conversa do WhatsApp com|WhatsApp-chat met|Czat WhatsApp z|Чат WhatsApp с)(?:\s+[-–]\s+|\s+)(?=\S)/i;

/**
 * The conversation's name from the export's file name: "WhatsApp Chat with Ana.txt" → "Ana",
 * "WhatsApp Chat - Team.zip" → "Team". Falls back to the file name without its extension.
 */
export function whatsAppChatNameFromFileName(fileName: string): string {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  let name = fileName.slice(slash + 1).replace(/\.(?:txt|zip)$/i, '');
  const stripped = name.replace(CHAT_NAME_PREFIX, '').trim();
  if (stripped.length > 0 && stripped !== name) name = stripped;
  if (name === '_chat' || name === '') return 'WhatsApp chat';
  return name;
}

/** Whether a zip entry is WhatsApp's chat text (not media, not macOS metadata). */
export function isWhatsAppChatEntry(path: string): boolean {
  if (path.startsWith('__MACOSX/') || path.includes('/._') || path.startsWith('._')) return false;
  if (!/\.txt$/i.test(path)) return false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name === '_chat.txt' || /whatsapp/i.test(name) || !path.includes('/');
}

const lookScan = newScan();

/**
 * Whether a text reads as a WhatsApp export: its first line with text starts with a WhatsApp
 * timestamp, or at least 3 of its first 200 lines do (a few lines of junk before the chat).
 */
export function looksLikeWhatsApp(text: string): boolean {
  const n = text.length;
  let pos = 0;
  let lines = 0;
  let headers = 0;
  let firstTextLine = true;
  while (pos < n && lines < 200) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd === -1) lineEnd = n;
    const blank = /^[\s\uFEFF\u200E]*$/.test(text.slice(pos, Math.min(lineEnd, pos + 200)));
    if (!blank) {
      const header = scanHeader(text, pos, lineEnd, lookScan) && plausible(lookScan);
      if (header) headers += 1;
      if (firstTextLine && header) return true;
      firstTextLine = false;
      lines += 1;
    }
    pos = lineEnd + 1;
  }
  return headers >= 3;
}
