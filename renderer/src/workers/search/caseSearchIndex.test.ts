// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { newCase } from '../../test/caseFixtures';
import { createTextAnchor } from '@shared/domain/textAnchor';
import { sha256Hex } from '@shared/domain/hashing';
import { parsePartialDate } from '@shared/domain/partialDate';
import type { Message } from '@shared/schemas/records';
import { newId, type CaseRepositories } from '../../db';
import { CaseSearchIndex, chunkText, CHUNK_LENGTH } from './caseSearchIndex';

async function addText(repos: CaseRepositories, title: string, text: string) {
  const outcome = await repos.sources.add({
    kind: 'text',
    title,
    mediaType: 'text/plain',
    sha256: sha256Hex(title + text),
    origin: 'paste',
    bytes: new Blob([text]),
    text,
  });
  if (outcome.status !== 'imported') throw new Error('not imported');
  return outcome.source;
}

/** A chat source with messages, written in one logged transaction (as an import does). */
async function addChat(repos: CaseRepositories, title: string, lines: [string, string, string][]) {
  const { db } = repos.store;
  const outcome = await repos.sources.add({
    kind: 'chat',
    title,
    mediaType: 'text/plain',
    sha256: sha256Hex(title),
    origin: 'file',
    bytes: new Blob([title]),
  });
  if (outcome.status !== 'imported') throw new Error('not imported');
  const source = outcome.source;
  const messages: Message[] = lines.map(([sender, sentAt, text], seq) => ({
    id: newId(),
    sourceId: source.id,
    seq,
    sender,
    sentAt,
    text,
  }));
  await repos.store.write([db.messages], async (log) => {
    await db.messages.bulkAdd(messages);
    await log({
      action: 'source.messages',
      recordType: 'source',
      recordId: source.id,
      summary: `Added ${messages.length} messages`,
    });
  });
  return { source, messages };
}

const labels = (response: Awaited<ReturnType<CaseSearchIndex['search']>>) =>
  response.groups.map((g) => [g.label, g.hits.map((h) => h.snippet.text)]);

describe('chunkText', () => {
  it('splits long text at spaces into passages that cover it exactly', () => {
    const text = 'word '.repeat(2_000);
    const chunks = chunkText(text);
    expect(chunks[0]?.start).toBe(0);
    expect(chunks[chunks.length - 1]?.end).toBe(text.length);
    for (let i = 1; i < chunks.length; i += 1) expect(chunks[i]?.start).toBe(chunks[i - 1]?.end);
    expect(chunks.every((c) => c.end - c.start <= CHUNK_LENGTH)).toBe(true);
  });
});

