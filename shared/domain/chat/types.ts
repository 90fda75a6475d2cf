/**
 * What every chat-export parser produces, whatever the app that wrote the export. The import
 * pipeline turns each message into a `Message` record (shared/schemas/records.ts).
 */

/** A file a message carried, as the export names it. */
export interface ParsedAttachment {
  /** The file name or path inside the export (never trusted as a path on disk). */
  name: string;
  kind?: 'image' | 'video' | 'audio' | 'sticker' | 'file' | 'contact' | 'location';
  /** True when the export says the file was left out ("<Media omitted>", "(File not included)"). */
  omitted?: boolean;
}

/** One message as the export states it. */
export interface ParsedMessage {
  /** Position in its conversation, from 0. */
  seq: number;
  /** The message's id in the export, when it has one (Telegram, Slack, Discord). */
  exportId?: string;
  /** The sender's display name as exported; undefined for system messages without one. */
  sender?: string;
  /** A stable id for the sender where the export gives one (a user id, a phone number). */
  senderId?: string;
  /**
   * When it was sent: ISO 8601. With an offset ("2020-04-14T13:00:00Z") when the export gives an
   * absolute time; without one ("2020-04-14T15:00:00") when it gives only the local wall-clock time
   * of the exporting device, in which case {@link ParsedChat.timeZone} says what was assumed.
   */
  sentAt?: string;
  /** The time exactly as written in the export, for display and for checking. */
  sentAtStated: string;
  text: string;
  /** Joins, leaves, encryption notices, calls, pins and other messages no person wrote. */
  system: boolean;
  /** The seq (or export id) of the message this one replies to, when the export says. */
  replyToSeq?: number;
  replyToExportId?: string;
  edited?: boolean;
  /** When it was last edited, as stated. */
  editedAtStated?: string;
  forwardedFrom?: string;
  attachments: ParsedAttachment[];
  /** Anything else the export says that a reporter may need (reactions, thread ids...). */
  extra?: Record<string, unknown>;
}

/** One conversation (a chat, a channel, a DM) of an export. */
export interface ParsedConversation {
  name: string;
  /** The conversation's id in the export, when it has one. */
  exportId?: string;
  participants: string[];
  messages: ParsedMessage[];
}

/** The export layouts the parsers know. */
export type ChatFormat =
  | 'whatsapp-android'
  | 'whatsapp-ios'
  | 'telegram-json'
  | 'slack-export'
  | 'signal-export'
  | 'discord-chat-exporter'
  | 'facebook-messenger'
  | 'instagram';

/** A whole parsed export. */
export interface ParsedChat {
  format: ChatFormat;
  conversations: ParsedConversation[];
  timeZone: {
    /** The zone times are in: an IANA name or an offset, or undefined for "local time of the device". */
    zone?: string;
    /** One sentence a reporter can read: what the export says about times and what was assumed. */
    assumption: string;
  };
  /** Things the reporter should know (lines that could not be read, a guessed date order...). */
  warnings: string[];
}

/** The outcome of parsing: a chat, or a reason a person can read. */
export type ChatParseResult = { ok: true; chat: ParsedChat } | { ok: false; reason: string };
