import { createWorker, OEM, type Worker as TesseractWorker } from 'tesseract.js';
import { layoutToText, type OcrLayoutInput, type OcrWord } from '@shared/domain/ocr/ocrText';
import { vendorPaths } from './vendorPaths';

/** What recognising one image yields. */
export interface OcrResult {
  text: string;
  words: OcrWord[];
  /** The engine's mean confidence over the page, 0-100. */
  confidence: number;
  /** Milliseconds the recognition took. */
  millis: number;
}

/** Asked between jobs: true drops the job before it starts. */
export type CancelCheck = () => boolean;

export class OcrCancelledError extends Error {
  constructor() {
    super('Text recognition was cancelled.');
  }
}

const IDLE_MS = 60_000;

/**
 * A pool of Tesseract workers (one per core, at most two here) that recognise English text in
 * images. Everything it loads (the worker script, the WebAssembly core, the language data) comes
 * from the app's own origin; nothing is cached elsewhere or fetched from the network. Workers are
 * started on first use and stopped after a minute without work, since each holds ~100 MB.
 */
class OcrPool {
  private readonly size = Math.max(1, Math.min(2, self.navigator?.hardwareConcurrency ?? 2));
  private readonly idle: TesseractWorker[] = [];
  private started = 0;
  private readonly waiting: ((worker: TesseractWorker) => void)[] = [];
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  private async start(): Promise<TesseractWorker> {
    this.started += 1;
    try {
      return await createWorker('eng', OEM.LSTM_ONLY, {
        workerPath: vendorPaths.tesseractWorker(),
        corePath: vendorPaths.tesseractCore(),
        langPath: vendorPaths.tesseractLang(),
        gzip: true,
        cacheMethod: 'none',
        workerBlobURL: false,
      });
    } catch (cause) {
      this.started -= 1;
      throw new Error(
        `The text recognition engine could not start: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    }
  }

  private async acquire(): Promise<TesseractWorker> {
    clearTimeout(this.idleTimer);
    const ready = this.idle.pop();
    if (ready) return ready;
    if (this.started < this.size) return this.start();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: TesseractWorker): void {
    const next = this.waiting.shift();
    if (next) {
      next(worker);
      return;
    }
    this.idle.push(worker);
    if (this.idle.length === this.started) {
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => void this.stopAll(), IDLE_MS);
    }
  }

  private async stopAll(): Promise<void> {
    const workers = this.idle.splice(0);
    this.started -= workers.length;
    await Promise.all(workers.map((worker) => worker.terminate().catch(() => undefined)));
  }

  /** Recognises the text of an image (PNG, JPEG, BMP or WebP bytes). */
  async recognize(image: Blob, cancelled: CancelCheck = () => false): Promise<OcrResult> {
    if (cancelled()) throw new OcrCancelledError();
    const worker = await this.acquire();
    try {
      if (cancelled()) throw new OcrCancelledError();
      const began = performance.now();
      const { data } = await worker.recognize(image, {}, { blocks: true, text: false });
      const { text, words } = layoutToText(data as unknown as OcrLayoutInput);
      return { text, words, confidence: data.confidence, millis: performance.now() - began };
    } finally {
      this.release(worker);
    }
  }
}

let pool: OcrPool | undefined;

/** The worker's OCR pool, made on first use. */
export function ocrPool(): OcrPool {
  pool ??= new OcrPool();
  return pool;
}
