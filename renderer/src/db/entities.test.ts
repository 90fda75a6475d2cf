// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { newCase } from '../test/caseFixtures';
import { createTextAnchor } from '@shared/domain/textAnchor';
import { sha256Hex } from '@shared/domain/hashing';
import { parsePartialDate } from '@shared/domain/partialDate';
import { type CaseRepositories } from './index';

async function addText(repos: CaseRepositories, text: string) {
  const outcome = await repos.sources.add({
    kind: 'text',
    title: 'memo',
    mediaType: 'text/plain',
    sha256: sha256Hex(text),
    origin: 'paste',
    bytes: new Blob([text]),
    text,
  });
  if (outcome.status !== 'imported') throw new Error('not imported');
  return outcome.source;
}

const at = (text: string, words: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k += 1) i = text.indexOf(words, i + 1);
  return createTextAnchor(text, i, i + words.length);
};

describe('entity details', () => {
  it('keeps aliases, identifiers, tags and a description, cleaned, and logs the change', async () => {
    const repos = await newCase('Entities');
    const kanter = await repos.entities.create({ name: 'Elizabeth Kanter', type: 'person' });
    await repos.entities.update(kanter.id, {
      aliases: [' E.  Kanter ', 'e. kanter', 'Elizabeth Kanter', '', 'Liz'],
      identifiers: [
        { kind: 'Email', value: 'ek@halvorsen.example' },
        { kind: 'Email', value: 'ek@halvorsen.example' },
        { kind: '', value: '+44 20 7946 0958' },
      ],
      tags: ['director', 'Director', 'cyprus'],
      description: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Sole director.' }] }],
      },
    });
    const stored = await repos.entities.get(kanter.id);
    expect(stored?.aliases).toEqual(['E. Kanter', 'Liz']);
    expect(stored?.identifiers).toEqual([
      { kind: 'Email', value: 'ek@halvorsen.example' },
      { kind: 'Identifier', value: '+44 20 7946 0958' },
    ]);
    expect(stored?.tags).toEqual(['director', 'cyprus']);
    expect(stored?.description).toMatchObject({ type: 'doc' });
    const [entry] = await repos.activity.latest(1);
    expect(entry?.summary).toMatch(
      /Edited entity “Elizabeth Kanter” \(aliases, description, identifiers, tags\)/,
    );
    expect(await repos.entities.listTags()).toEqual([
      { tag: 'cyprus', count: 1 },
      { tag: 'director', count: 1 },
    ]);
    await repos.entities.update(kanter.id, { description: undefined });
    expect((await repos.entities.get(kanter.id))?.description).toBeUndefined();
  });

  it('renames an entity without touching any source', async () => {
    const repos = await newCase('Entities');
    const text = 'Kanter signed.';
    const source = await addText(repos, text);
    const kanter = await repos.entities.create({ name: 'Kanter', type: 'person' });
    await repos.mentions.create({
      entityId: kanter.id,
      sourceId: source.id,
      anchor: at(text, 'Kanter'),
    });
    await repos.entities.update(kanter.id, { name: 'Elizabeth Kanter' });
    const revision = await repos.sources.currentText(source);
    expect(revision?.text).toBe(text);
    expect(await (await repos.sources.original(source.id))?.text()).toBe(text);
    const [mention] = await repos.mentions.forEntity(kanter.id);
    expect(mention?.anchor).toMatchObject({ quote: { exact: 'Kanter' } });
  });
});

