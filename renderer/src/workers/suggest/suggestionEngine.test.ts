// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { newCase } from '../../test/caseFixtures';
import { sha256Hex } from '@shared/domain/hashing';
import type { Message } from '@shared/schemas/records';
import { newId, type CaseRepositories } from '../../db';
import { SuggestionEngine } from './suggestionEngine';

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

const groups = async (repos: CaseRepositories) =>
  (await repos.suggestions.openGroups()).groups.map((g) => [g.term, g.count, g.sample.origin]);

describe('SuggestionEngine', () => {
  it('suggests known entities, patterns and NER names in new sources, and in old ones for new names', async () => {
    const repos = await newCase('Suggestions');
    await repos.entities.create({ name: 'Halvorsen Ltd', type: 'company', aliases: ['Halvorsen'] });
    await addText(
      repos,
      'memo',
      'Minister Grace Oduya met Halvorsen. Write to ops@halvorsen.example. Oduya denied it; HALVORSEN did too.',
    );
    const engine = new SuggestionEngine(repos);
    await engine.open();
    await engine.sync();
    expect(await groups(repos)).toEqual([
      ['halvorsen', 2, 'known-entity'],
      ['grace oduya', 1, 'ner'],
      ['oduya', 1, 'ner'],
      ['ops@halvorsen.example', 1, 'pattern'],
    ]);

    // A new entity is looked for in every source; open NER suggestions become known-entity ones.
    await repos.entities.create({ name: 'Grace Oduya', type: 'person', aliases: ['Oduya'] });
    await engine.sync();
    const [first] = await repos.suggestions.openInGroup('grace oduya');
    expect(first?.origin).toBe('known-entity');
    expect((await repos.suggestions.openInGroup('oduya')).length).toBe(1);

    // Rejected and ignored words do not come back when the source is read again.
    await repos.suggestions.rejectGroup('halvorsen');
    await repos.suggestions.ignoreTerm('ops@halvorsen.example');
    const engine2 = new SuggestionEngine(repos);
    await repos.store.db.meta.clear(); // forget how far the log was read: read everything again
    await engine2.open();
    await engine2.sync();
    expect((await groups(repos)).map(([term]) => term)).toEqual(['grace oduya', 'oduya']);
  });

  it('reads chat messages one by one, with the message in the anchor', async () => {
    const repos = await newCase('Suggestions');
    await repos.entities.create({ name: 'Kanter', type: 'person' });
    const outcome = await repos.sources.add({
      kind: 'chat',
      title: 'chat',
      mediaType: 'text/plain',
      sha256: sha256Hex('chat'),
      origin: 'file',
      bytes: new Blob(['chat']),
    });
    if (outcome.status !== 'imported') throw new Error();
    const { db } = repos.store;
    const messages: Message[] = ['Kanter paid', 'call +44 20 7946 0958', 'no names here'].map(
      (text, seq) => ({
        id: newId(),
        sourceId: outcome.source.id,
        seq,
        text,
      }),
    );
    await repos.store.write([db.messages], async (log) => {
      await db.messages.bulkAdd(messages);
      await log({
        action: 'source.messages',
        recordType: 'source',
        recordId: outcome.source.id,
        summary: 'messages',
      });
    });
    const engine = new SuggestionEngine(repos, () => {}, { ner: false });
    await engine.open();
    await engine.sync();
    const kanter = await repos.suggestions.openInGroup('kanter');
    expect(kanter).toHaveLength(1);
    expect(kanter[0]?.anchor).toMatchObject({
      type: 'text',
      scope: { messageId: messages[0]?.id },
      position: { start: 0, end: 6 },
    });
    expect((await groups(repos)).map(([term]) => term)).toEqual(['+44 20 7946 0958', 'kanter']);
  });
});
