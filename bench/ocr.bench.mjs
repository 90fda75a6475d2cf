// Issue 3: OCR. Seconds per screenshot for tesseract.js (the app's own OCR set-up, in Chromium) next
// to the native `tesseract` CLI with OMP_THREAD_LIMIT=1 on the same images in the same run, and the
// character error rate (CER) of both against ground truth: the corpus OCR images with .gt.txt files,
// and 1080-px chat screenshots rendered here in Chromium (their ground truth is the text the page
// shows).
//
// Like for like: the CLI is run with Debian's English model (what `apt-get install
// tesseract-ocr-eng` gives: tessdata_fast, a smaller network) and with the app's model
// (@tesseract.js-data/eng 4.0.0_best_int, via --tessdata-dir), and tesseract.js with both too (the
// 2 × 2). Both use their default page segmentation (the app sets tesseract.js to the CLI's, fully
// automatic). The CLI reads the file; it is also run on the very grey pixels the app hands its
// engine. Start-up (the CLI loads its model on every run; the app keeps its workers) is measured
// apart. Runs are interleaved image by image and repeated, and every ratio is taken between runs of
// the same image in the same round, since the machine is shared and its load swings. Besides wall
// time, CPU time is read from /proc (the CLI's, and our Chromium's threads'), which the load
// disturbs far less.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { openHarness } from './support.mjs';

const SCREENSHOTS = 10;
const ROUNDS = Math.max(1, Number(process.env.CASEFILE_OCR_ROUNDS ?? 3));

const PEOPLE = ['Grace Oduya', 'Per Hansen', 'Ana Reporter', 'Halvorsen Office'];
const LINES = [
  'Did the transfer to Halvorsen go through?',
  'Yes, 40,000 euros on Tuesday. Reference HV-2020-114.',
  'Who signed it off at the ministry?',
  'The minister herself, after the harbour meeting.',
  'Send me the invoice before Friday please.',
  'I will bring the documents to the office at 9:30.',
  'Delete this chat when you have read it.',
  'The board meets on 14 April to approve the lease.',
  'Call me from the other phone, not this one.',
  'Customs released container MSKU 448213 yesterday.',
  'Nobody outside the council knows about the deal.',
  'The contract says consulting, but there was no work.',
];

/**
 * A phone-sized chat screen laid out like WhatsApp's: one column of bubbles, the sender's name on
 * top of each, the text, and the time at the bottom right.
 */
function chatHtml(index) {
  const bubbles = [];
  for (let i = 0; i < 9; i += 1) {
    const who = PEOPLE[(index + i) % PEOPLE.length];
    const text = LINES[(index * 5 + i) % LINES.length];
    const time = `${String(9 + ((index + i) % 12)).padStart(2, '0')}:${String((index * 7 + i * 11) % 60).padStart(2, '0')}`;
    bubbles.push(
      `<div class="b ${i % 2 ? 'me' : ''}"><div class="h">${who}</div><div class="t">${text}</div><div class="m">${time}</div></div>`,
    );
  }
  return `<!doctype html><html><head><style>
    body { margin: 0; width: 1080px; font-family: 'DejaVu Sans', sans-serif; background: #ece5dd; }
    .top { background: #075e54; color: #fff; font-size: 40px; padding: 36px 40px; }
    .b { margin: 28px 40px; padding: 20px 28px; max-width: 880px; background: #fff; border-radius: 16px; }
    .me { background: #dcf8c6; margin-left: 120px; }
    .h { font-size: 26px; color: #555; margin-bottom: 8px; }
    .t { font-size: 34px; color: #111; line-height: 1.35; }
    .m { font-size: 24px; color: #667; text-align: right; margin-top: 6px; }
  </style></head><body><div id="chat"><div class="top">Harbour group</div>${bubbles.join('')}</div></body></html>`;
}

// ---- numbers ----

function quantile(values, q) {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}
const median = (values) => quantile(values, 0.5);
const s2 = (ms) => (ms / 1000).toFixed(2);
const spread = (values) => `${s2(quantile(values, 0.1))}–${s2(quantile(values, 0.9))} s`;

// ---- CPU time from /proc ----

const TICKS = 100; // USER_HZ on Linux

