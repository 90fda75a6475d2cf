/**
 * Telegram Desktop's "Export chat history" / "Export Telegram data" in machine-readable JSON
 * (`result.json`): one chat (`{ name, type, id, messages }`) or the whole account
 * (`{ chats: { list: [...] }, left_chats: { list: [...] }, ... }`).
 *
 * Each message has `date` (the exporting computer's local time, no zone) and, in exports since
 * 2022, `date_unixtime` (seconds since 1970, absolute). sentAt comes from `date_unixtime` when
 * there is one (UTC, with "Z"); `date` is kept as the time stated.
 */
import {
  arr,
  attachmentKindOf,
  isObject,
  isoFromEpochMs,
  linkReplies,
  num,
  participantsOf,
  plural,
  str,
  type JsonObject,
} from './common';
import type {
  ChatParseResult,
  ParsedAttachment,
  ParsedChat,
  ParsedConversation,
  ParsedMessage,
} from './types';

const ASSUMPTION_ABSOLUTE =
  'Telegram Desktop gives each message an absolute time (date_unixtime), used here in UTC; the time ' +
  'as written in the export (date) is the exporting computer’s local time and is kept as stated.';
const ASSUMPTION_LOCAL =
  'This Telegram export gives only the exporting computer’s local time (date) with no time zone ' +
  'for some or all messages: those times are kept as that local time, zone unknown. Where ' +
  'date_unixtime is given the time is absolute and written in UTC.';

/** Whether a parsed JSON value has the shape of a Telegram Desktop export. */
export function looksLikeTelegram(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isObject(value.chats) && Array.isArray(value.chats.list)) return true;
  if (!Array.isArray(value.messages)) return false;
  const first = value.messages.find(isObject);
  if (!first) return typeof value.type === 'string' && 'id' in value;
  return (
    (first.type === 'message' || first.type === 'service') &&
    ('date' in first || 'date_unixtime' in first)
  );
}

/** Reads a parsed Telegram Desktop `result.json`. Never throws. */
export function parseTelegram(value: unknown): ChatParseResult {
  if (!looksLikeTelegram(value)) {
    return {
      ok: false,
      reason:
        'This JSON is not a Telegram Desktop export: it has neither a “messages” list of Telegram messages nor a “chats” list.',
    };
  }
  const root = value as JsonObject;
  const warnings: string[] = [];
  const chats: JsonObject[] = [];
  if (isObject(root.chats)) chats.push(...arr(root.chats.list).filter(isObject));
  if (isObject(root.left_chats)) chats.push(...arr(root.left_chats.list).filter(isObject));
  if (Array.isArray(root.messages)) chats.push(root);

  let localOnly = 0;
  let absolute = 0;
  let skipped = 0;
  const conversations: ParsedConversation[] = [];
  for (const chat of chats) {
    const messages: ParsedMessage[] = [];
    for (const raw of arr(chat.messages)) {
      if (!isObject(raw)) {
        skipped += 1;
        continue;
      }
      const message = readMessage(raw, messages.length);
      if (message.sentAt !== undefined) {
        if (message.sentAt.endsWith('Z')) absolute += 1;
        else localOnly += 1;
      }
      messages.push(message);
    }
    const conversation: ParsedConversation = {
      name: chatName(chat),
      participants: participantsOf(messages),
      messages,
    };
    const id = str(chat.id);
    if (id !== undefined) conversation.exportId = id;
    linkReplies(conversation);
    conversations.push(conversation);
  }
  if (skipped > 0) {
    warnings.push(
      `${plural(skipped, 'entry', 'entries')} in a “messages” list ${skipped === 1 ? 'was' : 'were'} not a message and ${skipped === 1 ? 'was' : 'were'} skipped.`,
    );
  }
  if (conversations.length === 0) {
    warnings.push('The export lists no chats.');
  }
  if (localOnly > 0 && absolute > 0) {
    warnings.push(
      `${plural(localOnly, 'message')} ${localOnly === 1 ? 'has' : 'have'} only a local time (date) and ${plural(absolute, 'message')} only an absolute one (date_unixtime): the two cannot be compared exactly, so the export’s order is kept.`,
    );
  }

  const chat: ParsedChat = {
    format: 'telegram-json',
    conversations,
    timeZone:
      localOnly === 0
        ? { zone: 'UTC', assumption: ASSUMPTION_ABSOLUTE }
        : { assumption: ASSUMPTION_LOCAL },
    warnings,
  };
  return { ok: true, chat };
}

const CHAT_TYPE_NAMES: Record<string, string> = {
  saved_messages: 'Saved Messages',
  replies: 'Replies',
  verification_codes: 'Verification Codes',
};

function chatName(chat: JsonObject): string {
  const name = str(chat.name);
  if (name !== undefined) return name;
  const type = str(chat.type);
  if (type !== undefined && CHAT_TYPE_NAMES[type]) return CHAT_TYPE_NAMES[type];
  const id = str(chat.id);
  return id !== undefined ? `Telegram chat ${id}` : 'Telegram chat';
}

