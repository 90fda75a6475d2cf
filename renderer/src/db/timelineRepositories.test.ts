// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { date, newCase, addText } from '../test/caseFixtures';
import { createTextAnchor } from '@shared/domain/textAnchor';

const TEXT = 'On 14 April 2020 Oduya met Halvorsen. Two weeks later the ministry paid.';

describe('evidence of the timeline’s cards', () => {
  it('reads the first citations of several events, and how many each has, at once', async () => {
    const repos = await newCase();
    const memo = await addText(repos, TEXT);
    const many = await repos.events.create({ title: 'Meeting', date: date('14 April 2020') }, [
      { sourceId: memo.id, anchor: createTextAnchor(TEXT, 3, 16) },
      { sourceId: memo.id, anchor: createTextAnchor(TEXT, 17, 36) },
      { sourceId: memo.id, anchor: createTextAnchor(TEXT, 38, 53) },
      { sourceId: memo.id, anchor: createTextAnchor(TEXT, 54, 72) },
    ]);
    const none = await repos.events.create({ title: 'Rumour', date: date('2020') });
    const summaries = await repos.events.citationSummaries([many.id, none.id, 'gone'], 3);
    const first = summaries.get(many.id)!;
    expect(first.count).toBe(4);
    // The same first three, in the same order, as the event's own list gives.
    expect(first.citations.map((c) => c.citation.id)).toEqual(
      (await repos.events.citationsOf(many.id, 3)).map((c) => c.id),
    );
    expect(first.citations.every((c) => c.sourceTitle === 'memo' && c.health === 'ok')).toBe(true);
    expect(summaries.get(none.id)).toEqual({ count: 0, citations: [] });
    expect(summaries.get('gone')).toEqual({ count: 0, citations: [] });
  });
});

