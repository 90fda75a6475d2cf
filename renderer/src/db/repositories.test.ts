// @vitest-environment node
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createTextAnchor } from '@shared/domain/textAnchor';
import { parsePartialDate } from '@shared/domain/partialDate';
import { sha256Hex } from '@shared/domain/hashing';
import type { PartialDate } from '@shared/schemas/partialDate';
import {
  CatalogRepository,
  caseDbName,
  openCase,
  type CaseRepositories,
  CaseStore,
  CaseDb,
} from './index';

const actor = () => 'Ana Reporter';

function date(text: string): PartialDate {
  const result = parsePartialDate(text);
  if (!result.ok) throw new Error(result.error);
  return result.date;
}

async function newCase(): Promise<{ catalog: CatalogRepository; repos: CaseRepositories }> {
  const catalog = new CatalogRepository();
  const record = await catalog.createCase(
    { name: 'Harbour contracts' },
    actor(),
    (id) => new CaseStore(new CaseDb(id), actor),
  );
  return { catalog, repos: openCase(record.id, actor) };
}

async function addText(repos: CaseRepositories, text: string, fileName = 'memo.txt') {
  return repos.sources.add({
    kind: 'text',
    title: fileName,
    fileName,
    mediaType: 'text/plain',
    sha256: sha256Hex(text),
    origin: 'file',
    bytes: new Blob([text]),
    text,
    encoding: { name: 'utf-8', assumed: false },
  });
}

describe('catalog', () => {
  it('creates, lists, renames and deletes cases with their databases', async () => {
    const { catalog, repos } = await newCase();
    const [listed] = await catalog.listCases();
    expect(listed?.name).toBe('Harbour contracts');
    await addText(repos, 'The harbour master signed.');
    const renamed = await catalog.updateCase(repos.caseId, { name: 'Harbour deals' }, repos.store);
    expect(renamed.name).toBe('Harbour deals');
    const log = await repos.activity.latest();
    expect(log.map((e) => e.action)).toEqual(['case.update', 'source.import', 'case.create']);

    repos.close();
    expect(await Dexie.exists(caseDbName(repos.caseId))).toBe(true);
    await catalog.deleteCase(repos.caseId);
    expect(await Dexie.exists(caseDbName(repos.caseId))).toBe(false);
    expect(await catalog.listCases()).toEqual([]);
  });

  it('refuses a case without a name', async () => {
    const catalog = new CatalogRepository();
    await expect(
      catalog.createCase({ name: '   ' }, 'x', (id) => new CaseStore(new CaseDb(id), actor)),
    ).rejects.toThrow(/needs a name/);
  });

  it('remembers the profile name', async () => {
    const catalog = new CatalogRepository();
    expect(await catalog.getProfile()).toBeUndefined();
    await catalog.setProfile('  Ana   Reporter ');
    expect(await catalog.getProfile()).toEqual({ name: 'Ana Reporter' });
    await expect(catalog.setProfile('')).rejects.toThrow(/Enter the name/);
  });
});

describe('sources', () => {
  it('stores the original untouched, with its text as revision 1', async () => {
    const { repos } = await newCase();
    const outcome = await addText(repos, 'Payment of 40,000 approved.');
    expect(outcome.status).toBe('imported');
    if (outcome.status !== 'imported') return;
    const { source } = outcome;
    const original = await repos.sources.original(source.id);
    expect(await original?.text()).toBe('Payment of 40,000 approved.');
    expect(source.sha256).toBe(sha256Hex('Payment of 40,000 approved.'));
    const text = await repos.sources.currentText(source);
    expect(text).toMatchObject({
      revision: 1,
      kind: 'extracted',
      text: 'Payment of 40,000 approved.',
    });
  });

  it('reports a file already in the case instead of storing it twice', async () => {
    const { repos } = await newCase();
    const first = await addText(repos, 'same bytes', 'a.txt');
    const second = await addText(repos, 'same bytes', 'b.txt');
    expect(second.status).toBe('duplicate');
    if (first.status === 'imported' && second.status === 'duplicate') {
      expect(second.existing.id).toBe(first.source.id);
    }
    expect(await repos.sources.list()).toHaveLength(1);
    expect(await repos.activity.count()).toBe(2); // case.create + one import
  });

  it('logs provenance changes with before and after', async () => {
    const { repos } = await newCase();
    const outcome = await addText(repos, 'text');
    if (outcome.status !== 'imported') throw new Error('not imported');
    await repos.sources.setProvenance(outcome.source.id, 'Given by source A in person, 3 May');
    await repos.sources.setProvenance(outcome.source.id, 'Given by source A in person, 3 May');
    expect((await repos.sources.get(outcome.source.id))?.provenance).toMatch(/source A/);
    const [entry] = await repos.activity.latest(1);
    expect(entry).toMatchObject({
      action: 'source.provenance',
      details: { before: '', after: 'Given by source A in person, 3 May' },
    });
    expect(await repos.activity.count()).toBe(3);
  });
});

