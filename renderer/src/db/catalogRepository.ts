import Dexie from 'dexie';
import { CaseSchema, type Case } from '@shared/schemas/records';
import { CatalogDb } from './catalogDb';
import { CaseDb, caseDbName } from './caseDb';
import { clip, newId, nowIso, type CaseStore } from './caseStore';

const PROFILE_KEY = 'profile';

/** The local profile: the name the activity log records for this person. */
export interface Profile {
  name: string;
}

/**
 * The list of cases and app-wide settings. Creating a case also creates its database; deleting a
 * case deletes its database, so nothing of it is left in IndexedDB.
 */
export class CatalogRepository {
  constructor(readonly db: CatalogDb = new CatalogDb()) {}

  /** Cases, most recently changed first. */
  async listCases(): Promise<Case[]> {
    return this.db.cases.orderBy('updatedAt').reverse().toArray();
  }

  getCase(id: string): Promise<Case | undefined> {
    return this.db.cases.get(id);
  }

  async getProfile(): Promise<Profile | undefined> {
    const setting = await this.db.settings.get(PROFILE_KEY);
    const value = setting?.value as Profile | undefined;
    return value && typeof value.name === 'string' && value.name.trim() ? value : undefined;
  }

  async setProfile(name: string): Promise<Profile> {
    const trimmed = name.replace(/\s+/g, ' ').trim().slice(0, 100);
    if (!trimmed) throw new Error('Enter the name the activity log should record.');
    const profile = { name: trimmed };
    await this.db.settings.put({ key: PROFILE_KEY, value: profile });
    return profile;
  }

  /** Creates a case and its database, and starts its activity log. */
  async createCase(
    input: { name: string; description?: string },
    actor: string,
    openStore: (caseId: string) => CaseStore,
  ): Promise<Case> {
    const at = nowIso();
    const record = CaseSchema.parse({
      id: newId(),
      name: input.name.replace(/\s+/g, ' ').trim(),
      description: (input.description ?? '').trim(),
      createdAt: at,
      updatedAt: at,
      createdBy: actor,
    });
    const store = openStore(record.id);
    await store.write([store.db.meta], async (log) => {
      await store.db.meta.put({ key: 'case', value: { id: record.id, createdAt: at } });
      await log({
        action: 'case.create',
        recordType: 'case',
        recordId: record.id,
        summary: `Created case “${clip(record.name)}”`,
        details: { name: record.name, description: record.description },
      });
    });
    await this.db.cases.add(record);
    return record;
  }

  /** Renames a case or changes its description; the change is logged in the case. */
  async updateCase(
    id: string,
    changes: { name?: string; description?: string },
    store: CaseStore,
  ): Promise<Case> {
    const current = await this.db.cases.get(id);
    if (!current) throw new Error('That case no longer exists.');
    const next = CaseSchema.parse({
      ...current,
      ...(changes.name !== undefined ? { name: changes.name.replace(/\s+/g, ' ').trim() } : {}),
      ...(changes.description !== undefined ? { description: changes.description.trim() } : {}),
      updatedAt: nowIso(),
    });
    await store.write([store.db.meta], async (log) => {
      await log({
        action: 'case.update',
        recordType: 'case',
        recordId: id,
        summary:
          next.name !== current.name
            ? `Renamed case “${clip(current.name)}” to “${clip(next.name)}”`
            : `Changed the description of case “${clip(next.name)}”`,
        details: {
          before: { name: current.name, description: current.description },
          after: { name: next.name, description: next.description },
        },
      });
    });
    await this.db.cases.put(next);
    return next;
  }

  /** Marks a case as just changed, so it comes first in the list. */
  async touchCase(id: string): Promise<void> {
    await this.db.cases.update(id, { updatedAt: nowIso() });
  }

  /**
   * Deletes a case: its database (every source, original, entity, event and log entry) and its
   * entry in the catalog. Any open connection to the case must be closed first, or IndexedDB
   * would wait for it.
   */
  async deleteCase(id: string): Promise<void> {
    await Dexie.delete(caseDbName(id));
    await this.db.cases.delete(id);
  }
}

/** Opens a case's database (it is created on first use). */
export function openCaseDb(caseId: string): CaseDb {
  return new CaseDb(caseId);
}
