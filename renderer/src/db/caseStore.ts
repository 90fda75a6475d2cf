import type { Table } from 'dexie';
import {
  chainActivityEntry,
  type ActivityDraft,
  type ActivityEntry,
} from '@shared/domain/activityLog';
import type { CaseDb } from './caseDb';

/** Appends one entry to the activity log; only valid inside a write transaction. */
export type LogActivity = (draft: ActivityDraft) => Promise<void>;

/** Appends many entries at once, chained in order (bulk writes); only inside a write transaction. */
export type LogActivities = (drafts: ActivityDraft[]) => Promise<void>;

/** A new random id for a record. */
export function newId(): string {
  return crypto.randomUUID();
}

/** The current time as an ISO string. */
export function nowIso(): string {
  return new Date().toISOString();
}

/**
 * Access to one open case for the repositories: its database and who is working in it. Every
 * change goes through {@link CaseStore.write}, which appends to the activity log in the same
 * transaction, so a change and its log entry are stored together or not at all.
 */
export class CaseStore {
  constructor(
    readonly db: CaseDb,
    private readonly actorName: () => string,
  ) {}

  /** Who the activity log records for changes made now. */
  get actor(): string {
    return this.actorName();
  }

  /**
   * Runs `work` in one read-write transaction over `tables` and the activity log. `work` must only
   * wait on Dexie calls (anything else, such as `crypto.subtle`, would end the transaction early).
   */
  write<T>(
    tables: Table[],
    work: (log: LogActivity, logMany: LogActivities) => Promise<T>,
  ): Promise<T> {
    const { db } = this;
    const actor = this.actor;
    return db.transaction('rw', [...tables, db.activity], async () => {
      // The transaction holds the log's write lock, so the last entry read once stays the last:
      // a bulk write of many records chains its entries without reading the log again each time.
      let last: ActivityEntry | undefined;
      let lastRead = false;
      const log: LogActivity = async (draft) => {
        if (!lastRead) {
          last = await db.activity.orderBy('seq').last();
          lastRead = true;
        }
        const entry = chainActivityEntry(last, draft, actor, nowIso());
        await db.activity.add(entry);
        last = entry;
      };
      const logMany: LogActivities = async (drafts) => {
        if (!lastRead) {
          last = await db.activity.orderBy('seq').last();
          lastRead = true;
        }
        const at = nowIso();
        const entries: ActivityEntry[] = [];
        for (const draft of drafts) {
          last = chainActivityEntry(last, draft, actor, at);
          entries.push(last);
        }
        await db.activity.bulkAdd(entries);
      };
      return work(log, logMany);
    });
  }
}

/** Shortens a text for a log line or a message: “first words…”. */
export function clip(text: string, max = 80): string {
  const squashed = text.replace(/\s+/g, ' ').trim();
  return squashed.length > max ? `${squashed.slice(0, max - 1)}…` : squashed;
}
