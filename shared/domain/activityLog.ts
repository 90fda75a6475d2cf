import { canonicalJson } from './canonicalJson';
import { sha256Hex } from './hashing';

/** The hash that stands before the first entry of a log. */
export const GENESIS_HASH = '0'.repeat(64);

/** The kinds of record an activity entry can be about. */
export type ActivityRecordType =
  | 'case'
  | 'source'
  | 'text'
  | 'entity'
  | 'mention'
  | 'event'
  | 'citation'
  | 'comment'
  | 'suggestion'
  | 'note'
  | 'tag';

/** What an entry says happened, before it is chained. */
export interface ActivityDraft {
  /** A dotted verb such as `source.import` or `event.update`. */
  action: string;
  recordType: ActivityRecordType;
  recordId: string;
  /** One sentence a reporter can read in the Activity panel. */
  summary: string;
  /** A small, JSON-safe description of what changed. */
  details?: Record<string, unknown>;
}

/**
 * One entry of a case's append-only activity log. `hash` is the SHA-256 of the entry's canonical
 * JSON (without `hash`), which includes `prevHash`: changing or removing any earlier entry breaks
 * every hash after it.
 */
export interface ActivityEntry extends ActivityDraft {
  seq: number;
  at: string;
  actor: string;
  prevHash: string;
  hash: string;
}

/** The hash an entry must carry, computed from everything else in it. */
export function hashActivityEntry(entry: Omit<ActivityEntry, 'hash'>): string {
  const { seq, at, actor, action, recordType, recordId, summary, details, prevHash } = entry;
  return sha256Hex(
    canonicalJson({ seq, at, actor, action, recordType, recordId, summary, details, prevHash }),
  );
}

/** Makes the entry that follows `previous` (or starts the log when there is none). */
export function chainActivityEntry(
  previous: Pick<ActivityEntry, 'seq' | 'hash'> | undefined,
  draft: ActivityDraft,
  actor: string,
  at: string,
): ActivityEntry {
  const unsigned = {
    seq: previous ? previous.seq + 1 : 1,
    at,
    actor,
    action: draft.action,
    recordType: draft.recordType,
    recordId: draft.recordId,
    summary: draft.summary,
    ...(draft.details === undefined ? {} : { details: draft.details }),
    prevHash: previous ? previous.hash : GENESIS_HASH,
  };
  return { ...unsigned, hash: hashActivityEntry(unsigned) };
}

/** The outcome of checking a log. */
export type ChainVerification =
  | { ok: true; count: number; lastHash: string }
  | {
      ok: false;
      count: number;
      /** The sequence number of the first entry that does not fit. */
      brokenAt: number;
      reason: string;
    };

/**
 * Checks that entries (in sequence order) form an unbroken chain: numbered 1, 2, 3…, each pointing
 * at the hash of the one before, each hash matching its content.
 */
export function verifyActivityChain(entries: Iterable<ActivityEntry>): ChainVerification {
  let previousHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) {
      return {
        ok: false,
        count,
        brokenAt: expectedSeq,
        reason:
          entry.seq > expectedSeq
            ? `Entry ${expectedSeq} is missing.`
            : `Entry ${entry.seq} appears out of order.`,
      };
    }
    if (entry.prevHash !== previousHash) {
      return {
        ok: false,
        count,
        brokenAt: entry.seq,
        reason: `Entry ${entry.seq} does not point at the entry before it.`,
      };
    }
    const { hash, ...rest } = entry;
    if (hashActivityEntry(rest) !== hash) {
      return {
        ok: false,
        count,
        brokenAt: entry.seq,
        reason: `Entry ${entry.seq} was changed after it was written.`,
      };
    }
    previousHash = hash;
    expectedSeq += 1;
    count += 1;
  }
  return { ok: true, count, lastHash: previousHash };
}
