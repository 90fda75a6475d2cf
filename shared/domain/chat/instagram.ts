/**
 * Instagram's direct messages from "Download your information" (JSON): the same layout as
 * Facebook Messenger's (`participants`, `messages` with `sender_name`, `timestamp_ms`, `content`,
 * newest first), with the same mojibake. The two cannot be told apart by their content; the
 * export's folder names (`your_instagram_activity/messages/…`) or the reporter say which it is.
 */
import { parseMessengerLike, type MessengerThread } from './messenger';
import type { ChatParseResult } from './types';

/** Whether a file path inside an export belongs to an Instagram export rather than Facebook's. */
export function isInstagramPath(path: string): boolean {
  return (
    /(?:^|[/_\s-])instagram(?:[/_\s.-]|$)/i.test(path) ||
    path.startsWith('your_instagram_activity/')
  );
}

/** Reads Instagram message threads. Never throws. */
export function parseInstagram(threads: readonly MessengerThread[]): ChatParseResult {
  return parseMessengerLike('instagram', threads);
}