describe('entities, mentions and events', () => {
  it('tags passages, counts mentions and cites quotes on events', async () => {
    const { repos } = await newCase();
    const text = 'Minister Oduya met Halvorsen Ltd. Oduya denied it.';
    const outcome = await addText(repos, text);
    if (outcome.status !== 'imported') throw new Error('not imported');
    const source = outcome.source;
    const oduya = await repos.entities.create({ name: 'Grace Oduya', type: 'person' });
    const halvorsen = await repos.entities.create({ name: 'Halvorsen Ltd', type: 'company' });
    await repos.mentions.create({
      entityId: oduya.id,
      sourceId: source.id,
      anchor: createTextAnchor(text, 9, 14),
    });
    await repos.mentions.create({
      entityId: oduya.id,
      sourceId: source.id,
      anchor: createTextAnchor(text, 34, 39),
    });
    // Tagging the same passage again does not add a second mention.
    await repos.mentions.create({
      entityId: oduya.id,
      sourceId: source.id,
      anchor: createTextAnchor(text, 34, 39),
    });
    await repos.mentions.create({
      entityId: halvorsen.id,
      sourceId: source.id,
      anchor: createTextAnchor(text, 19, 32),
    });

    const counts = await repos.entities.listWithCounts();
    expect(counts.map((c) => [c.entity.name, c.mentionCount])).toEqual([
      ['Grace Oduya', 2],
      ['Halvorsen Ltd', 1],
    ]);
    expect(await repos.mentions.forSource(source.id)).toHaveLength(3);

    const event = await repos.events.create(
      {
        title: 'Oduya meets Halvorsen',
        date: date('April 2020'),
        entityIds: [oduya.id, halvorsen.id],
      },
      [{ sourceId: source.id, anchor: createTextAnchor(text, 0, 33) }],
    );
    const citations = await repos.events.citationsOf(event.id);
    expect(citations).toHaveLength(1);
    expect(citations[0]).toMatchObject({
      sourceSha256: source.sha256,
      anchor: { quote: { exact: 'Minister Oduya met Halvorsen Ltd.' } },
    });

    await repos.entities.update(oduya.id, { name: 'Grace A. Oduya' });
    expect((await repos.sources.currentText(source))?.text).toBe(text);

    const verification = await repos.activity.verify();
    expect(verification).toMatchObject({ ok: true, count: 10 });
  });

  it('lists events in date order and deletes an event with its citations', async () => {
    const { repos } = await newCase();
    const outcome = await addText(repos, 'abc def ghi');
    if (outcome.status !== 'imported') throw new Error('not imported');
    const anchor = createTextAnchor('abc def ghi', 4, 7);
    const later = await repos.events.create({ title: 'Later', date: date('14 April 2020') }, [
      { sourceId: outcome.source.id, anchor },
    ]);
    await repos.events.create({ title: 'Month', date: date('April 2020') });
    await repos.events.create({ title: 'Earlier', date: date('c. 2019') });
    expect((await repos.events.listInDateOrder()).map((e) => e.title)).toEqual([
      'Earlier',
      'Month',
      'Later',
    ]);

    await repos.events.update(later.id, { date: date('2018') });
    expect((await repos.events.listInDateOrder())[0]?.title).toBe('Later');

    await repos.events.remove(later.id);
    expect(await repos.events.citationsOf(later.id)).toEqual([]);
    expect((await repos.activity.latest(1))[0]?.summary).toMatch(
      /Deleted event “Later” and its 1 citation/,
    );
  });

  it('creates many mentions and events at once, logged one by one and chained', async () => {
    const { repos } = await newCase();
    const text = 'Oduya paid Halvorsen. Oduya denied it. Halvorsen agreed.';
    const outcome = await addText(repos, text);
    if (outcome.status !== 'imported') throw new Error('not imported');
    const sourceId = outcome.source.id;
    const oduya = await repos.entities.create({ name: 'Grace Oduya', type: 'person' });
    const at = (word: string, from = 0) => {
      const start = text.indexOf(word, from);
      return createTextAnchor(text, start, start + word.length);
    };
    const created = await repos.mentions.createMany([
      { entityId: oduya.id, sourceId, anchor: at('Oduya') },
      { entityId: oduya.id, sourceId, anchor: at('Oduya', 5) },
      { entityId: oduya.id, sourceId, anchor: at('Oduya') }, // the same passage twice: kept once
    ]);
    expect(created).toHaveLength(2);
    expect(
      await repos.mentions.createMany([{ entityId: oduya.id, sourceId, anchor: at('Oduya') }]),
    ).toEqual([]);
    expect(await repos.mentions.forEntity(oduya.id)).toHaveLength(2);

    const events = await repos.events.createMany([
      {
        fields: { title: 'Paid', date: date('2020') },
        citations: [{ sourceId, anchor: at('Oduya paid Halvorsen') }],
      },
      { fields: { title: 'Denied', date: date('2019') } },
    ]);
    expect(events.map((e) => e.title)).toEqual(['Paid', 'Denied']);
    expect((await repos.events.listInDateOrder()).map((e) => e.title)).toEqual(['Denied', 'Paid']);
    expect(await repos.events.citationsOf(events[0]!.id)).toHaveLength(1);
    // case.create, import, entity, 2 mentions, 2 events, 1 citation
    expect(await repos.activity.verify()).toEqual({
      ok: true,
      count: 8,
      lastHash: expect.any(String),
    });
    await expect(
      repos.mentions.createMany([{ entityId: 'gone', sourceId, anchor: at('Halvorsen') }]),
    ).rejects.toThrow(/no longer in this case/);
    expect(await repos.activity.count()).toBe(8);
  });

  it('rolls back a change and its log entry together', async () => {
    const { repos } = await newCase();
    const before = await repos.activity.count();
    await expect(
      repos.events.create({ title: 'Bad', date: date('2020') }, [
        { sourceId: 'missing', anchor: createTextAnchor('abc', 0, 3) },
      ]),
    ).rejects.toThrow(/no longer in this case/);
    expect(await repos.events.listInDateOrder()).toEqual([]);
    expect(await repos.activity.count()).toBe(before);
  });

  it('detects a log entry changed behind the app’s back', async () => {
    const { repos } = await newCase();
    await addText(repos, 'one');
    await addText(repos, 'two');
    await repos.store.db.activity.update(2, { summary: 'Imported nothing' });
    expect(await repos.activity.verify()).toMatchObject({ ok: false, brokenAt: 2 });
  });
});

