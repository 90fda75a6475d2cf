/**
 * Which chat export a file (or a zip's list of entries) is, decided cheaply from its name and the
 * first part of its text, before anything is parsed. When it is none of the known layouts, the
 * reason names them all, for the reporter to read.
 */
import { looksLikeSlackEntries } from './slack';
import { isInstagramPath } from './instagram';
import { looksLikeSignalText } from './signal';
import { isWhatsAppChatEntry, looksLikeWhatsApp } from './whatsapp';
import type { ChatFormat } from './types';

/** Every layout Casefile reads, in the words the reporter sees. */
export const KNOWN_CHAT_LAYOUTS: readonly { format: ChatFormat; label: string }[] = [
  { format: 'whatsapp-android', label: 'WhatsApp .txt or .zip (Android layout)' },
  { format: 'whatsapp-ios', label: 'WhatsApp .txt or .zip (iOS layout)' },
  {
    format: 'telegram-json',
    label: 'Telegram Desktop JSON (result.json, one chat or the whole account)',
  },
  { format: 'slack-export', label: 'Slack workspace export (.zip)' },
  { format: 'signal-export', label: 'Signal through signal-export (chat.md or data.json)' },
  { format: 'discord-chat-exporter', label: 'Discord through DiscordChatExporter (JSON)' },
  { format: 'facebook-messenger', label: 'Facebook Messenger JSON (Download your information)' },
  { format: 'instagram', label: 'Instagram messages JSON (Download your information)' },
];

/** The sentence that lists the known layouts. */
export const KNOWN_LAYOUTS_SENTENCE = `Casefile reads: ${KNOWN_CHAT_LAYOUTS.map((l) => l.label).join('; ')}.`;

/** The reason given for a file that is no known chat export, with what was seen when known. */
export function unknownLayoutReason(seen?: string): string {
  return `This does not look like a chat export Casefile knows${seen ? ` (${seen})` : ''}. ${KNOWN_LAYOUTS_SENTENCE}`;
}

/** A known layout, or why the file is not one. */
export type ChatDetection = { format: ChatFormat } | { format: 'unknown'; reason: string };

/** A known layout for a zip, with the entries to decode as text and hand to the parser. */
export type ChatZipDetection =
  { format: ChatFormat; textEntries: string[] } | { format: 'unknown'; reason: string };

const HEAD = 64 * 1024;

/** Whether the start of a text is not text at all (NULs, control characters, replacement chars). */
export function looksBinary(text: string): boolean {
  const head = text.length > 4096 ? text.slice(0, 4096) : text;
  let odd = 0;
  for (let i = 0; i < head.length; i += 1) {
    const c = head.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) odd += 1;
  }
  return odd > 8 && odd * 20 > head.length;
}

/** Strips a BOM and leading whitespace from the start of a text (the start only is looked at). */
function headOf(text: string): string {
  const head = text.length > HEAD ? text.slice(0, HEAD) : text;
  return head.replace(/^[\uFEFF\s]+/, '');
}

/**
 * The layout of a single file's text: JSON layouts by their fields, text layouts by their first
 * lines. Cheap: only the first 64 KB are looked at (the parser checks the whole).
 */
export function detectChatFormat(fileName: string, text: string): ChatDetection {
  const head = headOf(text);
  if (head.length === 0)
    return { format: 'unknown', reason: unknownLayoutReason('the file is empty') };
  if (looksBinary(head)) {
    return { format: 'unknown', reason: unknownLayoutReason('the file is not text') };
  }
  const first = head.charCodeAt(0);
  // "[" opens a JSON list, and also iOS WhatsApp and signal-export lines ("[20.06.19, 15:58:47]").
  const asText = first === 123 ? undefined : detectTextHead(fileName, head);
  if (asText) return { format: asText };
  if (first === 123 || first === 91) {
    const json = detectJsonHead(fileName, head);
    return json
      ? { format: json }
      : {
          format: 'unknown',
          reason: unknownLayoutReason('it is JSON, but not in a layout Casefile reads'),
        };
  }
  return { format: 'unknown', reason: unknownLayoutReason() };
}

