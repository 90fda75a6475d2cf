import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { appResponseHeaders, mediaTypeOf, resolveAppFile } from './appFiles';
import { APP_SCHEME } from './origin';

/**
 * Registers `app:` as a standard, secure scheme. Must run before the app is ready: only a standard
 * scheme gets IndexedDB and the other web storage, and only a secure one counts as a secure
 * context (crypto.subtle, workers). `corsEnabled` stays unset so no other origin can read app://
 * files; `bypassCSP` stays unset so the policy applies; no service workers are needed.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        codeCache: true,
      },
    },
  ]);
}

/**
 * Serves the built renderer on `app://casefile/`. Only GET and HEAD of files inside `rendererDir`
 * are answered; every response, errors included, carries the Content Security Policy.
 */
export function serveRendererFiles(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: appResponseHeaders() });
    }
    const resolved = resolveAppFile(rendererDir, request.url);
    if (!resolved.ok) {
      return new Response(resolved.reason, {
        status: resolved.status,
        headers: appResponseHeaders('text/plain; charset=utf-8'),
      });
    }
    let body: Buffer;
    try {
      body = await readFile(resolved.file);
    } catch {
      // Missing files and folders alike: the renderer folder's layout is nobody's business.
      return new Response('Not found.', {
        status: 404,
        headers: appResponseHeaders('text/plain; charset=utf-8'),
      });
    }
    const headers = {
      ...appResponseHeaders(mediaTypeOf(resolved.file)),
      'Content-Length': String(body.byteLength),
    };
    // readFile's Buffer always sits on a plain ArrayBuffer (never a SharedArrayBuffer), which the
    // DOM typings cannot know.
    const bytes = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
    return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers });
  });
}
