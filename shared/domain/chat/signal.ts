/**
 * Signal has no export of its own. The community tool signal-export (carderne/signal-export) writes
 * one folder per chat holding `chat.md` and, since 2023, `data.json`:
 *
 *   chat.md    `[2019-12-24 12:23:05] Name: text` (older versions: `[2019-12-24, 12:23] Name: text`),
 *              quotes as `> ` lines, reactions as `(- Ana: 👍 -)`, stickers as `(( 😀 ))`,
 *              attachments as Markdown links `![name](./media/file.jpg)`;
 *   data.json  one JSON object per line: `{"date", "sender", "body", "quote", "sticker",
 *              "reactions", "attachments", …}`.
 *
 * The tool writes times in the local time of the computer it ran on, with no zone.
 */
import {
  arr,
  attachmentKindOf,
  isObject,
  participantsOf,
  plural,
  str,
  type JsonObject,
} from './common';
import type { ChatParseResult, ParsedChat, ParsedMessage } from './types';

const ASSUMPTION =
  'signal-export writes each time in the local time of the computer it ran on, with no time zone: ' +
  'the times here are that local time, and the zone is not known.';

const HEADER = /^\[(\d{4}-\d{2}-\d{2}),? (\d{2}):(\d{2})(?::(\d{2}))?\] /;

/** Whether a text looks like signal-export's chat.md (its first message line). */
export function looksLikeSignalText(text: string): boolean {
  const start = text.search(/\S/);
  if (start === -1) return false;
  return HEADER.test(text.slice(start, start + 40));
}

/** Whether a text looks like signal-export's data.json (JSON lines). */
export function looksLikeSignalJsonLines(text: string): boolean {
  const start = text.search(/\S/);
  if (start === -1 || text.charCodeAt(start) !== 123) return false;
  const end = text.indexOf('\n', start);
  const line = text.slice(start, end === -1 ? undefined : end);
  try {
    const value: unknown = JSON.parse(line);
    return isObject(value) && 'date' in value && 'sender' in value && 'body' in value;
  } catch {
    return false;
  }
}

/** Reads signal-export's chat.md. Never throws. */
export function parseSignalText(chatName: string, text: string): ChatParseResult {
  const lines = text.split(/\r?\n/);
  const messages: ParsedMessage[] = [];
  let current: { message: ParsedMessage; lines: string[] } | undefined;
  let before = 0;
  const finish = () => {
    if (!current) return;
    readMarkdownBody(current.message, current.lines);
    messages.push(current.message);
  };
  for (const line of lines) {
    const m = HEADER.exec(line);
    if (m) {
      const rest = line.slice(m[0].length);
      const colon = rest.indexOf(': ');
      const endsWithColon = colon === -1 && rest.endsWith(':');
      if (colon > 0 || endsWithColon) {
        finish();
        const sender = endsWithColon ? rest.slice(0, -1) : rest.slice(0, colon);
        const first = endsWithColon ? '' : rest.slice(colon + 2);
        const message: ParsedMessage = {
          seq: messages.length,
          sender,
          sentAt: `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}`,
          sentAtStated: m[0].slice(1, -2),
          text: '',
          system: false,
          attachments: [],
        };
        current = { message, lines: [first] };
        continue;
      }
    }
    if (current) current.lines.push(line);
    else if (line.trim() !== '') before += 1;
  }
  finish();
  if (messages.length === 0) {
    return {
      ok: false,
      reason:
        'No line of this file starts like a signal-export message (“[2019-12-24 12:23:05] Name: text”).',
    };
  }
  const warnings: string[] = [];
  if (before > 0)
    warnings.push(
      `${plural(before, 'line')} before the first message ${before === 1 ? 'was' : 'were'} not read.`,
    );
  return { ok: true, chat: signalChat(chatName, messages, warnings) };
}

/** Reads signal-export's data.json (one JSON object per line). Never throws. */
export function parseSignalJsonLines(chatName: string, text: string): ChatParseResult {
  const messages: ParsedMessage[] = [];
  let bad = 0;
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const line = text.slice(pos, end).trim();
    pos = end + 1;
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      bad += 1;
      continue;
    }
    if (!isObject(value)) {
      bad += 1;
      continue;
    }
    messages.push(readJsonMessage(value, messages.length));
  }
  if (messages.length === 0) {
    return { ok: false, reason: 'No line of this file is a signal-export message object.' };
  }
  const warnings: string[] = [];
  if (bad > 0)
    warnings.push(
      `${plural(bad, 'line')} could not be read as JSON and ${bad === 1 ? 'was' : 'were'} skipped.`,
    );
  return { ok: true, chat: signalChat(chatName, messages, warnings) };
}

function signalChat(name: string, messages: ParsedMessage[], warnings: string[]): ParsedChat {
  return {
    format: 'signal-export',
    conversations: [{ name, participants: participantsOf(messages), messages }],
    timeZone: { assumption: ASSUMPTION },
    warnings,
  };
}

