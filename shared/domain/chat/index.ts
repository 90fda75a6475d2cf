/**
 * Chat-export parsers: one entry point ({@link parseChatExport}), detection for the import's
 * routing ({@link detectChatFormat}, {@link detectChatZip}), and the link from attachments to zip
 * entries ({@link listChatAttachments}). docs/chat-formats.md describes every layout.
 */
export type * from './types';
export { parseChatExport, DEFAULT_MAX_JSON_CHARS } from './parse';
export type { ChatExportInput, ParseChatOptions } from './parse';
export {
  detectChatFormat,
  detectChatZip,
  KNOWN_CHAT_LAYOUTS,
  KNOWN_LAYOUTS_SENTENCE,
  unknownLayoutReason,
} from './detect';
export type { ChatDetection, ChatZipDetection } from './detect';
export { listChatAttachments, listWhatsAppAttachments } from './attachments';
export type { AttachmentLink } from './attachments';
export { parseWhatsApp, whatsAppChatNameFromFileName, WHATSAPP_TIME_ASSUMPTION } from './whatsapp';
export type { DateOrder, WhatsAppOptions } from './whatsapp';
export { parseTelegram } from './telegram';
export { parseSlack } from './slack';
export { parseDiscord } from './discord';
export { parseMessengerLike } from './messenger';
export { parseInstagram } from './instagram';
export { parseSignalText, parseSignalJsonLines } from './signal';
export { repairMojibake } from './common';
