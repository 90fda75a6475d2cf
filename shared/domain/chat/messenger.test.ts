import { describe, expect, it } from 'vitest';
import { repairMojibake } from './common';
import { corpusAvailable, corpusText } from './corpus.test-support';
import { detectChatFormat, detectChatZip } from './detect';
import { parseInstagram } from './instagram';
import { parseMessengerLike } from './messenger';
import { parseChatExport } from './parse';

/** What Facebook writes for a string: its UTF-8 bytes, each as a Latin-1 character. */
function mojibake(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return String.fromCharCode(...bytes);
}

describe('repairing Facebook’s mojibake', () => {
  it('decodes strings that are UTF-8 bytes read as Latin-1', () => {
    for (const text of [
      'Café',
      'Zoë',
      'Ελληνικά',
      'Москва',
      '北京',
      '😂 lol',
      'Ã is a letter',
      '€ 10',
    ]) {
      expect(repairMojibake(mojibake(text))).toBe(text);
    }
  });

  it('leaves alone what does not decode cleanly as a whole', () => {
    for (const text of [
      'café',
      'plain ascii',
      'Ã',
      'Ã©t\u00e9',
      '北京 Ã©',
      '\u00c3\u0028',
      '\u00e2\u0082',
      '\u00c0\u00af',
      '\u00ed\u00a0\u0080',
      '',
    ]) {
      expect(repairMojibake(text)).toBe(text);
    }
  });
});

const thread = {
  participants: [{ name: mojibake('Zoë Dubois') }, { name: 'Ben' }],
  messages: [
    {
      sender_name: 'Ben',
      timestamp_ms: 1_600_000_300_000,
      content: 'newest',
      reactions: [{ reaction: mojibake('😮'), actor: mojibake('Zoë Dubois') }],
    },
    {
      sender_name: mojibake('Zoë Dubois'),
      timestamp_ms: 1_600_000_200_000,
      content: mojibake('Ça va? On se voit à 18h'),
      photos: [{ uri: 'messages/inbox/zoe_1/photos/1.jpg', creation_timestamp: 1 }],
    },
    {
      sender_name: 'Ben',
      timestamp_ms: 1_600_000_100_000,
      content: 'Ben added Cy to the group.',
      type: 'Subscribe',
      users: [{ name: 'Cy' }],
    },
    {
      sender_name: 'Ben',
      timestamp_ms: 1_600_000_100_000,
      content: 'same time, earlier in the file is later',
      is_unsent: false,
    },
    {
      sender_name: 'Ben',
      timestamp_ms: 1_600_000_000_000,
      type: 'Share',
      share: { link: 'https://example.org/story' },
      content: 'Ben sent a link.',
    },
  ],
  title: mojibake('Zoë Dubois'),
  is_still_participant: true,
  thread_type: 'Regular',
  thread_path: 'inbox/zoe_1',
};

