// Issue 4: how well the entity suggester finds persons, organisations and places, measured on
// gold texts written and annotated for Casefile in the style of English news reporting
// (bench/gold/*.txt). Runs the suggester itself (shared/domain/suggest, bundled for Node with
// esbuild) and prints precision and recall per part and overall, and its speed.
//   news-dev.txt    the rules were tuned on it
//   news-test.txt   held out, then its errors led to general fixes (so it is no longer unseen)
//   news-fresh.txt  written after those fixes; one more round of general fixes followed it
//   news-final.txt  written last; its figures before the last fixes are in docs/architecture.md
// Also run on its own: `node bench/suggestions.bench.mjs`.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const PARTS = ['news-dev.txt', 'news-test.txt', 'news-fresh.txt', 'news-final.txt'];

async function loadSuggester(root) {
  const dir = mkdtempSync(join(tmpdir(), 'casefile-suggest-'));
  const outfile = join(dir, 'suggest.mjs');
  await build({
    entryPoints: [join(root, 'shared/domain/suggest/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  const module = await import(pathToFileURL(outfile).href);
  rmSync(dir, { recursive: true, force: true });
  return module;
}

function line(report, label, score) {
  report(
    label,
    `P ${(score.precision * 100).toFixed(1)}%  R ${(score.recall * 100).toFixed(1)}%`,
    '',
    `${score.correct} right of ${score.predicted} suggested, ${score.gold} in the gold text`,
  );
}

export default async function suggestionsBench({ report, root = dirname(here) }) {
  const { parseGold, evaluate, findNamedEntities } = await loadSuggester(root);
  const goldDir = join(root, 'bench/gold');
  const files = PARTS.filter((name) => readdirSync(goldDir).includes(name));
  const totals = {};
  let chars = 0;
  let ms = 0;
  for (const name of files) {
    const gold = parseGold(readFileSync(join(goldDir, name), 'utf8'));
    findNamedEntities(gold.text); // warm up
    const started = performance.now();
    const predicted = findNamedEntities(gold.text);
    ms += performance.now() - started;
    chars += gold.text.length;
    const result = evaluate(gold, predicted);
    for (const group of ['person', 'organization', 'location']) {
      const score = result.groups[group];
      line(report, `${name}: ${group}`, score);
      const total = (totals[group] ??= { gold: 0, predicted: 0, correct: 0 });
      total.gold += score.gold;
      total.predicted += score.predicted;
      total.correct += score.correct;
    }
    if (process.env.CASEFILE_SHOW_ERRORS) {
      console.log('    missed:', result.missed.map((s) => `${s.text} (${s.type})`).join('; '));
      console.log('    wrong:', result.wrong.map((s) => `${s.text} (${s.type})`).join('; '));
    }
  }
  for (const [group, t] of Object.entries(totals)) {
    line(report, `all parts: ${group}`, {
      ...t,
      precision: t.predicted ? t.correct / t.predicted : 1,
      recall: t.gold ? t.correct / t.gold : 1,
    });
  }
  report(
    'NER speed',
    (ms / chars) * 1024,
    'ms per KB',
    `${chars.toLocaleString('en-GB')} characters`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = (name, value, unit = '', note = '') =>
    console.log(
      `  ${name.padEnd(40)} ${String(typeof value === 'number' ? value.toFixed(1) : value).padStart(20)} ${unit}${note ? `  (${note})` : ''}`,
    );
  await suggestionsBench({ report, root: dirname(here) });
}
