/**
 * Splits an mbox file into its messages (raw RFC 5322 text, for the e-mail parser).
 *
 * A message starts at a separator line "From <sender> <date>" (mboxo, mboxrd, mboxcl and
 * mboxcl2 alike; Mozilla writes "From - <date>", Gmail "From 1234567890@xxx <date>"). Bodies are
 * not always escaped, so a body line that begins "From " is a separator only when:
 *  - it has the shape of one: a sender token, then a date with a time and a year (or no date, when
 *    the sender is an address, "-" or MAILER-DAEMON), and the next line is a header; and
 *  - it is not inside the body a `Content-Length:` header vouches for (the length is trusted only
 *    when it ends exactly at a separator or at the end of the file: many files carry wrong ones).
 * Body lines escaped as ">From " (">>From " in mboxrd) lose one ">". CRLF and LF both work.
 */

/** One message of an mbox. */
export interface MboxMessage {
  /** The separator line ("From jwz@netscape.com Thu Jun 13 23:25:49 1996"), without its line break. */
  separator: string;
  /** The message: headers and body, ">From " lines unescaped, line breaks as in the file. */
  raw: string;
  /** Where the separator line starts in the mbox text. */
  offset: number;
}

export interface MboxSplit {
  messages: MboxMessage[];
  /** Things to tell the reporter (text before the first separator, ignored Content-Lengths…). */
  warnings: string[];
}

const SEPARATOR = /^From (\S+)(?:[ \t]+(.*?))?[ \t]*\r?$/;
const HEADER_LINE = /^[!-9;-~]+[ \t]*:/;

/** Whether a line (without its line break) has the shape of an mbox separator. */
export function isMboxSeparator(line: string): boolean {
  const m = SEPARATOR.exec(line);
  if (!m) return false;
  const sender = m[1]!;
  const rest = m[2] ?? '';
  if (rest === '') return sender === '-' || sender.includes('@') || /^MAILER-DAEMON$/i.test(sender);
  // A date: a month, a time of day and a year ("Thu Jun 13 23:25:49 1996", "Sat, 1 Jan 2000
  // 10:00:00 +0000", "2024-01-01 10:00:00").
  return (
    /\b\d{1,2}:\d{2}(?::\d{2})?\b/.test(rest) &&
    (/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b[\s\S]*\b(?:19|20)\d{2}\b/i.test(
      rest,
    ) ||
      /\b(?:19|20)\d{2}-\d{2}-\d{2}\b/.test(rest))
  );
}

/** Whether a text starts like an mbox (its first line with text is a separator). */
export function looksLikeMbox(text: string): boolean {
  const start = skipBlank(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const end = lineEndAt(text, start);
  return isMboxSeparator(text.slice(start, end));
}

function lineEndAt(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl;
}

function nextLine(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl + 1;
}

function skipBlank(text: string, pos: number): number {
  let p = pos;
  while (p < text.length) {
    const end = lineEndAt(text, p);
    if (text.slice(p, end).trim() !== '') return p;
    p = end + 1;
  }
  return p;
}

/** Where a line starts a real separator: its shape, and a header line right after it. */
function separatorAt(text: string, lineStart: number): boolean {
  if (!text.startsWith('From ', lineStart)) return false;
  const end = lineEndAt(text, lineStart);
  if (!isMboxSeparator(text.slice(lineStart, end))) return false;
  const next = end + 1;
  if (next >= text.length) return false;
  return HEADER_LINE.test(text.slice(next, Math.min(lineEndAt(text, next), next + 200)));
}

/**
 * Where `count` units of text end after `from`, counting each character as its UTF-8 bytes
 * (Content-Length counts bytes; the text was decoded).
 */
function advanceBytes(text: string, from: number, count: number): number {
  let bytes = 0;
  let i = from;
  while (i < text.length && bytes < count) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
    i += 1;
  }
  return bytes === count ? i : -1;
}

