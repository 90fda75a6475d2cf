#!/usr/bin/env node
// Checks what electron-builder packs, without the Electron binary (which is downloaded from GitHub
// and cannot be on every machine): runs `electron-builder --linux dir` against a stub Electron in a
// temporary folder, then reads the app.asar and the stub's fuse wire and checks them:
//   - the asar holds package.json, dist/electron/ and dist/renderer/, and nothing else: no sources,
//     no source maps, no node_modules, nothing that looks like a key or an .env file;
//   - main.cjs and preload.cjs require nothing that is not in the package (only electron and Node's
//     built-ins; the sandboxed preload only electron);
//   - the Electron fuses of electron-builder.yml were flipped as docs/security.md says;
//   - the sizes are sane.
// Run `npm run build` first. `--keep` keeps the temporary folder and says where it is.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const keep = process.argv.includes('--keep');

/** @electron/fuses' marker: the fuse wire follows it (version byte, length byte, one byte per fuse). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_NAMES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];
/** Electron's own defaults, which the stub starts from so that every flip is seen. */
const ELECTRON_DEFAULT_WIRE = '10110001';
/** What the package must end up with: docs/security.md explains each. '0' off, '1' on. */
const EXPECTED_FUSES = {
  runAsNode: '0',
  enableCookieEncryption: '1',
  enableNodeOptionsEnvironmentVariable: '0',
  enableNodeCliInspectArguments: '0',
  enableEmbeddedAsarIntegrityValidation: '1',
  onlyLoadAppFromAsar: '1',
  loadBrowserProcessSpecificV8Snapshot: '0',
  grantFileProtocolExtraPrivileges: '0',
};

const REQUIRED = [
  'package.json',
  'dist/electron/main.cjs',
  'dist/electron/preload.cjs',
  'dist/renderer/index.html',
];
const ALLOWED_PREFIXES = ['dist/electron/', 'dist/renderer/'];
const SECRET_LIKE =
  /(^|\/)(\.env(\..*)?|\.npmrc|id_[a-z0-9]+|.*\.(pem|key|p12|pfx|crt|keystore))$/i;
const MAX_ASAR_BYTES = 200 * 1024 * 1024;
const MAX_PRELOAD_BYTES = 32 * 1024;

const problems = [];
const notes = [];

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** Makes a stand-in for Electron's distribution folder: an executable carrying a fuse wire. */
function makeStubElectron(dir) {
  const executable = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "Stand-in Electron for the packaging check."\nexit 1\n# '),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, FUSE_NAMES.length]),
    Buffer.from(ELECTRON_DEFAULT_WIRE),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), executable, { mode: 0o755 });
  writeFileSync(join(dir, 'LICENSE'), 'Stand-in for the Electron license.\n');
  writeFileSync(join(dir, 'version'), readElectronVersion());
}

function readElectronVersion() {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'))
      .version;
  } catch {
    fail('node_modules/electron is missing: run "npm ci" first.');
  }
}

/**
 * Opens an asar archive: lists its files with their sizes (from the JSON header that follows two
 * length-prefixed "pickles") and reads single files. Call close() when done.
 */
function openAsar(path) {
  const fd = openSync(path, 'r');
  const sizePickle = Buffer.alloc(8);
  readSync(fd, sizePickle, 0, 8, 0);
  const headerPickleSize = sizePickle.readUInt32LE(4);
  const headerPickle = Buffer.alloc(headerPickleSize);
  readSync(fd, headerPickle, 0, headerPickleSize, 8);
  const header = JSON.parse(headerPickle.toString('utf8', 8, 8 + headerPickle.readUInt32LE(4)));
  const dataStart = 8 + headerPickleSize;
  const files = [];
  const walk = (node, prefix) => {
    for (const [name, entry] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (entry.files) walk(entry, path);
      else {
        files.push({
          path,
          size: Number(entry.size ?? 0),
          offset: Number(entry.offset ?? 0),
          unpacked: Boolean(entry.unpacked),
          link: entry.link,
        });
      }
    }
  };
  walk(header, '');
  return {
    files,
    read(file) {
      const buffer = Buffer.alloc(file.size);
      readSync(fd, buffer, 0, file.size, dataStart + file.offset);
      return buffer;
    },
    close: () => closeSync(fd),
  };
}

