/**
 * DiscordChatExporter's JSON (one file per channel): `{ guild, channel, dateRange, messages,
 * messageCount }`. Times are ISO 8601 with the exporting computer's offset ("…+02:00"): absolute,
 * so sentAt is written in UTC and the stated time kept as written.
 */
import {
  arr,
  attachmentKindOf,
  fileNameOf,
  isObject,
  isoToUtc,
  linkReplies,
  num,
  participantsOf,
  str,
  examples,
  plural,
  type JsonObject,
} from './common';
import type { ChatParseResult, ParsedConversation, ParsedMessage } from './types';

const ASSUMPTION =
  'DiscordChatExporter writes each time with its UTC offset, so times are absolute; they are shown ' +
  'here in UTC, and the stated time keeps the offset of the computer that made the export.';

/** Message types that are the message a person wrote (everything else is an event). */
const AUTHORED = new Set([
  'Default',
  'Reply',
  'ThreadStarterMessage',
  'ChatInputCommand',
  'ContextMenuCommand',
]);

/** Whether a parsed JSON value has the shape of a DiscordChatExporter export. */
export function looksLikeDiscord(value: unknown): boolean {
  return (
    isObject(value) &&
    isObject(value.channel) &&
    Array.isArray(value.messages) &&
    (isObject(value.guild) || 'messageCount' in value)
  );
}

/** Reads one or more parsed DiscordChatExporter files (one conversation each). Never throws. */
export function parseDiscord(values: readonly unknown[]): ChatParseResult {
  const conversations: ParsedConversation[] = [];
  const warnings: string[] = [];
  for (const value of values) {
    if (!looksLikeDiscord(value)) continue;
    const root = value as JsonObject;
    const channel = root.channel as JsonObject;
    const guild = isObject(root.guild) ? root.guild : {};
    const channelName = str(channel.name) ?? str(channel.id) ?? 'channel';
    const guildName = str(guild.name);
    const isDirect = str(guild.id) === '0' || guildName === 'Direct Messages';
    const name =
      isDirect || guildName === undefined ? channelName : `${guildName} / #${channelName}`;

    const messages: ParsedMessage[] = [];
    const ids = new Map<string, number>();
    const duplicated: string[] = [];
    for (const raw of arr(root.messages)) {
      if (!isObject(raw)) continue;
      const message = readMessage(raw, messages.length);
      if (message.exportId !== undefined) {
        const seen = ids.get(message.exportId) ?? 0;
        if (seen === 1) duplicated.push(message.exportId);
        ids.set(message.exportId, seen + 1);
      }
      messages.push(message);
    }
    const conversation: ParsedConversation = {
      name,
      participants: participantsOf(messages),
      messages,
    };
    const id = str(channel.id);
    if (id !== undefined) conversation.exportId = id;
    linkReplies(conversation);
    conversations.push(conversation);

    const stated = num(root.messageCount);
    if (stated !== undefined && stated !== messages.length) {
      warnings.push(
        `“${name}” says it holds ${plural(stated, 'message')} but ${plural(messages.length, 'message')} ${messages.length === 1 ? 'was' : 'were'} found.`,
      );
    }
    if (duplicated.length > 0) {
      warnings.push(
        `In “${name}”, ${plural(duplicated.length, 'message id')} ${duplicated.length === 1 ? 'appears' : 'appear'} more than once (${examples(duplicated)}); every copy was kept.`,
      );
    }
  }
  if (conversations.length === 0) {
    return {
      ok: false,
      reason: 'This JSON is not a DiscordChatExporter export: it has no “channel” and “messages”.',
    };
  }
  return {
    ok: true,
    chat: {
      format: 'discord-chat-exporter',
      conversations,
      timeZone: { zone: 'UTC', assumption: ASSUMPTION },
      warnings,
    },
  };
}

function readMessage(raw: JsonObject, seq: number): ParsedMessage {
  const stated = str(raw.timestamp) ?? '';
  const type = str(raw.type) ?? 'Default';
  const author = isObject(raw.author) ? raw.author : {};
  const message: ParsedMessage = {
    seq,
    sentAtStated: stated,
    text: str(raw.content) ?? '',
    system: !AUTHORED.has(type),
    attachments: [],
  };
  const id = str(raw.id);
  if (id !== undefined) message.exportId = id;
  const sentAt = isoToUtc(stated);
  if (sentAt !== undefined) message.sentAt = sentAt;
  const sender = str(author.nickname) ?? str(author.name);
  if (sender !== undefined) message.sender = sender;
  const senderId = str(author.id);
  if (senderId !== undefined) message.senderId = senderId;

  const edited = str(raw.timestampEdited);
  if (edited !== undefined) {
    message.edited = true;
    message.editedAtStated = edited;
  }
  if (isObject(raw.reference)) {
    const replyTo = str(raw.reference.messageId);
    if (replyTo !== undefined) message.replyToExportId = replyTo;
  }

  for (const a of arr(raw.attachments).filter(isObject)) {
    const url = str(a.url) ?? '';
    const name = str(a.fileName) ?? fileNameOf(url);
    // A remote URL means the file stayed on Discord's servers; a relative path means the export
    // was made with --media and the file sits beside the JSON.
    const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(url);
    message.attachments.push({
      name: remote ? name : url || name,
      kind: attachmentKindOf(name),
      ...(remote ? { omitted: true } : {}),
    });
  }
  for (const s of arr(raw.stickers).filter(isObject)) {
    message.attachments.push({ name: str(s.name) ?? 'sticker', kind: 'sticker', omitted: true });
  }

  const extra: Record<string, unknown> = {};
  if (type !== 'Default') extra.type = type;
  if (raw.isPinned === true) extra.pinned = true;
  if (author.isBot === true) extra.bot = true;
  const callEnded = str(raw.callEndedTimestamp);
  if (callEnded !== undefined) extra.callEndedAtStated = callEnded;
  const reactions = arr(raw.reactions).filter(isObject);
  if (reactions.length > 0) {
    extra.reactions = reactions.map((r) => ({
      emoji: isObject(r.emoji) ? (str(r.emoji.name) ?? '') : '',
      count: num(r.count) ?? 0,
    }));
  }
  const mentions = arr(raw.mentions).filter(isObject);
  if (mentions.length > 0) {
    extra.mentions = mentions.map((m) => ({
      name: str(m.nickname) ?? str(m.name) ?? '',
      id: str(m.id) ?? '',
    }));
  }
  const embeds = arr(raw.embeds).filter(isObject);
  if (embeds.length > 0) {
    extra.links = embeds
      .map((e) => ({ text: str(e.title) ?? str(e.url) ?? '', href: str(e.url) ?? '' }))
      .filter((l) => l.href !== '');
  }
  if (Object.keys(extra).length > 0) message.extra = extra;
  return message;
}
