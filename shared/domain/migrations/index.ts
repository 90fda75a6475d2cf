/**
 * The data transforms of the case database's schema versions, shared by Dexie's `upgrade()` (in
 * renderer/src/db/caseDb.ts) and by the bundle reader, which runs the records of a bundle made
 * with an older schema through the same transforms before storing them.
 *
 * Versions 1, 3 and 4 added tables and indexes only and changed no record, so the list is empty.
 * A future version that changes records adds `{ version, tables: { messages: (record) => ... } }`
 * here, with its own test, and calls `migrateRecord` (or the transform) from its `upgrade()`.
 */

/** A JSON-safe record as stored in a table. */
export type StoredRecord = Record<string, unknown>;

/** What one schema version does to the records of each table it changes. */
export interface CaseMigration {
  /** The schema version that introduced the change. */
  version: number;
  /** Per table: the record as the new version wants it, or undefined to drop it. */
  tables: Readonly<Record<string, (record: StoredRecord) => StoredRecord | undefined>>;
}

/** Every schema version's data transform, in version order. */
export const CASE_MIGRATIONS: readonly CaseMigration[] = [];

/**
 * Runs one record of `table`, written by schema version `fromVersion`, through every transform
 * after that version up to `toVersion`. Returns undefined when a transform drops the record.
 */
export function migrateRecord(
  table: string,
  record: StoredRecord,
  fromVersion: number,
  toVersion: number,
  migrations: readonly CaseMigration[] = CASE_MIGRATIONS,
): StoredRecord | undefined {
  let current: StoredRecord | undefined = record;
  for (const migration of migrations) {
    if (migration.version <= fromVersion || migration.version > toVersion) continue;
    const transform = migration.tables[table];
    if (!transform) continue;
    current = transform(current);
    if (current === undefined) return undefined;
  }
  return current;
}

/** True when some transform between the two versions touches `table`. */
export function tableNeedsMigration(
  table: string,
  fromVersion: number,
  toVersion: number,
  migrations: readonly CaseMigration[] = CASE_MIGRATIONS,
): boolean {
  return migrations.some(
    (m) => m.version > fromVersion && m.version <= toVersion && m.tables[table] !== undefined,
  );
}