describe('CaseSearchIndex', () => {
  async function fixture() {
    const repos = await newCase('Search');
    const memo = await addText(
      repos,
      'Port memo',
      `${'Filler text about harbours. '.repeat(100)}Minister Grace Oduya met Halvorsen Ltd. The Ministry of Transport paid 40,000 euros.`,
    );
    const chat = await addChat(repos, 'Signal chat', [
      ['Kanter', '2020-04-14T09:00:00Z', 'The fee has gone through, tell Grace'],
      ['Eze', '2020-04-15T10:00:00Z', 'Transport ministry wants the invoice'],
      ['Kanter', '2021-01-02T10:00:00Z', 'Halvorsen board meets on Friday'],
    ]);
    const oduya = await repos.entities.create({
      name: 'Grace Oduya',
      type: 'person',
      aliases: ['Minister Oduya'],
    });
    await repos.entities.update(oduya.id, { tags: ['minister'] });
    const text = (await repos.sources.currentText(memo))?.text ?? '';
    const at = text.indexOf('Grace Oduya');
    await repos.mentions.create({
      entityId: oduya.id,
      sourceId: memo.id,
      anchor: createTextAnchor(text, at, at + 11),
    });
    const date = parsePartialDate('April 2020');
    if (!date.ok) throw new Error();
    await repos.events.create({
      title: 'Fee paid to Halvorsen',
      date: date.date,
      entityIds: [oduya.id],
    });
    const index = new CaseSearchIndex(repos.store.db);
    await index.open();
    return { repos, memo, chat, oduya, index };
  }

  it('finds words in texts, messages, events and entities, grouped by source', async () => {
    const { index } = await fixture();
    const response = await index.search('halvorsen');
    expect(response.groups.map((g) => g.label).sort()).toEqual(
      ['Port memo', 'Signal chat', 'Timeline events'].sort(),
    );
    expect(response.total).toBe(3);
    const memoHit = response.groups.find((g) => g.label === 'Port memo')?.hits[0];
    expect(memoHit?.snippet.text).toMatch(/Halvorsen Ltd/);
    expect(memoHit?.focus && memoHit.focus.end - memoHit.focus.start).toBe('Halvorsen'.length);
    expect(response.libraryMs).toBeGreaterThanOrEqual(0);
  });

  it('matches prefixes, one typo, phrases in quotes, and never chokes on syntax', async () => {
    const { index } = await fixture();
    expect((await index.search('halvor')).total).toBe(3);
    expect((await index.search('halvorsem')).total).toBe(3);
    expect(labels(await index.search('"ministry of transport"'))).toEqual([
      ['Port memo', [expect.stringMatching(/Ministry of Transport/)]],
    ]);
    expect((await index.search('"transport ministry"')).groups.map((g) => g.label)).toEqual([
      'Signal chat',
    ]);
    for (const q of ['.*', '(a|b', 'x~2 AND', '\\', '[', '"', 'ministry^3', '*']) {
      await expect(index.search(q)).resolves.toBeDefined();
    }
    const long = await index.search('grace '.repeat(2_000));
    expect(long.notice).toMatch(/long/);
    expect((await index.search('the of')).notice).toMatch(/Nothing to search/);
  });

  it('filters by source kind, sender, date range, entity and tag', async () => {
    const { index, oduya } = await fixture();
    const kinds = await index.search('halvorsen', { kinds: ['chat'] });
    expect(kinds.groups.map((g) => g.label)).toEqual(['Signal chat']);
    const sender = await index.search('grace', { sender: 'Kanter' });
    expect(sender.total).toBe(1);
    const dated = await index.search('halvorsen', { from: '2020-04-01', to: '2020-04-30' });
    expect(dated.groups.map((g) => g.label)).toEqual(['Timeline events']);
    const late = await index.search('halvorsen', { from: '2020-12-01' });
    expect(late.groups.map((g) => g.label)).toEqual(['Signal chat']);
    const entity = await index.search('oduya', { entityId: oduya.id });
    expect(entity.groups.map((g) => g.label).sort()).toEqual(['Entities', 'Port memo']);
    const tag = await index.search('grace', { tag: 'minister' });
    expect(tag.groups.map((g) => g.label).sort()).toEqual(['Entities', 'Port memo']);
    expect((await index.facets()).senders).toEqual(['Eze', 'Kanter']);
    expect((await index.facets()).tags).toEqual(['minister']);
  });

  it('follows imports, edits and deletions through the activity log, and saves itself', async () => {
    const { repos, index, memo, oduya } = await fixture();
    await addText(repos, 'New leak', 'Zephyrine Holdings paid the harbour master.');
    await repos.sources.rename(memo.id, 'Renamed memo');
    await repos.entities.update(oduya.id, { aliases: ['Gracie'] });
    await index.sync();
    expect((await index.search('zephyrine')).groups.map((g) => g.label)).toEqual(['New leak']);
    expect((await index.search('renamed')).groups.map((g) => g.label)).toEqual(['Renamed memo']);
    // "Gracie" is one typo from "Grace": the entity (an exact hit) comes first.
    expect((await index.search('gracie')).groups[0]?.label).toBe('Entities');

    // A deleted source leaves the index with everything it held.
    const { db } = repos.store;
    await repos.store.write([db.sources, db.texts], async (log) => {
      await db.texts.where('sourceId').equals(memo.id).delete();
      await db.sources.delete(memo.id);
      await log({
        action: 'source.delete',
        recordType: 'source',
        recordId: memo.id,
        summary: 'Deleted',
      });
    });
    await index.sync();
    expect((await index.search('ministry')).groups.map((g) => g.label)).toEqual(['Signal chat']);

    expect(await index.save()).toBe(true);
    await addText(repos, 'After save', 'Quillon appears later.');
    const reopened = new CaseSearchIndex(db);
    await reopened.open();
    expect(reopened.status().state).toBe('ready');
    expect((await reopened.search('quillon')).total).toBe(1);
    expect((await reopened.search('zephyrine')).total).toBe(1);
    expect((await reopened.search('ministry')).groups.map((g) => g.label)).toEqual(['Signal chat']);
  });
});