/** Flattens Telegram's text (a string, or an array of strings and entities) to plain text. */
export function telegramText(
  value: unknown,
  links?: { text: string; href: string }[],
  mentions?: { text: string; userId: string }[],
): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return '';
  let out = '';
  for (const part of value) {
    if (typeof part === 'string') {
      out += part;
    } else if (isObject(part)) {
      const text = typeof part.text === 'string' ? part.text : '';
      out += text;
      const type = part.type;
      if (links && type === 'text_link' && typeof part.href === 'string') {
        links.push({ text, href: part.href });
      } else if (links && (type === 'link' || type === 'email' || type === 'phone')) {
        links.push({
          text,
          href: type === 'email' ? `mailto:${text}` : type === 'phone' ? `tel:${text}` : text,
        });
      } else if (mentions && type === 'mention_name' && part.user_id !== undefined) {
        mentions.push({ text, userId: String(part.user_id) });
      }
    }
  }
  return out;
}

function readMessage(raw: JsonObject, seq: number): ParsedMessage {
  const dateStated = str(raw.date);
  const unix = num(raw.date_unixtime);
  const absolute = unix !== undefined ? isoFromEpochMs(unix * 1000) : undefined;
  const sentAt =
    absolute ??
    (dateStated && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(dateStated)
      ? dateStated
      : undefined);

  const links: { text: string; href: string }[] = [];
  const mentions: { text: string; userId: string }[] = [];
  let text = telegramText(raw.text ?? raw.text_entities, links, mentions);
  const system = raw.type === 'service';
  const extra: Record<string, unknown> = {};

  const message: ParsedMessage = {
    seq,
    sentAtStated: dateStated ?? (unix !== undefined ? String(raw.date_unixtime) : ''),
    text,
    system,
    attachments: [],
  };
  const id = str(raw.id);
  if (id !== undefined) message.exportId = id;
  if (sentAt !== undefined) message.sentAt = sentAt;

  if (system) {
    const actor = str(raw.actor);
    if (actor !== undefined) message.sender = actor;
    const actorId = str(raw.actor_id);
    if (actorId !== undefined) message.senderId = actorId;
    const described = describeAction(raw);
    text = text.length > 0 ? `${described}: ${text}` : described;
    message.text = text;
    if (typeof raw.action === 'string') extra.action = raw.action;
    const pinned = str(raw.message_id);
    if (pinned !== undefined) extra.messageId = pinned;
  } else {
    const from = str(raw.from);
    if (from !== undefined) message.sender = from;
    else if (raw.from === null) message.sender = 'Deleted Account';
    const fromId = str(raw.from_id);
    if (fromId !== undefined) message.senderId = fromId;
  }

  const replyTo = str(raw.reply_to_message_id);
  if (replyTo !== undefined) message.replyToExportId = replyTo;
  const edited = str(raw.edited);
  if (edited !== undefined || raw.edited_unixtime !== undefined) {
    message.edited = true;
    const editedStated = edited ?? str(raw.edited_unixtime);
    if (editedStated !== undefined) message.editedAtStated = editedStated;
  }
  const forwarded = str(raw.forwarded_from);
  if (forwarded !== undefined) message.forwardedFrom = forwarded;
  else if (raw.forwarded_from === null) message.forwardedFrom = 'a hidden account';

  readMedia(raw, message.attachments, extra);

  for (const key of [
    'saved_from',
    'via_bot',
    'author',
    'sticker_emoji',
    'media_type',
    'mime_type',
  ] as const) {
    const value = str(raw[key]);
    if (value !== undefined) extra[toCamel(key)] = value;
  }
  if (isObject(raw.poll)) {
    const poll = raw.poll;
    extra.poll = {
      question: str(poll.question) ?? '',
      answers: arr(poll.answers)
        .filter(isObject)
        .map((a) => ({ text: str(a.text) ?? '', voters: num(a.voters) ?? 0 })),
    };
    if (message.text === '') message.text = `Poll: ${str(poll.question) ?? ''}`;
  }
  if (isObject(raw.location_information)) {
    const lat = num(raw.location_information.latitude);
    const lon = num(raw.location_information.longitude);
    if (lat !== undefined && lon !== undefined) extra.location = { latitude: lat, longitude: lon };
  }
  if (isObject(raw.contact_information)) {
    const c = raw.contact_information;
    extra.contact = {
      name: [str(c.first_name), str(c.last_name)].filter(Boolean).join(' '),
      phone: str(c.phone_number) ?? '',
    };
  }
  const reactions = arr(raw.reactions).filter(isObject);
  if (reactions.length > 0) {
    extra.reactions = reactions.map((r) => ({
      emoji: str(r.emoji) ?? str(r.document_id) ?? '',
      count: num(r.count) ?? 0,
    }));
  }
  if (links.length > 0) extra.links = links;
  if (mentions.length > 0) extra.mentions = mentions;
  if (Object.keys(extra).length > 0) message.extra = extra;
  return message;
}