const REACTIONS = /^\(- (.*) -\)$/;
const STICKER = /^\(\( (.*) \)\)$/;
const LINK = /(!?)\[([^\]\n]*)\]\(([^)\n]*)\)/g;

/** Takes signal-export's Markdown conventions out of a message body. */
function readMarkdownBody(message: ParsedMessage, rawLines: string[]): void {
  const lines = [...rawLines];
  // Blank lines between messages belong to no message.
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const extra: Record<string, unknown> = {};

  // "[date] Name: " + "\n\n> quote\n\n" + body: the quote of the message replied to.
  if (lines.length >= 3 && lines[0] === '' && lines[1] === '' && lines[2]!.startsWith('> ')) {
    let i = 2;
    const quote: string[] = [];
    while (i < lines.length && lines[i]!.startsWith('> ')) {
      quote.push(lines[i]!.slice(2));
      i += 1;
    }
    while (i < lines.length && lines[i] === '') i += 1;
    extra.quote = quote.join('\n');
    lines.splice(0, i, ...(i < lines.length ? [] : ['']));
  }
  const last = lines[lines.length - 1];
  if (last !== undefined) {
    const reactions = REACTIONS.exec(last);
    if (reactions && lines.length > 1) {
      extra.reactions = reactions[1]!.split(', ').map((r) => {
        const colon = r.lastIndexOf(': ');
        return colon === -1
          ? { emoji: r, by: '' }
          : { emoji: r.slice(colon + 2), by: r.slice(0, colon) };
      });
      lines.pop();
    }
  }
  const stickerLine = lines[lines.length - 1];
  if (stickerLine !== undefined && lines.length > 1) {
    const sticker = STICKER.exec(stickerLine);
    if (sticker) {
      message.attachments.push({ name: sticker[1]!, kind: 'sticker', omitted: true });
      lines.pop();
    }
  }
  let body = lines.join('\n');
  if (body.indexOf('](') !== -1) {
    body = body.replace(LINK, (all, _bang: string, label: string, target: string) => {
      const path = target.replace(/^\.\.?\//, '');
      if (!/^(?:media|exported_stickers)\//.test(path)) return all;
      const name = decodePercent(path);
      message.attachments.push({
        name,
        kind: path.startsWith('exported_stickers/') ? 'sticker' : attachmentKindOf(label || name),
      });
      return '';
    });
  }
  body = body.replace(/[ \t]+$/gm, '').replace(/\n+$/, '');
  if (body === '(This message was deleted)') {
    extra.deleted = true;
  }
  message.text = body;
  if (Object.keys(extra).length > 0) message.extra = extra;
}

function decodePercent(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function readJsonMessage(raw: JsonObject, seq: number): ParsedMessage {
  const date = str(raw.date) ?? '';
  const local = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?$/.exec(date);
  const message: ParsedMessage = {
    seq,
    sentAtStated: date,
    text: (str(raw.body) ?? '').replace(/[ \t]+$/, ''),
    system: raw.call === true,
    attachments: [],
  };
  if (local) message.sentAt = local[1]!;
  const sender = str(raw.sender);
  if (sender !== undefined) message.sender = sender;
  for (const a of arr(raw.attachments).filter(isObject)) {
    const path = str(a.path);
    const name = str(a.name) ?? (path !== undefined ? decodePercent(path) : undefined);
    if (name === undefined) continue;
    message.attachments.push({
      name: path !== undefined ? decodePercent(path) : name,
      kind: attachmentKindOf(name),
    });
  }
  const extra: Record<string, unknown> = {};
  if (isObject(raw.sticker)) {
    const label = str(raw.sticker.emoji) ?? 'sticker';
    message.attachments.push({ name: label, kind: 'sticker', omitted: true });
  } else if (typeof raw.sticker === 'string' && raw.sticker !== '') {
    message.attachments.push({ name: raw.sticker, kind: 'sticker', omitted: true });
  }
  const quote = str(raw.quote);
  if (quote !== undefined) {
    extra.quote = quote.replace(/^\n+|\n+$/g, '').replace(/^> ?/gm, '');
  }
  const reactions = arr(raw.reactions);
  if (reactions.length > 0) {
    extra.reactions = reactions.map((r) =>
      Array.isArray(r)
        ? { by: str(r[0]) ?? '', emoji: str(r[1]) ?? '' }
        : isObject(r)
          ? { by: str(r.name) ?? '', emoji: str(r.emoji) ?? '' }
          : { by: '', emoji: '' },
    );
  }
  if (raw.deleted === true) extra.deleted = true;
  if (raw.missed === true) extra.missed = true;
  if (Object.keys(extra).length > 0) message.extra = extra;
  return message;
}