/** Whether a body that a Content-Length says ends at `end` really ends there. */
function endsAtSeparator(text: string, end: number): number | undefined {
  if (end < 0 || end > text.length) return undefined;
  // The length may or may not count the line break that ends the body and the blank line mbox
  // writers put before the next separator.
  for (const candidate of [end, end + 1, end + 2, end + 3, end + 4]) {
    if (candidate > text.length) break;
    const before = text.charCodeAt(candidate - 1);
    if (candidate === text.length) {
      if (text.slice(end).trim() === '') return text.length;
      continue;
    }
    if (before === 10 && separatorAt(text, candidate)) {
      // Everything skipped must be line breaks only.
      if (/^[\r\n]*$/.test(text.slice(end, candidate))) return candidate;
    }
  }
  return undefined;
}

/** Splits an mbox text into messages. Never throws. */
export function splitMbox(text: string): MboxSplit {
  const warnings: string[] = [];
  const messages: MboxMessage[] = [];
  const n = text.length;
  let pos = skipBlank(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (pos >= n) return { messages, warnings: ['The mbox is empty.'] };

  // Text before the first separator is not a message of the mbox.
  if (!isMboxSeparator(text.slice(pos, lineEndAt(text, pos)))) {
    let p = pos;
    while (p < n && !separatorAt(text, p)) p = nextLine(text, p);
    if (p >= n) {
      return {
        messages,
        warnings: [
          'This is not an mbox: no line has the shape of an mbox separator (“From sender date”).',
        ],
      };
    }
    warnings.push('Text before the first “From ” separator line was not read.');
    pos = p;
  }

  let ignoredLengths = 0;
  while (pos < n) {
    const sepEnd = lineEndAt(text, pos);
    const separator = text.slice(pos, sepEnd).replace(/\r$/, '');
    const start = Math.min(sepEnd + 1, n);
    let end = n;
    let p = start;
    let inHeaders = true;
    let contentLength: number | undefined;
    while (p < n) {
      const lineEnd = lineEndAt(text, p);
      if (inHeaders) {
        const line = text.slice(p, lineEnd);
        if (line === '' || line === '\r') {
          inHeaders = false;
          const bodyStart = lineEnd + 1;
          if (contentLength !== undefined) {
            const byBytes = advanceBytes(text, bodyStart, contentLength);
            const byChars = bodyStart + contentLength;
            const trusted = endsAtSeparator(text, byBytes) ?? endsAtSeparator(text, byChars);
            if (trusted !== undefined) {
              end = trusted;
              break;
            }
            ignoredLengths += 1;
          }
          p = bodyStart;
          continue;
        }
        const cl = /^Content-Length:[ \t]*(\d+)[ \t]*\r?$/i.exec(line);
        if (cl) contentLength = Number(cl[1]);
      } else if (text.charCodeAt(p) === 70 && separatorAt(text, p)) {
        end = p;
        break;
      }
      p = lineEnd + 1;
    }

    let raw = text.slice(start, end);
    // The blank line before the next separator belongs to the mbox, not to the message.
    if (end < n || raw.endsWith('\n\n') || raw.endsWith('\r\n\r\n')) {
      if (raw.endsWith('\r\n\r\n')) raw = raw.slice(0, -2);
      else if (raw.endsWith('\n\n')) raw = raw.slice(0, -1);
    }
    if (raw.indexOf('>From ') !== -1) raw = raw.replace(/^>(>*From )/gm, '$1');
    messages.push({ separator, raw, offset: pos });
    pos = end;
  }
  if (ignoredLengths > 0) {
    warnings.push(
      `${ignoredLengths} Content-Length header${ignoredLengths === 1 ? ' does' : 's do'} not match where ${ignoredLengths === 1 ? 'its message ends' : 'their messages end'} and ${ignoredLengths === 1 ? 'was' : 'were'} ignored; the messages were split at their separator lines.`,
    );
  }
  return { messages, warnings };
}
