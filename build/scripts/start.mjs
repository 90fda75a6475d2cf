#!/usr/bin/env node
// `npm start`: installs dependencies when they are missing, builds, and opens Casefile.
//
// Where the Electron binary is installed, Casefile opens as the desktop app (origin app://casefile).
// Otherwise (Electron's binary is downloaded from GitHub on first use, which some machines cannot
// reach) it opens in browser mode: the built renderer served on http://127.0.0.1:4780 in a Chromium
// app window. That is a different origin, with its own IndexedDB; cases move between the two only
// as bundles. The port is fixed for the same reason, so there is no --port option.
//
// Until dependencies are installed this file may use only Node's built-ins; everything else is
// imported after the install step.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BROWSER_HOST = '127.0.0.1';
/** Fixed forever: the browser fallback's IndexedDB belongs to http://127.0.0.1:4780. */
const BROWSER_PORT = 4780;
const BROWSER_URL = `http://${BROWSER_HOST}:${BROWSER_PORT}/`;

const USAGE = `Usage: npm start [-- --browser] [-- --no-open]

  --browser   open in browser mode even where the Electron binary is installed
  --no-open   build and serve ${BROWSER_URL} without opening a window

There is no --port: Casefile keeps its data per address, so the address never changes.`;

function parseOptions(argv) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        browser: { type: 'boolean', default: false },
        'no-open': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    return values;
  } catch (error) {
    if (argv.some((arg) => arg === '--port' || arg.startsWith('--port='))) {
      fail(
        `There is no --port option: Casefile keeps its cases per address, so browser mode always uses ${BROWSER_URL}.`,
      );
    }
    fail(`${error.message}\n\n${USAGE}`);
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** Runs a command with the terminal attached and returns its exit code. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Runs npm with the same npm that started us when there is one (it works the same everywhere). */
function runNpm(args) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.c?js$/.test(npmCli)) return run(process.execPath, [npmCli, ...args]);
  // Windows needs a shell to run npm.cmd.
  return run('npm', args, { shell: process.platform === 'win32' });
}

function installDependenciesIfMissing() {
  if (existsSync(join(root, 'node_modules'))) return;
  const hasLock = existsSync(join(root, 'package-lock.json'));
  console.log(
    `Dependencies are not installed yet; running npm ${hasLock ? 'ci' : 'install'} first.`,
  );
  if (runNpm([hasLock ? 'ci' : 'install']) !== 0)
    fail('Installing the dependencies failed (see above).');
}

async function buildEverything() {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) fail('Vite is missing from node_modules: run "npm ci" and start again.');
  if (run(process.execPath, [vite, 'build']) !== 0)
    fail('Building the renderer failed (see above).');
  const { buildElectron } = await import(
    pathToFileURL(join(root, 'build', 'scripts', 'build-electron.mjs')).href
  );
  try {
    await buildElectron();
  } catch (error) {
    fail(`Building the Electron bundles failed: ${error.message}`);
  }
}

/**
 * The Electron executable, when its binary has been downloaded. Found without loading the electron
 * package, whose index.js would try to download it.
 */
