/**
 * The one entry point the import uses: a file's text (or a zip's decoded text entries) in, a
 * parsed chat or a reason a person can read out. Never throws, whatever the input: malformed or
 * truncated JSON, JSON of the wrong shape, empty or binary files, very large files.
 */
import { errorMessage } from '../errorMessage';
import { baseName, fileNameOf } from './common';
import {
  detectChatFormat,
  detectChatZip,
  KNOWN_CHAT_LAYOUTS,
  looksBinary,
  unknownLayoutReason,
} from './detect';
import { looksLikeDiscord, parseDiscord } from './discord';
import { isInstagramPath } from './instagram';
import { looksLikeMessenger, parseMessengerLike, type MessengerThread } from './messenger';
import { looksLikeSignalJsonLines, parseSignalJsonLines, parseSignalText } from './signal';
import { looksLikeSlackMessages, parseSlack, parseSlackMessages } from './slack';
import { looksLikeTelegram, parseTelegram } from './telegram';
import { parseWhatsApp, whatsAppChatNameFromFileName, type DateOrder } from './whatsapp';
import type { ChatFormat, ChatParseResult } from './types';

/** What to parse: one file's text, or the text entries of a zip (path → decoded text). */
export type ChatExportInput =
  | {
      fileName: string;
      text: string;
      /** Read as this layout instead of detecting it (the reporter chose). */
      format?: ChatFormat;
    }
  | {
      /** The zip's own file name (WhatsApp names the chat after it). */
      fileName: string;
      entries: ReadonlyMap<string, string>;
      format?: ChatFormat;
    };

export interface ParseChatOptions {
  /**
   * JSON longer than this many characters is refused rather than parsed in one piece (parsing
   * needs several times its size in memory). Default 256 Mi characters.
   */
  maxJsonChars?: number;
  /** WhatsApp: read dates in this order instead of deciding from the file. */
  dateOrder?: DateOrder;
}

export const DEFAULT_MAX_JSON_CHARS = 256 * 1024 * 1024;

function labelOf(format: ChatFormat): string {
  return KNOWN_CHAT_LAYOUTS.find((l) => l.format === format)?.label ?? format;
}

function megabytes(chars: number): string {
  return `${Math.round(chars / 1024 / 1024).toLocaleString('en-GB')} MB`;
}

type JsonOutcome = { ok: true; value: unknown } | { ok: false; reason: string };

/** JSON.parse with a size limit and a reason a person can read when it fails. */
function readJson(text: string, what: string, options: ParseChatOptions): JsonOutcome {
  const limit = options.maxJsonChars ?? DEFAULT_MAX_JSON_CHARS;
  if (text.length > limit) {
    return {
      ok: false,
      reason: `${what} is ${megabytes(text.length)} of JSON, more than the ${megabytes(limit)} Casefile reads in one piece. Export smaller parts (one chat, or a shorter period) and import those.`,
    };
  }
  try {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const detail = errorMessage(error);
    const truncated = /end of (?:JSON )?input|Unterminated/i.test(detail);
    return {
      ok: false,
      reason: `${what} is not valid JSON${truncated ? ': it ends too early (the file may be cut short)' : ''} (${detail}).`,
    };
  }
}

/** Reads a chat export. Never throws; a failure comes back as `{ ok: false, reason }`. */
export function parseChatExport(
  input: ChatExportInput,
  options: ParseChatOptions = {},
): ChatParseResult {
  try {
    return 'entries' in input ? parseZip(input, options) : parseFile(input, options);
  } catch (error) {
    // Out of memory, a string too long for the engine, or a bug: say so rather than crash the import.
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, reason: `The chat export could not be read (${detail}).` };
  }
}

