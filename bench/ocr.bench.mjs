// Issue 3: OCR. Seconds per screenshot for tesseract.js (the app's own OCR set-up, in Chromium)
// next to the native `tesseract` CLI with OMP_THREAD_LIMIT=1 on the same images in the same run,
// and the character error rate (CER) of both against ground truth: the corpus OCR images with
// .gt.txt files, and 1080-px chat screenshots rendered here in Chromium (their ground truth is the
// text the page shows).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHarness } from './support.mjs';

const SCREENSHOTS = 6;

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

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export default async function ocr({ context, report, root }) {
  const work = mkdtempSync(join(tmpdir(), 'casefile-ocr-'));
  const images = [];
  try {
    // Corpus images with ground truth.
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

    // Chat screenshots rendered in Chromium at 1080 px wide.
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

    // tesseract.js in the page: one worker, images one after another (like the CLI), after a
    // warm-up that starts the worker.
    const harness = await openHarness(context);
    const startup = await harness.evaluate(async (bytes) => {
      const t = performance.now();
      await window.casefileBench.ocrPool().recognize(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      return performance.now() - t;
    }, [...readFileSync(images.find((i) => i.kind === 'chat').path)]);
    report('tesseract.js: first call (starts the worker)', startup / 1000, 's');

    const results = [];
    for (const image of images) {
      const bytes = [...readFileSync(image.path)];
      const js = await harness.evaluate(
        async ({ bytes, truth, type }) => {
          const bench = window.casefileBench;
          const t = performance.now();
          const out = await bench.ocrPool().recognize(new Blob([new Uint8Array(bytes)], { type }));
          const millis = performance.now() - t;
          return { millis, text: out.text, cer: bench.characterErrorRate(truth, out.text) };
        },
        { bytes, truth: image.truth, type: image.path.endsWith('.jpg') ? 'image/jpeg' : 'image/png' },
      );
      results.push({ image, js });
    }

    // The same images through both workers at once: the app's throughput on two cores.
    const batch = await harness.evaluate(async (all) => {
      const pool = window.casefileBench.ocrPool();
      const t = performance.now();
      await Promise.all(all.map((bytes) => pool.recognize(new Blob([new Uint8Array(bytes)], { type: 'image/png' }))));
      return performance.now() - t;
    }, images.filter((i) => i.kind === 'chat').map((i) => [...readFileSync(i.path)]));

    // The native CLI on the same files, one thread.
    const cli = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
    const hasCli = cli.status === 0;
    if (!hasCli) {
      console.log('  The native `tesseract` CLI is NOT installed here: no CLI figures in this run.');
      console.log('  (apt-get install -y tesseract-ocr tesseract-ocr-eng to compare.)');
    } else {
      console.log(`  native CLI: ${(cli.stdout || cli.stderr).split('\n')[0]}, OMP_THREAD_LIMIT=1`);
    }
    for (const result of results) {
      if (!hasCli) continue;
      const t = process.hrtime.bigint();
      const text = execFileSync('tesseract', [result.image.path, 'stdout', '-l', 'eng'], {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const millis = Number(process.hrtime.bigint() - t) / 1e6;
      const cer = await harness.evaluate(
        ({ truth, text }) => window.casefileBench.characterErrorRate(truth, text),
        { truth: result.image.truth, text },
      );
      result.cli = { millis, cer };
    }
    await harness.close();

    for (const { image, js, cli: native } of results) {
      report(
        `${image.name}`,
        js.millis / 1000,
        's',
        `tesseract.js; CER ${(js.cer * 100).toFixed(2)}%${native ? ` | CLI ${(native.millis / 1000).toFixed(2)} s, CER ${(native.cer * 100).toFixed(2)}%, ratio ${(js.millis / native.millis).toFixed(2)}x` : ''}`,
      );
    }
    for (const kind of ['corpus', 'chat']) {
      const set = results.filter((r) => r.image.kind === kind);
      if (set.length === 0) continue;
      const label = kind === 'chat' ? '1080-px chat screenshots' : 'corpus images';
      const jsMedian = median(set.map((r) => r.js.millis)) / 1000;
      report(`${label}: tesseract.js median per image`, jsMedian, 's');
      if (set[0].cli) {
        const cliMedian = median(set.map((r) => r.cli.millis)) / 1000;
        report(`${label}: native CLI median per image`, cliMedian, 's', `ratio ${(jsMedian / cliMedian).toFixed(2)}x (target <= 1.5x)`);
      }
      const meanCer = set.reduce((sum, r) => sum + r.js.cer, 0) / set.length;
      report(`${label}: tesseract.js mean CER`, meanCer * 100, '%', kind === 'chat' ? 'target <= 1% on clean screenshots' : '');
      if (set[0].cli) {
        report(`${label}: native CLI mean CER`, (set.reduce((s, r) => s + r.cli.cer, 0) / set.length) * 100, '%');
      }
    }
    const chats = results.filter((r) => r.image.kind === 'chat').length;
    report('chat screenshots through two workers at once', batch / 1000 / chats, 's per image', `${chats} images in ${(batch / 1000).toFixed(1)} s`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