/** JSON layouts by the fields in the first part of the file. */
function detectJsonHead(fileName: string, head: string): ChatFormat | undefined {
  // signal-export's data.json: one object per line, starting with "date".
  if (/^\{"date": ?"/.test(head) && /"sender": ?/.test(head.slice(0, 2000))) return 'signal-export';
  if (/"guild"\s*:\s*\{/.test(head) && /"channel"\s*:\s*\{/.test(head))
    return 'discord-chat-exporter';
  if (
    /"(?:sender_name|senderName)"\s*:/.test(head) ||
    (/"participants"\s*:/.test(head) && /"thread_path"\s*:/.test(head))
  ) {
    return isInstagramPath(fileName) ? 'instagram' : 'facebook-messenger';
  }
  if (
    /"(?:date_unixtime|personal_information|text_entities|from_id)"\s*:/.test(head) ||
    /"type"\s*:\s*"(?:message|service)"[\s\S]{0,400}?"date"\s*:/.test(head) ||
    /"chats"\s*:\s*\{\s*"about"/.test(head)
  ) {
    return 'telegram-json';
  }
  if (
    head.charCodeAt(0) === 91 &&
    /"ts"\s*:\s*"\d+\.\d+"/.test(head) &&
    /"type"\s*:\s*"message"/.test(head)
  ) {
    return 'slack-export';
  }
  return undefined;
}

/** Text layouts by their first lines. */
function detectTextHead(fileName: string, head: string): ChatFormat | undefined {
  const signalShaped = looksLikeSignalText(head);
  if (signalShaped) {
    if (/\.md$/i.test(fileName)) return 'signal-export';
    // WhatsApp in ISO-date locales writes the same brackets; these say WhatsApp.
    const whatsappSigns =
      /whatsapp|_chat\.txt$/i.test(fileName) ||
      /\u200E|<attached: |<Media omitted>| omitted\r?\n|end-to-end encrypted/i.test(head);
    if (!whatsappSigns) {
      // signal-export's older layout has a comma and no seconds ("[2019-12-24, 12:23]"); its
      // newer one ends every message with two spaces (a Markdown line break).
      if (/^\[\d{4}-\d{2}-\d{2}, \d{2}:\d{2}\] /m.test(head)) return 'signal-export';
      // and its own Markdown: attachment links into ./media/, (- reactions -), (( stickers )).
      if (
        /\]\(\.\/media\/|^\(- .* -\)\r?$|^\(\( .* \)\)\r?$|^\[[^\]]+\] [^:\n]+: \(This message was deleted\)/m.test(
          head,
        )
      ) {
        return 'signal-export';
      }
      const headers = head.match(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\] .*$/gm) ?? [];
      const spaced = headers.filter((l) => /(?: {2}|: )\r?$/.test(l)).length;
      if (headers.length > 0 && spaced * 2 >= headers.length) return 'signal-export';
    }
  }
  if (looksLikeWhatsApp(head))
    return /^[\uFEFF\u200E]*\[/m.test(head.slice(0, 200)) ? 'whatsapp-ios' : 'whatsapp-android';
  return undefined;
}

function ignorable(path: string): boolean {
  return path.startsWith('__MACOSX/') || path.endsWith('/') || /(?:^|\/)\._/.test(path);
}

function depth(path: string): number {
  let d = 0;
  for (let i = 0; i < path.length; i += 1) if (path.charCodeAt(i) === 47) d += 1;
  return d;
}

/**
 * The layout of a zip from its entry paths alone, and which entries to decode as text for the
 * parser (the rest, such as media, stay bytes). The parser checks the contents.
 */
export function detectChatZip(zipName: string, entryPaths: Iterable<string>): ChatZipDetection {
  const paths = [...entryPaths].filter((p) => !ignorable(p));
  if (paths.length === 0)
    return { format: 'unknown', reason: unknownLayoutReason('the zip is empty') };

  if (looksLikeSlackEntries(paths)) {
    return { format: 'slack-export', textEntries: paths.filter((p) => /\.json$/i.test(p)) };
  }
  const results = paths
    .filter((p) => /(?:^|\/)result\.json$/i.test(p))
    .sort((a, b) => depth(a) - depth(b));
  if (results.length > 0) return { format: 'telegram-json', textEntries: [results[0]!] };

  const messageFiles = paths.filter((p) => /(?:^|\/)message_\d+\.json$/i.test(p));
  if (messageFiles.length > 0) {
    const instagram = isInstagramPath(zipName) || messageFiles.some(isInstagramPath);
    return { format: instagram ? 'instagram' : 'facebook-messenger', textEntries: messageFiles };
  }

  const signalFolders = paths
    .filter((p) => /(?:^|\/)chat\.md$/i.test(p))
    .map((p) => p.slice(0, p.length - 'chat.md'.length));
  if (signalFolders.length > 0) {
    const entries: string[] = [];
    for (const folder of signalFolders) {
      const json = paths.find((p) => p.toLowerCase() === `${folder}data.json`.toLowerCase());
      entries.push(json ?? `${folder}chat.md`);
    }
    return { format: 'signal-export', textEntries: entries };
  }

  const chats = paths.filter(isWhatsAppChatEntry).sort((a, b) => rankWhatsApp(a) - rankWhatsApp(b));
  if (chats.length > 0) {
    // Android or iOS is told by the text; the name says only that it is WhatsApp.
    return {
      format: /_chat\.txt$/.test(chats[0]!) ? 'whatsapp-ios' : 'whatsapp-android',
      textEntries: [chats[0]!],
    };
  }

  const json = paths.filter((p) => /\.json$/i.test(p));
  if (
    json.length > 0 &&
    json.length * 2 >=
      paths.filter((p) => !/_Files\//i.test(p) && !/\.(?:png|jpe?g|gif|webp|mp4|mp3|svg)$/i.test(p))
        .length
  ) {
    return { format: 'discord-chat-exporter', textEntries: json };
  }
  return { format: 'unknown', reason: unknownLayoutReason('no chat file was found in the zip') };
}

function rankWhatsApp(path: string): number {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === '_chat.txt') return 0;
  if (/whatsapp/i.test(name)) return 1;
  return 2 + depth(path);
}
