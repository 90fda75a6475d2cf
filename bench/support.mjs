// Helpers shared by the benchmark scripts.

/**
 * Records, in the page, when an element matching `selector` is first painted: the end of the
 * animation frame that first shows it (a message posted from that frame's requestAnimationFrame
 * callback runs after the frame's style, layout and paint), in ms since navigation started.
 */
export async function watchFirstPaint(page, selectors) {
  await page.addInitScript((wanted) => {
    const seen = {};
    window.__firstPaint = seen;
    const check = () => {
      for (const selector of wanted) {
        if (seen[selector] === undefined && document.querySelector(selector)) {
          seen[selector] = -1;
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              seen[selector] = performance.now();
            };
            channel.port2.postMessage(0);
          });
        }
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  }, selectors);
}

/** Waits for the first paint of `selector` recorded by {@link watchFirstPaint}. */
export async function firstPaint(page, selector, timeout = 120_000) {
  // Polled on a timer, not on every animation frame, so that waiting adds no frames of its own.
  await page.waitForFunction((s) => (window.__firstPaint?.[s] ?? -1) > 0, selector, {
    timeout,
    polling: 50,
  });
  return page.evaluate((s) => window.__firstPaint[s], selector);
}

/** The page's JS heap in MB after a garbage collection (needs --js-flags=--expose-gc). */
export async function heapMb(page) {
  return page.evaluate(() => {
    globalThis.gc?.();
    const memory = performance.memory;
    return memory ? memory.usedJSHeapSize / 1024 / 1024 : NaN;
  });
}

/** Opens the benchmark harness page and waits for it. */
export async function openHarness(context) {
  const page = await context.newPage();
  await page.goto('/bench.html');
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return page;
}

/** The value at quantile q (0..1) of a list of numbers. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** The median of a list of numbers (the lower middle for an even count). */
export function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}

/** "a, b, c ms" of a list, sorted, for the notes beside a figure. */
export function listed(values, unit = 'ms') {
  return `${values
    .filter(Number.isFinite)
    .sort((a, b) => a - b)
    .map((v) => v.toFixed(0))
    .join(', ')} ${unit}`;
}

/**
 * Finds a case the harness made earlier (kept profiles, CASEFILE_BENCH_PROFILE) by its name, when
 * it holds `events` events; undefined otherwise.
 */
export async function findCase(harness, name, check) {
  return harness.evaluate(
    async ({ name, check }) => {
      const { db } = window.casefileBench;
      const catalog = new db.CatalogRepository();
      for (const record of await catalog.listCases()) {
        if (record.name !== name) continue;
        const repos = db.openCase(record.id, () => 'Bench Reporter');
        const counts = {};
        for (const table of Object.keys(check)) counts[table] = await repos.store.db[table].count();
        repos.close();
        if (Object.entries(check).every(([table, n]) => counts[table] === n)) return record.id;
      }
      return undefined;
    },
    { name, check },
  );
}

/**
 * Runs `action` with Chromium's tracing on and returns its result with the page's main-thread
 * CPU time (thread time, which waiting for other processes or threads does not add to) from
 * `from` to `until` ms after navigation start, the IndexedDB backend's CPU time and the workers'.
 * On a shared, loaded machine wall-clock times swing with the load; these swing much less.
 */
export async function withCpuTrace(page, action) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (message) => events.push(...message.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'toplevel',
        'IndexedDB',
        'blink.user_timing',
        'loading',
      ],
    },
    transferMode: 'ReportEvents',
  });
  const result = await action();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return {
    result,
    events,
    /** CPU ms of the page's main thread, IndexedDB and workers from navigation to `until` ms. */
    cpu(until) {
      const names = new Map();
      for (const e of events)
        if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
      // The page's main thread: the renderer thread on which the app's document started loading.
      const starts = events.filter(
        (e) =>
          e.name === 'navigationStart' &&
          e.args?.data?.documentLoaderURL &&
          !e.args.data.documentLoaderURL.startsWith('about:'),
      );
      const navigation = starts[starts.length - 1];
      const main = navigation ? `${navigation.pid}:${navigation.tid}` : undefined;
      if (!navigation) return { mainCpu: NaN, idbCpu: NaN, workerCpu: NaN };
      const start = navigation.ts;
      const end = start + until * 1000;
      const within = (e) => e.ph === 'X' && e.ts >= start && e.ts <= end;
      let mainCpu = 0;
      let idbCpu = 0;
      let workerCpu = 0;
      for (const e of events) {
        if (!within(e)) continue;
        const thread = names.get(`${e.pid}:${e.tid}`) ?? '';
        const ms = (e.tdur ?? 0) / 1000;
        if (e.name === 'ThreadControllerImpl::RunTask') {
          if (`${e.pid}:${e.tid}` === main) mainCpu += ms;
          else if (thread.startsWith('DedicatedWorker')) workerCpu += ms;
        } else if (e.name === 'Transaction::RunTasks' || e.name === 'BucketContext::Open') {
          idbCpu += ms;
        }
      }
      return { mainCpu, idbCpu, workerCpu };
    },
  };
}
