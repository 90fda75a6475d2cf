import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * SHA-256 of a string's UTF-8 bytes, as 64 lowercase hex digits. Synchronous on purpose: it is used
 * inside IndexedDB transactions, which commit as soon as they wait on anything that is not the
 * database (such as `crypto.subtle`).
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** SHA-256 of raw bytes, as 64 lowercase hex digits. */
export function sha256BytesHex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** True when `value` looks like a SHA-256 hex digest. */
export function isSha256Hex(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}
