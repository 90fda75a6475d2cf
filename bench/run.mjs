#!/usr/bin/env node
// Runs the benchmarks: builds the app with the benchmark harness page (vite --mode bench), serves
// it on 127.0.0.1, starts Chromium and runs every bench/*.bench.mjs (or the ones named on the
// command line), each printing its own figures. Figures are printed, never asserted: these machines
// are noisy, so compare ratios measured in the same run.
//
// CASEFILE_BENCH_BASELINE=<git ref> also builds that commit of the app, served under /old/ on the
// same origin (so it sees the same IndexedDB): benchmarks that know it measure both, interleaved,
// in the same run. CASEFILE_BENCH_PROFILE=<folder> keeps the browser's profile there between runs,
// so that a benchmark can reuse the large case it generated last time instead of writing it again.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { chromium } from '@playwright/test';
import { serve } from '../build/scripts/serve.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const PORT = Number(process.env.CASEFILE_BENCH_PORT ?? 4799);
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const skipBuild = process.argv.includes('--no-build');

function chromiumPath() {
  return [process.env.CASEFILE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p) => p && existsSync(p),
  );
}

if (!skipBuild) {
  console.log('Building the app with the benchmark harness…');
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'bench', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const baseline = process.env.CASEFILE_BENCH_BASELINE;
if (baseline && !skipBuild) {
  // The baseline's source, exported from git beside the working tree, built with our packages.
  const source = mkdtempSync(join(tmpdir(), 'casefile-baseline-'));
  console.log(`Building the baseline ${baseline} under /old/…`);
  execFileSync(
    'sh',
    ['-c', `git archive ${JSON.stringify(baseline)} | tar -x -C ${JSON.stringify(source)}`],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  symlinkSync(join(root, 'node_modules'), join(source, 'node_modules'));
  const build = spawnSync(
    'npx',
    [
      'vite',
      'build',
      '--mode',
      'bench',
      '--base',
      '/old/',
      '--outDir',
      join(root, 'dist/bench/old'),
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: source, stdio: 'inherit' },
  );
  rmSync(source, { recursive: true, force: true });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const files = readdirSync(join(root, 'bench'))
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.startsWith(w)))
  .sort();
if (files.length === 0) {
  console.error(`No benchmark matches ${wanted.join(', ')}.`);
  process.exit(1);
}

const server = await serve({ dir: join(root, 'dist/bench'), port: PORT, quiet: true });
const baseURL = `http://127.0.0.1:${PORT}/`;
const launchOptions = {
  executablePath: chromiumPath(),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--enable-precise-memory-info',
    '--js-flags=--expose-gc',
  ],
};
const contextOptions = { baseURL, viewport: { width: 1400, height: 900 } };
const profileDir = process.env.CASEFILE_BENCH_PROFILE;
// A kept profile is one browser context for every benchmark (its IndexedDB outlives the run).
const browser = profileDir ? undefined : await chromium.launch(launchOptions);
const kept = profileDir
  ? await chromium.launchPersistentContext(profileDir, { ...launchOptions, ...contextOptions })
  : undefined;
/** Where the baseline build is served, when there is one. */
const baselinePrefix = existsSync(join(root, 'dist/bench/old/index.html')) ? '/old/' : undefined;

/** Prints one figure line: name, value, unit, and an optional note. */
function report(name, value, unit = '', note = '') {
  const shown =
    typeof value === 'number'
      ? Number.isInteger(value)
        ? value.toLocaleString('en-GB')
        : value.toFixed(1)
      : value;
  console.log(
    `  ${name.padEnd(52)} ${String(shown).padStart(12)} ${unit}${note ? `  (${note})` : ''}`,
  );
}

let failed = false;
try {
  for (const file of files) {
    console.log(`\n${file}`);
    const module = await import(pathToFileURL(join(root, 'bench', file)).href);
    const context = kept ?? (await browser.newContext(contextOptions));
    try {
      await module.default({ context, baseURL, report, root, baselinePrefix, kept: Boolean(kept) });
    } catch (error) {
      failed = true;
      console.error(`  failed: ${error instanceof Error ? error.stack : error}`);
    } finally {
      if (!kept) await context.close();
    }
  }
} finally {
  await kept?.close();
  await browser?.close();
  server.close();
}
process.exit(failed ? 1 : 0);
