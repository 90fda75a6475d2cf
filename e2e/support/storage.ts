import type { Page } from '@playwright/test';

/**
 * Reads every record of one object store straight from IndexedDB, without going through the app,
 * so a test can check what is really stored.
 */
export function readStore<T = Record<string, unknown>>(
  page: Page,
  database: string,
  store: string,
): Promise<T[]> {
  return page.evaluate(
    ({ database, store }) =>
      new Promise<T[]>((resolve, reject) => {
        const request = indexedDB.open(database);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            resolve([]);
            return;
          }
          const get = db.transaction(store).objectStore(store).getAll();
          get.onsuccess = () => {
            db.close();
            resolve(get.result as T[]);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    { database, store },
  );
}

/** The names of every IndexedDB database of the page's origin. */
export async function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
}

/** The id of the case open in the page, read from the address. */
export function caseIdFromUrl(page: Page): string {
  const match = /#\/cases\/([^/]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`No case in ${page.url()}`);
  return match[1];
}

/** The SHA-256 of the original stored for a source, read from IndexedDB and hashed in the page. */
export function hashOfStoredOriginal(
  page: Page,
  caseId: string,
  sourceId: string,
): Promise<string> {
  return page.evaluate(
    ({ database, sourceId }) =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open(database);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const get = db.transaction('originals').objectStore('originals').get(sourceId);
          get.onsuccess = async () => {
            db.close();
            const blob = (get.result as { bytes: Blob }).bytes;
            const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
            resolve(
              Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''),
            );
          };
          get.onerror = () => reject(get.error);
        };
      }),
    { database: `casefile-case-${caseId}`, sourceId },
  );
}
