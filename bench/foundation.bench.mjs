// Issue: foundation. A case with 10,000 sources, 10,000 events and 50,000 mentions, written
// through the repositories in Chromium; then the time to first paint of the timeline and of the
// entities panel, and the JS heap.
import { firstPaint, heapMb, openHarness, watchFirstPaint } from './support.mjs';

const SOURCES = Number(process.env.BENCH_SCALE ?? 1) * 10_000;
const EVENTS = Number(process.env.BENCH_SCALE ?? 1) * 10_000;
const MENTIONS = Number(process.env.BENCH_SCALE ?? 1) * 50_000;
const ENTITIES = Math.max(10, Number(process.env.BENCH_SCALE ?? 1) * 1_000);

export default async function foundation({ context, report }) {
  const harness = await openHarness(context);
  const seeded = await harness.evaluate(
    async ({ SOURCES, EVENTS, MENTIONS, ENTITIES }) => {
      const { db, createTextAnchor, parsePartialDate, sha256Hex } = window.casefileBench;
      const catalog = new db.CatalogRepository();
      await catalog.setProfile('Bench Reporter');
      const actor = () => 'Bench Reporter';
      const record = await catalog.createCase(
        { name: 'Benchmark case' },
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
      for (let i = 0; i < MENTIONS; i += 1) {
        const source = sources[i % SOURCES];
        const name = `Entity${(i % SOURCES) % ENTITIES}`;
        const start = source.text.indexOf(name);
        // Five mentions per source: the same passage is tagged with five entities.
        const entity = entities[(i + Math.floor(i / SOURCES)) % ENTITIES];
        await repos.mentions.create({
          entityId: entity.id,
          sourceId: source.id,
          anchor: createTextAnchor(source.text, start, start + name.length),
        });
      }
      times.mentions = performance.now() - t;

      t = performance.now();
      for (let i = 0; i < EVENTS; i += 1) {
        const source = sources[i];
        const parsed = parsePartialDate(
          `${2000 + (i % 20)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        );
        await repos.events.create(
          {
            title: `Event ${i}: ${words[i % 10]} ${words[(i + 1) % 10]}`,
            date: parsed.date,
            entityIds: [entities[i % ENTITIES].id],
          },
          [{ sourceId: source.id, anchor: createTextAnchor(source.text, 0, 12) }],
        );
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
    { SOURCES, EVENTS, MENTIONS, ENTITIES },
  );
  await harness.close();
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

  for (const [label, path, selector] of [
    ['timeline', 'timeline', 'section[aria-label="Timeline"] article'],
    ['entities panel', 'entities', 'section[aria-label="Entities"] .entity-row'],
    ['sources list', 'sources', 'section[aria-label="Sources"] .source-row'],
  ]) {
    const runs = [];
    let heap = NaN;
    for (let run = 0; run < 3; run += 1) {
      const page = await context.newPage();
      await watchFirstPaint(page, [selector]);
      await page.goto(`/#/cases/${seeded.caseId}/${path}`);
      runs.push(await firstPaint(page, selector));
      heap = await heapMb(page);
      await page.close();
    }
    runs.sort((a, b) => a - b);
    report(
      `first paint of the ${label}`,
      runs[1],
      'ms',
      `median of 3; ${runs.map((r) => r.toFixed(0)).join(', ')} ms from navigation`,
    );
    report(`  JS heap with the ${label} open`, heap, 'MB');
  }
}