function toCamel(key: string): string {
  return key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** Telegram's placeholder for a file left out of the export: "(File not included. …)". */
function isPlaceholder(value: string): boolean {
  return value.startsWith('(File ') || value.startsWith('(Photo ');
}

function readMedia(
  raw: JsonObject,
  attachments: ParsedAttachment[],
  extra: Record<string, unknown>,
): void {
  const photo = str(raw.photo);
  if (photo !== undefined) {
    const omitted = isPlaceholder(photo);
    attachments.push(
      omitted ? { name: 'photo', kind: 'image', omitted: true } : { name: photo, kind: 'image' },
    );
    if (omitted) extra.omittedReason = photo;
  }
  const file = str(raw.file);
  if (file !== undefined) {
    const omitted = isPlaceholder(file);
    const mediaType = str(raw.media_type);
    const mime = str(raw.mime_type);
    const kind: ParsedAttachment['kind'] =
      mediaType === 'sticker'
        ? 'sticker'
        : mediaType === 'voice_message' || mediaType === 'audio_file'
          ? 'audio'
          : mediaType === 'video_file' || mediaType === 'video_message' || mediaType === 'animation'
            ? 'video'
            : attachmentKindOf(str(raw.file_name) ?? file, mime);
    const name = omitted ? (str(raw.file_name) ?? mediaType ?? 'file') : file;
    attachments.push(omitted ? { name, kind, omitted: true } : { name, kind });
    if (omitted) extra.omittedReason = file;
  }
  if (isObject(raw.contact_information) && str(raw.contact_vcard) !== undefined) {
    const vcard = str(raw.contact_vcard)!;
    attachments.push(
      isPlaceholder(vcard)
        ? { name: 'contact', kind: 'contact', omitted: true }
        : { name: vcard, kind: 'contact' },
    );
  }
}

/** A service message's action in words, for the reporter to read. */
function describeAction(raw: JsonObject): string {
  const actor = str(raw.actor) ?? 'Someone';
  const action = str(raw.action) ?? 'unknown action';
  const title = str(raw.title);
  const members = arr(raw.members)
    .map((m) => (m === null ? 'a deleted account' : str(m)))
    .filter((m): m is string => m !== undefined);
  const list = members.length > 0 ? members.join(', ') : 'someone';
  const duration = num(raw.duration_seconds);
  switch (action) {
    case 'create_group':
      return `${actor} created the group${title ? ` “${title}”` : ''}${members.length > 0 ? ` with ${list}` : ''}`;
    case 'create_channel':
      return `${actor} created the channel${title ? ` “${title}”` : ''}`;
    case 'invite_members':
      return `${actor} added ${list}`;
    case 'remove_members':
      return members.length === 1 && members[0] === actor
        ? `${actor} left`
        : `${actor} removed ${list}`;
    case 'join_group_by_link':
      return `${actor} joined the group by invite link${str(raw.inviter) ? ` from ${str(raw.inviter)}` : ''}`;
    case 'join_group_by_request':
      return `${actor} joined the group after a request`;
    case 'migrate_to_supergroup':
      return `${actor} converted this group to a supergroup`;
    case 'migrate_from_group':
      return `${actor} converted the basic group${title ? ` “${title}”` : ''} to this supergroup`;
    case 'edit_group_title':
      return `${actor} changed the group name to “${title ?? ''}”`;
    case 'edit_group_photo':
      return `${actor} changed the group photo`;
    case 'delete_group_photo':
      return `${actor} removed the group photo`;
    case 'pin_message':
      return `${actor} pinned message ${str(raw.message_id) ?? ''}`.trim();
    case 'clear_history':
      return `${actor} cleared the history`;
    case 'joined_telegram':
      return `${actor} joined Telegram`;
    case 'phone_call': {
      const reason = str(raw.discard_reason);
      const parts = [
        duration !== undefined ? `${duration} s` : undefined,
        reason ? `ended: ${reason}` : undefined,
      ].filter(Boolean);
      return `${actor} made a call${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
    }
    case 'group_call':
      return `${actor} started a voice chat${duration !== undefined ? ` (${duration} s)` : ''}`;
    case 'invite_to_group_call':
      return `${actor} invited ${list} to the voice chat`;
    case 'set_messages_ttl':
      return `${actor} set messages to delete automatically${num(raw.period) !== undefined ? ` after ${num(raw.period)} s` : ''}`;
    case 'edit_chat_theme':
      return `${actor} changed the chat theme`;
    case 'score_in_game':
      return `${actor} scored ${num(raw.score) ?? ''} in a game`.trim();
    case 'send_payment':
      return `${actor} sent a payment${str(raw.amount) ? ` of ${str(raw.amount)} ${str(raw.currency) ?? ''}` : ''}`.trim();
    case 'take_screenshot':
      return `${actor} took a screenshot`;
    default:
      return `${actor}: ${action.replace(/_/g, ' ')}`;
  }
}
