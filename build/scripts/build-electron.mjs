#!/usr/bin/env node
// Bundles the Electron main process and the preload into dist/electron/ with esbuild.
// The preload must be one self-contained file: a sandboxed preload can `require` only a few of
// Electron's own modules. The main process is bundled too, so the packaged app needs no
// node_modules at all. No source maps are written: the package ships none.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = `${root}dist/electron`;

/** Settings every bundle shares. */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['electron'],
  alias: { '@shared': `${root}shared` },
  tsconfig: `${root}electron/tsconfig.json`,
  sourcemap: false,
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

/**
 * Reads the IPC contract's channels, their bridge function names and the global's name by
 * bundling shared/ipc/contract.ts (with zod) in memory and running it, so the preload can be given
 * them as a constant instead of carrying zod and every schema.
 */
async function readBridgeShape() {
  const result = await build({
    ...common,
    define: {},
    format: 'esm',
    write: false,
    stdin: {
      contents: [
        "import { ipcChannels, bridgeMethodName, HOST_BRIDGE_GLOBAL } from '@shared/ipc/contract';",
        'export default { global: HOST_BRIDGE_GLOBAL, methods: ipcChannels.map((c) => [c, bridgeMethodName(c)]) };',
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
  });
  const code = result.outputFiles[0].text;
  const module = await import(
    `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
  );
  const shape = module.default;
  if (
    typeof shape.global !== 'string' ||
    !Array.isArray(shape.methods) ||
    shape.methods.length === 0
  ) {
    throw new Error('shared/ipc/contract.ts did not give a bridge global and channels.');
  }
  return shape;
}

/** Builds both bundles; exported so other scripts (npm start) can call it without a new process. */
export async function buildElectron({ quiet = false } = {}) {
  const bridge = await readBridgeShape();
  await rm(outDir, { recursive: true, force: true });
  await Promise.all([
    build({
      ...common,
      entryPoints: [`${root}electron/main/index.ts`],
      outfile: `${outDir}/main.cjs`,
      // Electron 45 runs Node 22 in the main process.
      target: 'node22',
    }),
    build({
      ...common,
      entryPoints: [`${root}electron/preload/index.ts`],
      outfile: `${outDir}/preload.cjs`,
      // The preload runs in the window's renderer process (Chromium 140).
      target: 'chrome140',
      define: { ...common.define, CASEFILE_BRIDGE: JSON.stringify(bridge) },
    }),
  ]);
  if (!quiet) {
    const names = bridge.methods.map(([, name]) => name).join(', ');
    console.log(
      `Built dist/electron/main.cjs and dist/electron/preload.cjs (window.${bridge.global}: ${names}).`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildElectron().catch((error) => {
    console.error(`Building the Electron bundles failed: ${error.message}`);
    process.exit(1);
  });
}
