import PostalMime, { type Address, type Email } from 'postal-mime';
import type { PartialDate } from '@shared/schemas/partialDate';
import type { MessageDraft } from '@shared/domain/chat/toMessages';
import { partialDateFromInstant } from '@shared/domain/partialDate';
import { groupThreads } from '@shared/domain/email/threads';
import { htmlToText } from './htmlText';

/** A file attached to an email, before it becomes a child source. */
export interface EmailAttachment {
  /** The file name as the email gives it (a label, never a path). */
  name: string;
  mediaType: string;
  bytes: Uint8Array;
  contentId?: string;
  inline: boolean;
}

/** One email read from its bytes. */
export interface ReadEmail {
  draft: MessageDraft;
  subject: string;
  attachments: EmailAttachment[];
  sourceDate?: PartialDate;
  warnings: string[];
  time?: number;
}

/** Emails larger than this are refused (a mailbox is split into its emails first). */
export const MAX_EMAIL_BYTES = 200 * 1024 * 1024;

function formatAddress(address: Address | undefined): string | undefined {
  if (!address) return undefined;
  if (address.group) {
    return `${address.name}: ${address.group.map((m) => formatAddress(m)).join(', ')}`;
  }
  if (address.name && address.address) return `${address.name} <${address.address}>`;
  return address.address || address.name || undefined;
}

function formatAddresses(list: Address[] | undefined): string[] | undefined {
  const out = (list ?? []).map(formatAddress).filter((a): a is string => Boolean(a));
  return out.length ? out : undefined;
}

/** The offset written in a Date header ("+0200", "-0500", "GMT"), as "+02:00". */
function offsetOf(dateHeader: string): string | undefined {
  const match = /([+-])(\d{2}):?(\d{2})\s*(\([^)]*\))?\s*$/.exec(dateHeader.trim());
  if (match) return `${match[1]}${match[2]}:${match[3]}`;
  if (/\b(GMT|UT|UTC|Z)\s*$/i.test(dateHeader.trim())) return '+00:00';
  return undefined;
}

function headerValue(email: Email, key: string): string | undefined {
  return email.headers.find((h) => h.key === key)?.value;
}

function bytesOf(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

/**
 * Reads one email (RFC 5322 with MIME) with postal-mime: its headers, its text (the plain-text
 * part, or the text of the HTML part when there is none), the raw HTML (kept for a sanitised view,
 * never run), and its attachments. Charsets are decoded by the browser's TextDecoder.
 */
export async function readEmail(bytes: Uint8Array, seq = 0): Promise<ReadEmail> {
  const email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 64 });
  const warnings: string[] = [];
  const subject = (email.subject ?? '').trim();
  const dateHeader = headerValue(email, 'date');
  const time = email.date ? Date.parse(email.date) : NaN;
  const offset = dateHeader ? offsetOf(dateHeader) : undefined;
  let text = email.text ?? '';
  if (!text.trim() && email.html) text = htmlToText(email.html).text;
  text = text.replace(/\r\n?/g, '\n');

  const attachments: EmailAttachment[] = email.attachments.map((attachment, index) => {
    const extension = attachment.mimeType === 'message/rfc822' ? '.eml' : '';
    const name = (attachment.filename ?? '').trim() || `attachment-${index + 1}${extension}`;
    const item: EmailAttachment = {
      name,
      mediaType: attachment.mimeType || 'application/octet-stream',
      bytes: bytesOf(attachment.content),
      inline: attachment.disposition === 'inline' || Boolean(attachment.related),
    };
    if (attachment.contentId) item.contentId = attachment.contentId.replace(/^<|>$/g, '');
    return item;
  });

  const extra: Record<string, unknown> = {
    subject,
    from: formatAddress(email.from),
    to: formatAddresses(email.to),
    cc: formatAddresses(email.cc),
    bcc: formatAddresses(email.bcc),
    replyTo: formatAddresses(email.replyTo),
    messageId: email.messageId,
    inReplyTo: email.inReplyTo,
    references: email.references,
    headers: email.headers.slice(0, 300).map((h) => [h.originalKey, h.value.slice(0, 2_000)]),
  };
  if (email.html) {
    extra.html = email.html;
    if (/<script\b|\son[a-z]+\s*=|javascript:/i.test(email.html)) {
      warnings.push(
        'This email’s HTML contains scripts or event handlers. They were removed from the formatted view and never run; the original is kept as it was.',
      );
    }
    if (/<img\b[^>]*\ssrc\s*=\s*["']?(https?:)?\/\//i.test(email.html)) {
      warnings.push(
        'This email loads images from the internet (possibly tracking pixels). They are blocked: nothing is fetched when you read it.',
      );
    }
  }
  for (const key of Object.keys(extra)) if (extra[key] === undefined) delete extra[key];

  const draft: MessageDraft = {
    seq,
    sentAtStated: dateHeader ?? '',
    text,
  };
  const sender = formatAddress(email.from);
  if (sender) draft.sender = sender;
  if (!Number.isNaN(time)) {
    draft.sentAt = new Date(time).toISOString();
    draft.timeZoneAssumption = offset
      ? `the sender’s offset from UTC as the Date header states it (${offset})`
      : 'UTC (the Date header states no offset)';
  } else if (dateHeader) {
    warnings.push(`The email’s date (“${dateHeader.slice(0, 80)}”) could not be read.`);
  }
  if (attachments.length) draft.attachments = attachments.map((a) => ({ name: a.name }));
  draft.extra = extra;
  const result: ReadEmail = { draft, subject, attachments, warnings };
  if (!Number.isNaN(time)) {
    result.time = time;
    const sourceDate = partialDateFromInstant(new Date(time).toISOString(), offset ?? 'UTC');
    if (sourceDate) result.sourceDate = sourceDate;
  }
  return result;
}

/** Gives each email its thread: `conversation` is the thread id; returns the thread subjects. */
export function threadEmails(emails: ReadEmail[]): Map<string, string> {
  const { threadOf, subjects } = groupThreads(
    emails.map((email) => ({
      messageId: email.draft.extra?.messageId as string | undefined,
      inReplyTo: email.draft.extra?.inReplyTo as string | undefined,
      references: email.draft.extra?.references as string | undefined,
      subject: email.subject,
      time: email.time,
    })),
  );
  emails.forEach((email, index) => {
    email.draft.conversation = threadOf[index] as string;
  });
  return subjects;
}

/**
 * True when a file starts with an email's header block: at least three known header fields before
 * the first blank line, one of them a field only mail software writes (Received, Message-ID,
 * MIME-Version...), so that a memo that begins "From: / To: / Subject:" stays a memo.
 */
export function looksLikeEmail(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8192));
  const block = head.split(/\r?\n\r?\n/)[0] ?? '';
  if (!/^[A-Za-z-]+:/.test(block)) return false;
  const names = block.match(/^[A-Za-z-]+(?=:)/gm) ?? [];
  const known = names.filter((name) =>
    /^(from|to|cc|subject|date|message-id|received|mime-version|return-path|delivered-to|content-type|x-mailer)$/i.test(
      name,
    ),
  );
  const machine = names.some((name) =>
    /^(message-id|received|mime-version|return-path|delivered-to|dkim-signature)$/i.test(name),
  );
  return known.length >= 3 && machine;
}
