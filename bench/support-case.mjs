// Generates a large case in the benchmark harness page: 1,000 entities with aliases and a chat of
// 100,000 messages with a Zipf word distribution (common English words and invented ones), a few
// names of the entities sprinkled in, 40 senders over two years, plus 100 text documents. Messages
// are written through the case store (one logged transaction per 10,000 messages), the bulk path
// an import uses.

/** Fills a case; returns its id and the generated vocabulary (for queries). */
export async function generateCase(
  page,
  { messages = 100_000, entities = 1_000, documents = 100 } = {},
) {
  return page.evaluate(
    async ({ MESSAGES, ENTITIES, DOCUMENTS }) => {
      const { db, sha256Hex } = window.casefileBench;
      let s = 12345;
      const rand = () => {
        s = (s + 0x6d2b79f5) >>> 0;
        let t = s;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const common = (
        'the of and to a in is that for it was on with he as you at be this by from they we have or ' +
        'but not are his an she which her their will one all there were been has if would when who more ' +
        'so what no up out them about can said into its other than then could our time some only these ' +
        'over also after new first two any may like now well should because such back year years people ' +
        'way how just even where most state government says sources told report money company minister ' +
        'ministry payment contract bank account transfer meeting police court case deal invoice harbour ' +
        'port director board fee tender shipment cargo vessel customs office lawyer audit loan offshore'
      ).split(' ');
      const syllables =
        'ka lo mi re tan vo sel dor pri gu ex ant ber cal fen hor ist jul mar nor pol qui rus sta tor uvi wen yar zel'.split(
          ' ',
        );
      const vocab = [...common];
      const seen = new Set(vocab);
      while (vocab.length < 40_000) {
        let w = '';
        const k = 2 + Math.floor(rand() * 3);
        for (let i = 0; i < k; i += 1) w += syllables[Math.floor(rand() * syllables.length)];
        if (!seen.has(w)) {
          seen.add(w);
          vocab.push(w);
        }
      }
      const cumulative = new Float64Array(vocab.length);
      let total = 0;
      for (let i = 0; i < vocab.length; i += 1) {
        total += 1 / Math.pow(i + 1, 1.07);
        cumulative[i] = total;
      }
      const zipf = () => {
        const x = rand() * total;
        let lo = 0;
        let hi = vocab.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid] < x) lo = mid + 1;
          else hi = mid;
        }
        return vocab[lo];
      };
      const cap = (w) => w[0].toUpperCase() + w.slice(1);
      const firstNames =
        'Ana Ben Chiara Dmitri Elif Farid Grace Hugo Ines Jonas Keiko Lars Maya Nadia Omar Priya Quentin Rosa Sven Tunde'.split(
          ' ',
        );

      const repos = db.openCase(
        (
          await new db.CatalogRepository().createCase(
            { name: 'Search benchmark' },
            'Bench Reporter',
            (id) => new db.CaseStore(new db.CaseDb(id), () => 'Bench Reporter'),
          )
        ).id,
        () => 'Bench Reporter',
      );
      const times = {};
      let t = performance.now();
      const names = [];
      for (let i = 0; i < ENTITIES; i += 1) {
        const last = cap(vocab[2000 + i * 7]) + 'son';
        if (i % 2 === 0) {
          const first = firstNames[i % firstNames.length];
          names.push(`${first} ${last}`);
          await repos.entities.create({
            name: `${first} ${last}`,
            type: 'person',
            aliases: [`${first[0]}. ${last}`, last],
          });
        } else {
          const word = cap(vocab[3000 + i * 5]);
          names.push(`${word} Holdings`);
          await repos.entities.create({
            name: `${word} Holdings Ltd`,
            type: 'company',
            aliases: [`${word} Holdings`],
          });
        }
      }
      times.entities = performance.now() - t;

      t = performance.now();
      const chat = await repos.sources.add({
        kind: 'chat',
        title: 'Generated chat',
        mediaType: 'text/plain',
        sha256: sha256Hex('generated chat'),
        origin: 'file',
        bytes: new Blob(['generated chat']),
      });
      const chatId = chat.source.id;
      const start = Date.parse('2019-01-01T00:00:00Z');
      const { db: store } = repos.store;
      let seq = 0;
      while (seq < MESSAGES) {
        const batch = [];
        for (let k = 0; k < 10_000 && seq < MESSAGES; k += 1, seq += 1) {
          const length = 3 + Math.floor(rand() * 30);
          const words = [];
          for (let j = 0; j < length; j += 1) words.push(zipf());
          if (rand() < 0.05)
            words.splice(
              Math.floor(rand() * words.length),
              0,
              names[Math.floor(rand() * names.length)],
            );
          words[0] = cap(words[0]);
          batch.push({
            id: `msg-${seq}`,
            sourceId: chatId,
            seq,
            sender: `Sender ${seq % 40}`,
            sentAt: new Date(start + seq * 630_000).toISOString(),
            text: `${words.join(' ')}.`,
          });
        }
        await repos.store.write([store.messages], async (log) => {
          await store.messages.bulkAdd(batch);
          await log({
            action: 'source.messages',
            recordType: 'source',
            recordId: chatId,
            summary: `Added ${batch.length} messages`,
          });
        });
      }
      times.messages = performance.now() - t;

      t = performance.now();
      for (let d = 0; d < DOCUMENTS; d += 1) {
        const paragraphs = [];
        for (let p = 0; p < 20; p += 1) {
          const words = [];
          for (let j = 0; j < 60; j += 1) words.push(zipf());
          paragraphs.push(`${cap(words.join(' '))}.`);
        }
        const text = paragraphs.join('\n\n');
        await repos.sources.add({
          kind: d % 2 ? 'email' : 'pdf',
          title: `Document ${d}`,
          mediaType: 'text/plain',
          sha256: sha256Hex(`doc ${d} ${text.length}`),
          origin: 'file',
          bytes: new Blob([text]),
          text,
        });
      }
      times.documents = performance.now() - t;
      const entityList = await repos.entities.list();
      repos.close();
      return {
        caseId: repos.caseId,
        times,
        vocabulary: vocab.slice(0, 20_000),
        stopWords: common.slice(0, 45),
        entityId: entityList[0].id,
      };
    },
    { MESSAGES: messages, ENTITIES: entities, DOCUMENTS: documents },
  );
}

