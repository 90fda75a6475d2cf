/**
 * Where the run-time files that ship with the app are served (see vite.vendor.ts). Absolute URLs
 * on the app's own origin: libraries that start their own workers resolve relative paths against
 * the wrong base inside a worker.
 */
function onOrigin(path: string): string {
  return new URL(path, self.location.origin).href;
}

export const vendorPaths = {
  tesseractWorker: () => onOrigin('/vendor/tesseract/worker.min.js'),
  tesseractCore: () => onOrigin('/vendor/tesseract/core'),
  tesseractLang: () => onOrigin('/vendor/tesseract/lang'),
  pdfStandardFonts: () => onOrigin('/vendor/pdfjs/standard_fonts/'),
  pdfCMaps: () => onOrigin('/vendor/pdfjs/cmaps/'),
  pdfWasm: () => onOrigin('/vendor/pdfjs/wasm/'),
  pdfIccs: () => onOrigin('/vendor/pdfjs/iccs/'),
};
