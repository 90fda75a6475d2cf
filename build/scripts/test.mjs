#!/usr/bin/env node
// `npm test`: every check Casefile has, in order: lint, type check, unit tests, build, the Electron
// shell's security and packaging checks, end-to-end tests in Chromium. Installs dependencies first when they are missing, and finds a Chromium to
// drive (CASEFILE_CHROMIUM, Debian's /usr/bin/chromium, or one Playwright installed), saying how
// to get one when there is none.
//
// Until dependencies are installed this file may use only Node's built-ins.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');

function run(command, commandArgs, env = {}) {
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function runNpm(npmArgs) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.c?js$/.test(npmCli)) return run(process.execPath, [npmCli, ...npmArgs]);
  return run('npm', npmArgs);
}

if (!existsSync(join(root, 'node_modules'))) {
  const lock = existsSync(join(root, 'package-lock.json'));
  console.log(`Dependencies are not installed yet; running npm ${lock ? 'ci' : 'install'} first.`);
  if (runNpm([lock ? 'ci' : 'install', '--no-audit', '--no-fund']) !== 0) process.exit(1);
}

/** The Chromium the end-to-end tests drive, or undefined with the reason printed. */
async function findChromium() {
  const candidates = [process.env.CASEFILE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path) => path && existsSync(path));
  if (found) return found;
  try {
    const { chromium } = await import(pathToFileURL(join(root, 'node_modules/playwright-core/index.mjs')).href);
    const path = chromium.executablePath();
    if (path && existsSync(path)) return path;
  } catch {
    // No Playwright browser either.
  }
  return undefined;
}

const steps = [
  { name: 'lint', run: () => run('npx', ['eslint', '.', '--max-warnings', '0']) },
  { name: 'typecheck', run: () => run('npx', ['tsc', '-b']) },
  { name: 'unit', run: () => run('npx', ['vitest', 'run']) },
  {
    name: 'build',
    run: () => run('npx', ['vite', 'build', '--logLevel', 'warn']) || run(process.execPath, ['build/scripts/build-electron.mjs']),
  },
  {
    // The shell's security and what would be shipped, checked on the build: electronegativity
    // (its findings parsed; it exits 0 even on HIGH ones) and electron-builder packing against a
    // stub Electron folder. Neither needs the Electron binary.
    name: 'electron',
    needs: 'build',
    run: () =>
      run(process.execPath, ['build/scripts/check-electron-security.mjs']) ||
      run(process.execPath, ['build/scripts/check-packaging.mjs']),
  },
  {
    name: 'e2e',
    needs: 'build',
    run: async () => {
      const chromium = await findChromium();
      if (!chromium) {
        console.error(
          [
            'No Chromium to run the end-to-end tests in. Install one of:',
            '  Debian/Ubuntu:  sudo apt-get install -y chromium     (gives /usr/bin/chromium)',
            '  anywhere else:  npx playwright install chromium     (downloads Playwright’s build)',
            'or point CASEFILE_CHROMIUM at a Chromium or Chrome executable.',
          ].join('\n'),
        );
        return 1;
      }
      console.log(`End-to-end tests drive ${chromium}.`);
      return run('npx', ['playwright', 'test'], { CASEFILE_CHROMIUM: chromium });
    },
  },
];

const results = [];
for (const step of steps) {
  if (only && !only.includes(step.name)) continue;
  if (step.needs && results.some((r) => r.name === step.needs && r.code !== 0)) {
    results.push({ name: step.name, code: 1, seconds: 0, skipped: `skipped: ${step.needs} failed` });
    continue;
  }
  console.log(`\n── ${step.name} ${'─'.repeat(60 - step.name.length)}`);
  const started = Date.now();
  const code = await step.run();
  results.push({ name: step.name, code, seconds: (Date.now() - started) / 1000 });
}

console.log('\n── summary ─────────────────────────────────────────────────────');
for (const result of results) {
  const state = result.skipped ?? (result.code === 0 ? 'passed' : 'FAILED');
  console.log(`  ${result.name.padEnd(10)} ${state.padEnd(22)} ${result.seconds.toFixed(1)} s`);
}
const failed = results.filter((r) => r.code !== 0);
process.exit(failed.length > 0 ? 1 : 0);
