import type { ParsedChat } from '@shared/domain/chat/types';
import { chatToMessages } from '@shared/domain/chat/toMessages';
import type { NewSource, NewSourceTree } from '../../db';

/** A file of the export that a message names, ready to become a child source. */
export interface ChatAttachmentSource {
  /** The name as the message gives it. */
  name: string;
  child: NewSource & { id: string };
}

/** What the chat import knows about the file the export came in. */
export interface ChatFile {
  name: string;
  title?: string;
  mediaType: string;
  sha256: string;
  origin: NewSource['origin'];
  bytes: Blob;
  provenance?: string;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

const FORMAT_LABELS: Record<ParsedChat['format'], string> = {
  'whatsapp-android': 'WhatsApp (Android)',
  'whatsapp-ios': 'WhatsApp (iPhone)',
  'telegram-json': 'Telegram',
  'slack-export': 'Slack',
  'signal-export': 'Signal',
  'discord-chat-exporter': 'Discord',
  'facebook-messenger': 'Messenger',
  instagram: 'Instagram',
};

/**
 * A parsed chat export as one source tree: the export file (kind 'chat'), one message record per
 * message, and the files its messages carried as child sources linked from their messages. The
 * title names the chat ("WhatsApp: Harbour group"); the time zone assumption and the export's
 * warnings go on the source, where the reporter sees them.
 */
export function chatTree(
  file: ChatFile,
  chat: ParsedChat,
  attachments: readonly ChatAttachmentSource[] = [],
): { tree: NewSourceTree; notes: string[] } {
  const sourceIdByName = new Map<string, string>();
  for (const attachment of attachments) sourceIdByName.set(attachment.name, attachment.child.id);
  const { messages, metadata } = chatToMessages(chat, sourceIdByName);
  const first = chat.conversations[0];
  const label = FORMAT_LABELS[chat.format];
  const named =
    chat.conversations.length === 1 && first ? first.name : `${plural(chat.conversations.length, 'conversation')}`;
  const source: NewSource = {
    kind: 'chat',
    title: file.title?.trim() || `${label}: ${named}`,
    fileName: file.name,
    mediaType: file.mediaType,
    sha256: file.sha256,
    origin: file.origin,
    bytes: file.bytes,
    metadata: { chat: metadata },
    warnings: [...chat.warnings],
  };
  if (file.provenance) source.provenance = file.provenance;
  // Files two messages share are stored once.
  const children = [...new Map(attachments.map((a) => [a.child.id, a.child])).values()];
  const notes = [plural(messages.length, 'message')];
  if (children.length) notes.push(plural(children.length, 'attached file'));
  return { tree: { source, messages, children }, notes };
}
