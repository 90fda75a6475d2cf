import { describe, expect, it } from 'vitest';
import { attachmentKindOf, isoFromEpochMs, isoToUtc, linkReplies, participantsOf } from './common';
import type { ParsedConversation, ParsedMessage } from './types';

const message = (seq: number, fields: Partial<ParsedMessage> = {}): ParsedMessage => ({
  seq,
  sentAtStated: '',
  text: '',
  system: false,
  attachments: [],
  ...fields,
});

describe('chat parser helpers', () => {
  it('writes epoch times as UTC ISO, with milliseconds only when there are some', () => {
    expect(isoFromEpochMs(0)).toBe('1970-01-01T00:00:00Z');
    expect(isoFromEpochMs(1_415_147_732_056)).toBe('2014-11-05T00:35:32.056Z');
    expect(isoFromEpochMs(Number.NaN)).toBeUndefined();
    expect(isoFromEpochMs(9e15)).toBeUndefined();
  });

  it('normalises ISO times with offsets to UTC and refuses anything else', () => {
    expect(isoToUtc('2018-05-20T18:09:44.209+02:00')).toBe('2018-05-20T16:09:44.209Z');
    expect(isoToUtc('2018-05-20T16:09:44Z')).toBe('2018-05-20T16:09:44Z');
    expect(isoToUtc('2018-05-20T16:09:44')).toBeUndefined();
    expect(isoToUtc('yesterday')).toBeUndefined();
  });

  it('guesses attachment kinds from WhatsApp names, extensions and media types', () => {
    expect(attachmentKindOf('00000012-PHOTO-2020-04-14.jpg')).toBe('image');
    expect(attachmentKindOf('STK-20200414-WA0001.webp')).toBe('sticker');
    expect(attachmentKindOf('PTT-20200414-WA0001.opus')).toBe('audio');
    expect(attachmentKindOf('VID-1.MP4')).toBe('video');
    expect(attachmentKindOf('Ana.vcf')).toBe('contact');
    expect(attachmentKindOf('ledger.xlsx')).toBe('file');
    expect(attachmentKindOf('blob', 'image/png')).toBe('image');
  });

  it('links replies to messages in the same conversation, and only those', () => {
    const conversation: ParsedConversation = {
      name: 'c',
      participants: [],
      messages: [
        message(0, { exportId: 'a' }),
        message(1, { exportId: 'b', replyToExportId: 'a' }),
        message(2, { replyToExportId: 'zzz' }),
        message(3, { exportId: 'c', replyToExportId: 'c' }),
      ],
    };
    linkReplies(conversation);
    expect(conversation.messages.map((m) => m.replyToSeq)).toEqual([
      undefined,
      0,
      undefined,
      undefined,
    ]);
  });

  it('lists participants who wrote, known ones first', () => {
    expect(
      participantsOf(
        [
          message(0, { sender: 'B' }),
          message(1, { sender: 'S', system: true }),
          message(2, { sender: 'A' }),
          message(3, { sender: 'B' }),
        ],
        ['C'],
      ),
    ).toEqual(['C', 'B', 'A']);
  });
});
