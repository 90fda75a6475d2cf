import { errorMessage } from '@shared/domain/errorMessage';
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { vendorPaths } from './vendorPaths';

/** The text of a PDF, page by page. */
export interface PreparedPdf {
  text: string;
  /** Offset in `text` where each page starts (page 1 at index 0). */
  pageStarts: number[];
  pageCount: number;
  /** The document's own properties (title, author, producer, dates). */
  info: Record<string, string>;
  title?: string;
}

/** PDFs with more pages than this are read up to it, with a warning. */
export const MAX_PDF_PAGES = 5_000;

function squash(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed.slice(0, 500) : undefined;
}

/**
 * Extracts a PDF's text with pdf.js in its own worker: no scripts run (pdf.js 6 has no eval path,
 * no scripting), and the fonts, character maps, decoders and colour profiles come from the app
 * itself. Text items are joined in reading order: a line break where pdf.js marks the end of a
 * line, a blank line between pages.
 */
export async function preparePdf(
  bytes: Uint8Array,
  cancelled: () => boolean = () => false,
): Promise<{ ok: true; pdf: PreparedPdf } | { ok: false; reason: string }> {
  GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given; hand it a copy so the original stays ours.
    data: bytes.slice(),
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: true,
    cMapUrl: vendorPaths.pdfCMaps(),
    cMapPacked: true,
    standardFontDataUrl: vendorPaths.pdfStandardFonts(),
    wasmUrl: vendorPaths.pdfWasm(),
    iccUrl: vendorPaths.pdfIccs(),
    stopAtErrors: false,
  });
  try {
    let document;
    try {
      document = await task.promise;
    } catch (cause) {
      const name = (cause as { name?: string } | undefined)?.name;
      if (name === 'PasswordException') {
        return {
          ok: false,
          reason: 'This PDF is protected by a password; Casefile cannot open it.',
        };
      }
      return {
        ok: false,
        reason: `This PDF is damaged or not a PDF (${errorMessage(cause)}).`,
      };
    }
    const info: Record<string, string> = {};
    try {
      const meta = await document.getMetadata();
      for (const [key, value] of Object.entries((meta.info ?? {}) as Record<string, unknown>)) {
        const text = squash(value);
        if (text && key !== 'PDFFormatVersion') info[key] = text;
      }
    } catch {
      // A PDF without readable properties is still a PDF.
    }
    const pages = Math.min(document.numPages, MAX_PDF_PAGES);
    let text = '';
    const pageStarts: number[] = [];
    for (let number = 1; number <= pages; number += 1) {
      if (cancelled()) return { ok: false, reason: 'cancelled' };
      if (number > 1) text += '\n\n';
      pageStarts.push(text.length);
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let line = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          text += `${line.replace(/[ \t]+$/, '')}\n`;
          line = '';
        }
      }
      text += line;
      text = text.replace(/\n+$/, '');
      page.cleanup();
    }
    const result: PreparedPdf = { text, pageStarts, pageCount: document.numPages, info };
    if (info.Title) result.title = info.Title;
    return { ok: true, pdf: result };
  } finally {
    await task.destroy();
  }
}