function statFields(path) {
  const stat = readFileSync(path, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** CPU seconds of the children this process has waited for (the CLI runs). */
function childrenCpu() {
  const f = statFields('/proc/self/stat');
  return (Number(f[13]) + Number(f[14])) / TICKS;
}

/** The processes started by this one, at any depth (our Chromium and its renderers). */
function descendants() {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const parent = Number(statFields(`/proc/${name}/stat`)[1]);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  const out = [];
  const walk = (pid) => {
    for (const child of children.get(pid) ?? []) {
      out.push(child);
      walk(child);
    }
  };
  walk(process.pid);
  return out;
}

/**
 * CPU seconds used so far by our Chromium's renderer processes (every thread: the page, its
 * workers, the OCR engine) and, apart, by its dedicated worker threads alone (the OCR engine runs
 * in one of them).
 */
function chromiumCpu() {
  let renderer = 0;
  let workers = 0;
  for (const pid of descendants()) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const f = statFields(`/proc/${pid}/stat`);
      renderer += (Number(f[11]) + Number(f[12])) / TICKS;
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        if (!readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').startsWith('DedicatedWorker')) continue;
        const t = statFields(`/proc/${pid}/task/${tid}/stat`);
        workers += (Number(t[11]) + Number(t[12])) / TICKS;
      }
    } catch {
      // gone meanwhile
    }
  }
  return { renderer, workers };
}

// ---- the native CLI ----

const CLI_ENV = { ...process.env, OMP_THREAD_LIMIT: '1' };

function cliArgs(image, tessdata, extra = []) {
  return [image, 'stdout', '-l', 'eng', ...(tessdata ? ['--tessdata-dir', tessdata] : []), ...extra];
}

/** One CLI run: its text, wall time and CPU time (user + system). */
function runCli(image, tessdata) {
  const cpu = childrenCpu();
  const t = process.hrtime.bigint();
  const run = spawnSync('tesseract', cliArgs(image, tessdata), { env: CLI_ENV, encoding: 'utf8', maxBuffer: 64 << 20 });
  const millis = Number(process.hrtime.bigint() - t) / 1e6;
  if (run.status !== 0) throw new Error(`tesseract failed on ${image}: ${run.stderr}`);
  return { text: run.stdout, millis, cpu: childrenCpu() - cpu };
}

