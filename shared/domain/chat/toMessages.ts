import type { Message } from '../../schemas/records';
import type { PartialDate } from '../../schemas/partialDate';
import { partialDateFromInstant } from '../partialDate';
import type { ParsedAttachment, ParsedChat } from './types';

/** A message ready to store, but for its id and its source's id. */
export type MessageDraft = Omit<Message, 'id' | 'sourceId'>;

/** Where one conversation of an export lies among the source's messages. */
export interface ConversationRange {
  name: string;
  exportId?: string;
  participants: string[];
  /** The seq of its first message; its messages are [firstSeq, firstSeq + count). */
  firstSeq: number;
  count: number;
}

/** What a source of kind 'chat' records about its export (kept in `source.metadata.chat`). */
export interface ChatMetadata {
  format: ParsedChat['format'];
  timeZone: ParsedChat['timeZone'];
  conversations: ConversationRange[];
  messageCount: number;
  warnings: string[];
}

/** What the time zone field of each message says when the export gives no zone. */
export const LOCAL_DEVICE_TIME = 'local time of the exporting device (zone unknown)';

/**
 * Lays a parsed export out as message records: one per message, numbered through the whole
 * source (conversation after conversation), with replies pointing at the seq of the message they
 * answer, the time as stated and the zone assumed, and attachments linked to the sources made of
 * their files (`attachmentSources`: attachment name as exported -> source id).
 */
export function chatToMessages(
  chat: ParsedChat,
  attachmentSources: ReadonlyMap<string, string> = new Map(),
): { messages: MessageDraft[]; metadata: ChatMetadata } {
  const messages: MessageDraft[] = [];
  const conversations: ConversationRange[] = [];
  const zone = chat.timeZone.zone ?? LOCAL_DEVICE_TIME;
  for (const conversation of chat.conversations) {
    const firstSeq = messages.length;
    const byExportId = new Map<string, number>();
    const bySeq = new Map<number, number>();
    conversation.messages.forEach((parsed, index) => {
      if (parsed.exportId !== undefined) byExportId.set(parsed.exportId, firstSeq + index);
      bySeq.set(parsed.seq, firstSeq + index);
    });
    conversation.messages.forEach((parsed, index) => {
      const draft: MessageDraft = {
        seq: firstSeq + index,
        conversation: conversation.name,
        sentAtStated: parsed.sentAtStated,
        timeZoneAssumption: zone,
        text: parsed.text,
      };
      if (parsed.sender !== undefined) draft.sender = parsed.sender;
      if (parsed.sentAt !== undefined) draft.sentAt = parsed.sentAt;
      if (parsed.system) draft.system = true;
      if (parsed.edited) draft.edited = true;
      let reply: number | undefined;
      if (parsed.replyToExportId !== undefined) reply = byExportId.get(parsed.replyToExportId);
      if (reply === undefined && parsed.replyToSeq !== undefined) reply = bySeq.get(parsed.replyToSeq);
      if (reply !== undefined) draft.replyToSeq = reply;
      if (parsed.attachments.length > 0) {
        draft.attachments = parsed.attachments.map((attachment) => {
          const sourceId = attachmentSources.get(attachment.name);
          return sourceId ? { name: attachment.name, sourceId } : { name: attachment.name };
        });
      }
      const extra: Record<string, unknown> = { ...(parsed.extra ?? {}) };
      if (parsed.exportId !== undefined) extra.exportId = parsed.exportId;
      if (parsed.senderId !== undefined) extra.senderId = parsed.senderId;
      if (parsed.forwardedFrom !== undefined) extra.forwardedFrom = parsed.forwardedFrom;
      if (parsed.editedAtStated !== undefined) extra.editedAtStated = parsed.editedAtStated;
      const described = parsed.attachments.filter(
        (a: ParsedAttachment) => a.kind !== undefined || a.omitted,
      );
      if (described.length > 0) extra.attachmentDetails = described;
      if (Object.keys(extra).length > 0) draft.extra = extra;
      messages.push(draft);
    });
    const range: ConversationRange = {
      name: conversation.name,
      participants: conversation.participants,
      firstSeq,
      count: conversation.messages.length,
    };
    if (conversation.exportId !== undefined) range.exportId = conversation.exportId;
    conversations.push(range);
  }
  return {
    messages,
    metadata: {
      format: chat.format,
      timeZone: chat.timeZone,
      conversations,
      messageCount: messages.length,
      warnings: chat.warnings,
    },
  };
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;

/**
 * The date a message was sent as a partial date for an event: an absolute time is shown in the
 * zone the export names (UTC when it names none); a wall-clock time keeps its fields as written,
 * with the zone assumed when the export states one and none otherwise ("local time of the source").
 */
export function messageDate(
  message: Pick<Message, 'sentAt'>,
  zone?: string,
): PartialDate | undefined {
  const sentAt = message.sentAt;
  if (!sentAt) return undefined;
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(sentAt)) {
    const iana = zone && zone !== LOCAL_DEVICE_TIME ? zone : 'UTC';
    return partialDateFromInstant(sentAt, iana) ?? partialDateFromInstant(sentAt, 'UTC');
  }
  const match = WALL_CLOCK.exec(sentAt);
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match;
  const date: PartialDate = {
    start: {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      ...(hour !== undefined ? { hour: Number(hour), minute: Number(minute) } : {}),
    },
    approximate: false,
  };
  if (zone && zone !== LOCAL_DEVICE_TIME) date.timeZone = zone;
  return date;
}
