// Helpers shared by the benchmark scripts.

/**
 * Records, in the page, when an element matching `selector` is first painted: the time of the
 * animation frame after it appears, in milliseconds since navigation started.
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
            seen[selector] = performance.now();
          });
        }
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  }, selectors);
}

/** Waits for the first paint of `selector` recorded by {@link watchFirstPaint}. */
export async function firstPaint(page, selector, timeout = 120_000) {
  await page.waitForFunction((s) => (window.__firstPaint?.[s] ?? -1) > 0, selector, { timeout });
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
