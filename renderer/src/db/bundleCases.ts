import Dexie from 'dexie';
import type { ActivityDraft } from '@shared/domain/activityLog';
import { CASE_META_KEY } from '@shared/domain/bundle/tables';
import type { Case } from '@shared/schemas/records';
import { CaseSchema } from '@shared/schemas/records';
import { CaseDb, CASE_DB_PREFIX, caseDbName } from './caseDb';
import { CaseStore, clip } from './caseStore';
import { CatalogDb } from './catalogDb';

/**
 * The schema version of the case database (the highest `version(n)` in caseDb.ts). A bundle says
 * which version its records were written with; a test keeps this equal to CaseDb's.
 */
export const CASE_SCHEMA_VERSION = 4;

/** The `meta` key that marks a case database still being filled from a bundle. */
export const UNFINISHED_BUNDLE_KEY = 'bundle-import-unfinished';

/** The Web Lock held while a bundle is being written into a case database. */
export function bundleLockName(caseId: string): string {
  return `casefile-bundle-import-${caseId}`;
}

/**
 * Fills a new case database from a verified bundle, in chunked transactions (a case of 100,000
 * messages and GBs of originals is too big for one), and either finishes it (the catalog entry and
 * the `case.import-bundle` log entry come last) or deletes it whole. Until `finish`, the database
 * carries a marker and is in no catalog: no screen can open it, and a Casefile that was closed
 * half-way deletes it the next time it starts ({@link removeUnfinishedBundleCases}).
 */
export class BundleCaseWriter {
  private constructor(readonly db: CaseDb) {}

  /** Creates the new, empty case database and marks it unfinished. */
  static async begin(caseId: string, startedAt: string): Promise<BundleCaseWriter> {
    const db = new CaseDb(caseId);
    await db.open();
    if ((await db.activity.count()) > 0) {
      db.close();
      throw new Error('A case with this id already exists.');
    }
    await db.meta.put({ key: UNFINISHED_BUNDLE_KEY, value: { startedAt } });
    return new BundleCaseWriter(db);
  }

  /** Adds records to one table exactly as they are, in one transaction. */
  async addRecords(table: string, records: readonly unknown[]): Promise<void> {
    if (records.length === 0) return;
    const target = this.db.table(table);
    await this.db.transaction('rw', target, () => target.bulkAdd(records as unknown[]));
  }

  /** Stores originals (bytes as Blobs) in one transaction. */
  async addOriginals(
    originals: { sourceId: string; sha256: string; bytes: Blob }[],
  ): Promise<void> {
    if (originals.length === 0) return;
    await this.db.transaction('rw', this.db.originals, () => this.db.originals.bulkAdd(originals));
  }

  /**
   * Makes the case real: its `meta.case` record, the log entry chained after the bundle's own
   * entries (in the same transaction, through CaseStore.write), then its catalog entry.
   */
  async finish(
    record: Case,
    actor: string,
    draft: ActivityDraft,
    catalog: CatalogDb = new CatalogDb(),
  ): Promise<Case> {
    const checked = CaseSchema.parse(record);
    const store = new CaseStore(this.db, () => actor);
    await store.write([this.db.meta], async (log) => {
      await this.db.meta.put({
        key: CASE_META_KEY,
        value: { id: checked.id, createdAt: checked.createdAt, fromBundle: checked.fromBundle },
      });
      await this.db.meta.delete(UNFINISHED_BUNDLE_KEY);
      await log(draft);
    });
    try {
      await catalog.cases.add(checked);
    } catch (cause) {
      await this.abandon();
      throw cause;
    }
    this.db.close();
    return checked;
  }

  /** Deletes everything written so far: the whole database. */
  async abandon(): Promise<void> {
    this.db.close();
    await Dexie.delete(this.db.name);
  }
}

/**
 * Deletes case databases that a bundle was being written into when Casefile stopped (closed,
 * crashed): those carrying the unfinished marker, listed in no catalog, whose writer no longer
 * holds its lock. Returns the ids removed.
 */
export async function removeUnfinishedBundleCases(
  catalog: CatalogDb = new CatalogDb(),
): Promise<string[]> {
  if (typeof indexedDB.databases !== 'function') return [];
  const names = (await indexedDB.databases())
    .map((info) => info.name ?? '')
    .filter((name) => name.startsWith(CASE_DB_PREFIX));
  const removed: string[] = [];
  const held = await heldLocks();
  for (const name of names) {
    const caseId = name.slice(CASE_DB_PREFIX.length);
    if (await catalog.cases.get(caseId)) continue;
    // Without Web Locks (tests in Node) there is no other window to be writing it.
    if (held?.has(bundleLockName(caseId))) continue;
    const db = new CaseDb(caseId);
    let unfinished = false;
    try {
      await db.open();
      unfinished = (await db.meta.get(UNFINISHED_BUNDLE_KEY)) !== undefined;
    } catch {
      unfinished = false;
    } finally {
      db.close();
    }
    if (unfinished) {
      await Dexie.delete(caseDbName(caseId));
      removed.push(caseId);
    }
  }
  return removed;
}

/** The names of Web Locks held anywhere in this origin, or undefined where locks do not exist. */
async function heldLocks(): Promise<Set<string> | undefined> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return undefined;
  const state = await locks.query();
  return new Set([...(state.held ?? []), ...(state.pending ?? [])].map((lock) => lock.name ?? ''));
}

/** Runs `work` holding the lock that tells other windows this case is being written. */
export function withBundleLock<T>(caseId: string, work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return work();
  return locks.request(bundleLockName(caseId), work) as Promise<T>;
}

/** What an export wrote, for the log. */
export interface ExportRecord {
  fileName: string;
  /** Where it went, when the host knows (a path in the desktop app). */
  location?: string;
  manifestSha256: string;
  bytes: number;
  formatVersion: number;
  activity: { length: number; headHash: string };
  counts: Record<string, number>;
}

/**
 * Logs that the case was exported as a bundle, with the bundle's fingerprint (the SHA-256 of its
 * manifest, which names the log head it holds), after the file was saved.
 */
export async function logCaseExport(
  store: CaseStore,
  caseId: string,
  record: ExportRecord,
): Promise<void> {
  await store.write([], async (log) => {
    await log({
      action: 'case.export',
      recordType: 'case',
      recordId: caseId,
      summary: `Exported the case as the bundle “${clip(record.fileName)}”${record.location ? ` (${clip(record.location, 120)})` : ''}`,
      details: { ...record },
    });
  });
}