function parseFile(
  input: { fileName: string; text: string; format?: ChatFormat },
  options: ParseChatOptions,
): ChatParseResult {
  const { fileName, text } = input;
  let format = input.format;
  if (format === undefined) {
    const detected = detectChatFormat(fileName, text);
    if (detected.format === 'unknown') return { ok: false, reason: detected.reason };
    format = detected.format;
  } else if (text.trim().length === 0) {
    return { ok: false, reason: 'The file is empty: there is no chat in it.' };
  } else if (looksBinary(text)) {
    return { ok: false, reason: `The file is not text, so it cannot be ${labelOf(format)}.` };
  }
  const what = `“${fileNameOf(fileName)}”`;

  switch (format) {
    case 'whatsapp-android':
    case 'whatsapp-ios':
      return parseWhatsApp(
        whatsAppChatNameFromFileName(fileName),
        text,
        options.dateOrder ? { dateOrder: options.dateOrder } : {},
      );
    case 'signal-export': {
      const name = signalChatName(fileName);
      return looksLikeSignalJsonLines(text)
        ? parseSignalJsonLines(name, text)
        : parseSignalText(name, text);
    }
    default: {
      const json = readJson(text, what, options);
      if (!json.ok) return json;
      return parseJsonValue(format, json.value, fileName);
    }
  }
}

/** Parses a JSON value as the given layout, or as whichever layout its shape is. */
function parseJsonValue(format: ChatFormat, value: unknown, fileName: string): ChatParseResult {
  const shape = jsonShape(value, fileName);
  if (shape === undefined) {
    return {
      ok: false,
      reason: `The file is valid JSON but not ${labelOf(format)}: ${describeJson(value)}. ${unknownLayoutReason().replace(/^[^.]*\. /, '')}`,
    };
  }
  // The fields decide when the sniffed layout was wrong (Messenger and Instagram stay as chosen).
  const chosen = shape === 'facebook-messenger' && format === 'instagram' ? 'instagram' : shape;
  switch (chosen) {
    case 'telegram-json':
      return parseTelegram(value);
    case 'discord-chat-exporter':
      return parseDiscord([value]);
    case 'facebook-messenger':
    case 'instagram':
      return parseMessengerLike(chosen, [{ path: fileName, files: [value] }]);
    case 'slack-export':
      return parseSlackMessages(slackChannelName(fileName), value);
    default:
      return { ok: false, reason: unknownLayoutReason() };
  }
}

/** The layout a parsed JSON value's fields say it is. */
function jsonShape(value: unknown, fileName: string): ChatFormat | undefined {
  if (looksLikeDiscord(value)) return 'discord-chat-exporter';
  if (looksLikeTelegram(value)) return 'telegram-json';
  if (looksLikeMessenger(value))
    return isInstagramPath(fileName) ? 'instagram' : 'facebook-messenger';
  if (looksLikeSlackMessages(value)) return 'slack-export';
  return undefined;
}

/** A short description of a JSON value that is not a chat, for the reason. */
function describeJson(value: unknown): string {
  if (value === null) return 'it holds only null';
  if (Array.isArray(value)) return `it is a list of ${value.length.toLocaleString('en-GB')} items`;
  if (typeof value === 'object') {
    const keys = Object.keys(value as object);
    if (keys.length === 0) return 'it is an empty object';
    const shown = keys.slice(0, 6).map((k) => `“${k.length > 30 ? `${k.slice(0, 29)}…` : k}”`);
    return `its fields are ${shown.join(', ')}${keys.length > 6 ? ` and ${keys.length - 6} more` : ''}`;
  }
  return `it holds a single ${typeof value}`;
}

function signalChatName(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/').filter(Boolean);
  if (parts.length >= 2) return parts[parts.length - 2]!;
  const base = baseName(path);
  return base === 'chat' || base === 'data' ? 'Signal chat' : base;
}

function slackChannelName(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/').filter(Boolean);
  if (parts.length >= 2) return `#${parts[parts.length - 2]}`;
  return baseName(path);
}

