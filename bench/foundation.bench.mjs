// Issue: foundation. A case with 10,000 sources, 10,000 events and 50,000 mentions, written
// through the repositories in Chromium; then the time to first paint of the timeline, the entities
// panel and the sources list (the end of the frame that first shows a row), the main thread's CPU
// time up to it, and the JS heap. With CASEFILE_BENCH_BASELINE (see run.mjs) the baseline build is
// measured in the same run, the two taking turns; with CASEFILE_BENCH_PROFILE the case is kept.
import {
  findCase,
  firstPaint,
  heapMb,
  listed,
  median,
  openHarness,
  watchFirstPaint,
  withCpuTrace,
} from './support.mjs';

const SOURCES = Number(process.env.BENCH_SCALE ?? 1) * 10_000;
const EVENTS = Number(process.env.BENCH_SCALE ?? 1) * 10_000;
const MENTIONS = Number(process.env.BENCH_SCALE ?? 1) * 50_000;
const ENTITIES = Math.max(10, Number(process.env.BENCH_SCALE ?? 1) * 1_000);
const NAME = `Benchmark case (${SOURCES} sources)`;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

export default async function foundation({ context, report, baselinePrefix, kept }) {
  const harness = await openHarness(context);
  const found = kept
    ? await findCase(harness, NAME, { sources: SOURCES, events: EVENTS, mentions: MENTIONS })
    : undefined;
  const seeded = found
    ? { caseId: found }
    : await harness.evaluate(
        async ({ SOURCES, EVENTS, MENTIONS, ENTITIES, NAME }) => {
          const { db, createTextAnchor, parsePartialDate, sha256Hex } = window.casefileBench;
          const catalog = new db.CatalogRepository();
          await catalog.setProfile('Bench Reporter');
          const actor = () => 'Bench Reporter';
          const record = await catalog.createCase(
            { name: NAME },
            'Bench Reporter',
            (id) => new db.CaseStore(new db.CaseDb(id), actor),
          );
          const repos = db.openCase(record.id, actor);
          const words = [
            'ministry',
            'harbour',
            'payment',
            'contract',
            'director',
            'invoice',
            'transfer',
            'meeting',
            'approved',
            'consulting',
          ];
          const textOf = (i) =>
            `Document ${i}. The ${words[i % 10]} of Entity${i % ENTITIES} with Entity${(i * 7) % ENTITIES} was ${words[(i + 3) % 10]} on day ${i}.`;

          const times = {};
          let t = performance.now();
          const sources = [];
          for (let i = 0; i < SOURCES; i += 1) {
            const text = textOf(i);
            const outcome = await repos.sources.add({
              kind: 'text',
              title: `Source ${i}`,
              fileName: `source-${i}.txt`,
              mediaType: 'text/plain',
              sha256: sha256Hex(text),
              origin: 'file',
              bytes: new Blob([text]),
              text,
              encoding: { name: 'utf-8', assumed: false },
            });
            sources.push({ id: outcome.source.id, text });
          }
          times.sources = performance.now() - t;

          t = performance.now();
          const entities = [];
          for (let i = 0; i < ENTITIES; i += 1) {
            entities.push(
              await repos.entities.create({
                name: `Entity${i}`,
                type: ['person', 'company', 'public-body', 'location'][i % 4],
              }),
            );
          }
          times.entities = performance.now() - t;

          t = performance.now();
          // Written 1,000 to a transaction (the bulk path an accepted batch of suggestions takes).
          let batch = [];
          for (let i = 0; i < MENTIONS; i += 1) {
            const source = sources[i % SOURCES];
            const name = `Entity${(i % SOURCES) % ENTITIES}`;
            const start = source.text.indexOf(name);
            // Five mentions per source: the same passage is tagged with five entities.
            const entity = entities[(i + Math.floor(i / SOURCES)) % ENTITIES];
            batch.push({
              entityId: entity.id,
              sourceId: source.id,
              anchor: createTextAnchor(source.text, start, start + name.length),
            });
            if (batch.length === 1_000 || i === MENTIONS - 1) {
              await repos.mentions.createMany(batch);
              batch = [];
            }
          }
          times.mentions = performance.now() - t;

          t = performance.now();
          let items = [];
          for (let i = 0; i < EVENTS; i += 1) {
            const source = sources[i];
            const parsed = parsePartialDate(
              `${2000 + (i % 20)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
            );
            items.push({
              fields: {
                title: `Event ${i}: ${words[i % 10]} ${words[(i + 1) % 10]}`,
                date: parsed.date,
                entityIds: [entities[i % ENTITIES].id],
              },
              citations: [{ sourceId: source.id, anchor: createTextAnchor(source.text, 0, 12) }],
            });
            if (items.length === 1_000 || i === EVENTS - 1) {
              await repos.events.createMany(items);
              items = [];
            }
          }
          times.events = performance.now() - t;
          const counts = {
            sources: await repos.store.db.sources.count(),
            mentions: await repos.store.db.mentions.count(),
            events: await repos.store.db.events.count(),
            activity: await repos.store.db.activity.count(),
          };
          repos.close();
          return { caseId: record.id, times, counts };
        },
        { SOURCES, EVENTS, MENTIONS, ENTITIES, NAME },
      );
  await harness.close();
  if (found) report('sources, events and mentions (the case kept from an earlier run)', SOURCES);
  else reportSeeding(report, seeded);
  await measure({ context, report, baselinePrefix, caseId: seeded.caseId });
}

function reportSeeding(report, seeded) {
  report('sources written (one transaction each)', seeded.counts.sources);
  report(
    '  time',
    seeded.times.sources / 1000,
    's',
    `${(seeded.times.sources / SOURCES).toFixed(2)} ms per source`,
  );
  report('entities written', ENTITIES, '', `${(seeded.times.entities / 1000).toFixed(1)} s`);
  report('mentions written (1,000 per transaction)', seeded.counts.mentions);
  report(
    '  time',
    seeded.times.mentions / 1000,
    's',
    `${(seeded.times.mentions / MENTIONS).toFixed(2)} ms per mention`,
  );
  report('events with a citation written (1,000 per transaction)', seeded.counts.events);
  report(
    '  time',
    seeded.times.events / 1000,
    's',
    `${(seeded.times.events / EVENTS).toFixed(2)} ms per event`,
  );
  report('activity log entries', seeded.counts.activity);
}

async function measure({ context, report, baselinePrefix, caseId }) {
  const builds = [['this build', '/']];
  if (baselinePrefix) builds.push(['baseline', baselinePrefix]);
  // Warm up each build once (its code in the HTTP cache, IndexedDB open in the browser).
  for (const [, prefix] of builds) {
    const page = await context.newPage();
    await page.goto(`${prefix}#/cases/${caseId}/activity`);
    await page.waitForTimeout(3_000);
    await page.close();
  }
  const ratios = [];
  for (const [label, path, selector] of [
    ['timeline', 'timeline', 'section[aria-label="Timeline"] article'],
    ['entities panel', 'entities', 'section[aria-label="Entities"] .entity-row'],
    ['sources list', 'sources', 'section[aria-label="Sources"] .source-row'],
  ]) {
    const figures = Object.fromEntries(builds.map(([name]) => [name, { paint: [], cpu: [] }]));
    let heap = {};
    for (let run = 0; run < RUNS; run += 1) {
      for (const [name, prefix] of run % 2 ? [...builds].reverse() : builds) {
        const page = await context.newPage();
        await watchFirstPaint(page, [selector]);
        const traced = await withCpuTrace(page, async () => {
          await page.goto(`${prefix}#/cases/${caseId}/${path}`);
          return firstPaint(page, selector);
        });
        figures[name].paint.push(traced.result);
        figures[name].cpu.push(traced.cpu(traced.result).mainCpu);
        if (run === RUNS - 1) heap[name] = await heapMb(page);
        await page.close();
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
    for (const [name] of builds) {
      const f = figures[name];
      report(
        `[${name}] first paint of the ${label}`,
        median(f.paint),
        'ms',
        `median of ${RUNS}: ${listed(f.paint)} from navigation`,
      );
      report(`  main-thread CPU until then`, median(f.cpu), 'ms', listed(f.cpu));
      report(`  JS heap with the ${label} open`, heap[name], 'MB');
    }
    if (baselinePrefix) {
      ratios.push([
        label,
        median(figures.baseline.paint) / median(figures['this build'].paint),
        median(figures.baseline.cpu) / median(figures['this build'].cpu),
      ]);
    }
  }
  for (const [label, paint, cpu] of ratios)
    report(
      `baseline ÷ this build: ${label}`,
      paint.toFixed(1),
      '×',
      `main-thread CPU ${cpu.toFixed(1)}×`,
    );
}