describe('events, citations and comments', () => {
  it('adds citations to an existing event, removes and restores them, all logged', async () => {
    const repos = await newCase();
    const memo = await addText(repos, TEXT);
    const event = await repos.events.create({ title: 'Meeting', date: date('14 April 2020') }, [
      { sourceId: memo.id, anchor: createTextAnchor(TEXT, 3, 16) },
    ]);
    const added = await repos.events.addCitations(event.id, [
      { sourceId: memo.id, anchor: createTextAnchor(TEXT, 17, 36) },
      {
        sourceId: memo.id,
        anchor: { type: 'region', regions: [{ x: 1, y: 2, width: 3, height: 4 }] },
      },
    ]);
    expect(await repos.events.citationCount(event.id)).toBe(3);
    const removed = await repos.events.removeCitations([added[0]!.id]);
    expect(removed).toHaveLength(1);
    expect(await repos.events.citationCount(event.id)).toBe(2);
    await repos.events.restoreCitations(removed, { via: 'undo' });
    expect((await repos.events.citationsOf(event.id)).map((c) => c.id)).toContain(added[0]!.id);
    const actions = (await repos.activity.latest(4)).map((e) => e.summary);
    expect(actions[0]).toMatch(
      /^Undo: Cited “Oduya met Halvorsen” from “memo” for “Meeting” again/,
    );
    expect(actions[1]).toMatch(/^Removed the citation/);
    expect((await repos.activity.verify()).ok).toBe(true);
  });

  it('updates verification and tags, reporting what changed', async () => {
    const repos = await newCase();
    const event = await repos.events.create({ title: 'Meeting', date: date('2020') });
    const change = await repos.events.update(event.id, {
      verification: 'corroborated',
      tags: [' meeting ', 'meeting', 'money'],
    });
    expect(change.before).toEqual({ tags: [], verification: 'unverified' });
    expect(change.after).toEqual({ tags: ['meeting', 'money'], verification: 'corroborated' });
    const none = await repos.events.update(event.id, { verification: 'corroborated' });
    expect(none.before).toEqual({});
    const tags = await repos.tags.list();
    expect(tags.map((t) => [t.name, t.count])).toEqual([
      ['meeting', 1],
      ['money', 1],
    ]);
    await repos.tags.setColor('money', 'green');
    expect((await repos.tags.list()).find((t) => t.name === 'money')?.color).toBe('green');
    const [log] = await repos.activity.latest(1);
    expect(log?.action).toBe('tag.update');
  });

  it('logs a description by size and hash, and refuses one too long', async () => {
    const repos = await newCase();
    const doc = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(1_000) }] }],
    };
    const event = await repos.events.create({
      title: 'Long',
      date: date('2020'),
      description: doc,
    });
    await repos.events.update(event.id, { description: undefined });
    const [entry] = await repos.activity.latest(1);
    expect(entry?.details).toMatchObject({
      description: { before: { chars: expect.any(Number) }, after: null },
    });
    expect((await repos.events.get(event.id))?.description).toBeUndefined();
    const huge = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'y'.repeat(2_100_000) }] }],
    };
    await expect(repos.events.update(event.id, { description: huge })).rejects.toThrow(/too long/);
  });

  it('deletes an event with everything it holds and puts it back exactly', async () => {
    const repos = await newCase();
    const memo = await addText(repos, TEXT);
    const event = await repos.events.create({ title: 'Meeting', date: date('2020') }, [
      { sourceId: memo.id, anchor: createTextAnchor(TEXT, 3, 16) },
    ]);
    await repos.events.addComment(event.id, 'Check with the registry.');
    await repos.events.setReview(event.id, 'questioned');
    const snapshot = await repos.events.remove(event.id);
    expect(await repos.events.get(event.id)).toBeUndefined();
    await repos.events.restore(snapshot!, { via: 'undo' });
    expect(await repos.events.get(event.id)).toEqual(snapshot!.event);
    expect(await repos.events.commentsOf(event.id)).toEqual(snapshot!.comments);
    expect(await repos.events.citationsOf(event.id)).toEqual(snapshot!.citations);
    expect(snapshot!.comments[0]).toMatchObject({
      author: 'Ana Reporter',
      body: 'Check with the registry.',
    });
  });

  it('records reviews and refuses empty comments', async () => {
    const repos = await newCase();
    const event = await repos.events.create({ title: 'Meeting', date: date('2020') });
    await repos.events.setReview(event.id, 'approved');
    await repos.events.setReview(event.id, 'approved');
    expect((await repos.events.get(event.id))?.review).toBe('approved');
    const log = await repos.activity.forRecord(event.id);
    expect(log.map((e) => e.action)).toEqual(['event.create', 'event.review']);
    await expect(repos.events.addComment(event.id, '   ')).rejects.toThrow(/Write something/);
  });

  it('flags a citation whose quote a correction removed', async () => {
    const repos = await newCase();
    const memo = await addText(repos, TEXT);
    const event = await repos.events.create({ title: 'Meeting', date: date('2020') }, [
      { sourceId: memo.id, anchor: createTextAnchor(TEXT, 17, 36) },
      { sourceId: memo.id, anchor: createTextAnchor(TEXT, 54, 71) },
    ]);
    const citations = await repos.events.citationsOf(event.id);
    expect([...(await repos.events.checkCitations(citations)).values()]).toEqual(['ok', 'ok']);
    // A correction: a new revision where the first quote is gone and the second has moved.
    const corrected =
      'Correction. On 14 April 2020 the director met nobody. Two weeks later the ministry paid.';
    const db = repos.store.db;
    await db.texts.add({
      id: 'rev2',
      sourceId: memo.id,
      sourceSha256: memo.sha256,
      revision: 2,
      kind: 'correction',
      text: corrected,
      basedOn: memo.currentRevisionId,
      createdAt: new Date().toISOString(),
      createdBy: 'Ana Reporter',
    });
    await db.sources.update(memo.id, { currentRevisionId: 'rev2' });
    const health = await repos.events.checkCitations(citations);
    const byQuote = Object.fromEntries(
      citations.map((c) => [
        c.anchor.type === 'text' ? c.anchor.quote.exact : '',
        health.get(c.id),
      ]),
    );
    expect(byQuote).toEqual({ 'Oduya met Halvorsen': 'missing', 'the ministry paid': 'moved' });
  });

  it('writes many events in bulk with one log entry each, chained', async () => {
    const repos = await newCase();
    const list = Array.from({ length: 1_200 }, (_, i) => ({
      title: `Event ${i}`,
      date: date(`${1990 + (i % 30)}`),
    }));
    expect(await repos.events.bulkCreate(list, 500)).toBe(1_200);
    expect(await repos.events.count()).toBe(1_200);
    expect(await repos.activity.count()).toBe(1_201);
    expect((await repos.activity.verify()).ok).toBe(true);
  });

  it('keeps a case notes page, logging size and hash', async () => {
    const repos = await newCase();
    expect(await repos.notes.get()).toBeUndefined();
    const doc = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Leads' }] }],
    };
    await repos.notes.save(doc);
    await repos.notes.save(doc);
    expect((await repos.notes.get())?.doc).toEqual(doc);
    const log = await repos.activity.forRecord('case-notes');
    expect(log).toHaveLength(1);
    expect(log[0]?.details).toMatchObject({ before: null, after: { chars: expect.any(Number) } });
  });
});