function parseZip(
  input: { fileName: string; entries: ReadonlyMap<string, string>; format?: ChatFormat },
  options: ParseChatOptions,
): ChatParseResult {
  const { fileName, entries } = input;
  let format = input.format;
  let textEntries: string[];
  if (format === undefined) {
    const detected = detectChatZip(fileName, entries.keys());
    if (detected.format === 'unknown') return { ok: false, reason: detected.reason };
    format = detected.format;
    textEntries = detected.textEntries;
  } else {
    const detected = detectChatZip(fileName, entries.keys());
    textEntries = detected.format === 'unknown' ? [...entries.keys()] : detected.textEntries;
  }
  const present = textEntries.filter((p) => entries.has(p));
  if (present.length === 0) {
    return {
      ok: false,
      reason: `The zip’s chat file${textEntries.length === 1 ? '' : 's'} (${textEntries.slice(0, 3).join(', ')}) ${textEntries.length === 1 ? 'was' : 'were'} not given to the parser.`,
    };
  }

  switch (format) {
    case 'whatsapp-android':
    case 'whatsapp-ios': {
      const entry = present[0]!;
      const entryName = whatsAppChatNameFromFileName(entry);
      const name =
        entryName !== 'WhatsApp chat' && entryName !== baseName(entry)
          ? entryName
          : whatsAppChatNameFromFileName(fileName);
      const result = parseWhatsApp(
        name,
        entries.get(entry)!,
        options.dateOrder ? { dateOrder: options.dateOrder } : {},
      );
      if (!result.ok && input.format === undefined) {
        return {
          ok: false,
          reason: unknownLayoutReason(`the zip’s text file “${entry}” is not a WhatsApp chat`),
        };
      }
      return result;
    }
    case 'slack-export': {
      const slackEntries = new Map<string, string>();
      for (const p of present) slackEntries.set(p, entries.get(p)!);
      return parseSlack(slackEntries);
    }
    case 'telegram-json': {
      const json = readJson(entries.get(present[0]!)!, `“${present[0]}”`, options);
      if (!json.ok) return json;
      return parseJsonValue('telegram-json', json.value, present[0]!);
    }
    case 'facebook-messenger':
    case 'instagram': {
      const threads = new Map<string, { path: string; files: { n: number; value: unknown }[] }>();
      for (const path of present) {
        const json = readJson(entries.get(path)!, `“${path}”`, options);
        if (!json.ok) return json;
        const folder = path.slice(0, path.lastIndexOf('/') + 1);
        let thread = threads.get(folder);
        if (!thread) threads.set(folder, (thread = { path: folder, files: [] }));
        thread.files.push({
          n: Number(/message_(\d+)\.json$/i.exec(path)?.[1] ?? 0),
          value: json.value,
        });
      }
      const list: MessengerThread[] = [...threads.values()].map((t) => ({
        path: t.path,
        files: t.files.sort((a, b) => a.n - b.n).map((f) => f.value),
      }));
      return parseMessengerLike(format, list);
    }
    case 'signal-export': {
      const conversations = [];
      const warnings: string[] = [];
      let assumption = '';
      for (const path of present) {
        const text = entries.get(path)!;
        const name = signalChatName(path);
        const result = looksLikeSignalJsonLines(text)
          ? parseSignalJsonLines(name, text)
          : parseSignalText(name, text);
        if (!result.ok) {
          warnings.push(`“${path}” was not read: ${result.reason}`);
          continue;
        }
        conversations.push(...result.chat.conversations);
        warnings.push(...result.chat.warnings.map((w) => `${name}: ${w}`));
        assumption = result.chat.timeZone.assumption;
      }
      if (conversations.length === 0)
        return {
          ok: false,
          reason: unknownLayoutReason('no chat.md or data.json in the zip could be read'),
        };
      return {
        ok: true,
        chat: { format: 'signal-export', conversations, timeZone: { assumption }, warnings },
      };
    }
    case 'discord-chat-exporter': {
      const values: unknown[] = [];
      for (const path of present) {
        const json = readJson(entries.get(path)!, `“${path}”`, options);
        if (json.ok && looksLikeDiscord(json.value)) values.push(json.value);
      }
      if (values.length === 0)
        return {
          ok: false,
          reason: unknownLayoutReason(
            'none of the zip’s JSON files is a DiscordChatExporter export',
          ),
        };
      return parseDiscord(values);
    }
  }
}
