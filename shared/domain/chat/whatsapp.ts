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
import { attachmentKindOf, PAD2, participantsOf, plural, examples } from './common';
import type { ChatParseResult, ParsedAttachment, ParsedChat, ParsedMessage } from './types';
import { daysInMonth } from '../../schemas/partialDate';

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

// Horizontal spaces only: a header never runs onto the next line. Includes the no-break spaces
// (U+00A0, U+202F) newer exports put between the time and AM/PM.
const H = '[ \\t\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]';
// Direction marks iOS puts before system lines, and a BOM at the very start.
const MARKS = '[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]';

/**
 * One header, matched sticky at the start of a line. Groups: 1 `[`, 2 the stated date and time,
 * 3–5 the three date fields (separator 4 is reused so both separators are the same), 6 a word
 * before the time (`à`, `um`, `klo`, `오후`), 7–9 hours, minutes, seconds, 10 an AM/PM marker.
 */
const HEADER = new RegExp(
  `${MARKS}*(\\[)?${MARKS}*` +
    `((\\d{1,4})([./-])${H}?(\\d{1,2})\\4${H}?(\\d{1,4})\\.?` +
    `(?:,${H}*|${H}+)` +
    `(?:([^\\d\\s\\[\\]]{1,8}?)${H}+)?` +
    `(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?` +
    `(?:${H}*([aApP]\\.?${H}?[mM]\\.?|[^\\d\\s\\]\\-–:.,][^\\s\\]\\-–:]{0,7}))?)` +
    `${MARKS}*(?:\\]${H}?|${H}[-–]${H})`,
  'y',
);
// The date fields are groups 3, 5, 6 once the separator is group 4; keep the names straight.
const G_BRACKET = 1;
const G_STATED = 2;
const G_A = 3;
const G_SEP = 4;
const G_B = 5;
const G_C = 6;
const G_WORD = 7;
const G_HOUR = 8;
const G_MIN = 9;
const G_SEC = 10;
const G_MARK = 11;

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

