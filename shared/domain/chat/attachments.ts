/**
 * Links the files a chat export names to the entries of the zip it came in, so the import can
 * store each file as a child source of its message. Entry paths are only compared as strings:
 * they are never used as paths on disk.
 */
import type { ParsedChat } from './types';

/** One attachment a message names, and the zip entry that holds it (when one does). */
export interface AttachmentLink {
  /** Index of the conversation in {@link ParsedChat.conversations}. */
  conversation: number;
  /** The message's seq. */
  seq: number;
  /** Index of the attachment in the message's `attachments`. */
  attachment: number;
  /** The name the export gives. */
  name: string;
  /** The entry of the zip that is this file; undefined when the zip does not hold it. */
  entryPath?: string;
  omitted: boolean;
}

/** Entries that are never anyone's attachment: macOS resource forks and folders. */
function ignorable(path: string): boolean {
  return path.startsWith('__MACOSX/') || path.endsWith('/') || /(?:^|\/)\._/.test(path);
}

function normalise(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '')
    .replace(/^\/+/, '');
}

/**
 * Every attachment of every message, with the zip entry that holds it: the entry whose path is the
 * name, else the one whose path ends with it, else the only entry with that file name.
 */
export function listChatAttachments(
  chat: ParsedChat,
  entryPaths: Iterable<string>,
): AttachmentLink[] {
  const exact = new Map<string, string>();
  const byBase = new Map<string, string[]>();
  const all: string[] = [];
  for (const path of entryPaths) {
    if (ignorable(path)) continue;
    const norm = normalise(path);
    all.push(path);
    if (!exact.has(norm)) exact.set(norm, path);
    const base = norm.slice(norm.lastIndexOf('/') + 1);
    const list = byBase.get(base);
    if (list) list.push(path);
    else byBase.set(base, [path]);
  }
  const find = (name: string): string | undefined => {
    const norm = normalise(name);
    if (norm === '') return undefined;
    const hit = exact.get(norm);
    if (hit !== undefined) return hit;
    const base = norm.slice(norm.lastIndexOf('/') + 1);
    const candidates = byBase.get(base);
    if (!candidates) return undefined;
    if (norm.includes('/')) {
      const suffixed = candidates.filter((p) => normalise(p).endsWith(`/${norm}`));
      if (suffixed.length === 1) return suffixed[0];
    }
    return candidates.length === 1 ? candidates[0] : undefined;
  };

  const links: AttachmentLink[] = [];
  chat.conversations.forEach((conversation, c) => {
    for (const message of conversation.messages) {
      message.attachments.forEach((attachment, a) => {
        const link: AttachmentLink = {
          conversation: c,
          seq: message.seq,
          attachment: a,
          name: attachment.name,
          omitted: attachment.omitted === true,
        };
        if (!link.omitted) {
          const entry = find(attachment.name);
          if (entry !== undefined) link.entryPath = entry;
        }
        links.push(link);
      });
    }
  });
  return links;
}

/** {@link listChatAttachments} under the name the WhatsApp import looks for. */
export const listWhatsAppAttachments = listChatAttachments;
