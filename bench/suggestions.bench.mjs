// Issue 4: how well the entity suggester finds persons, organisations and places, measured on
// gold texts written and annotated for Casefile (bench/gold/, conventions in its README.md). Runs
// the suggester itself (shared/domain/suggest, bundled for Node with esbuild) the way the app runs
// it (a text whole, a chat one message at a time) and prints precision and recall per part and per
// split, and its speed:
//   first round  news-*.txt     issue 4's parts, all seen by the rules
//   development  dev-*.txt      the second round's rules were tuned on it
//   held out     heldout-*.txt  written before the second round changed any rule; never tuned on
// CASEFILE_HELD_OUT=1 scores the held-out part too (otherwise it is left alone).
// CASEFILE_SHOW_ERRORS=dev prints what was missed and wrongly suggested in the parts whose names
// start with "dev" (any prefix works; held-out errors are for the final report only).
// Also run on its own: `node bench/suggestions.bench.mjs`.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SPLITS = [
  ['first round', 'news-'],
  ['development', 'dev-'],
  ['held out', 'heldout-'],
];
const FIRST_ROUND = ['news-dev.txt', 'news-test.txt', 'news-fresh.txt', 'news-final.txt'];

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

function add(totals, key, score) {
  const total = (totals[key] ??= { gold: 0, predicted: 0, correct: 0 });
  total.gold += score.gold;
  total.predicted += score.predicted;
  total.correct += score.correct;
}

function withFigures(t) {
  return {
    ...t,
    precision: t.predicted ? t.correct / t.predicted : 1,
    recall: t.gold ? t.correct / t.gold : 1,
  };
}

export default async function suggestionsBench({ report, root = dirname(here) }) {
  const { parseGold, predictGold, evaluate, suggestNames, NameFinder } = await loadSuggester(root);
  const goldDir = join(root, 'bench/gold');
  const names = readdirSync(goldDir).filter((name) => name.endsWith('.txt'));
  const show = process.env.CASEFILE_SHOW_ERRORS;
  let chars = 0;
  let ms = 0;
  let words = 0;
  for (const [split, prefix] of SPLITS) {
    // The held-out part is scored only when asked for (CASEFILE_HELD_OUT=1): at the start and at
    // the end of a round, never while rules are being tuned.
    if (prefix === 'heldout-' && !process.env.CASEFILE_HELD_OUT) {
      report('held out', 'not scored', '', 'set CASEFILE_HELD_OUT=1 to score it');
      continue;
    }
    const files = names
      .filter((name) => name.startsWith(prefix))
      .sort((a, b) => FIRST_ROUND.indexOf(a) - FIRST_ROUND.indexOf(b) || a.localeCompare(b));
    if (files.length === 0) continue;
    const totals = {};
    let splitWords = 0;
    for (const name of files) {
      const gold = parseGold(readFileSync(join(goldDir, name), 'utf8'));
      // As the app does: a text whole; a chat message by message, with one name finder for the
      // whole chat that knows its participants.
      const run = () => {
        const names = new NameFinder();
        return predictGold(gold, (text, unit) => {
          if (unit.sender) names.addParticipant(unit.sender);
          return suggestNames(text, { ner: true, patterns: true, names });
        });
      };
      run(); // warm up
      const started = performance.now();
      const predicted = run();
      ms += performance.now() - started;
      chars += gold.text.length;
      const count = gold.units
        .map((u) => gold.text.slice(u.start, u.end).split(/\s+/).filter(Boolean).length)
        .reduce((a, b) => a + b, 0);
      splitWords += count;
      const result = evaluate(gold, predicted);
      for (const group of ['person', 'organization', 'location']) {
        const score = result.groups[group];
        line(report, `${name}: ${group}`, score);
        add(totals, group, score);
      }
      if (show && name.startsWith(show)) {
        console.log('    missed:', result.missed.map((s) => `${s.text} (${s.type})`).join('; '));
        console.log('    wrong:', result.wrong.map((s) => `${s.text} (${s.type})`).join('; '));
      }
    }
    words += splitWords;
    for (const [group, t] of Object.entries(totals))
      line(
        report,
        `${split} (${files.length} texts, ${splitWords} words): ${group}`,
        withFigures(t),
      );
  }
  report(
    'suggester speed on the gold texts',
    (ms / chars) * 1024,
    'ms per KB',
    `${chars.toLocaleString('en-GB')} characters, ${words.toLocaleString('en-GB')} words`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = (name, value, unit = '', note = '') =>
    console.log(
      `  ${name.padEnd(58)} ${String(typeof value === 'number' ? value.toFixed(1) : value).padStart(20)} ${unit}${note ? `  (${note})` : ''}`,
    );
  await suggestionsBench({ report, root: dirname(here) });
}
