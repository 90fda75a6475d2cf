// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { date, newCase, addText } from '../../test/caseFixtures';
import { createTextAnchor } from '@shared/domain/textAnchor';
import { eventActions, EventHistory } from './history';

const TEXT = 'On 14 April 2020 Oduya met Halvorsen. Two weeks later the ministry paid.';

describe('undo and redo', () => {
  it('takes back and makes again edits, deletes and citation changes, logging each', async () => {
    const repos = await newCase();
    const memo = await addText(repos, TEXT);
    const history = new EventHistory();
    const actions = eventActions(repos, history);
    const event = await actions.create({ title: 'Meeting', date: date('14 April 2020') }, [
      { sourceId: memo.id, anchor: createTextAnchor(TEXT, 3, 16) },
    ]);
    await actions.update(event.id, { title: 'Oduya meets Halvorsen', date: date('April 2020') });
    expect(history.getState().undoLabel).toBe('Edit “Oduya meets Halvorsen”');
    await history.undo();
    expect(await repos.events.get(event.id)).toMatchObject({
      title: 'Meeting',
      date: date('14 April 2020'),
    });
    expect(history.getState().redoLabel).toBe('Edit “Oduya meets Halvorsen”');
    await history.redo();
    expect((await repos.events.get(event.id))?.title).toBe('Oduya meets Halvorsen');

    const [cited] = await actions.addCitations(event.id, [
      { sourceId: memo.id, anchor: createTextAnchor(TEXT, 17, 36) },
    ]);
    await history.undo();
    expect(await repos.events.citationCount(event.id)).toBe(1);
    await history.redo();
    expect((await repos.events.citationsOf(event.id)).map((c) => c.id)).toContain(cited!.id);
    await actions.removeCitations([cited!.id]);
    await history.undo();
    expect(await repos.events.citationCount(event.id)).toBe(2);

    await actions.remove(event.id);
    expect(await repos.events.get(event.id)).toBeUndefined();
    await history.undo();
    expect(await repos.events.citationCount(event.id)).toBe(2);
    await history.redo();
    expect(await repos.events.get(event.id)).toBeUndefined();
    await history.undo();
    expect(await repos.events.get(event.id)).toBeDefined();
    const log = await repos.activity.latest(50);
    expect(log.filter((e) => e.details?.via === 'undo').length).toBeGreaterThanOrEqual(5);
    expect(log.filter((e) => e.details?.via === 'redo').length).toBeGreaterThanOrEqual(3);
    expect((await repos.activity.verify()).ok).toBe(true);
  });

  it('drops a command that can no longer be undone and says why', async () => {
    const repos = await newCase();
    const history = new EventHistory();
    const actions = eventActions(repos, history);
    const event = await actions.create({ title: 'Meeting', date: date('2020') });
    await actions.update(event.id, { title: 'Renamed' });
    await repos.events.remove(event.id); // deleted outside the history
    await expect(history.undo()).rejects.toThrow(/no longer in this case/);
    expect(history.getState().undoLabel).toBe('Add “Meeting”');
  });
});
