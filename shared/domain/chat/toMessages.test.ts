import { describe, expect, it } from 'vitest';
import type { ParsedChat } from './types';
import { chatToMessages, LOCAL_DEVICE_TIME, messageDate } from './toMessages';

/** A parsed export written out by hand (the shape the parsers produce). */
const chat: ParsedChat = {
  format: 'telegram-json',
  timeZone: { zone: 'UTC', assumption: 'Telegram gives Unix times, shown in UTC.' },
  warnings: [],
  conversations: [
    {
      name: 'Harbour group',
      exportId: '42',
      participants: ['Ana', 'Bo'],
      messages: [
        {
          seq: 0,
          exportId: '100',
          sentAtStated: '1586869200',
          sentAt: '2020-04-14T13:00:00Z',
          text: 'Ana created the group',
          system: true,
          attachments: [],
        },
        {
          seq: 1,
          exportId: '101',
          sender: 'Ana',
          senderId: 'user1',
          sentAtStated: '1586869260',
          sentAt: '2020-04-14T13:01:00Z',
          text: 'Invoice attached',
          system: false,
          attachments: [{ name: 'files/invoice.pdf', kind: 'file' }, { name: 'photo.jpg', omitted: true }],
        },
        {
          seq: 2,
          exportId: '102',
          sender: 'Bo',
          sentAtStated: '1586869320',
          sentAt: '2020-04-14T13:02:00Z',
          text: 'Got it',
          system: false,
          replyToExportId: '101',
          edited: true,
          attachments: [],
        },
      ],
    },
    {
      name: 'Bo',
      participants: ['Ana', 'Bo'],
      messages: [
        { seq: 0, sender: 'Bo', sentAtStated: 'x', text: 'first', system: false, attachments: [] },
        { seq: 1, sender: 'Ana', sentAtStated: 'y', text: 'second', system: false, replyToSeq: 0, attachments: [] },
      ],
    },
  ],
};

describe('chatToMessages', () => {
  it('numbers messages through the source, resolves replies and links attachments', () => {
    const { messages, metadata } = chatToMessages(chat, new Map([['files/invoice.pdf', 'src-1']]));
    expect(messages.map((m) => m.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(messages[0]).toMatchObject({ system: true, conversation: 'Harbour group' });
    expect(messages[1]).toMatchObject({
      sender: 'Ana',
      sentAt: '2020-04-14T13:01:00Z',
      sentAtStated: '1586869260',
      timeZoneAssumption: 'UTC',
      attachments: [{ name: 'files/invoice.pdf', sourceId: 'src-1' }, { name: 'photo.jpg' }],
      extra: { exportId: '101', senderId: 'user1', attachmentDetails: expect.any(Array) },
    });
    expect(messages[2]).toMatchObject({ replyToSeq: 1, edited: true });
    expect(messages[4]).toMatchObject({ replyToSeq: 3, conversation: 'Bo' });
    expect(metadata.conversations).toEqual([
      { name: 'Harbour group', exportId: '42', participants: ['Ana', 'Bo'], firstSeq: 0, count: 3 },
      { name: 'Bo', participants: ['Ana', 'Bo'], firstSeq: 3, count: 2 },
    ]);
    expect(metadata.messageCount).toBe(5);
  });

  it('says the zone is unknown when the export gives none', () => {
    const local = chatToMessages({ ...chat, timeZone: { assumption: 'Device time.' } });
    expect(local.messages[0]?.timeZoneAssumption).toBe(LOCAL_DEVICE_TIME);
  });
});

describe('messageDate', () => {
  it('keeps a wall-clock time as written, with the zone only when one is known', () => {
    expect(messageDate({ sentAt: '2019-06-20T15:58:47' })).toEqual({
      start: { year: 2019, month: 6, day: 20, hour: 15, minute: 58 },
      approximate: false,
    });
    expect(messageDate({ sentAt: '2019-06-20T15:58' }, 'Europe/Berlin')).toMatchObject({
      timeZone: 'Europe/Berlin',
    });
  });

  it('shows an absolute time in the named zone, or UTC', () => {
    expect(messageDate({ sentAt: '2020-04-14T13:00:00Z' })).toEqual({
      start: { year: 2020, month: 4, day: 14, hour: 13, minute: 0 },
      approximate: false,
      timeZone: 'UTC',
    });
    expect(messageDate({ sentAt: '2020-04-14T13:00:00Z' }, 'Europe/Oslo')).toMatchObject({
      start: { hour: 15 },
      timeZone: 'Europe/Oslo',
    });
    expect(messageDate({})).toBeUndefined();
  });
});
