/**
 * The Content Security Policy of every Casefile window. Nothing may be fetched from anywhere but the
 * app itself; images and media only from the app, `blob:` (originals shown from IndexedDB) and
 * `data:`. `'wasm-unsafe-eval'` lets OCR and image decoders compile their WebAssembly; plain
 * `eval` stays forbidden.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self' blob: data:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

/** Directives that only work as an HTTP header, not in a meta tag. */
export const CONTENT_SECURITY_POLICY_HEADER_ONLY = "frame-ancestors 'none'";
