import { errorMessage } from '@shared/domain/errorMessage';
import {
  createWorker,
  OEM,
  PSM,
  type ImageLike,
  type Worker as TesseractWorker,
} from 'tesseract.js';
import { layoutToText, tsvToLayout, type OcrWord } from '@shared/domain/ocr/ocrText';
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
 * Where the pool's language data comes from. The app always uses its own (English, LSTM,
 * `4.0.0_best_int`, gzipped); benchmarks may point at another model to compare like with like.
 */
export interface OcrPoolOptions {
  /** Folder URL holding `eng.traineddata` (or `eng.traineddata.gz` when `gzip`). */
  langPath?: string;
  gzip?: boolean;
}

/**
 * Engine settings, the same as the native `tesseract` command's defaults so the two read an image
 * the same way: fully automatic page segmentation (tesseract.js alone would treat the image as a
 * single block of text) and the LSTM engine. Tesseract's own messages ("Estimating resolution
 * as …") go nowhere rather than to the console.
 */
const ENGINE_PARAMETERS = {
  tessedit_pageseg_mode: PSM.AUTO,
  debug_file: '/dev/null',
};

/**
 * The one output asked of the engine: TSV carries every word with its box and confidence, which
 * is all Casefile keeps (the text is built from the words). Each output the engine is asked for
 * costs time; its JSON block tree (with every symbol) is ten times the size of the TSV.
 */
const OUTPUT = { text: false, tsv: true } as const;

/**
 * A pool of Tesseract workers (one per core, at most two here) that recognise English text in
 * images. Everything it loads (the worker script, the WebAssembly core, the language data) comes
 * from the app's own origin; nothing is cached elsewhere or fetched from the network. Workers are
 * started on first use, kept for the next image, and stopped after a minute without work, since
 * each holds ~100 MB. A second worker starts only when two images are in flight at once.
 */
export class OcrPool {
  private readonly size = Math.max(1, Math.min(2, self.navigator?.hardwareConcurrency ?? 2));
  constructor(private readonly options: OcrPoolOptions = {}) {}
  private readonly idle: TesseractWorker[] = [];
  private started = 0;
  private readonly waiting: ((worker: TesseractWorker) => void)[] = [];
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  private async start(): Promise<TesseractWorker> {
    this.started += 1;
    try {
      // The core folder holds the LSTM-only builds (relaxed SIMD, SIMD, plain); tesseract.js picks
      // the fastest this engine supports.
      const worker = await createWorker('eng', OEM.LSTM_ONLY, {
        workerPath: vendorPaths.tesseractWorker(),
        corePath: vendorPaths.tesseractCore(),
        langPath: this.options.langPath ?? vendorPaths.tesseractLang(),
        gzip: this.options.gzip ?? true,
        cacheMethod: 'none',
        workerBlobURL: false,
      });
      await worker.setParameters(ENGINE_PARAMETERS);
      return worker;
    } catch (cause) {
      this.started -= 1;
      throw new Error(`The text recognition engine could not start: ${errorMessage(cause)}`);
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

  /**
   * Recognises the text of an image: the grey PGM bytes {@link prepareImage} makes (PNG or JPEG
   * bytes work too, at the cost of a decode inside the engine).
   */
  async recognize(image: Uint8Array, cancelled: CancelCheck = () => false): Promise<OcrResult> {
    if (cancelled()) throw new OcrCancelledError();
    const worker = await this.acquire();
    try {
      if (cancelled()) throw new OcrCancelledError();
      const began = performance.now();
      // Typed arrays are passed as they are (the typings name only Node's Buffer).
      const { data } = await worker.recognize(image as unknown as ImageLike, {}, OUTPUT);
      const { text, words } = layoutToText(tsvToLayout(data.tsv ?? ''));
      return { text, words, confidence: data.confidence, millis: performance.now() - began };
    } finally {
      this.release(worker);
    }
  }
}

let pool: OcrPool | undefined;

/** A separate pool with its own workers and options (benchmarks compare models with it). */
export function createOcrPool(options: OcrPoolOptions): OcrPool {
  return new OcrPool(options);
}

/** The worker's OCR pool, made on first use. */
export function ocrPool(): OcrPool {
  pool ??= new OcrPool();
  return pool;
}
