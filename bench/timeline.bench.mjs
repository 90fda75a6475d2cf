// Issue 5: the evidence timeline. A case with 100,000 events (every tenth citing a quote in one of
// 100 sources), written through the repositories' bulk paths, then, in Chromium:
// - first paint of the grouped list, from navigation and from entering the timeline (the end of
//   the frame that first shows a card), with the main thread's CPU time up to it;
// - time from a filter change to the end of the frame that paints the new list;
// - frame times while scrolling the list at a steady speed, and while panning the time axis with
//   10,000 events in view (requestAnimationFrame deltas, and long animation frames).
// With CASEFILE_BENCH_BASELINE (see run.mjs), the same figures for the baseline build, measured
// in the same run, interleaved, and the ratios. With CASEFILE_BENCH_PROFILE, the case is kept and
// reused by the next run.
import {
  findCase,
  firstPaint,
  heapMb,
  listed,
  median,
  openHarness,
  quantile,
  watchFirstPaint,
  withCpuTrace,
} from './support.mjs';
import { TIMELINE_CASE, seedTimelineCase } from './support-timeline.mjs';

const EVENTS = 100_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LIST_CARD = 'section[aria-label="Timeline"] article';
const LOADING = 'Loading all events';
/** Which parts to run (BENCH_PARTS=navigation,tab,filters,scroll,axis); all by default. */
const PARTS = new Set(
  (process.env.BENCH_PARTS ?? 'navigation,tab,filters,scroll,axis').split(',').filter(Boolean),
);

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
      p50: sorted[Math.floor(sorted.length * 0.5)] ?? NaN,
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
    `rAF delta ≤ 17.7 ms; ${result.frames} frames; median ${result.p50.toFixed(1)}, p95 ${result.p95.toFixed(1)}, worst ${result.worst.toFixed(1)} ms`,
  );
  report(
    `  ${result.type} entries`,
    result.longFrames,
    '',
    `${result.longFrameMs.toFixed(0)} ms in total`,
  );
}

/** Changes a filter control the way React sees typing, and times it to the painted frame. */
async function timeFilter(page, selector, value) {
  return page.evaluate(
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
      // Wait for the list to change, then for the end of the frame that paints it.
      while (list.textContent === before && performance.now() - started < 20_000) {
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await new Promise((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = resolve;
          channel.port2.postMessage(0);
        }),
      );
      return {
        ms: performance.now() - started,
        shown: document.querySelector('[aria-label="Event count"]')?.textContent,
      };
    },
    { selector, value },
  );
}

async function waitComplete(page) {
  await page.waitForFunction((text) => !document.body.textContent.includes(text), LOADING, {
    timeout: 180_000,
    polling: 100,
  });
}

const FILTERS = [
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
  ['entity', 'select[aria-label="Entity"]', 'FIRST'],
  ['entity cleared', 'select[aria-label="Entity"]', ''],
  ['date from 2015', 'input[aria-label="From"]', '2015'],
  ['date cleared', 'input[aria-label="From"]', ''],
];

