// Unit tests run in Node; Dexie runs there on fake-indexeddb. Every test file gets a fresh,
// empty IndexedDB so that tests do not see each other's cases.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import Dexie from 'dexie';

beforeEach(() => {
  const fresh = new IDBFactory();
  globalThis.indexedDB = fresh;
  Dexie.dependencies.indexedDB = fresh;
});
