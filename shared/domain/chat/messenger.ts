/**
 * Facebook Messenger's JSON from "Download your information" (`messages/inbox/<thread>/
 * message_1.json`, `message_2.json`…), which Instagram's export shares. Messages come newest
 * first; each has `timestamp_ms` (absolute, written here in UTC). Facebook stores text as UTF-8
 * bytes read as Latin-1 ("Ã©" for "é"): every string is repaired when it decodes cleanly.
 *
 * Also reads the newer end-to-end-encrypted Messenger layout (`senderName`, `timestamp`, `text`,
 * `media`).
 */
import {
  arr,
  attachmentKindOf,
  baseName,
  isObject,
  isoFromEpochMs,
  num,
  participantsOf,
  plural,
  repairMojibake,
  str,
  type JsonObject,
} from './common';
import type {
  ChatFormat,
  ChatParseResult,
  ParsedAttachment,
  ParsedConversation,
  ParsedMessage,
} from './types';

const ASSUMPTION =
  'The export gives each message an absolute time (timestamp_ms, milliseconds since 1970); the ' +
  'times here are in UTC, and the stated time is that raw value.';

/** Whether a parsed JSON value has the shape of a Messenger or Instagram message file. */
export function looksLikeMessenger(value: unknown): boolean {
  if (!isObject(value) || !Array.isArray(value.messages)) return false;
  const first = value.messages.find(isObject);
  if (!first)
    return Array.isArray(value.participants) && ('title' in value || 'threadName' in value);
  return (
    ('sender_name' in first && 'timestamp_ms' in first) ||
    ('senderName' in first && 'timestamp' in first)
  );
}

/** Repairs mojibake in a string field, or undefined when it is not a string. */
function fix(value: unknown): string | undefined {
  const s = str(value);
  return s === undefined ? undefined : repairMojibake(s);
}

/** One thread: the message files of one folder (message_1.json, message_2.json…). */
export interface MessengerThread {
  /** Where the thread came from, for names and warnings ("messages/inbox/ana_123"). */
  path?: string;
  files: readonly unknown[];
}

/**
 * Reads Messenger or Instagram threads (`format` says which app wrote them: the layouts are the
 * same). Never throws.
 */
export function parseMessengerLike(
  format: Extract<ChatFormat, 'facebook-messenger' | 'instagram'>,
  threads: readonly MessengerThread[],
): ChatParseResult {
  const conversations: ParsedConversation[] = [];
  const warnings: string[] = [];
  let repaired = 0;
  for (const thread of threads) {
    const files = thread.files.filter(looksLikeMessenger) as JsonObject[];
    if (files.length === 0) continue;
    const head = files[0]!;
    const raws: JsonObject[] = [];
    for (const file of files) raws.push(...arr(file.messages).filter(isObject));
    const keyed = raws.map((raw, index) => ({
      raw,
      index,
      t: num(raw.timestamp_ms) ?? num(raw.timestamp) ?? 0,
    }));
    // Newest first in the file (and message_1 holds the newest): oldest first here, ties in the
    // order the export gives, reversed.
    keyed.sort((x, y) => x.t - y.t || y.index - x.index);
    const counter = { repaired: 0 };
    const messages = keyed.map(({ raw }, seq) => readMessage(raw, seq, counter));
    repaired += counter.repaired;

    const named = arr(head.participants)
      .map((p) => (isObject(p) ? fix(p.name) : fix(p)))
      .filter((p): p is string => p !== undefined);
    const title = fix(head.title) ?? fix(head.threadName);
    const fallback = thread.path ? threadNameFromPath(thread.path) : undefined;
    const conversation: ParsedConversation = {
      name: title ?? (named.length > 0 ? named.join(', ') : (fallback ?? 'Conversation')),
      participants: participantsOf(messages, named),
      messages,
    };
    const threadPath = str(head.thread_path);
    if (threadPath !== undefined) conversation.exportId = threadPath;
    conversations.push(conversation);
  }
  if (conversations.length === 0) {
    return {
      ok: false,
      reason:
        'This JSON is not a Messenger or Instagram message file: it has no “messages” with “sender_name” and “timestamp_ms”.',
    };
  }
  if (repaired > 0) {
    warnings.push(
      `${plural(repaired, 'text')} carried Facebook’s broken encoding (UTF-8 read as Latin-1, “Ã©” for “é”) and ${repaired === 1 ? 'was' : 'were'} repaired.`,
    );
  }
  return {
    ok: true,
    chat: {
      format,
      conversations,
      timeZone: { zone: 'UTC', assumption: ASSUMPTION },
      warnings,
    },
  };
}

