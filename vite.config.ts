import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './shared/security/csp.ts';
import { vendorAssets } from './vite.vendor.ts';

const sharedDir = fileURLToPath(new URL('./shared', import.meta.url));

/**
 * The built app carries its Content Security Policy in a meta tag, so the browser fallback is as
 * locked down as the Electron window (which also sends it as a header). The dev server is left
 * without it because Vite's hot reload injects inline scripts.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'casefile-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<!-- csp -->',
        `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

export default defineConfig(({ mode }) => ({
  root: 'renderer',
  base: '/',
  publicDir: 'public',
  plugins: [react(), contentSecurityPolicy(), vendorAssets()],
  resolve: {
    alias: { '@shared': sharedDir },
  },
  worker: { format: 'es' },
  build: {
    // `--mode bench` adds the benchmark harness page next to the app (bench/run.mjs uses it).
    outDir: mode === 'bench' ? '../dist/bench' : '../dist/renderer',
    rollupOptions:
      mode === 'bench'
        ? {
            input: {
              main: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
              bench: fileURLToPath(new URL('./renderer/bench.html', import.meta.url)),
            },
          }
        : undefined,
    emptyOutDir: true,
    target: 'chrome120',
    // Maps stay beside the build for debugging, unnamed in the code (they are not packaged).
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 4096,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
}));