describe('deleting a source', () => {
  it('removes the source, the files taken out of it and everything pointing into them, and logs it', async () => {
    const { repos } = await newCase();
    const text = 'Invoice 4471 was paid to Halvorsen Ltd.';
    const kept = await addText(repos, 'Another memo that stays.', 'kept.txt');
    const outcome = await addText(repos, text, 'invoice.txt');
    if (outcome.status !== 'imported' || kept.status !== 'imported') throw new Error('not imported');
    const source = outcome.source;
    // A file taken out of it (as an email attachment would be).
    const child = await repos.sources.add({
      kind: 'text',
      title: 'attachment.txt',
      fileName: 'attachment.txt',
      mediaType: 'text/plain',
      sha256: sha256Hex('attached'),
      origin: 'attachment',
      bytes: new Blob(['attached']),
      text: 'attached',
      parentId: source.id,
    });
    if (child.status !== 'imported') throw new Error('child not imported');
    const company = await repos.entities.create({ name: 'Halvorsen Ltd', type: 'company' });
    await repos.mentions.create({ entityId: company.id, sourceId: source.id, anchor: createTextAnchor(text, 25, 38) });
    const event = await repos.events.create({ title: 'Paid', date: date('2020') }, [
      { sourceId: source.id, anchor: createTextAnchor(text, 0, 20) },
      { sourceId: kept.source.id, anchor: createTextAnchor('Another memo that stays.', 0, 7) },
    ]);

    const impact = await repos.sources.deletionImpact(source.id);
    expect(impact).toMatchObject({ sources: 2, mentions: 1, citations: 1, events: [{ id: event.id, title: 'Paid' }] });

    await repos.sources.remove(source.id);
    expect(await repos.sources.get(source.id)).toBeUndefined();
    expect(await repos.sources.get(child.source.id)).toBeUndefined();
    expect(await repos.sources.original(source.id)).toBeUndefined();
    expect(await repos.sources.revisions(source.id)).toEqual([]);
    expect(await repos.mentions.forEntity(company.id)).toEqual([]);
    // The event stays with its other citation; the entity stays too.
    expect((await repos.events.citationsOf(event.id)).map((c) => c.sourceId)).toEqual([kept.source.id]);
    expect(await repos.entities.get(company.id)).toBeDefined();
    expect(await repos.sources.get(kept.source.id)).toBeDefined();

    const log = await repos.activity.latest(3);
    expect(log.map((e) => e.action)).toEqual(['source.delete', 'citation.delete', 'source.delete']);
    expect(log[0]?.details).toMatchObject({ sha256: source.sha256, citations: 1 });
    expect(await repos.activity.verify()).toMatchObject({ ok: true });
    await expect(repos.sources.remove(source.id)).rejects.toThrow(/no longer in this case/);
  });
});
