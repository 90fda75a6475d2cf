// Issue 5: the evidence timeline. A case with 100,000 events (written through the repositories'
// bulk path, one activity entry per event), then, in Chromium:
// - first paint of the grouped list, from navigation and from entering the timeline;
// - time from a filter change to the next painted frame;
// - frame times while scrolling the list and while panning the time axis with 10,000 events in
//   view (requestAnimationFrame deltas, and long animation frames from PerformanceObserver).
import { firstPaint, heapMb, openHarness, watchFirstPaint } from './support.mjs';

const EVENTS = 100_000;
const ENTITIES = 200;
const TAGS = ['meeting', 'money', 'contract', 'travel', 'audit', 'tender', 'court', 'leak'];

const LIST_CARD = 'section[aria-label="Timeline"] article';

/** Records animation-frame deltas and long animation frames in the page until stopped. */
async function startFrameRecorder(page) {
  await page.evaluate(() => {
    const state = { deltas: [], loafs: 0, loafMs: 0, running: true };
    window.__frames = state;
    let last = performance.now();
    const tick = (now) => {
      if (!state.running) return;
      state.deltas.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
    try {
      const type = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')
        ? 'long-animation-frame'
        : 'longtask';
      state.type = type;
      state.observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          state.loafs += 1;
          state.loafMs += entry.duration;
        }
      });
      state.observer.observe({ type, buffered: false });
    } catch {
      state.type = 'none';
    }
  });
}

async function stopFrameRecorder(page) {
  return page.evaluate(() => {
    const state = window.__frames;
    state.running = false;
    state.observer?.disconnect();
    const deltas = state.deltas.slice(1);
    const sorted = [...deltas].sort((a, b) => a - b);
    // At 60 Hz a frame comes every 16.7 ms: a frame whose work fits in 16 ms arrives one vsync after
    // the last (give or take 1 ms of timer jitter); a longer one makes the next arrive a vsync late.
    const under = deltas.filter((d) => d <= 17.7).length;
    return {
      frames: deltas.length,
      under16: deltas.length ? (under / deltas.length) * 100 : NaN,
      p95: sorted[Math.floor(sorted.length * 0.95)] ?? NaN,
      worst: sorted[sorted.length - 1] ?? NaN,
      longFrames: state.loafs,
      longFrameMs: state.loafMs,
      type: state.type,
    };
  });
}

function reportFrames(report, label, result) {
  report(
    `${label}: frames on time`,
    result.under16,
    '%',
    `rAF delta ≤ 17.7 ms, no vsync missed; ${result.frames} frames; p95 ${result.p95.toFixed(1)} ms, worst ${result.worst.toFixed(1)} ms`,
  );
  report(
    `  ${result.type} entries`,
    result.longFrames,
    '',
    `${result.longFrameMs.toFixed(0)} ms in total`,
  );
}

/** Changes a filter control the way React sees typing, and times it to the next painted frame. */
async function timeFilter(page, label, selector, value) {
  return page
    .evaluate(
      async ({ selector, value }) => {
        const control = document.querySelector(selector);
        const list = document.querySelector('section[aria-label="Timeline"]');
        const before = list.textContent;
        const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control), 'value').set;
        const started = performance.now();
        setter.call(control, value);
        control.dispatchEvent(
          new Event(control.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }),
        );
        // Wait for the list to change, then for the frame that paints it.
        while (list.textContent === before && performance.now() - started < 10_000) {
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return {
          ms: performance.now() - started,
          shown: document.querySelector('[aria-label="Event count"]')?.textContent,
        };
      },
      { selector, value },
    )
    .then((result) => ({ label, ...result }));
}

