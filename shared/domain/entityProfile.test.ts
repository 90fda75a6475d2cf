import { describe, expect, it } from 'vitest';
import type { Anchor } from '../schemas/anchor';
import { buildEntityProfile } from './entityProfile';
import { parsePartialDate } from './partialDate';

const text = (start: number, end: number, messageId?: string): Anchor => ({
  type: 'text',
  position: { start, end },
  quote: { exact: 'x'.repeat(end - start), prefix: '', suffix: '' },
  ...(messageId ? { scope: { messageId } } : {}),
});

describe('buildEntityProfile', () => {
  it('dates, co-occurring entities and citing events', () => {
    const april = parsePartialDate('April 2019');
    if (!april.ok) throw new Error();
    const mentions = [
      { id: '1', entityId: 'k', sourceId: 'chat', anchor: text(0, 6, 'm1') },
      { id: '2', entityId: 'k', sourceId: 'chat', anchor: text(0, 6, 'm2') },
      { id: '3', entityId: 'k', sourceId: 'memo', anchor: text(10, 16) },
    ];
    const profile = buildEntityProfile({
      entityId: 'k',
      mentions,
      sourceMentions: [
        ...mentions,
        { id: '4', entityId: 'o', sourceId: 'chat', anchor: text(10, 15, 'm1') },
        { id: '5', entityId: 'o', sourceId: 'chat', anchor: text(10, 15, 'm2') },
        { id: '6', entityId: 'h', sourceId: 'memo', anchor: text(40, 49) },
        { id: '7', entityId: 'z', sourceId: 'chat', anchor: text(0, 3, 'm9') },
      ],
      messageTimes: new Map([
        ['m1', '2020-04-14T09:00:00Z'],
        ['m2', '2021-01-02T10:00:00Z'],
      ]),
      sourceDates: new Map([['memo', april.date]]),
      citations: [
        { eventId: 'e1', sourceId: 'memo', anchor: text(0, 20) },
        { eventId: 'e2', sourceId: 'memo', anchor: text(30, 50) },
        { eventId: 'e3', sourceId: 'chat', anchor: { type: 'message', messageId: 'm2' } },
      ],
    });
    expect(profile.firstSeen?.label).toBe('April 2019');
    expect(profile.lastSeen?.label).toBe('2021-01-02');
    expect(profile.coOccurring).toEqual([
      { entityId: 'o', count: 2 },
      { entityId: 'h', count: 1 },
    ]);
    expect(profile.citingEventIds.sort()).toEqual(['e1', 'e3']);
  });

  it('has no dates when nothing is dated', () => {
    const profile = buildEntityProfile({
      entityId: 'k',
      mentions: [{ id: '1', entityId: 'k', sourceId: 's', anchor: text(0, 1) }],
      sourceMentions: [],
      messageTimes: new Map(),
      sourceDates: new Map(),
      citations: [],
    });
    expect(profile.firstSeen).toBeUndefined();
    expect(profile.coOccurring).toEqual([]);
  });
});