describe('Facebook Messenger and Instagram JSON', () => {
  it('puts messages oldest first, repairs every string, says so, and reads events', () => {
    const result = parseMessengerLike('facebook-messenger', [{ files: [thread] }]);
    if (!result.ok) throw new Error(result.reason);
    const conversation = result.chat.conversations[0]!;
    expect(conversation).toMatchObject({
      name: 'Zoë Dubois',
      exportId: 'inbox/zoe_1',
      participants: ['Zoë Dubois', 'Ben'],
    });
    expect(conversation.messages.map((m) => m.text)).toEqual([
      'Ben sent a link.',
      'same time, earlier in the file is later',
      'Ben added Cy to the group.',
      'Ça va? On se voit à 18h',
      'newest',
    ]);
    const [share, , added, photo, newest] = conversation.messages;
    expect(share!.extra).toMatchObject({
      type: 'Share',
      links: [{ text: 'https://example.org/story', href: 'https://example.org/story' }],
    });
    expect(added).toMatchObject({ system: true, extra: { type: 'Subscribe', users: ['Cy'] } });
    expect(photo).toMatchObject({
      sender: 'Zoë Dubois',
      sentAt: '2020-09-13T12:30:00Z',
      sentAtStated: '1600000200000',
      attachments: [{ name: 'messages/inbox/zoe_1/photos/1.jpg', kind: 'image' }],
    });
    expect(newest!.extra).toEqual({ reactions: [{ emoji: '😮', by: 'Zoë Dubois' }] });
    expect(result.chat.warnings[0]).toMatch(/^4 texts carried Facebook’s broken encoding/);
    expect(result.chat.timeZone.zone).toBe('UTC');
  });

  it('merges message_1.json, message_2.json… of one thread', () => {
    const entries = new Map([
      [
        'messages/inbox/zoe_1/message_1.json',
        JSON.stringify({ ...thread, messages: thread.messages.slice(0, 2) }),
      ],
      [
        'messages/inbox/zoe_1/message_2.json',
        JSON.stringify({ ...thread, messages: thread.messages.slice(2) }),
      ],
      [
        'messages/inbox/ana_2/message_1.json',
        JSON.stringify({
          participants: [{ name: 'Ana' }],
          messages: [{ sender_name: 'Ana', timestamp_ms: 1, content: 'hi' }],
          title: 'Ana',
        }),
      ],
    ]);
    const detected = detectChatZip('facebook-me-2024.zip', entries.keys());
    expect(detected.format).toBe('facebook-messenger');
    const result = parseChatExport({ fileName: 'facebook-me-2024.zip', entries });
    if (!result.ok) throw new Error(result.reason);
    expect(result.chat.conversations.map((c) => [c.name, c.messages.length])).toEqual([
      ['Zoë Dubois', 5],
      ['Ana', 1],
    ]);
  });

  it('reads the end-to-end encrypted Messenger layout', () => {
    const result = parseMessengerLike('facebook-messenger', [
      {
        files: [
          {
            participants: ['Ana', 'Ben'],
            threadName: 'Ana',
            messages: [
              {
                isUnsent: true,
                media: [{ uri: 'media/x.mp4' }],
                reactions: [{ reactor: 'Ben', reaction: '👍' }],
                senderName: 'Ana',
                text: '',
                timestamp: 1_700_000_000_000,
                type: 'text',
              },
            ],
          },
        ],
      },
    ]);
    if (!result.ok) throw new Error(result.reason);
    expect(result.chat.conversations[0]!.messages[0]).toMatchObject({
      sender: 'Ana',
      sentAt: '2023-11-14T22:13:20Z',
      attachments: [{ name: 'media/x.mp4', kind: 'video' }],
      extra: { deleted: true, reactions: [{ emoji: '👍', by: 'Ben' }] },
    });
  });

  it('tells Instagram from the path, and refuses other JSON', () => {
    expect(
      detectChatFormat(
        'your_instagram_activity/messages/inbox/ana_1/message_1.json',
        JSON.stringify(thread),
      ).format,
    ).toBe('instagram');
    expect(
      detectChatFormat('messages/inbox/ana_1/message_1.json', JSON.stringify(thread)).format,
    ).toBe('facebook-messenger');
    expect(parseMessengerLike('instagram', [{ files: [{ messages: [{ a: 1 }] }] }]).ok).toBe(false);
  });
});

describe.skipIf(!corpusAvailable('Messenger and Instagram'))(
  'Messenger and Instagram: the corpus files',
  () => {
    it('reads chat-analytics’ Messenger sample: BOM, newest first, files, audio, stickers, photos', () => {
      const text = corpusText('messenger/chat-analytics__2A_7M.json');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(detectChatFormat('messenger/chat-analytics__2A_7M.json', text).format).toBe(
        'facebook-messenger',
      );
      const result = parseChatExport({ fileName: 'messenger/chat-analytics__2A_7M.json', text });
      if (!result.ok) throw new Error(result.reason);
      const conversation = result.chat.conversations[0]!;
      expect(conversation).toMatchObject({ name: 'Alice', participants: ['Alice', 'Bob'] });
      expect(conversation.messages.map((m) => m.text)).toEqual([
        '',
        '',
        '',
        '',
        'you what',
        'Whats up!',
        'Hello',
      ]);
      expect(conversation.messages.slice(0, 4).map((m) => m.attachments[0]!.kind)).toEqual([
        'image',
        'sticker',
        'audio',
        'file',
      ]);
      expect(conversation.messages[6]!.sentAt).toBe('2014-11-05T00:35:32.056Z');
      expect(result.chat.warnings).toEqual([]);
    });

    it('matches chat-miner’s expected parse of the Instagram sample (UTC, no offset)', () => {
      const target = JSON.parse(corpusText('instagram/chat-miner__target.json')) as {
        timestamp: string;
        author: string;
        message: string;
      }[];
      const result = parseInstagram([
        {
          path: 'instagram/chat-miner__test_export.json',
          files: [JSON.parse(corpusText('instagram/chat-miner__test_export.json'))],
        },
      ]);
      if (!result.ok) throw new Error(result.reason);
      expect(result.chat.format).toBe('instagram');
      const ours = result.chat.conversations[0]!.messages.map((m) => ({
        timestamp: m.sentAt!.replace(/Z$/, ''),
        author: m.sender,
        message: m.text,
      }));
      // chat-miner lists newest first.
      expect(ours.reverse()).toEqual(target);
      // Through the entry point with the reporter's choice of layout, too.
      const chosen = parseChatExport({
        fileName: 'test_export.json',
        text: corpusText('instagram/chat-miner__test_export.json'),
        format: 'instagram',
      });
      expect(chosen.ok && chosen.chat.format).toBe('instagram');
    });
  },
);