export default async function timeline({ context, report }) {
  const harness = await openHarness(context);
  const seeded = await harness.evaluate(
    async ({ EVENTS, ENTITIES, TAGS }) => {
      const { db, parsePartialDate } = window.casefileBench;
      const catalog = new db.CatalogRepository();
      await catalog.setProfile('Bench Reporter');
      const actor = () => 'Bench Reporter';
      const record = await catalog.createCase(
        { name: 'Timeline benchmark' },
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
      const started = performance.now();
      await repos.events.bulkCreate(list, 10_000);
      const ms = performance.now() - started;
      const counts = { events: await repos.events.count(), activity: await repos.activity.count() };
      const chain = await repos.activity.verify();
      repos.close();
      return { caseId: record.id, ms, counts, chainOk: chain.ok };
    },
    { EVENTS, ENTITIES, TAGS },
  );
  await harness.close();
  report(
    'events written (bulk, 10,000 per transaction)',
    seeded.counts.events,
    '',
    `${(seeded.ms / 1000).toFixed(1)} s, ${(seeded.ms / EVENTS).toFixed(3)} ms per event`,
  );
  report(
    'activity log entries (one per event)',
    seeded.counts.activity,
    '',
    seeded.chainOk ? 'chain intact' : 'CHAIN BROKEN',
  );

  // First paint of the list from a cold navigation (app start, case open, first page of events).
  const cold = [];
  let heap = NaN;
  for (let run = 0; run < 3; run += 1) {
    const page = await context.newPage();
    await watchFirstPaint(page, [LIST_CARD]);
    await page.goto(`/#/cases/${seeded.caseId}/timeline`);
    cold.push(await firstPaint(page, LIST_CARD));
    await page.waitForFunction(
      () => !document.body.textContent.includes('Loading all events'),
      null,
      { timeout: 120_000 },
    );
    heap = await heapMb(page);
    await page.close();
  }
  cold.sort((a, b) => a - b);
  report(
    'first paint of the list, from navigation',
    cold[1],
    'ms',
    `median of 3: ${cold.map((r) => r.toFixed(0)).join(', ')} ms (includes starting the app)`,
  );
  report('  JS heap with 100,000 events loaded', heap, 'MB');

  // First paint when the reporter enters the timeline from another section of an open case.
  const page = await context.newPage();
  await page.goto(`/#/cases/${seeded.caseId}/notes`);
  await page.getByRole('region', { name: 'Notes' }).waitFor();
  const warm = [];
  for (let run = 0; run < 3; run += 1) {
    await page.goto(`/#/cases/${seeded.caseId}/notes`);
    await page.getByRole('region', { name: 'Notes' }).waitFor();
    const ms = await page.evaluate(async (selector) => {
      const link = [...document.querySelectorAll('nav[aria-label="Case"] a')].find((a) =>
        a.textContent.startsWith('Timeline'),
      );
      const started = performance.now();
      link.click();
      while (!document.querySelector(selector))
        await new Promise((resolve) => setTimeout(resolve, 0));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - started;
    }, LIST_CARD);
    warm.push(ms);
    await page.waitForFunction(
      () => !document.body.textContent.includes('Loading all events'),
      null,
      { timeout: 120_000 },
    );
  }
  warm.sort((a, b) => a - b);
  report(
    'first paint of the list, entering the timeline',
    warm[1],
    'ms',
    `median of 3: ${warm.map((r) => r.toFixed(0)).join(', ')} ms`,
  );
  const full = await page.evaluate(async (selector) => {
    const link = [...document.querySelectorAll('nav[aria-label="Case"] a')].find((a) =>
      a.textContent.startsWith('Notes'),
    );
    link.click();
    while (document.querySelector(selector)) await new Promise((resolve) => setTimeout(resolve, 0));
    const back = [...document.querySelectorAll('nav[aria-label="Case"] a')].find((a) =>
      a.textContent.startsWith('Timeline'),
    );
    const started = performance.now();
    back.click();
    while (
      !document.querySelector('[aria-label="Event count"]') ||
      document.body.textContent.includes('Loading all events')
    ) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return performance.now() - started;
  }, LIST_CARD);
  report(
    '  all 100,000 events loaded and grouped',
    full,
    'ms',
    'the list is usable from its first paint on',
  );

  // Filter changes, each timed to the frame that paints the new list.
  const filters = [
    ['text "harbour"', 'input[aria-label="Filter text"]', 'harbour'],
    [
      'text "harbour meeting entity 7"',
      'input[aria-label="Filter text"]',
      'harbour meeting entity 7',
    ],
    ['text cleared', 'input[aria-label="Filter text"]', ''],
    ['tag', 'select[aria-label="Tag"]', 'money'],
    ['status', 'select[aria-label="Status"]', 'confirmed'],
    ['status cleared', 'select[aria-label="Status"]', ''],
    ['tag cleared', 'select[aria-label="Tag"]', ''],
    ['date from 2015', 'input[aria-label="From"]', '2015'],
  ];
  for (const [label, selector, value] of filters) {
    const result = await timeFilter(page, label, selector, value);
    report(`filter change: ${label}`, result.ms, 'ms', result.shown ?? '');
  }
  // The entity filter: pick the first entity in the list.
  const entityValue = await page.evaluate(
    () => document.querySelector('select[aria-label="Entity"] option:nth-child(2)').value,
  );
  const entity = await timeFilter(page, 'entity', 'select[aria-label="Entity"]', entityValue);
  report('filter change: entity', entity.ms, 'ms', entity.shown ?? '');
  const cleared = await timeFilter(page, 'entity cleared', 'select[aria-label="Entity"]', '');
  report('filter change: entity cleared', cleared.ms, 'ms', cleared.shown ?? '');

  // Scroll the list (10,000 events from 2015 on, grouped) for three seconds.
  await startFrameRecorder(page);
  await page.evaluate(async () => {
    const scroller = document.querySelector('section[aria-label="Timeline"] .timeline__scroll');
    const started = performance.now();
    await new Promise((resolve) => {
      const step = () => {
        scroller.scrollTop += 60;
        if (performance.now() - started < 3_000) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
  });
  reportFrames(report, 'list scroll (3 s, 60 px a frame)', await stopFrameRecorder(page));

  // The time axis with 10,000 events in view (2015 to 2024), shown whole, then panned by drag.
  await page
    .getByRole('region', { name: 'Time axis' })
    .getByRole('button', { name: 'Show all' })
    .click();
  await page.waitForTimeout(300);
  const shown = await page.locator('[aria-label="Event count"]').textContent();
  const viewport = page.locator('.time-axis__viewport');
  const box = await viewport.boundingBox();
  const pan = async (label) => {
    await startFrameRecorder(page);
    const y = box.y + box.height - 20;
    await page.mouse.move(box.x + box.width - 50, y);
    await page.mouse.down();
    for (let i = 0; i < 120; i += 1) {
      const x = box.x + box.width - 50 - ((i % 60) * (box.width - 100)) / 60;
      await page.mouse.move(x, y);
      if (i % 60 === 59) {
        await page.mouse.up();
        await page.mouse.move(box.x + box.width - 50, y);
        await page.mouse.down();
      }
    }
    await page.mouse.up();
    reportFrames(report, label, await stopFrameRecorder(page));
  };
  await pan(`axis pan, ${shown} in view (density bins)`);
  for (const lanes of ['entity', 'tag']) {
    await page.getByRole('region', { name: 'Time axis' }).getByLabel('Lanes').selectOption(lanes);
    await page.waitForTimeout(200);
    await pan(`axis pan, lanes by ${lanes}`);
  }
  await page.getByRole('region', { name: 'Time axis' }).getByLabel('Lanes').selectOption('none');
  // Zoomed in to about two months: every event drawn as its own mark.
  for (let i = 0; i < 6; i += 1)
    await page
      .getByRole('region', { name: 'Time axis' })
      .getByRole('button', { name: 'Zoom in' })
      .click();
  await page.waitForTimeout(200);
  const marks = await page.locator('.axis-item').count();
  await pan(`axis pan, zoomed in (${marks} marks drawn)`);
  await page.close();
}
