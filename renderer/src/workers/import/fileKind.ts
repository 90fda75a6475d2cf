import { sniffImageFormat } from '@shared/domain/import/imageHeader';
import { looksLikeZip } from '@shared/domain/archive/zip';
import { extensionOf, textTypeOf } from './prepareTextSource';
import { looksLikeEmail } from './prepareEmail';
import { looksLikeMbox } from '@shared/domain/email/mbox';

/** How the importer reads a file. */
export type FileKind =
  | 'text'
  | 'image'
  | 'pdf'
  | 'docx'
  | 'zip'
  | 'email'
  | 'mbox'
  | 'json'
  | 'unknown';

/** The first few KB as text, byte for byte (enough to recognise a mail header or an mbox). */
function head(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes.subarray(0, 4096));
}

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'jpe', 'jfif', 'gif', 'webp', 'heic', 'heif']);

function startsWithPdf(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/**
 * Decides how to read a file. A text extension wins (a .txt is read as text, and refused as text
 * if it is binary); otherwise the first bytes decide, and the extension only where the bytes say
 * nothing (an empty or cut-off photo.jpg is still read, and refused, as an image).
 */
export function fileKindOf(name: string, mediaType: string, bytes: Uint8Array): FileKind {
  const extension = extensionOf(name);
  if (extension === 'json' || mediaType === 'application/json') return 'json';
  if (extension === 'eml' || mediaType === 'message/rfc822') return 'email';
  if (extension === 'mbox' || extension === 'mbx' || mediaType === 'application/mbox') return 'mbox';
  if (textTypeOf(name, '')) {
    // Mail saved as .txt (as many tools and test suites do) is still mail.
    if (['txt', 'text', ''].includes(extension)) {
      if (looksLikeMbox(head(bytes))) return 'mbox';
      if (looksLikeEmail(bytes)) return 'email';
    }
    return 'text';
  }
  if (sniffImageFormat(bytes)) return 'image';
  if (startsWithPdf(bytes)) return 'pdf';
  if (looksLikeZip(bytes)) return extension === 'docx' ? 'docx' : 'zip';
  if (IMAGE_EXTENSIONS.has(extension) || mediaType.startsWith('image/')) return 'image';
  if (extension === 'pdf') return 'pdf';
  if (extension === 'docx') return 'docx';
  if (extension === 'zip') return 'zip';
  if (bytes.length > 0 && looksLikeMbox(head(bytes))) return 'mbox';
  if (bytes.length > 0 && looksLikeEmail(bytes)) return 'email';
  if (textTypeOf(name, mediaType)) return 'text';
  return 'unknown';
}

/** What the importer reads, for messages about files it does not. */
export const KNOWN_FILE_TYPES =
  'screenshots and photos (PNG, JPEG, GIF, WebP), PDF, Word (.docx), emails (.eml) and mailboxes (.mbox), chat exports (WhatsApp, Telegram, Slack, Signal, Discord, Messenger, Instagram), zip archives, text (.txt), Markdown (.md) and web pages (.html)';
