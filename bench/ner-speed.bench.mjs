// Speed of the name suggester on a 100,000-message chat in Chromium, in the app's suggestion
// worker. The chat comes from bench/generators/whatsapp.mjs twice: as it is (common words; the
// first word of most messages capitalised) and with a name in one message of five ("mentions":
// people, companies, public bodies and places a chat about an investigation would name). Each is
// parsed with the app's parser and written into a fresh case as the import does, then:
// - the name pass alone (worker.timeNamePass): NER and patterns over every message, nothing stored;
// - the whole suggestion pass (worker.sync): reading, suggesting and storing the review queue, as
//   after an import (known entities: none, so the figure is the NER's and the store's).
import { generateWhatsAppExport } from './generators/whatsapp.mjs';
import { openHarness } from './support.mjs';

const MESSAGES = Number(process.env.CASEFILE_NER_MESSAGES ?? 100_000);

async function seedChat(page, text) {
  return page.evaluate(async (exportText) => {
    const { db, sha256Hex, parseChatExport } = window.casefileBench;
    const parsed = parseChatExport({
      fileName: 'WhatsApp Chat with Harbour project.txt',
      text: exportText,
    });
    if (!parsed.ok) throw new Error(parsed.reason);
    const created = await new db.CatalogRepository().createCase(
      { name: 'NER speed' },
      'Bench Reporter',
      (id) => new db.CaseStore(new db.CaseDb(id), () => 'Bench Reporter'),
    );
    const repos = db.openCase(created.id, () => 'Bench Reporter');
    const chat = await repos.sources.add({
      kind: 'chat',
      title: 'Generated chat',
      mediaType: 'text/plain',
      sha256: sha256Hex(exportText.slice(0, 10_000) + exportText.length),
      origin: 'file',
      bytes: new Blob(['generated chat']),
    });
    const sourceId = chat.source.id;
    const all = parsed.chat.conversations.flatMap((c) => c.messages);
    const { db: store } = repos.store;
    for (let i = 0; i < all.length; i += 10_000) {
      const batch = all.slice(i, i + 10_000).map((m, k) => ({
        id: `msg-${i + k}`,
        sourceId,
        seq: i + k,
        ...(m.sender ? { sender: m.sender } : {}),
        ...(m.sentAt ? { sentAt: m.sentAt } : {}),
        text: m.text ?? '',
      }));
      await repos.store.write([store.messages], async (log) => {
        await store.messages.bulkAdd(batch);
        await log({
          action: 'source.messages',
          recordType: 'source',
          recordId: sourceId,
          summary: `Added ${batch.length} messages`,
        });
      });
    }
    repos.close();
    return {
      caseId: created.id,
      messages: all.length,
      chars: all.reduce((n, m) => n + (m.text ?? '').length, 0),
    };
  }, text);
}

export default async function nerSpeed({ context, report }) {
  const page = await openHarness(context);
  for (const [label, mentions] of [
    ['generated chat as it is', 0],
    ['generated chat, a name in 1 message of 5', 0.2],
  ]) {
    const { text } = generateWhatsAppExport({ messages: MESSAGES, seed: 11, mentions });
    let started = performance.now();
    const seeded = await seedChat(page, text);
    const note = `${seeded.messages.toLocaleString('en-GB')} messages, ${(seeded.chars / 1024 / 1024).toFixed(1)} MB of text`;
    report(`${label}: parsed and stored`, (performance.now() - started) / 1000, 's', note);
    const pass = await page.evaluate(async (caseId) => {
      const worker = window.casefileBench.startSuggestionWorker();
      await worker.api.open(caseId, 'Bench Reporter');
      worker.api.pause(); // nothing in the background while the pass alone is timed
      const result = await worker.api.timeNamePass();
      worker.stop();
      return result;
    }, seeded.caseId);
    report(`${label}: name pass in the worker, suggest`, pass.suggestMs / 1000, 's');
    report(`${label}: name pass in the worker, read messages`, pass.readMs / 1000, 's');
    report(
      `${label}: names found`,
      pass.found,
      '',
      `${Object.entries(pass.byType)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}; compromise tagged ${pass.compromiseSentences} sentences`,
    );
    started = performance.now();
    const whole = await page.evaluate(async (caseId) => {
      // The whole pass, as after an import: a fresh worker reads the log and suggests.
      const worker = window.casefileBench.startSuggestionWorker();
      const t = performance.now();
      await worker.api.open(caseId, 'Bench Reporter');
      await worker.api.sync();
      const ms = performance.now() - t;
      worker.stop();
      const stored = await new window.casefileBench.db.CaseDb(caseId).suggestions.count();
      return { ms, stored };
    }, seeded.caseId);
    report(
      `${label}: whole suggestion pass (read, suggest, store)`,
      whole.ms / 1000,
      's',
      `${whole.stored} suggestions stored`,
    );
  }
  await page.close();
}