describe('merging entities', () => {
  it('moves mentions, aliases and event links, and undo restores exactly', async () => {
    const repos = await newCase('Entities');
    const text = 'Elizabeth Kanter met Liz Kanter and Grace Oduya.';
    const source = await addText(repos, text);
    const a = await repos.entities.create({
      name: 'Elizabeth Kanter',
      type: 'person',
      aliases: ['E. Kanter'],
    });
    const b = await repos.entities.create({
      name: 'Liz Kanter',
      type: 'person',
      aliases: ['Lizzie'],
    });
    const c = await repos.entities.create({ name: 'Grace Oduya', type: 'person' });
    await repos.entities.update(b.id, {
      tags: ['director'],
      identifiers: [{ kind: 'Phone', value: '123' }],
    });
    const ma = await repos.mentions.create({
      entityId: a.id,
      sourceId: source.id,
      anchor: at(text, 'Elizabeth Kanter'),
    });
    const mb = await repos.mentions.create({
      entityId: b.id,
      sourceId: source.id,
      anchor: at(text, 'Liz Kanter'),
    });
    const date = parsePartialDate('2020');
    if (!date.ok) throw new Error();
    const both = await repos.events.create({
      title: 'Both',
      date: date.date,
      entityIds: [a.id, b.id, c.id],
    });
    const onlyB = await repos.events.create({
      title: 'Only B',
      date: date.date,
      entityIds: [b.id],
    });

    const beforeA = await repos.entities.get(a.id);
    const beforeB = await repos.entities.get(b.id);
    const merge = await repos.entities.merge(a.id, b.id);

    expect((await repos.entities.list()).map((e) => e.name)).toEqual([
      'Elizabeth Kanter',
      'Grace Oduya',
    ]);
    expect((await repos.mentions.forEntity(a.id)).map((m) => m.id).sort()).toEqual(
      [ma.id, mb.id].sort(),
    );
    const merged = await repos.entities.get(a.id);
    expect(merged?.aliases).toEqual(['E. Kanter', 'Liz Kanter', 'Lizzie']);
    expect(merged?.tags).toEqual(['director']);
    expect((await repos.events.get(both.id))?.entityIds).toEqual([a.id, c.id]);
    expect((await repos.events.get(onlyB.id))?.entityIds).toEqual([a.id]);
    expect((await repos.entities.resolve(b.id))?.id).toBe(a.id);
    expect((await repos.entities.mergesInto(a.id)).map((m) => m.merge.id)).toEqual([merge.id]);

    await repos.entities.undoMerge(merge.id);
    const afterA = await repos.entities.get(a.id);
    const afterB = await repos.entities.get(b.id);
    const strip = (e: typeof afterA) => ({ ...e, updatedAt: undefined });
    expect(strip(afterA)).toEqual(strip(beforeA));
    expect(strip(afterB)).toEqual(strip(beforeB));
    expect((await repos.mentions.forEntity(b.id)).map((m) => m.id)).toEqual([mb.id]);
    expect((await repos.events.get(both.id))?.entityIds).toEqual([a.id, b.id, c.id]);
    expect((await repos.events.get(onlyB.id))?.entityIds).toEqual([b.id]);
    expect(await repos.entities.mergesInto(a.id)).toEqual([]);
    const log = (await repos.activity.latest(2)).map((e) => e.action);
    expect(log).toEqual(['entity.merge.undo', 'entity.merge']);
    expect((await repos.activity.verify()).ok).toBe(true);
  });

  it('keeps changes made to the survivor after the merge when undoing', async () => {
    const repos = await newCase('Entities');
    const a = await repos.entities.create({ name: 'Acme Inc.', type: 'company' });
    const b = await repos.entities.create({ name: 'ACME', type: 'company' });
    const merge = await repos.entities.merge(a.id, b.id);
    await repos.entities.update(a.id, { aliases: ['ACME', 'Acme Incorporated'] });
    await repos.entities.undoMerge(merge.id);
    expect((await repos.entities.get(a.id))?.aliases).toEqual(['Acme Incorporated']);
    await expect(repos.entities.merge(a.id, a.id)).rejects.toThrow(/itself/);
  });
});

describe('moving a mention', () => {
  it('moves one mention to another entity and logs where it was', async () => {
    const repos = await newCase('Entities');
    const text = 'Kanter and Kanter.';
    const source = await addText(repos, text);
    const a = await repos.entities.create({ name: 'Elizabeth Kanter', type: 'person' });
    const b = await repos.entities.create({ name: 'Paul Kanter', type: 'person' });
    const second = await repos.mentions.create({
      entityId: a.id,
      sourceId: source.id,
      anchor: at(text, 'Kanter', 1),
    });
    await repos.mentions.move(second.id, b.id);
    expect((await repos.mentions.forEntity(b.id)).map((m) => m.id)).toEqual([second.id]);
    const [entry] = await repos.activity.latest(1);
    expect(entry).toMatchObject({
      action: 'mention.move',
      details: { before: { entityId: a.id }, after: { entityId: b.id } },
    });
  });
});

