#!/usr/bin/env node
// Runs Electronegativity (Doyensec's Electron security linter) over the Electron side and fails on
// every HIGH or MEDIUM finding that is not accepted below with its reason.
//
// Electronegativity's CLI exits 0 whatever it finds, and its CSV writer races with itself (the
// header is written asynchronously and can land over the first rows), so it is called through its
// programmatic API, which returns the findings and the files it could not parse. It scans:
//   - electron/ (the TypeScript sources, tests left out);
//   - dist/electron/*.cjs, copied as .js because it reads only .js/.ts/.html files;
//   - an HTML page carrying the exact Content-Security-Policy header the app:// handler sends,
//     since Electronegativity finds a CSP only in HTML or in webRequest header code.
// The check that looks up Electron's releases online is left out: this runs offline.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Findings that were reviewed and are not problems, by check id and the file they are reported
 * in (relative to the scanned folder). docs/security.md lists them too.
 */
const ACCEPTED = [
  {
    id: 'AUXCLICK_JS_CHECK',
    file: 'src/main/window.ts',
    reason:
      'Middle-click can only try to open a new window, and every new window is denied by setWindowOpenHandler (electron/main/hardening.ts). Chromium has had no "Auxclick" Blink feature to disable for years (electron/electron#10315), so the suggested fix would do nothing.',
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'src/main/window.ts',
    reason:
      'Reviewed: the preload (electron/preload/) exposes one function per IPC contract channel and nothing else, never ipcRenderer; check-packaging verifies the shipped preload requires only electron.',
  },
];

const FAILING = new Set(['HIGH', 'MEDIUM']);

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** The Content-Security-Policy header of app:// responses, computed from the code that sends it. */
async function appCspHeader() {
  const result = await build({
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
    alias: { '@shared': `${root}shared` },
    stdin: {
      contents: "export { appResponseHeaders } from './electron/main/appFiles';",
      resolveDir: root,
      loader: 'ts',
    },
  });
  const code = result.outputFiles[0].text;
  const { appResponseHeaders } = await import(
    `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
  );
  return appResponseHeaders()['Content-Security-Policy'];
}

function copySources(from, to) {
  cpSync(from, to, {
    recursive: true,
    filter: (path) => !path.endsWith('.test.ts') && !path.endsWith('tsconfig.json'),
  });
}

async function main() {
  let run;
  try {
    run = (await import('@doyensec/electronegativity')).default;
  } catch {
    fail('Electronegativity is not installed: run "npm ci" (it is a devDependency).');
  }
  const { buildElectron } = await import(
    pathToFileURL(join(root, 'build', 'scripts', 'build-electron.mjs')).href
  );
  await buildElectron({ quiet: true });
  const electronVersion = JSON.parse(
    readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;

  // Electronegativity skips any path containing "node_modules", so the scan folder is in the OS's
  // temporary folder, never under the project's node_modules/.cache.
  const scan = mkdtempSync(join(tmpdir(), 'casefile-electronegativity-'));
  try {
    copySources(join(root, 'electron'), join(scan, 'src'));
    cpSync(join(root, 'dist', 'electron'), join(scan, 'bundle'), { recursive: true });
    for (const name of readdirSync(join(scan, 'bundle'))) {
      if (name.endsWith('.cjs'))
        cpSync(join(scan, 'bundle', name), join(scan, 'bundle', name.replace(/\.cjs$/, '.js')));
    }
    const csp = await appCspHeader();
    writeFileSync(
      join(scan, 'app-protocol-csp.html'),
      `<!doctype html>\n<html><head><meta http-equiv="Content-Security-Policy" content="${csp.replace(/"/g, '&quot;')}"></head><body></body></html>\n`,
    );

    const originalLog = console.log;
    let report;
    try {
      // It prints its own progress chatter; the summary below is what matters.
      console.log = () => {};
      report = await run({
        input: scan,
        isRelative: true,
        severitySet: 'informational',
        confidenceSet: 'tentative',
        electronVersionOverride: electronVersion,
        excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
        customScan: [],
        parserPlugins: [],
      });
    } finally {
      console.log = originalLog;
    }

    const { issues, errors } = report;
    const findings = issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity?.name ?? String(issue.severity),
      confidence: issue.confidence?.name ?? String(issue.confidence),
      file: issue.file,
      line: issue.location?.line ?? 0,
      description: issue.description,
      sample: issue.sample,
    }));
    const accepted = [];
    const blocking = [];
    const minor = [];
    for (const finding of findings) {
      const acceptance = ACCEPTED.find(
        (entry) => entry.id === finding.id && entry.file === finding.file,
      );
      if (!FAILING.has(finding.severity)) minor.push(finding);
      else if (acceptance) accepted.push({ ...finding, reason: acceptance.reason });
      else blocking.push(finding);
    }

    console.log(
      `Electronegativity ${JSON.parse(readFileSync(join(root, 'node_modules', '@doyensec', 'electronegativity', 'package.json'), 'utf8')).version} on electron/ and dist/electron (Electron ${electronVersion}): ${findings.length} finding(s).`,
    );
    for (const finding of accepted) {
      console.log(
        `  accepted ${finding.severity} ${finding.id} in ${finding.file}:${finding.line}: ${finding.reason}`,
      );
    }
    for (const finding of minor) {
      console.log(
        `  note ${finding.severity} ${finding.id} in ${finding.file}:${finding.line}: ${finding.description}`,
      );
    }
    const unused = ACCEPTED.filter(
      (entry) =>
        !accepted.some((finding) => finding.id === entry.id && finding.file === entry.file),
    );
    for (const entry of unused)
      console.log(
        `  (the acceptance of ${entry.id} in ${entry.file} no longer matches anything; remove it)`,
      );

    const problems = [
      ...blocking.map(
        (f) =>
          `${f.severity} ${f.id} in ${f.file}:${f.line}: ${f.description}${f.sample ? ` (${String(f.sample).trim().slice(0, 120)})` : ''}`,
      ),
      ...errors.map(
        (error) =>
          `Could not scan ${error.file ?? 'a file'}: ${error.message ?? error.tolerable ?? JSON.stringify(error)}`,
      ),
    ];
    if (problems.length > 0) {
      console.error(
        `Electron security check failed:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
      );
      process.exitCode = 1;
    } else {
      console.log(
        'Electron security check passed: no HIGH or MEDIUM finding that is not accepted above.',
      );
    }
  } finally {
    rmSync(scan, { recursive: true, force: true });
  }
}

main().catch((error) => fail(error.stack ?? String(error)));
