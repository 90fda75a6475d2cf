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
import { parseChatExport } from '@shared/domain/chat';
import { ocrPool } from '../workers/import/ocr';

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
  parseChatExport,
  /** The app's OCR pool (the same Tesseract set-up the import worker uses), in the page. */
  ocrPool,
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