/** A header as read in the first pass, before the date order is known. */
interface RawHeader {
  a: number;
  b: number;
  c: number;
  /** The first field is a 4-digit year (2019/01/30). */
  yearFirst: boolean;
  /** The year field has two digits. */
  shortYear: boolean;
  hour: number;
  minute: number;
  second: number;
  marker: string | undefined;
  bracket: boolean;
  /** The date is written with dots (31.12.20). */
  dotted: boolean;
  stated: string;
  sender: string | undefined;
  /** Where the message's own text starts in the file, and where the first line ends. */
  bodyStart: number;
  firstLineEnd: number;
  /** Where the text ends (set when the next header, or the end, is reached). */
  bodyEnd: number;
}

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
      reason: `The WhatsApp export could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function parseWhatsAppUnsafe(
  chatName: string,
  text: string,
  options: WhatsAppOptions,
): ChatParseResult {
  const headers: RawHeader[] = [];
  const senders = new Set<string>();
  const n = text.length;
  let pos = 0;
  let linesBefore = 0;
  let previous: RawHeader | undefined;

  while (pos < n) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd === -1) lineEnd = n;
    const header = readHeader(text, pos, lineEnd);
    if (header) {
      if (previous) previous.bodyEnd = pos;
      headers.push(header);
      if (header.sender !== undefined) senders.add(header.sender);
      previous = header;
    } else if (
      !previous &&
      lineEnd > pos &&
      !(lineEnd === pos + 1 && text.charCodeAt(pos) === 13)
    ) {
      linesBefore += 1;
    }
    pos = lineEnd + 1;
  }
  if (previous) previous.bodyEnd = n;

  if (headers.length === 0) {
    return {
      ok: false,
      reason:
        'No line of this file starts with a WhatsApp timestamp such as “12/31/20, 9:41 PM - Name:” ' +
        'or “[31.12.20, 21:41:05] Name:”.',
    };
  }

  const warnings: string[] = [];
  if (linesBefore > 0) {
    warnings.push(
      `${plural(linesBefore, 'line')} before the first message did not start with a timestamp and ${linesBefore === 1 ? 'was' : 'were'} not read.`,
    );
  }

  const order = options.dateOrder ?? decideDateOrder(headers, warnings);
  const unknownMarkers = new Set<string>();
  const impossible: string[] = [];
  const messages: ParsedMessage[] = new Array<ParsedMessage>(headers.length);
  let brackets = 0;

  for (let i = 0; i < headers.length; i += 1) {
    const h = headers[i]!;
    if (h.bracket) brackets += 1;
    let sender = h.sender;
    let bodyStart = h.bodyStart;
    if (sender === undefined) {
      // "John Doe:." or "John Doe:" (nothing after the colon): a known sender with an empty or
      // unspaced body, not an event.
      const colon = text.indexOf(':', h.bodyStart);
      if (colon > h.bodyStart && colon < h.firstLineEnd) {
        const candidate = text.slice(h.bodyStart, colon);
        if (senders.has(candidate)) {
          sender = candidate;
          bodyStart = text.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1;
        }
      }
    }
    let end = h.bodyEnd;
    // Drop the line break (and blank lines) before the next header.
    while (end > bodyStart) {
      const c = text.charCodeAt(end - 1);
      if (c === 10 || c === 13) end -= 1;
      else break;
    }
    let body = end > bodyStart ? text.slice(bodyStart, end) : '';
    if (body.indexOf('\r') !== -1) body = body.replace(/\r\n?/g, '\n');

    const message: ParsedMessage = {
      seq: i,
      sentAtStated: h.stated,
      text: body,
      system: sender === undefined,
      attachments: [],
    };
    if (sender !== undefined) message.sender = sender;
    const sentAt = isoOf(h, order, unknownMarkers);
    if (sentAt === undefined) impossible.push(h.stated);
    else message.sentAt = sentAt;
    readBody(message);
    messages[i] = message;
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
    format: brackets * 2 >= headers.length ? 'whatsapp-ios' : 'whatsapp-android',
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

/** Reads the header at the start of a line, or returns undefined when the line has none. */
function readHeader(text: string, lineStart: number, lineEnd: number): RawHeader | undefined {
  // Cheap test before the regular expression: a header starts with a digit or "[" (after marks).
  let k = lineStart;
  let c = text.charCodeAt(k);
  while (c === 0x200e || c === 0x200f || c === 0xfeff || (c >= 0x202a && c <= 0x202e)) {
    k += 1;
    c = text.charCodeAt(k);
  }
  if (c !== 91 && (c < 48 || c > 57)) return undefined;
  HEADER.lastIndex = lineStart;
  const m = HEADER.exec(text);
  if (!m || HEADER.lastIndex > lineEnd) return undefined;

  const aText = m[G_A]!;
  const cText = m[G_C]!;
  const a = Number(aText);
  const b = Number(m[G_B]);
  const cNum = Number(cText);
  const yearFirst = aText.length === 4;
  if (yearFirst) {
    if (cText.length > 2) return undefined;
  } else {
    if (aText.length > 2 || (cText.length !== 2 && cText.length !== 4)) return undefined;
    if (a > 31 || b > 31) return undefined;
  }
  const hour = Number(m[G_HOUR]);
  const minute = Number(m[G_MIN]);
  const secText = m[G_SEC];
  const second = secText === undefined ? 0 : Number(secText);
  if (hour > 24 || minute > 59 || second > 60) return undefined;

  // A word before the time is either an AM/PM marker (`오후 9:41`) or a connector (`à`, `um`).
  let marker = m[G_MARK];
  const word = m[G_WORD];
  if (marker === undefined && word !== undefined && meridiem(word)) marker = word;

  let bodyStart = HEADER.lastIndex;
  let firstLineEnd = lineEnd;
  if (firstLineEnd > bodyStart && text.charCodeAt(firstLineEnd - 1) === 13) firstLineEnd -= 1;
  // Skip direction marks before the sender or the event.
  while (bodyStart < firstLineEnd) {
    const d = text.charCodeAt(bodyStart);
    if (d === 0x200e || d === 0x200f) bodyStart += 1;
    else break;
  }

  let sender: string | undefined;
  const sep = text.indexOf(': ', bodyStart);
  if (sep > bodyStart && sep < firstLineEnd) {
    const candidate = text.slice(bodyStart, sep);
    if (!(candidate.length > 12 && SYSTEM_SENDER.test(candidate))) {
      sender = candidate;
      bodyStart = sep + 2;
    }
  }

  return {
    a,
    b,
    c: cNum,
    yearFirst,
    shortYear: yearFirst ? false : cText.length === 2,
    hour,
    minute,
    second,
    marker,
    bracket: m[G_BRACKET] !== undefined,
    dotted: m[G_SEP] === '.',
    stated: m[G_STATED]!,
    sender,
    bodyStart,
    firstLineEnd,
    bodyEnd: lineEnd,
  };
}

/**
 * Decides whether the first date field is the day or the month, from every header in the file:
 * a first field above 12 means day first, a second field above 12 means month first. When no
 * field says, the order that keeps the messages in time order wins; failing that, the usual order
 * for the separator is assumed and a warning says so.
 */
function decideDateOrder(headers: readonly RawHeader[], warnings: string[]): DateOrder {
  let firstOver = 0;
  let secondOver = 0;
  let dotted = 0;
  let twelveHour = 0;
  let considered = 0;
  for (const h of headers) {
    if (h.yearFirst) continue;
    considered += 1;
    if (h.a > 12) firstOver += 1;
    if (h.b > 12) secondOver += 1;
    if (h.marker !== undefined) twelveHour += 1;
    if (h.dotted) dotted += 1;
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
  const dmyBackwards = countBackwards(headers, 'dmy');
  const mdyBackwards = countBackwards(headers, 'mdy');
  if (dmyBackwards !== mdyBackwards) {
    const order: DateOrder = dmyBackwards < mdyBackwards ? 'dmy' : 'mdy';
    warnings.push(
      `No date in this file has a day above 12, so day/month and month/day both read. ${order === 'dmy' ? 'Day/month' : 'Month/day'} was chosen because it keeps the messages in time order; check a date you know.`,
    );
    return order;
  }
  const order: DateOrder =
    dotted * 2 >= considered ? 'dmy' : twelveHour * 2 > considered ? 'mdy' : 'dmy';
  const why =
    order === 'dmy'
      ? dotted * 2 >= considered
        ? 'as is usual for dates written with dots'
        : 'as is usual for dates with a 24-hour clock'
      : 'as is usual for dates with an AM/PM clock (United States)';
  warnings.push(
    `The date order could not be decided: no date in this file has a day above 12. Dates were read as ${order === 'dmy' ? 'day/month (31/12)' : 'month/day (12/31)'}, ${why}; check a date you know.`,
  );
  return order;
}

function countBackwards(headers: readonly RawHeader[], order: DateOrder): number {
  let backwards = 0;
  let last = -Infinity;
  for (const h of headers) {
    if (h.yearFirst) continue;
    const month = order === 'dmy' ? h.b : h.a;
    const day = order === 'dmy' ? h.a : h.b;
    const key = ((h.c * 13 + month) * 32 + day) * 1440 + h.hour * 60 + h.minute;
    if (key < last) backwards += 1;
    last = key;
  }
  return backwards;
}

/** The header's time as ISO 8601 without an offset, or undefined when it does not exist. */
function isoOf(h: RawHeader, order: DateOrder, unknownMarkers: Set<string>): string | undefined {
  let year: number;
  let month: number;
  let day: number;
  if (h.yearFirst) {
    year = h.a;
    month = h.b;
    day = h.c;
  } else {
    year = h.shortYear ? 2000 + h.c : h.c;
    if (order === 'dmy') {
      day = h.a;
      month = h.b;
    } else {
      month = h.a;
      day = h.b;
    }
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  let hour = h.hour;
  if (h.marker !== undefined) {
    const half = meridiem(h.marker);
    if (half === undefined) unknownMarkers.add(h.marker);
    else {
      if (hour < 1 || hour > 12) return undefined;
      if (half === 'am' && hour === 12) hour = 0;
      else if (half === 'pm' && hour !== 12) hour += 12;
    }
  }
  if (hour > 23) return undefined;
  const second = h.second > 59 ? 59 : h.second;
  return `${year}-${PAD2[month]}-${PAD2[day]}T${PAD2[hour]}:${PAD2[h.minute]}:${PAD2[second]}`;
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
  const lower = body.length < 60 ? body.toLowerCase() : '';
  const maybeOmitted = body.endsWith('omitted');
  const maybeDeleted = lower !== '' && DELETED.has(lower.replace(/\.$/, ''));
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
      const header = readHeader(text, pos, lineEnd);
      if (header) headers += 1;
      if (firstTextLine && header) return true;
      firstTextLine = false;
      lines += 1;
    }
    pos = lineEnd + 1;
  }
  return headers >= 3;
}