function findElectronBinary() {
  const packageDir = join(root, 'node_modules', 'electron');
  let relative;
  try {
    relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    relative = undefined;
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const defaultName =
    { win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' }[process.platform] ??
    'electron';
  const candidate = override
    ? join(override, relative || defaultName)
    : relative
      ? join(packageDir, 'dist', relative)
      : undefined;
  return candidate && isFile(candidate) ? candidate : undefined;
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A desktop to open a window on; Linux without X11 or Wayland has none (a server, a container). */
function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Chromium refuses to run its sandbox as root on Linux (containers, CI); it must be told. */
function needsNoSandbox() {
  return (
    process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0
  );
}

/** The browser-mode profile, kept apart from any everyday browser profile. */
function browserProfileDir() {
  const home = homedir();
  const base =
    process.platform === 'win32'
      ? process.env.APPDATA || join(home, 'AppData', 'Roaming')
      : process.platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : process.env.XDG_CONFIG_HOME || join(home, '.config');
  return join(base, 'casefile', 'browser-profile');
}

function onPath(names) {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

/** A Chromium-based browser to open the app window with, or undefined. */
async function findChromium() {
  const fromEnv = process.env.CASEFILE_CHROMIUM;
  if (fromEnv && isFile(fromEnv)) return fromEnv;
  const fixed =
    {
      linux: [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/usr/bin/google-chrome',
        '/usr/bin/google-chrome-stable',
      ],
      darwin: [
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      ],
      win32: [process.env.LOCALAPPDATA, process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)']]
        .filter(Boolean)
        .flatMap((base) => [
          join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'),
          join(base, 'Chromium', 'Application', 'chrome.exe'),
          join(base, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
        ]),
    }[process.platform] ?? [];
  const found =
    fixed.find(isFile) ??
    (process.platform === 'linux'
      ? onPath(['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'])
      : undefined);
  if (found) return found;
  try {
    // Playwright's own Chromium, where `npx playwright install` has been run.
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    return isFile(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Opens a Chromium app window on the served app; resolves with the child process or undefined. */
async function openBrowserWindow() {
  if (!hasDisplay()) {
    console.log(
      `No display found, so no window was opened: open ${BROWSER_URL} in Chromium or Chrome.`,
    );
    return undefined;
  }
  const chromium = await findChromium();
  if (!chromium) {
    console.log(
      `No Chromium or Chrome was found: open ${BROWSER_URL} in one (or set CASEFILE_CHROMIUM to its path).`,
    );
    return undefined;
  }
  const profile = browserProfileDir();
  mkdirSync(profile, { recursive: true });
  const args = [
    `--app=${BROWSER_URL}`,
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    ...(needsNoSandbox() ? ['--no-sandbox'] : []),
  ];
  // Chromium's own chatter (GPU, D-Bus, fonts) is not the reporter's business; its exit is.
  const child = spawn(chromium, args, { cwd: root, stdio: 'ignore' });
  child.on('error', (error) => console.error(`Could not open ${chromium}: ${error.message}`));
  child.on('exit', (code) => {
    // A Chromium already running on this profile takes the window over and the new one exits at once.
    console.log(
      code === 0 || code === null
        ? `The browser window is closed; Casefile is still served at ${BROWSER_URL} until you press Ctrl-C.`
        : `Chromium exited with code ${code}; Casefile is still served at ${BROWSER_URL} until you press Ctrl-C.`,
    );
  });
  return child;
}

/**
 * Fails early when the browser-mode port is taken, before a build replaces the files that whatever
 * holds it (perhaps another Casefile) may be serving. serve() checks again when it listens.
 */
async function ensurePortIsFree() {
  await new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error) => {
      if (error.code === 'EADDRINUSE') {
        fail(
          `Port ${BROWSER_PORT} on ${BROWSER_HOST} is already in use. Casefile keeps its data per address, so it will not move to another port: close whatever uses port ${BROWSER_PORT} (perhaps another Casefile) and start again.`,
        );
      }
      // Anything else (no loopback?) is left for serve() to report in full.
      resolve(undefined);
    });
    probe.listen(BROWSER_PORT, BROWSER_HOST, () => probe.close(() => resolve(undefined)));
  });
}

async function startBrowserMode({ open }) {
  const { serve } = await import(pathToFileURL(join(root, 'build', 'scripts', 'serve.mjs')).href);
  let server;
  try {
    server = await serve({
      dir: join(root, 'dist', 'renderer'),
      port: BROWSER_PORT,
      host: BROWSER_HOST,
    });
  } catch (error) {
    fail(error.message);
  }
  const window = open ? await openBrowserWindow() : undefined;
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (window && window.exitCode === null && window.signalCode === null) window.kill('SIGTERM');
    server.close(() => {
      console.log('Casefile stopped.');
      process.exit(0);
    });
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function startElectron(electron) {
  const args = [root];
  if (needsNoSandbox()) {
    console.log(
      'Running as root, so Electron is started with --no-sandbox (Chromium refuses its sandbox as root).',
    );
    args.push('--no-sandbox');
  }
  const env = { ...process.env };
  // Would turn Electron into plain Node and run nothing of Casefile.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron, args, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));
  child.on('error', (error) => fail(`Could not start Electron (${electron}): ${error.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  installDependenciesIfMissing();

  // Decide the mode before building, so a busy port is reported before anything is rebuilt; say
  // which mode it is after the build's output, next to the address.
  const open = !options['no-open'];
  const electron = findElectronBinary();
  let desktop = false;
  let note;
  if (open && !options.browser && electron) {
    desktop = hasDisplay();
    if (!desktop)
      note =
        'No display found, so Casefile cannot open its desktop window and serves browser mode instead.';
  } else if (options.browser) {
    note =
      'Browser mode (--browser): Casefile runs from a local server, a different origin from the desktop app, so cases move between the two only as bundles.';
  } else if (!electron) {
    note =
      'The Electron binary is not installed, so Casefile opens in browser mode (a different origin from the desktop app: cases move between the two only as bundles).';
  }
  if (!desktop) await ensurePortIsFree();

  await buildEverything();
  if (note) console.log(note);
  if (desktop && electron) startElectron(electron);
  else await startBrowserMode({ open });
}

main().catch((error) => fail(error.stack ?? String(error)));
