import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const modules = fileURLToPath(new URL('./node_modules', import.meta.url));

/**
 * Files the renderer loads at run time that must ship with the app (the CSP allows nothing from
 * anywhere else): the OCR worker, its WebAssembly cores and English language data, and pdf.js's
 * fonts, character maps, decoders and colour profiles. Each entry maps a path under `/vendor/` to
 * a file or folder in node_modules. Only the LSTM cores are shipped: Casefile runs Tesseract with
 * its default LSTM engine, which loads no other core.
 */
const VENDOR: Record<string, string> = {
  'vendor/tesseract/worker.min.js': 'tesseract.js/dist/worker.min.js',
  'vendor/tesseract/core/tesseract-core-lstm.wasm.js': 'tesseract.js-core/tesseract-core-lstm.wasm.js',
  'vendor/tesseract/core/tesseract-core-simd-lstm.wasm.js':
    'tesseract.js-core/tesseract-core-simd-lstm.wasm.js',
  'vendor/tesseract/core/tesseract-core-relaxedsimd-lstm.wasm.js':
    'tesseract.js-core/tesseract-core-relaxedsimd-lstm.wasm.js',
  'vendor/tesseract/lang/eng.traineddata.gz': '@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz',
  'vendor/pdfjs/standard_fonts': 'pdfjs-dist/standard_fonts',
  'vendor/pdfjs/cmaps': 'pdfjs-dist/cmaps',
  'vendor/pdfjs/wasm': 'pdfjs-dist/wasm',
  'vendor/pdfjs/iccs': 'pdfjs-dist/iccs',
};

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.gz': 'application/gzip',
  '.wasm': 'application/wasm',
};

/** Every (url path, file on disk) pair the vendor table names, folders expanded. */
function vendorFiles(): { path: string; file: string }[] {
  const out: { path: string; file: string }[] = [];
  for (const [path, from] of Object.entries(VENDOR)) {
    const file = join(modules, from);
    if (!existsSync(file)) throw new Error(`Vendor file missing: ${from} (run npm install).`);
    if (statSync(file).isDirectory()) {
      for (const name of readdirSync(file)) {
        // pdf.js's JavaScript sandbox for scripted PDFs: Casefile never runs a PDF's scripts.
        if (name.startsWith('quickjs')) continue;
        const inner = join(file, name);
        if (statSync(inner).isFile()) out.push({ path: `${path}/${name}`, file: inner });
      }
    } else out.push({ path, file });
  }
  return out;
}

/** Serves the vendor files in development and writes them into every build. */
export function vendorAssets(): Plugin {
  return {
    name: 'casefile-vendor-assets',
    configureServer(server) {
      const files = new Map(vendorFiles().map(({ path, file }) => [`/${path}`, file]));
      server.middlewares.use((req, res, next) => {
        const file = files.get((req.url ?? '').split('?')[0] ?? '');
        if (!file) {
          next();
          return;
        }
        res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const { path, file } of vendorFiles()) {
        this.emitFile({ type: 'asset', fileName: path, source: readFileSync(file) });
      }
    },
  };
}
