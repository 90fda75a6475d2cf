// Case bundles: export and open a generated case of 100,000 messages (1,000 entities, 20
// documents) plus 40 photos of 512 KB (20 MB of originals, stored in the zip as they are), through
// the app's bundle worker, as the dialogs do. The export is gathered into a Blob in the page, as the
// browser host does before the download. Prints the time of each, the bundle's size, and the page's
// heap after each (the worker's memory is not in that figure; Chromium does not report it to the
// page).
import { generateCase } from './support-case.mjs';
import { heapMb, openHarness } from './support.mjs';

export default async function bundleBench({ context, report }) {
  const page = await openHarness(context);
  const seeded = await generateCase(page, { messages: 100_000, entities: 1_000, documents: 0 });
  // For comparison: the generator writes the same messages in 10 logged bulkAdds of 10,000, the
  // fastest path the app has; opening a bundle stores them in transactions of 5,000.
  report('generator: 100,000 messages in 10 bulkAdds (compare)', seeded.times.messages / 1000, 's');

  await page.evaluate(
    async ({ caseId }) => {
      const { db } = window.casefileBench;
      const repos = db.openCase(caseId, () => 'Bench Reporter');
      const hex = async (bytes) =>
        Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) =>
          b.toString(16).padStart(2, '0'),
        ).join('');
      let s = 7;
      const rand = () => {
        s = (s * 1103515245 + 12345) >>> 0;
        return s >>> 24;
      };
      for (let i = 0; i < 40; i += 1) {
        const bytes = new Uint8Array(512 * 1024);
        for (let k = 0; k < bytes.length; k += 1) bytes[k] = rand();
        await repos.sources.add({
          kind: 'image',
          title: `Photo ${i}.jpg`,
          fileName: `Photo ${i}.jpg`,
          mediaType: 'image/jpeg',
          sha256: await hex(bytes),
          origin: 'file',
          bytes: new Blob([bytes]),
        });
      }
      for (let d = 0; d < 20; d += 1) {
        const text = `Document ${d}\n\n${'The harbour authority approved the tender. '.repeat(2_000)}`;
        const bytes = new TextEncoder().encode(text);
        await repos.sources.add({
          kind: 'text',
          title: `Document ${d}.txt`,
          mediaType: 'text/plain',
          sha256: await hex(bytes),
          origin: 'file',
          bytes: new Blob([bytes]),
          text,
        });
      }
      repos.close();
    },
    { caseId: seeded.caseId },
  );
  report('heap before export', await heapMb(page), 'MB');

  const exported = await page.evaluate(
    async ({ caseId }) => {
      const { startBundleWorker, proxy } = window.casefileBench;
      const worker = startBundleWorker();
      const parts = [];
      let bytes = 0;
      const t = performance.now();
      const outcome = await worker.api.exportCase(
        1,
        caseId,
        'Bench Reporter',
        proxy(async (piece) => {
          parts.push(piece);
          bytes += piece.byteLength;
        }),
        proxy(() => undefined),
      );
      const exportMs = performance.now() - t;
      if (!outcome.ok) throw new Error(outcome.reason);
      window.__bundle = new Blob(parts);
      parts.length = 0;
      worker.stop();
      return { exportMs, bytes, counts: outcome.counts };
    },
    { caseId: seeded.caseId },
  );
  report('export (100,000 messages, 60 originals, 20 MB)', exported.exportMs / 1000, 's');
  report('bundle size', exported.bytes / 1024 / 1024, 'MB');
  report('heap after export (bundle held as a Blob)', await heapMb(page), 'MB');

  const opened = await page.evaluate(async () => {
    const { startBundleWorker, proxy } = window.casefileBench;
    const worker = startBundleWorker();
    const stages = [];
    let last = '';
    let t = performance.now();
    const summary = await worker.api.inspect(window.__bundle);
    const inspectMs = performance.now() - t;
    if (!summary.ok) throw new Error(summary.reason);
    t = performance.now();
    const result = await worker.api.openBundle(
      2,
      window.__bundle,
      'Search benchmark.casefile',
      'Bench Editor',
      proxy((progress) => {
        const phase = progress.done * 2 < progress.total ? 'check' : 'store';
        if (phase !== last) {
          stages.push([phase, performance.now() - t]);
          last = phase;
        }
      }),
    );
    const openMs = performance.now() - t;
    worker.stop();
    if (!result.ok) throw new Error(result.reason);
    const checkMs = (stages.find(([p]) => p === 'store')?.[1] ?? openMs) - (stages[0]?.[1] ?? 0);
    return { inspectMs, openMs, checkMs, caseId: result.caseId };
  });
  report('open: read the manifest and table of contents', opened.inspectMs, 'ms');
  report('open: check every byte, then store as a new case', opened.openMs / 1000, 's');
  report('  of which checking (before anything is written)', opened.checkMs / 1000, 's');
  report('heap after open', await heapMb(page), 'MB');
  const count = await page.evaluate(async ({ caseId }) => {
    const { db } = window.casefileBench;
    const store = new db.CaseDb(caseId);
    const n = await store.messages.count();
    store.close();
    return n;
  }, opened);
  report('messages in the opened case', count, '');
}