/** Median and 95th percentile of a list of numbers. */
export function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

/**
 * 200 queries of one to three words as a reporter would type them: words taken from messages of the
 * case (neighbouring words, so they occur together), common words left out; some typed in part,
 * some with a typo, some in quotes.
 */
export async function makeQueries(page, caseId, stopWords, count = 200) {
  const samples = await page.evaluate(
    async ({ caseId, count }) => {
      const db = new window.casefileBench.db.CaseDb(caseId);
      const total = await db.messages.count();
      const texts = [];
      let s = 4242;
      for (let i = 0; i < count; i += 1) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const message = await db.messages.get(`msg-${Math.floor((s / 2147483648) * total)}`);
        texts.push(message?.text ?? 'harbour');
      }
      db.close();
      return texts;
    },
    { caseId, count },
  );
  const stop = new Set(stopWords);
  return samples.map((text, i) => {
    const words = text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2 && !stop.has(w));
    const n = 1 + (i % 3);
    const at = words.length > n ? (i * 7) % (words.length - n) : 0;
    const picked = words.slice(at, at + n);
    if (picked.length === 0) picked.push('harbour');
    if (i % 10 === 3) picked[picked.length - 1] = picked[picked.length - 1].slice(0, 4);
    if (i % 10 === 7 && picked[0].length > 5)
      picked[0] = picked[0].slice(0, 2) + picked[0].slice(3);
    return i % 20 === 11 && picked.length > 1 ? `"${picked.join(' ')}"` : picked.join(' ');
  });
}