export default async function timeline({ context, report, baselinePrefix, kept }) {
  const harness = await openHarness(context);
  let caseId = kept ? await findCase(harness, TIMELINE_CASE, { events: EVENTS }) : undefined;
  if (caseId) {
    report('events (the case kept from an earlier run)', EVENTS);
  } else {
    const seeded = await seedTimelineCase(harness, { events: EVENTS });
    caseId = seeded.caseId;
    report(
      'events written (bulk paths)',
      seeded.counts.events,
      '',
      `${(seeded.ms / 1000).toFixed(1)} s, ${(seeded.ms / EVENTS).toFixed(3)} ms per event; ${seeded.counts.citations.toLocaleString('en-GB')} citations`,
    );
    report(
      'activity log entries',
      seeded.counts.activity,
      '',
      seeded.chainOk ? 'chain intact' : 'CHAIN BROKEN',
    );
  }
  await harness.close();

  const builds = [['this build', '/']];
  if (baselinePrefix) builds.push(['baseline', baselinePrefix]);
  const figures = Object.fromEntries(builds.map(([name]) => [name, {}]));
  const add = (build, key, value) => (figures[build][key] ??= []).push(value);

  // Warm up each build once (its code in the HTTP cache, IndexedDB open in the browser).
  for (const [, prefix] of builds) {
    const page = await context.newPage();
    await page.goto(`${prefix}#/cases/${caseId}/notes`);
    await page.getByRole('region', { name: 'Notes' }).waitFor({ timeout: 120_000 });
    await page.waitForTimeout(2_000);
    await page.close();
  }

  // First paint of the list from a cold navigation (app start, case open, first page of events),
  // the builds taking turns; then the time until every event is in.
  for (let run = 0; PARTS.has('navigation') && run < RUNS; run += 1) {
    const order = run % 2 ? [...builds].reverse() : builds;
    for (const [name, prefix] of order) {
      const page = await context.newPage();
      await watchFirstPaint(page, [LIST_CARD]);
      const traced = await withCpuTrace(page, async () => {
        await page.goto(`${prefix}#/cases/${caseId}/timeline`);
        return firstPaint(page, LIST_CARD);
      });
      const paint = traced.result;
      const cpu = traced.cpu(paint);
      add(name, 'navPaint', paint);
      add(name, 'navCpu', cpu.mainCpu);
      add(name, 'navIdb', cpu.idbCpu);
      add(name, 'navWorkers', cpu.workerCpu);
      await waitComplete(page);
      add(name, 'navComplete', await page.evaluate(() => performance.now()));
      // Let the page's start-up work end before it is closed (a save of the search index, say).
      await page.waitForTimeout(3_000);
      if (run === RUNS - 1) add(name, 'heap', await heapMb(page));
      await page.close();
      // Let the browser settle (the previous page's database work ends, its connections close).
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
  }
  for (const [name] of PARTS.has('navigation') ? builds : []) {
    const f = figures[name];
    report(
      `[${name}] first paint of the list, from navigation`,
      median(f.navPaint),
      'ms',
      `median of ${RUNS}: ${listed(f.navPaint)}`,
    );
    report(
      `  main-thread CPU until then`,
      median(f.navCpu),
      'ms',
      `${listed(f.navCpu)}; IndexedDB ${median(f.navIdb).toFixed(0)} ms, workers ${median(f.navWorkers).toFixed(0)} ms`,
    );
    report(
      `  every event loaded (from navigation)`,
      median(f.navComplete),
      'ms',
      `median; ${listed(f.navComplete)}`,
    );
    report(`  JS heap with 100,000 events loaded`, f.heap[0], 'MB');
  }

  // First paint when the reporter enters the timeline from another section of an open case: first
  // from the case's notes in a freshly opened app (after its start-up work has settled), then
  // again after going back to the notes (a second visit).
  const enter = (page) =>
    page.evaluate(
      async ({ selector, loading }) => {
        const link = [...document.querySelectorAll('nav[aria-label="Case"] a')].find((a) =>
          a.textContent.startsWith('Timeline'),
        );
        const started = performance.now();
        link.click();
        while (!document.querySelector(selector))
          await new Promise((resolve) => setTimeout(resolve, 0));
        await new Promise((resolve) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = resolve;
            channel.port2.postMessage(0);
          }),
        );
        const ms = performance.now() - started;
        while (document.body.textContent.includes(loading))
          await new Promise((resolve) => setTimeout(resolve, 20));
        return { ms, complete: performance.now() - started };
      },
      { selector: LIST_CARD, loading: LOADING },
    );
  const toNotes = async (page) => {
    await page
      .getByRole('navigation', { name: 'Case' })
      .getByRole('link', { name: /^Notes/ })
      .click();
    await page.getByRole('region', { name: 'Notes' }).waitFor();
  };
  for (let run = 0; PARTS.has('tab') && run < RUNS; run += 1) {
    for (const [name, prefix] of run % 2 ? [...builds].reverse() : builds) {
      const page = await context.newPage();
      await page.goto(`${prefix}#/cases/${caseId}/notes`);
      await page.getByRole('region', { name: 'Notes' }).waitFor();
      await page.waitForTimeout(8_000);
      const first = await enter(page);
      add(name, 'tabPaint', first.ms);
      add(name, 'tabComplete', first.complete);
      await toNotes(page);
      await page.waitForTimeout(1_500);
      const again = await enter(page);
      add(name, 'tabAgainPaint', again.ms);
      add(name, 'tabAgainComplete', again.complete);
      await page.close();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
  for (const [name] of PARTS.has('tab') ? builds : []) {
    const f = figures[name];
    report(
      `[${name}] first paint of the list, entering the timeline`,
      median(f.tabPaint),
      'ms',
      `median of ${RUNS}: ${listed(f.tabPaint)}`,
    );
    report(
      `  every event loaded (from the click)`,
      median(f.tabComplete),
      'ms',
      `median; ${listed(f.tabComplete)}`,
    );
    report(
      `  entering it again (from the notes)`,
      median(f.tabAgainPaint),
      'ms',
      `median; ${listed(f.tabAgainPaint)}; every event loaded ${median(f.tabAgainComplete).toFixed(0)} ms`,
    );
  }

  // Filter changes, each timed to the frame that paints the new list, three rounds per build.
  const pages = {};
  for (const [name, prefix] of builds) {
    const page = await context.newPage();
    await page.goto(`${prefix}#/cases/${caseId}/timeline`);
    await page.locator(LIST_CARD).first().waitFor({ timeout: 120_000 });
    await waitComplete(page);
    await page.waitForTimeout(2_000);
    pages[name] = page;
  }
  const shownBy = {};
  // Only the page in front gets animation frames at full rate: each is brought to the front first.
  for (let round = 0; PARTS.has('filters') && round < 3; round += 1) {
    for (const [name] of round % 2 ? [...builds].reverse() : builds) {
      const page = pages[name];
      await page.bringToFront();
      await page.waitForTimeout(500);
      for (const [label, selector, value] of FILTERS) {
        const wanted =
          value === 'FIRST'
            ? await page.evaluate(
                () =>
                  document.querySelector('select[aria-label="Entity"] option:nth-child(2)').value,
              )
            : value;
        const result = await timeFilter(page, selector, wanted);
        add(name, `filter ${label}`, result.ms);
        add(name, 'filters', result.ms);
        shownBy[label] = result.shown;
      }
    }
  }
  for (const [name] of PARTS.has('filters') ? builds : []) {
    const f = figures[name];
    report(
      `[${name}] filter change, all kinds`,
      median(f.filters),
      'ms',
      `median of ${f.filters.length}; p90 ${quantile(f.filters, 0.9).toFixed(0)}, worst ${Math.max(...f.filters).toFixed(0)} ms`,
    );
    for (const [label] of FILTERS) {
      const values = f[`filter ${label}`];
      report(
        `  ${label}`,
        median(values),
        'ms',
        `${listed(values)}${shownBy[label] ? `; ${shownBy[label]}` : ''}`,
      );
    }
  }

  // Scroll the whole list (100,000 events, grouped) at a steady 2,400 px a second for 4 s.
  for (const [name] of PARTS.has('scroll') ? builds : []) {
    const page = pages[name];
    await page.bringToFront();
    await page.evaluate(() => {
      document.querySelector('section[aria-label="Timeline"] .timeline__scroll').scrollTop = 0;
    });
    await page.waitForTimeout(1_000);
    await startFrameRecorder(page);
    await page.evaluate(async () => {
      const scroller = document.querySelector('section[aria-label="Timeline"] .timeline__scroll');
      const from = scroller.scrollTop;
      const started = performance.now();
      await new Promise((resolve) => {
        const step = (now) => {
          const elapsed = now - started;
          scroller.scrollTop = from + elapsed * 2.4;
          if (elapsed < 4_000) requestAnimationFrame(step);
          else resolve();
        };
        requestAnimationFrame(step);
      });
    });
    reportFrames(
      report,
      `[${name}] list scroll (4 s at 2,400 px/s)`,
      await stopFrameRecorder(page),
    );
  }

  // The time axis with 10,000 events in view (2015 to 2024), shown whole, then panned by drag.
  for (const [name] of PARTS.has('axis') ? builds : []) {
    const page = pages[name];
    await page.bringToFront();
    await timeFilter(page, 'input[aria-label="From"]', '2015');
    const axis = page.getByRole('region', { name: 'Time axis' });
    await axis.getByRole('button', { name: 'Show all' }).click();
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
    await pan(`[${name}] axis pan, ${shown} in view (density bins)`);
    for (const lanes of ['entity', 'tag']) {
      await axis.getByLabel('Lanes').selectOption(lanes);
      await page.waitForTimeout(200);
      await pan(`[${name}] axis pan, lanes by ${lanes}`);
    }
    await axis.getByLabel('Lanes').selectOption('none');
    // Zoomed in to about two months: every event drawn as its own mark.
    for (let i = 0; i < 8; i += 1) await axis.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForTimeout(200);
    const marks = await page.locator('.axis-item').count();
    await pan(`[${name}] axis pan, zoomed in (${marks} marks drawn)`);
  }

  for (const [name] of builds) await pages[name].close();

  if (baselinePrefix) {
    const ratio = (key) =>
      figures.baseline[key] === undefined
        ? 'not measured'
        : (median(figures.baseline[key]) / median(figures['this build'][key])).toFixed(1);
    report('baseline ÷ this build: first paint from navigation', ratio('navPaint'), '×');
    report('  main-thread CPU until first paint', ratio('navCpu'), '×');
    report('  first paint entering the timeline', ratio('tabPaint'), '×');
    report('  filter change (median of all)', ratio('filters'), '×');
  }
}