/** Runs the CLI on every image, `lanes` processes at once; resolves with the wall time. */
async function cliBatch(images, tessdata, lanes) {
  let next = 0;
  const t = process.hrtime.bigint();
  const lane = async () => {
    while (next < images.length) {
      const image = images[next++];
      await new Promise((resolve, reject) => {
        const child = spawn('tesseract', cliArgs(image, tessdata), { env: CLI_ENV, stdio: ['ignore', 'ignore', 'ignore'] });
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tesseract exited with ${code}`))));
      });
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** The folder of the CLI's own models, as it reports it. */
function cliTessdata() {
  const list = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  const folder = /"([^"]+)"/.exec(`${list.stdout}${list.stderr}`)?.[1];
  return folder && existsSync(join(folder, 'eng.traineddata')) ? folder : undefined;
}

export default async function ocr({ context, report, root }) {
  const work = mkdtempSync(join(tmpdir(), 'casefile-ocr-'));
  const served = join(root, 'dist', 'bench', 'bench-ocr-models');
  const images = [];
  try {
    // ---- the images ----
    const corpus = join(root, '..', 'shared', 'corpus', 'ocr', 'tesseract.js');
    if (existsSync(corpus)) {
      for (const name of readdirSync(corpus).filter((n) => /\.(png|jpg)$/.test(n)).sort()) {
        const truth = join(corpus, name.replace(/\.(png|jpg)$/, '.gt.txt'));
        if (!existsSync(truth)) continue;
        images.push({ name, path: join(corpus, name), truth: readFileSync(truth, 'utf8'), kind: 'corpus' });
      }
    } else {
      console.log('  The sample corpus (../shared/corpus) is absent: corpus images skipped.');
    }
    const painter = await context.newPage();
    await painter.setViewportSize({ width: 1080, height: 1920 });
    for (let i = 0; i < SCREENSHOTS; i += 1) {
      await painter.setContent(chatHtml(i));
      const truth = await painter.evaluate(() =>
        [...document.querySelectorAll('.top, .h, .t, .m')].map((e) => e.textContent).join('\n'),
      );
      const path = join(work, `chat-${i + 1}.png`);
      await painter.screenshot({ path, fullPage: true });
      images.push({ name: `chat-${i + 1}.png`, path, truth, kind: 'chat' });
    }
    await painter.close();

    // ---- the engines and models ----
    const cli = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
    const hasCli = cli.status === 0;
    const debianModel = hasCli ? cliTessdata() : undefined;
    const appModel = join(work, 'tessdata-app');
    mkdirSync(appModel);
    writeFileSync(
      join(appModel, 'eng.traineddata'),
      gunzipSync(readFileSync(join(root, 'node_modules', '@tesseract.js-data', 'eng', '4.0.0_best_int', 'eng.traineddata.gz'))),
    );
    if (!hasCli) {
      console.log('  The native `tesseract` CLI is NOT installed here: no CLI figures in this run.');
      console.log('  (apt-get install -y tesseract-ocr tesseract-ocr-eng to compare.)');
    } else {
      console.log(`  native CLI: ${(cli.stdout || cli.stderr).split('\n')[0]}, OMP_THREAD_LIMIT=1`);
      console.log(`  models: the CLI's own ${debianModel ? join(debianModel, 'eng.traineddata') : '(none found)'}; the app's @tesseract.js-data/eng 4.0.0_best_int`);
    }
    if (debianModel) {
      // Served to tesseract.js from the app's origin for the 2 × 2, then removed.
      mkdirSync(join(served, 'cli'), { recursive: true });
      copyFileSync(join(debianModel, 'eng.traineddata'), join(served, 'cli', 'eng.traineddata'));
    }

    const harness = await openHarness(context);
    const cores = new Set();
    context.on('request', (request) => {
      const match = /\/vendor\/tesseract\/core\/([^/?]+)/.exec(request.url());
      if (match) cores.add(match[1]);
    });
    report('Chromium', await harness.evaluate(() => /Chrom(e|ium)\/[\d.]+/.exec(navigator.userAgent)?.[0] ?? '?'), '');

    // The images, into the page once (the timed runs then start from bytes in memory, as the
    // import worker does).
    for (const [index, image] of images.entries()) {
      await harness.evaluate(
        async ({ index, base64, type }) => {
          const bytes = Uint8Array.fromBase64
            ? Uint8Array.fromBase64(base64)
            : new Uint8Array(await (await fetch(`data:application/octet-stream;base64,${base64}`)).arrayBuffer());
          (window.__ocrImages ??= [])[index] = { bytes, type };
        },
        { index, base64: readFileSync(image.path).toString('base64'), type: image.path.endsWith('.jpg') ? 'image/jpeg' : 'image/png' },
      );
    }

    // ---- start-up ----
    const before = chromiumCpu();
    const startup = await harness.evaluate(async () => {
      const { ocrPool, prepareImage } = window.casefileBench;
      const prepared = await prepareImage(window.__ocrImages.at(-1).bytes);
      const input = prepared.image.ocrInput ?? prepared.image.upright;
      const t = performance.now();
      await ocrPool().recognize(input);
      return performance.now() - t;
    });
    const afterStart = chromiumCpu();
    report('tesseract.js: first image (starts one worker)', s2(startup), 's', `renderer CPU ${(afterStart.renderer - before.renderer).toFixed(2)} s`);
    report('tesseract.js: WebAssembly core loaded', [...cores].join(', ') || '(not seen)', '');
    const hasDebianPool = Boolean(debianModel) && (await harness.evaluate(() => typeof window.casefileBench.createOcrPool === 'function'));
    if (hasDebianPool) {
      await harness.evaluate(async () => {
        const { createOcrPool, prepareImage } = window.casefileBench;
        window.__cliModelPool = createOcrPool({ langPath: new URL('/bench-ocr-models/cli', location.origin).href, gzip: false });
        const prepared = await prepareImage(window.__ocrImages.at(-1).bytes);
        await window.__cliModelPool.recognize(prepared.image.ocrInput);
      });
    }
    let startCpu = { cli: NaN, app: NaN };
    if (hasCli) {
      const blank = join(work, 'blank.png');
      await (async () => {
        const page = await context.newPage();
        await page.setViewportSize({ width: 8, height: 8 });
        await page.setContent('<body style="margin:0;background:#fff"></body>');
        await page.screenshot({ path: blank });
        await page.close();
      })();
      const starts = { cli: [], app: [] };
      for (let i = 0; i < 3; i += 1) {
        if (debianModel) starts.cli.push(runCli(blank, undefined));
        starts.app.push(runCli(blank, appModel));
      }
      for (const [key, runs] of Object.entries(starts)) {
        if (runs.length === 0) continue;
        report(
          `CLI start-up, ${key === 'cli' ? "its own model" : "the app's model"} (blank 8 × 8 image)`,
          s2(median(runs.map((r) => r.millis))),
          's',
          `CPU ${median(runs.map((r) => r.cpu)).toFixed(2)} s; paid on every CLI run`,
        );
      }
      startCpu = { cli: median(starts.cli.map((r) => r.cpu)), app: median(starts.app.map((r) => r.cpu)) };
    }

    // The app's prepared input of every image, made once, so that any engine may run first below.
    await harness.evaluate(async () => {
      const { prepareImage } = window.casefileBench;
      for (const image of window.__ocrImages) {
        const prepared = await prepareImage(image.bytes);
        image.input = prepared.image.ocrInput ?? prepared.image.upright;
      }
    });

    // ---- per image, interleaved, in rounds ----
    const runs = images.map(() => []);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [index, image] of images.entries()) {
        const row = { round };
        const steps = [
          async () => {
            // The app's own path from the file's bytes: prepareImage (decode, upright, grey) and
            // recognise, as the import worker does.
            const c0 = chromiumCpu();
            const out = await harness.evaluate(async (index) => {
              const { ocrPool, prepareImage } = window.casefileBench;
              const t0 = performance.now();
              const prepared = await prepareImage(window.__ocrImages[index].bytes);
              const t1 = performance.now();
              const result = await ocrPool().recognize(prepared.image.ocrInput ?? prepared.image.upright);
              const t2 = performance.now();
              return { prepare: t1 - t0, recognise: t2 - t1, text: result.text, words: result.words.length };
            }, index);
            const c1 = chromiumCpu();
            row.app = { ...out, millis: out.prepare + out.recognise, cpu: c1.renderer - c0.renderer, engineCpu: c1.workers - c0.workers };
          },
        ];
        if (hasDebianPool) {
          steps.push(async () => {
            const c0 = chromiumCpu();
            const out = await harness.evaluate(async (index) => {
              const t = performance.now();
              const result = await window.__cliModelPool.recognize(window.__ocrImages[index].input);
              return { millis: performance.now() - t, text: result.text };
            }, index);
            const c1 = chromiumCpu();
            row.jsCliModel = { ...out, cpu: c1.renderer - c0.renderer, engineCpu: c1.workers - c0.workers };
          });
        }
        if (hasCli) {
          if (debianModel) steps.push(async () => (row.cli = runCli(image.path, undefined)));
          steps.push(async () => (row.cliAppModel = runCli(image.path, appModel)));
          steps.push(async () => {
            // The very pixels the app hands its engine, read by the CLI with the same model.
            const pgm = join(work, `${image.name}.pgm`);
            if (!existsSync(pgm)) {
              const base64 = await harness.evaluate(async (index) => {
                const input = window.__ocrImages[index].input;
                if (!(input instanceof Uint8Array)) return null;
                if (input.toBase64) return input.toBase64();
                const url = await new Promise((resolve) => {
                  const reader = new FileReader();
                  reader.onload = () => resolve(reader.result);
                  reader.readAsDataURL(new Blob([input]));
                });
                return String(url).slice(String(url).indexOf(',') + 1);
              }, index);
              if (base64 === null) return;
              writeFileSync(pgm, Buffer.from(base64, 'base64'));
            }
            row.cliSamePixels = runCli(pgm, appModel);
          });
        }
        // A different order each round and image, so that no engine always runs first.
        const shift = (round + index) % steps.length;
        for (const step of [...steps.slice(shift), ...steps.slice(0, shift)]) await step();
        runs[index].push(row);
      }
    }

    // ---- accuracy (the output is the same every round) ----
    const cer = async (truth, text) =>
      harness.evaluate(({ truth, text }) => window.casefileBench.characterErrorRate(truth, text), { truth, text });
    for (const [index, image] of images.entries()) {
      const first = runs[index][0];
      image.cer = {};
      for (const key of ['app', 'jsCliModel', 'cli', 'cliAppModel', 'cliSamePixels']) {
        if (first[key]) image.cer[key] = await cer(image.truth, first[key].text);
      }
    }

    // ---- per image ----
    for (const [index, image] of images.entries()) {
      const rows = runs[index];
      const app = median(rows.map((r) => r.app.millis));
      const parts = [`CER ${(image.cer.app * 100).toFixed(2)}%`, `prepare ${s2(median(rows.map((r) => r.app.prepare)))} s`];
      if (rows[0].cliAppModel) {
        parts.push(
          `CLI same model ${s2(median(rows.map((r) => r.cliAppModel.millis)))} s, CER ${(image.cer.cliAppModel * 100).toFixed(2)}%`,
        );
      }
      if (rows[0].cli) parts.push(`CLI own model ${s2(median(rows.map((r) => r.cli.millis)))} s, CER ${(image.cer.cli * 100).toFixed(2)}%`);
      report(image.name, s2(app), 's', `app, median of ${rows.length}; ${parts.join('; ')}`);
    }

    // ---- per kind ----
    const ratio = (rows, a, b) => median(rows.map((r) => a(r) / b(r)));
    for (const kind of ['corpus', 'chat']) {
      const set = images.map((image, index) => ({ image, rows: runs[index] })).filter((x) => x.image.kind === kind);
      if (set.length === 0) continue;
      const label = kind === 'chat' ? '1080-px chats' : 'corpus images';
      const rows = set.flatMap((x) => x.rows);
      const meanCer = (key) => set.reduce((sum, x) => sum + (x.image.cer[key] ?? NaN), 0) / set.length;
      console.log(`\n  ${label}: ${set.length} images × ${ROUNDS} rounds (wall: median, 10th–90th percentile; CPU: median)`);
      const line = (name, pick, note = '') => {
        if (!rows[0][pick.key]) return;
        const values = rows.map((r) => pick.wall(r[pick.key]));
        const cpu = median(rows.map((r) => pick.cpu(r[pick.key])));
        report(`${label}: ${name}`, s2(median(values)), 's', `${spread(values)}${Number.isFinite(cpu) ? `; CPU ${cpu.toFixed(2)} s` : ''}${note}`);
      };
      line('app (prepare + recognise)', { key: 'app', wall: (x) => x.millis, cpu: (x) => x.cpu }, `; CER ${(meanCer('app') * 100).toFixed(2)}%`);
      line('  of which prepare (decode, upright, grey)', { key: 'app', wall: (x) => x.prepare, cpu: () => NaN });
      line('  of which recognise (app model)', { key: 'app', wall: (x) => x.recognise, cpu: (x) => x.engineCpu }, ' (engine thread)');
      line('tesseract.js recognise, CLI model', { key: 'jsCliModel', wall: (x) => x.millis, cpu: (x) => x.engineCpu }, `, engine thread; CER ${(meanCer('jsCliModel') * 100).toFixed(2)}%`);
      line('CLI, own model, on the file', { key: 'cli', wall: (x) => x.millis, cpu: (x) => x.cpu }, `; CER ${(meanCer('cli') * 100).toFixed(2)}%`);
      line("CLI, app's model, on the file", { key: 'cliAppModel', wall: (x) => x.millis, cpu: (x) => x.cpu }, `; CER ${(meanCer('cliAppModel') * 100).toFixed(2)}%${kind === 'corpus' ? ' (the CLI ignores EXIF orientation)' : ''}`);
      line("CLI, app's model, on the app's grey pixels", { key: 'cliSamePixels', wall: (x) => x.millis, cpu: (x) => x.cpu }, `; CER ${(meanCer('cliSamePixels') * 100).toFixed(2)}%`);
      if (!rows[0].cliAppModel) continue;
      // Ratios of runs of the same image in the same round, then their median.
      const startApp = startCpu.app;
      const both = (key) => rows[0][key] !== undefined;
      report(
        `${label}: RATIO app ÷ CLI, same model, same file`,
        ratio(rows, (r) => r.app.millis, (r) => r.cliAppModel.millis).toFixed(2),
        '×',
        `wall; CPU ${ratio(rows, (r) => r.app.cpu, (r) => r.cliAppModel.cpu).toFixed(2)}×; the CLI's runs include its start-up (CPU ${startApp.toFixed(2)} s); target <= 1.5×`,
      );
      report(
        `${label}: RATIO engine ÷ CLI, same model, same pixels`,
        ratio(rows, (r) => r.app.recognise, (r) => (r.cliSamePixels ?? r.cliAppModel).millis).toFixed(2),
        '×',
        `wall; CPU ${ratio(rows, (r) => r.app.engineCpu, (r) => (r.cliSamePixels ?? r.cliAppModel).cpu - startApp).toFixed(2)}× with the CLI's start-up taken out`,
      );
      if (both('cli')) {
        report(
          `${label}: RATIO app ÷ CLI as installed (own model)`,
          ratio(rows, (r) => r.app.millis, (r) => r.cli.millis).toFixed(2),
          '×',
          `wall; CPU ${ratio(rows, (r) => r.app.cpu, (r) => r.cli.cpu).toFixed(2)}×; a smaller model, not like for like`,
        );
      }
      if (both('jsCliModel') && both('cli')) {
        const startCli = startCpu.cli;
        report(
          `${label}: RATIO engine ÷ CLI, both with the CLI's model`,
          ratio(rows, (r) => r.jsCliModel.millis, (r) => r.cli.millis).toFixed(2),
          '×',
          `wall; CPU ${ratio(rows, (r) => r.jsCliModel.engineCpu, (r) => r.cli.cpu - startCli).toFixed(2)}× with the CLI's start-up taken out`,
        );
      }
    }

    // ---- a batch of ten screenshots through both cores ----
    const chats = images.map((image, index) => ({ image, index })).filter((x) => x.image.kind === 'chat');
    console.log(`\n  a batch of ${chats.length} chat screenshots, two at a time (both cores)`);
    // Both of the pool's workers started first: the app keeps them warm across a batch.
    await harness.evaluate(async (indexes) => {
      const { ocrPool } = window.casefileBench;
      await Promise.all(indexes.slice(0, 2).map((i) => ocrPool().recognize(window.__ocrImages[i].input)));
    }, chats.map((x) => x.index));
    for (let round = 0; round < Math.min(ROUNDS, 2); round += 1) {
      const c0 = chromiumCpu();
      const millis = await harness.evaluate(async (indexes) => {
        const { ocrPool, prepareImage } = window.casefileBench;
        let next = 0;
        const t = performance.now();
        const lane = async () => {
          while (next < indexes.length) {
            const image = window.__ocrImages[indexes[next++]];
            const prepared = await prepareImage(image.bytes);
            await ocrPool().recognize(prepared.image.ocrInput ?? prepared.image.upright);
          }
        };
        await Promise.all([lane(), lane()]);
        return performance.now() - t;
      }, chats.map((x) => x.index));
      const c1 = chromiumCpu();
      const cliWall = hasCli ? await cliBatch(chats.map((x) => x.image.path), appModel, 2) : NaN;
      const cliOwn = hasCli && debianModel ? await cliBatch(chats.map((x) => x.image.path), undefined, 2) : NaN;
      report(
        `batch: app, 2 workers (prepare + recognise)`,
        s2(millis),
        's',
        `${s2(millis / chats.length)} s per screenshot; renderer CPU ${(c1.renderer - c0.renderer).toFixed(1)} s`,
      );
      if (hasCli) {
        report(
          `batch: CLI, 2 processes, app's model`,
          s2(cliWall),
          's',
          `${s2(cliWall / chats.length)} s per screenshot; ratio ${(millis / cliWall).toFixed(2)}×${debianModel ? `; own model ${s2(cliOwn)} s, ratio ${(millis / cliOwn).toFixed(2)}×` : ''}`,
        );
      }
    }
    await harness.close();
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(served, { recursive: true, force: true });
  }
}
