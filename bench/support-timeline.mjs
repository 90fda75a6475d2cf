// Fills the timeline benchmark's case in the benchmark harness page: entities, then events in
// every form a source states dates, written through the repositories' bulk path (one activity
// entry per event). Shared by bench/timeline.bench.mjs and the profiling script.

export const TIMELINE_TAGS = [
  'meeting',
  'money',
  'contract',
  'travel',
  'audit',
  'tender',
  'court',
  'leak',
];

/** The name the timeline benchmark gives its case (to find it again in a kept profile). */
export const TIMELINE_CASE = 'Timeline benchmark';

/**
 * Seeds a case with `events` events and `entities` entities; every `citedEvery`-th event cites a
 * quote in one of `sources` text sources. Returns its id and figures.
 */
export async function seedTimelineCase(
  harness,
  {
    events: EVENTS = 100_000,
    entities: ENTITIES = 200,
    sources: SOURCES = 100,
    citedEvery: CITED = 10,
  } = {},
) {
  const TAGS = TIMELINE_TAGS;
  return harness.evaluate(
    async ({ EVENTS, ENTITIES, TAGS, SOURCES, CITED, NAME }) => {
      const { db, parsePartialDate, createTextAnchor, sha256Hex } = window.casefileBench;
      const catalog = new db.CatalogRepository();
      await catalog.setProfile('Bench Reporter');
      const actor = () => 'Bench Reporter';
      const record = await catalog.createCase(
        { name: NAME },
        'Bench Reporter',
        (id) => new db.CaseStore(new db.CaseDb(id), actor),
      );
      const repos = db.openCase(record.id, actor);
      const entities = [];
      for (let i = 0; i < ENTITIES; i += 1) {
        entities.push(
          await repos.entities.create({
            name: `Entity ${i}`,
            type: ['person', 'company', 'public-body', 'location'][i % 4],
          }),
        );
      }
      const words = [
        'harbour',
        'ministry',
        'payment',
        'contract',
        'director',
        'invoice',
        'transfer',
        'meeting',
        'tender',
        'audit',
      ];
      const months = [
        'January',
        'February',
        'March',
        'April',
        'May',
        'June',
        'July',
        'August',
        'September',
        'October',
        'November',
        'December',
      ];
      let seed = 42;
      const random = () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        return seed / 2_147_483_648;
      };
      const list = [];
      for (let i = 0; i < EVENTS; i += 1) {
        // 1,000 events a year from 1925 to 2024, in every form a source states dates.
        const year = 1925 + Math.floor(i / 1_000);
        const month = 1 + Math.floor(random() * 12);
        const day = 1 + Math.floor(random() * 28);
        const kind = i % 20;
        const text =
          kind === 0
            ? `${year}`
            : kind === 1
              ? `c. ${months[month - 1]} ${year}`
              : kind === 2
                ? `between ${months[Math.min(month, 10) - 1]} and ${months[Math.min(month, 10) + 1]} ${year}`
                : kind === 3
                  ? `before ${day} ${months[month - 1]} ${year}`
                  : kind === 4
                    ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:30 UTC`
                    : kind < 10
                      ? `${months[month - 1]} ${year}`
                      : `${day} ${months[month - 1]} ${year}`;
        const parsed = parsePartialDate(text);
        if (!parsed.ok) throw new Error(`${text}: ${parsed.error}`);
        list.push({
          title: `Event ${i}: ${words[i % 10]} ${words[(i * 7) % 10]} with Entity ${i % ENTITIES}`,
          date: parsed.date,
          entityIds: [entities[i % ENTITIES].id, entities[(i * 13) % ENTITIES].id],
          tags: [TAGS[i % TAGS.length], ...(i % 3 === 0 ? [TAGS[(i + 3) % TAGS.length]] : [])],
          verification: ['unverified', 'single-source', 'corroborated', 'confirmed', 'disputed'][
            i % 5
          ],
          ...(i % 10 === 0
            ? {
                description: {
                  type: 'doc',
                  content: [
                    {
                      type: 'paragraph',
                      content: [{ type: 'text', text: `Notes on ${words[i % 10]} number ${i}.` }],
                    },
                  ],
                },
              }
            : {}),
        });
      }
      // Text sources for some events to cite (a quote each), as a reporter's timeline has.
      const sources = [];
      for (let i = 0; i < SOURCES; i += 1) {
        const text = `Memo ${i}. On the ${words[i % 10]} file the ${words[(i + 3) % 10]} of Entity ${i % ENTITIES} was discussed with the ${words[(i + 5) % 10]} office; the minutes were kept.`;
        const outcome = await repos.sources.add({
          kind: 'text',
          title: `Memo ${i}`,
          fileName: `memo-${i}.txt`,
          mediaType: 'text/plain',
          sha256: sha256Hex(text),
          origin: 'file',
          bytes: new Blob([text]),
          text,
          encoding: { name: 'utf-8', assumed: false },
        });
        sources.push({ id: outcome.source.id, text });
      }
      const started = performance.now();
      const plain = list.filter((_, i) => CITED <= 0 || i % CITED !== 0);
      await repos.events.bulkCreate(plain, 10_000);
      const cited = CITED > 0 ? list.filter((_, i) => i % CITED === 0) : [];
      for (let from = 0; from < cited.length; from += 2_000) {
        await repos.events.createMany(
          cited.slice(from, from + 2_000).map((fields, k) => {
            const source = sources[(from + k) % sources.length];
            const start = source.text.indexOf('the minutes');
            return {
              fields,
              citations: [
                { sourceId: source.id, anchor: createTextAnchor(source.text, start, start + 23) },
              ],
            };
          }),
        );
      }
      const ms = performance.now() - started;
      const counts = {
        events: await repos.events.count(),
        citations: await repos.store.db.citations.count(),
        activity: await repos.activity.count(),
      };
      const chain = await repos.activity.verify();
      repos.close();
      return { caseId: record.id, ms, counts, chainOk: chain.ok };
    },
    { EVENTS, ENTITIES, TAGS, SOURCES, CITED, NAME: TIMELINE_CASE },
  );
}
