#!/usr/bin/env node
// Serves the built renderer on 127.0.0.1 for the browser fallback and the end-to-end tests.
// Only files under the folder are served; the Content Security Policy the build wrote into
// index.html is sent as a header too, with the directives that only work as a header.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.gz': 'application/gzip',
  '.txt': 'text/plain; charset=utf-8',
  '.traineddata': 'application/octet-stream',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.icc': 'application/vnd.iccprofile',
};

/**
 * Starts the server. Resolves with the server once it listens; rejects with a readable error when
 * the port is taken (the origin must not change, so there is no fallback port).
 */
export async function serve({ dir, port, host = '127.0.0.1', quiet = false }) {
  const root = resolve(dir);
  const indexHtml = await readFile(join(root, 'index.html'), 'utf8').catch(() => {
    throw new Error(`No built renderer in ${root}: run "npm run build" first.`);
  });
  const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(indexHtml);
  const csp = meta ? `${meta[1]}; frame-ancestors 'none'` : undefined;

  const server = createServer(async (req, res) => {
    const headers = {
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': 'no-cache',
    };
    if (csp) headers['Content-Security-Policy'] = csp;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400, headers).end();
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = resolve(root, `.${pathname}`);
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403, headers).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, {
        ...headers,
        'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': body.length,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res
        .writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Not found');
    }
  });

  await new Promise((resolvePromise, reject) => {
    server.once('error', (error) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new Error(
            `Port ${port} on ${host} is already in use. Casefile keeps its data per address, so it will not move to another port: close whatever uses port ${port} (perhaps another Casefile) and start again.`,
          ),
        );
      } else reject(error);
    });
    server.listen(port, host, () => resolvePromise(undefined));
  });
  if (!quiet) console.log(`Casefile is served at http://${host}:${port}/`);
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4791' },
      dir: { type: 'string', default: 'dist/renderer' },
    },
  });
  serve({ dir: values.dir, port: Number(values.port) }).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
