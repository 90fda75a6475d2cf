/**
 * The benchmark harness: a page on the app's origin that exposes the repositories (and the pure
 * domain helpers) on `window.casefileBench`, so the scripts under bench/ can fill a case through the
 * same code the app uses and then time the app itself. Built only by `vite build --mode bench`;
 * never part of the shipped app.
 */
import Dexie from 'dexie';
import * as db from '../db';
import { createTextAnchor } from '@shared/domain/textAnchor';
import { parsePartialDate, sortKeysOf } from '@shared/domain/partialDate';
import { sha256Hex } from '@shared/domain/hashing';
import { chainActivityEntry } from '@shared/domain/activityLog';
import { characterErrorRate } from '@shared/domain/ocr/ocrText';
import { chatToMessages } from '@shared/domain/chat/toMessages';
import { proxy, wrap } from 'comlink';
import type { BundleWorkerApi } from '../workers/bundleWorker';
import type { SearchWorkerApi } from '../workers/searchWorker';
import type { SuggestionWorkerApi } from '../workers/suggestionWorker';
import { CaseSearchIndex } from '../workers/search/caseSearchIndex';
import { matcherFor } from '@shared/domain/suggest';

/** Starts the app's search worker, as the case workspace does. */
function startSearchWorker() {
  const worker = new Worker(new URL('../workers/searchWorker.ts', import.meta.url), {
    type: 'module',
    name: 'casefile-search',
  });
  return { api: wrap<SearchWorkerApi>(worker), stop: () => worker.terminate() };
}

/** Starts the app's suggestion worker, as the case workspace does. */
function startSuggestionWorker() {
  const worker = new Worker(new URL('../workers/suggestionWorker.ts', import.meta.url), {
    type: 'module',
    name: 'casefile-suggestions',
  });
  return { api: wrap<SuggestionWorkerApi>(worker), stop: () => worker.terminate() };
}
/** Starts the app's bundle worker (export and open), as the bundle dialogs do. */
function startBundleWorker() {
  const worker = new Worker(new URL('../workers/bundleWorker.ts', import.meta.url), {
    type: 'module',
    name: 'casefile-bundles',
  });
  return { api: wrap<BundleWorkerApi>(worker), stop: () => worker.terminate() };
}
import { parseChatExport } from '@shared/domain/chat';
import { createOcrPool, ocrPool } from '../workers/import/ocr';
import { prepareImage } from '../workers/import/prepareImage';

const harness = {
  Dexie,
  db,
  createTextAnchor,
  parsePartialDate,
  sortKeysOf,
  sha256Hex,
  chainActivityEntry,
  characterErrorRate,
  chatToMessages,
  startSearchWorker,
  startSuggestionWorker,
  startBundleWorker,
  /** Comlink's proxy, to hand callbacks to a worker. */
  proxy,
  /** The search index class itself, to build one on the page and weigh it. */
  CaseSearchIndex,
  matcherFor,
  parseChatExport,
  /** The app's OCR pool (the same Tesseract set-up the import worker uses), in the page. */
  ocrPool,
  /** A pool of its own with another language model (to compare models like for like). */
  createOcrPool,
  /** The import's image step: decode once, turn upright, grey pixels for the OCR engine. */
  prepareImage,
  /** Heap figures Chromium reports (with --enable-precise-memory-info). */
  memory(): { usedJSHeapSize: number; totalJSHeapSize: number } | undefined {
    const memory = (
      performance as unknown as { memory?: { usedJSHeapSize: number; totalJSHeapSize: number } }
    ).memory;
    return memory
      ? { usedJSHeapSize: memory.usedJSHeapSize, totalJSHeapSize: memory.totalJSHeapSize }
      : undefined;
  },
};

/** What bench scripts find on `window.casefileBench`. */
export type BenchHarness = typeof harness;

(window as unknown as { casefileBench: BenchHarness }).casefileBench = harness;
document.body.dataset.ready = 'true';
