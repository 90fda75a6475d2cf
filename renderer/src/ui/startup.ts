/*
 * Background work (the search and suggestion workers, the rail's counts) waits until the screen
 * the reporter opened has what it needs, so that it does not compete with that screen for the
 * database and the processor (a case of 100,000 events is read in a second or two; these machines
 * may have two cores). A screen says so with `markScreenReady`; screens that never say it get the
 * work started after `fallbackMs` anyway.
 */

let ready = false;
let holds = 0;
const waiting = new Set<() => void>();

/** Says the open screen has painted what the reporter asked for: background work may start. */
export function markScreenReady(): void {
  if (ready) return;
  ready = true;
  for (const start of [...waiting]) start();
  waiting.clear();
}

/**
 * Says the open screen is still reading something large (the whole timeline): background work
 * waits past its usual delay until the returned function is called (or `markScreenReady`).
 */
export function holdBackgroundWork(): () => void {
  holds += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds -= 1;
  };
}

/** The longest background work waits for a screen that holds it. */
const LONGEST_HOLD_MS = 30_000;

/**
 * Runs `work` once the open screen is ready (or `fallbackMs` has passed) and the main thread is
 * idle. Returns a function that cancels it if it has not run yet.
 */
export function whenScreenReady(work: () => void, fallbackMs = 4_000): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const start = () => {
    waiting.delete(start);
    if (timer !== undefined) clearTimeout(timer);
    if (cancelled) return;
    idle = requestIdleCallback(
      () => {
        if (!cancelled) work();
      },
      { timeout: 500 },
    );
  };
  if (ready) start();
  else {
    waiting.add(start);
    const since = performance.now();
    const fallback = () => {
      if (holds > 0 && performance.now() - since < LONGEST_HOLD_MS)
        timer = setTimeout(fallback, 250);
      else start();
    };
    timer = setTimeout(fallback, fallbackMs);
  }
  return () => {
    cancelled = true;
    waiting.delete(start);
    if (timer !== undefined) clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
