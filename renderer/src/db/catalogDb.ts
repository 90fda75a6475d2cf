import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Case } from '@shared/schemas/records';

/** An app-wide setting, such as the local profile name. */
export interface Setting {
  key: string;
  value: unknown;
}

/** The IndexedDB name of the catalog of cases. */
export const CATALOG_DB_NAME = 'casefile-catalog';

/**
 * The catalog: which cases exist (each has its own database) and app-wide settings. It holds no
 * source material.
 */
export class CatalogDb extends Dexie {
  cases!: EntityTable<Case, 'id'>;
  settings!: Table<Setting, string>;

  constructor(options?: ConstructorParameters<typeof Dexie>[1]) {
    super(CATALOG_DB_NAME, options);
    this.version(1).stores({
      cases: 'id, name, updatedAt',
      settings: 'key',
    });
  }
}