/** "messages/inbox/ana_12345/message_1.json" → "ana_12345"; "chat.json" → "chat". */
function threadNameFromPath(path: string): string | undefined {
  const parts = path.replace(/\\/g, '/').split('/').filter(Boolean);
  const last = parts[parts.length - 1];
  if (last === undefined) return undefined;
  if (/^message_\d+\.json$/i.test(last) || !/\.json$/i.test(last)) {
    return /\.json$/i.test(last) ? parts[parts.length - 2] : last;
  }
  return baseName(last);
}

const MEDIA_KEYS: readonly [string, ParsedAttachment['kind']][] = [
  ['photos', 'image'],
  ['gifs', 'image'],
  ['videos', 'video'],
  ['audio_files', 'audio'],
  ['files', 'file'],
  ['media', undefined],
];

function readMessage(raw: JsonObject, seq: number, counter: { repaired: number }): ParsedMessage {
  const repair = (value: unknown): string | undefined => {
    const s = str(value);
    if (s === undefined) return undefined;
    const fixed = repairMojibake(s);
    if (fixed !== s) counter.repaired += 1;
    return fixed;
  };
  const ms = num(raw.timestamp_ms) ?? num(raw.timestamp);
  const type = str(raw.type);
  const message: ParsedMessage = {
    seq,
    sentAtStated: ms !== undefined ? String(ms) : '',
    text: repair(raw.content) ?? repair(raw.text) ?? '',
    system: type === 'Subscribe' || type === 'Unsubscribe' || type === 'Call',
    attachments: [],
  };
  if (ms !== undefined) {
    const iso = isoFromEpochMs(ms);
    if (iso !== undefined) message.sentAt = iso;
  }
  const sender = repair(raw.sender_name) ?? repair(raw.senderName);
  if (sender !== undefined) message.sender = sender;

  for (const [key, kind] of MEDIA_KEYS) {
    for (const item of arr(raw[key])) {
      const uri = isObject(item) ? repair(item.uri) : repair(item);
      if (uri === undefined) continue;
      message.attachments.push({ name: uri, kind: kind ?? attachmentKindOf(uri) });
    }
  }
  if (isObject(raw.sticker)) {
    const uri = repair(raw.sticker.uri);
    if (uri !== undefined) message.attachments.push({ name: uri, kind: 'sticker' });
  }

  const extra: Record<string, unknown> = {};
  if (type !== undefined && type !== 'Generic') extra.type = type;
  if (isObject(raw.share)) {
    const link = repair(raw.share.link);
    const shareText = repair(raw.share.share_text);
    if (link !== undefined) extra.links = [{ text: shareText ?? link, href: link }];
    else if (shareText !== undefined) extra.shareText = shareText;
  }
  const reactions = arr(raw.reactions).filter(isObject);
  if (reactions.length > 0) {
    extra.reactions = reactions.map((r) => ({
      emoji: repair(r.reaction) ?? '',
      by: repair(r.actor) ?? repair(r.reactor) ?? '',
    }));
  }
  const callDuration = num(raw.call_duration);
  if (callDuration !== undefined) extra.callDurationSeconds = callDuration;
  const users = arr(raw.users)
    .map((u) => (isObject(u) ? repair(u.name) : undefined))
    .filter((u): u is string => u !== undefined);
  if (users.length > 0) extra.users = users;
  if (raw.is_unsent === true || raw.isUnsent === true) extra.deleted = true;
  if (Object.keys(extra).length > 0) message.extra = extra;
  return message;
}
