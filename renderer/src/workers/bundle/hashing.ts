import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Bytes hashed in one piece with the platform's SHA-256 (fast); bigger blobs are streamed. */
const WHOLE_LIMIT = 256 * 1024 * 1024;
const SLICE = 8 * 1024 * 1024;

/** SHA-256 of bytes, as 64 lowercase hex digits. */
export async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return bytesToHex(new Uint8Array(digest));
}

/**
 * SHA-256 of a blob. Up to 256 MB it is read whole and hashed by the platform (the import read
 * originals whole too); beyond that it is read in 8 MB slices through an incremental hash, so a
 * huge original never has to fit in memory.
 */
export async function sha256OfBlob(blob: Blob): Promise<string> {
  if (blob.size <= WHOLE_LIMIT) return sha256OfBytes(new Uint8Array(await blob.arrayBuffer()));
  const hash = sha256.create();
  for (let at = 0; at < blob.size; at += SLICE) {
    hash.update(new Uint8Array(await blob.slice(at, at + SLICE).arrayBuffer()));
  }
  return bytesToHex(hash.digest());
}

/** An incremental SHA-256 for data that arrives in pieces (an entry being inflated). */
export function incrementalSha256(): { update(bytes: Uint8Array): void; hex(): string } {
  const hash = sha256.create();
  return {
    update: (bytes) => {
      hash.update(bytes);
    },
    hex: () => bytesToHex(hash.digest()),
  };
}