describe('suggestions', () => {
  async function withSuggestions() {
    const repos = await newCase('Entities');
    const text = 'Kanter met Kanter at Acme. Apple and apple.';
    const source = await addText(repos, text);
    const kanter = await repos.entities.create({ name: 'Kanter', type: 'person' });
    const found = (words: string, nth: number, extra: object = {}) => ({
      anchor: at(text, words, nth),
      found: {
        start: 0,
        end: 0,
        text: words,
        type: 'person' as const,
        origin: 'ner' as const,
        ...extra,
      },
    });
    const added = await repos.suggestions.addFound(source.id, [
      found('Kanter', 0, { origin: 'known-entity', entityIds: [kanter.id] }),
      found('Kanter', 1, { origin: 'known-entity', entityIds: [kanter.id] }),
      found('Acme', 0, { type: 'company' }),
      found('Apple', 0, { type: 'company' }),
      found('apple', 0, { type: 'company' }),
    ]);
    return { repos, source, text, kanter, added, found };
  }

  it('groups open suggestions by the words they found', async () => {
    const { repos, added } = await withSuggestions();
    expect(added).toBe(5);
    const { groups } = await repos.suggestions.openGroups();
    expect(groups.map((g) => [g.term, g.count])).toEqual([
      ['apple', 2],
      ['kanter', 2],
      ['acme', 1],
    ]);
  });

  it('accepts into mentions, rejects for good, and "always ignore" keeps words out', async () => {
    const { repos, source, kanter, found } = await withSuggestions();
    const entityId = await repos.suggestions.acceptGroup('kanter', { entityId: kanter.id });
    expect(entityId).toBe(kanter.id);
    const mentions = await repos.mentions.forEntity(kanter.id);
    expect(mentions).toHaveLength(2);
    expect(mentions.every((m) => m.origin === 'known-entity' && m.status === 'confirmed')).toBe(
      true,
    );

    const [acme] = await repos.suggestions.openInGroup('acme');
    const created = await repos.suggestions.accept([acme!.id], { name: 'Acme', type: 'company' });
    expect((await repos.entities.get(created))?.name).toBe('Acme');

    expect(await repos.suggestions.rejectGroup('apple')).toBe(2);
    expect(await repos.suggestions.countOpen()).toBe(0);

    // Found again: rejected passages, accepted ones and tagged ones do not come back.
    const again = await repos.suggestions.addFound(source.id, [
      found('Apple', 0, { type: 'company' }),
      found('Kanter', 0),
      found('Acme', 0),
    ]);
    expect(again).toBe(0);

    await repos.suggestions.ignoreTerm('ACME ');
    expect(await repos.suggestions.ignoredTerms()).toEqual(new Set(['acme']));
    const text2 = 'Acme again. Acme.';
    const other = await addText(repos, text2);
    expect(
      await repos.suggestions.addFound(other.id, [
        {
          anchor: at(text2, 'Acme'),
          found: { start: 0, end: 4, text: 'Acme', type: 'company', origin: 'ner' },
        },
      ]),
    ).toBe(0);
  });

  it('"always ignore" takes every open suggestion of the words out of the queue', async () => {
    const { repos } = await withSuggestions();
    expect(await repos.suggestions.ignoreTerm('apple')).toBe(2);
    const { groups } = await repos.suggestions.openGroups();
    expect(groups.map((g) => g.term)).toEqual(['kanter', 'acme']);
  });

  it('follows a merge and its undo', async () => {
    const { repos, kanter } = await withSuggestions();
    const other = await repos.entities.create({ name: 'E. Kanter', type: 'person' });
    const merge = await repos.entities.merge(other.id, kanter.id);
    const [first] = await repos.suggestions.openInGroup('kanter');
    expect(first?.entityIds).toEqual([other.id]);
    await repos.entities.undoMerge(merge.id);
    const [back] = await repos.suggestions.openInGroup('kanter');
    expect(back?.entityIds).toEqual([kanter.id]);
  });
});