/** The module names a CommonJS bundle requires. */
function requiredModules(source) {
  return [
    ...new Set(
      [...source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]),
    ),
  ];
}

function isBuiltin(name) {
  return name.startsWith('node:') || builtinModules.includes(name);
}

function formatBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

function readFuses(executablePath) {
  const binary = readFileSync(executablePath);
  const at = binary.indexOf(FUSE_SENTINEL);
  if (at < 0) return undefined;
  const start = at + FUSE_SENTINEL.length;
  const length = binary[start + 1];
  const wire = binary.subarray(start + 2, start + 2 + length).toString('latin1');
  return Object.fromEntries(FUSE_NAMES.map((name, index) => [name, wire[index]]));
}

function main() {
  for (const file of [
    'dist/electron/main.cjs',
    'dist/electron/preload.cjs',
    'dist/renderer/index.html',
  ]) {
    if (!existsSync(join(root, file)))
      fail(`${file} is missing: run "npm run build" before the packaging check.`);
  }
  const builderCli = join(root, 'node_modules', 'electron-builder', 'cli.js');
  if (!existsSync(builderCli)) fail('electron-builder is missing: run "npm ci" first.');

  const work = mkdtempSync(join(tmpdir(), 'casefile-package-check-'));
  try {
    const stub = join(work, 'electron-dist');
    const output = join(work, 'release');
    mkdirSync(stub);
    makeStubElectron(stub);

    console.log('Packing with electron-builder --linux dir against a stand-in Electron...');
    const started = Date.now();
    const result = spawnSync(
      process.execPath,
      [
        builderCli,
        '--linux',
        'dir',
        `-c.electronDist=${stub}`,
        `-c.directories.output=${output}`,
        '--publish',
        'never',
      ],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
      },
    );
    if (result.status !== 0) {
      console.error(result.stdout, result.stderr);
      fail('electron-builder failed (its output is above).');
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);

    const unpackedName = readdirSync(output).find((name) => /^linux(-.+)?-unpacked$/.test(name));
    if (!unpackedName) fail(`electron-builder made no linux-unpacked folder in ${output}.`);
    const appDir = join(output, unpackedName);
    const resources = join(appDir, 'resources');
    const asarPath = join(resources, 'app.asar');
    if (!existsSync(asarPath)) fail('The package has no resources/app.asar: asar must stay on.');
    if (existsSync(join(resources, 'app.asar.unpacked')))
      problems.push('Files were left outside the asar (resources/app.asar.unpacked).');
    if (existsSync(join(resources, 'app')))
      problems.push('The app was packed as a folder (resources/app), not an asar.');

    const asar = openAsar(asarPath);
    const byPath = new Map(asar.files.map((file) => [file.path, file]));

    for (const required of REQUIRED) {
      if (!byPath.has(required)) problems.push(`app.asar lacks ${required}.`);
    }
    for (const file of asar.files) {
      const allowed =
        file.path === 'package.json' ||
        ALLOWED_PREFIXES.some((prefix) => file.path.startsWith(prefix));
      if (!allowed)
        problems.push(`app.asar holds ${file.path}, which is not part of the built app.`);
      if (file.path.endsWith('.map')) problems.push(`app.asar holds a source map: ${file.path}.`);
      if (/\.(tsx?|mts|cts)$/.test(file.path))
        problems.push(`app.asar holds a TypeScript source: ${file.path}.`);
      if (SECRET_LIKE.test(file.path))
        problems.push(`app.asar holds a file that looks like a secret: ${file.path}.`);
      if (file.unpacked || file.link)
        problems.push(`app.asar entry ${file.path} points outside the archive.`);
    }
    const rendererFiles = asar.files.filter((file) => file.path.startsWith('dist/renderer/'));
    if (
      rendererFiles.some((file) =>
        /(^|\/)(src|renderer\/src)\//.test(file.path.slice('dist/renderer/'.length)),
      )
    ) {
      problems.push('dist/renderer holds a src/ folder: renderer sources were packed.');
    }

    const packageJsonEntry = byPath.get('package.json');
    if (packageJsonEntry) {
      const manifest = JSON.parse(asar.read(packageJsonEntry).toString('utf8'));
      if (manifest.main !== 'dist/electron/main.cjs')
        problems.push(
          `The packed package.json's main is ${manifest.main}, not dist/electron/main.cjs.`,
        );
      if (manifest.scripts) problems.push('The packed package.json still has its scripts.');
    }

    const mainEntry = byPath.get('dist/electron/main.cjs');
    const preloadEntry = byPath.get('dist/electron/preload.cjs');
    if (mainEntry) {
      const outside = requiredModules(asar.read(mainEntry).toString('utf8')).filter(
        (name) => name !== 'electron' && !isBuiltin(name),
      );
      if (outside.length > 0)
        problems.push(
          `main.cjs requires modules that are not in the package: ${outside.join(', ')}.`,
        );
    }
    if (preloadEntry) {
      const preloadSource = asar.read(preloadEntry).toString('utf8');
      const outside = requiredModules(preloadSource).filter((name) => name !== 'electron');
      if (outside.length > 0)
        problems.push(
          `The sandboxed preload requires ${outside.join(', ')}; it may require only electron.`,
        );
      if (preloadEntry.size > MAX_PRELOAD_BYTES)
        problems.push(
          `The preload is ${formatBytes(preloadEntry.size)}; it should be a few KB (did the contract's zod get bundled in?).`,
        );
      if (!preloadSource.includes('exposeInMainWorld'))
        problems.push('The preload does not expose the bridge.');
    }

    const dangling = [];
    for (const file of asar.files) {
      if (/\.(c?js|mjs|css)$/.test(file.path) && file.size < 64 * 1024 * 1024) {
        if (/[#@] sourceMappingURL=(?!data:)/.test(asar.read(file).toString('utf8')))
          dangling.push(file.path);
      }
    }
    if (dangling.length > 0) {
      notes.push(
        `${dangling.length} file(s) still name a source map that is not packed (e.g. ${dangling[0]}); harmless, the map is simply absent.`,
      );
    }

    const executable = join(
      appDir,
      readdirSync(appDir).find((name) => name === 'casefile' || name === 'Casefile') ?? 'casefile',
    );
    const fuses = existsSync(executable) ? readFuses(executable) : undefined;
    if (!fuses) {
      problems.push('Could not read the fuses of the packed executable.');
    } else {
      for (const [name, expected] of Object.entries(EXPECTED_FUSES)) {
        if (fuses[name] !== expected) {
          problems.push(
            `Fuse ${name} is ${fuses[name] === '1' ? 'on' : 'off'}; it must be ${expected === '1' ? 'on' : 'off'}.`,
          );
        }
      }
    }

    asar.close();
    const asarBytes = statSync(asarPath).size;
    if (asarBytes > MAX_ASAR_BYTES)
      problems.push(
        `app.asar is ${formatBytes(asarBytes)}, more than ${formatBytes(MAX_ASAR_BYTES)}.`,
      );
    const rendererBytes = rendererFiles.reduce((sum, file) => sum + file.size, 0);

    console.log('');
    console.log(
      `Packed in ${seconds} s${keep ? `: ${appDir}` : ' (in a temporary folder, removed afterwards; --keep keeps it)'}.`,
    );
    console.log(`  app.asar           ${formatBytes(asarBytes)}, ${asar.files.length} files`);
    console.log(
      `  dist/renderer      ${formatBytes(rendererBytes)} in ${rendererFiles.length} files`,
    );
    console.log(
      `  dist/electron      main.cjs ${formatBytes(mainEntry?.size ?? 0)}, preload.cjs ${formatBytes(preloadEntry?.size ?? 0)}`,
    );
    console.log(
      `  fuses              ${fuses ? FUSE_NAMES.map((name) => `${name}=${fuses[name] === '1' ? 'on' : 'off'}`).join(', ') : 'unreadable'}`,
    );
    for (const note of notes) console.log(`  note: ${note}`);
    console.log('');
    if (problems.length > 0) {
      const shown = problems.slice(0, 25).map((problem) => `  - ${problem}`);
      if (problems.length > shown.length)
        shown.push(`  ... and ${problems.length - shown.length} more.`);
      console.error(`Packaging check failed (${problems.length} problems):\n${shown.join('\n')}`);
      process.exitCode = 1;
    } else {
      console.log('Packaging check passed: only the built app is packed, with the fuses set.');
    }
  } finally {
    if (keep) console.log(`Kept ${work}.`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main();
