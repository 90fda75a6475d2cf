import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusText } from './corpus.test-support';
import { detectChatFormat, detectChatZip } from './detect';
import { parseChatExport } from './parse';
import { parseSignalJsonLines, parseSignalText } from './signal';
import type { ParsedChat } from './types';

function chatOf(result: ReturnType<typeof parseSignalText>): ParsedChat {
  if (!result.ok) throw new Error(result.reason);
  return result.chat;
}

// signal-export's chat.md as it writes it: a blank line after each message, two spaces ending each
// body (a Markdown line break), quotes, reactions, stickers and attachments in Markdown.
const CHAT_MD = [
  '[2023-05-02 09:15:04] Ana: Did you get the files?  ',
  '',
  '[2023-05-02 09:16:10] Me: ',
  '',
  '> Did you get the files?',
  '> all of them',
  '',
  'Yes, all three  ',
  '(- Ana: 👍, Ben: ❤️ -)',
  '',
  '[2023-05-02 09:17:00] Ana: ![IMG_0001.jpg](./media/2023-05-02T09-17-00.000_00_IMG_0001.jpg)  [minutes.pdf](./media/minutes%20final.pdf)  ',
  '',
  '[2023-05-02 09:18:00] Ben: ',
  '(( 😀 ))',
  '',
  '[2023-05-02 09:19:00] Ana: (This message was deleted)',
  '',
].join('\n');

describe('signal-export', () => {
  it('reads chat.md: local times, quotes, reactions, stickers, attachments, deletions', () => {
    const chat = chatOf(parseSignalText('Ana', CHAT_MD));
    expect(chat.format).toBe('signal-export');
    expect(chat.timeZone.zone).toBeUndefined();
    expect(chat.timeZone.assumption).toMatch(/local time of the computer it ran on/);
    const [first, reply, files, sticker, deleted] = chat.conversations[0]!.messages;
    expect(first).toMatchObject({
      sender: 'Ana',
      text: 'Did you get the files?',
      sentAt: '2023-05-02T09:15:04',
      sentAtStated: '2023-05-02 09:15:04',
    });
    expect(reply).toMatchObject({
      sender: 'Me',
      text: 'Yes, all three',
      extra: {
        quote: 'Did you get the files?\nall of them',
        reactions: [
          { by: 'Ana', emoji: '👍' },
          { by: 'Ben', emoji: '❤️' },
        ],
      },
    });
    expect(files).toMatchObject({
      text: '',
      attachments: [
        { name: 'media/2023-05-02T09-17-00.000_00_IMG_0001.jpg', kind: 'image' },
        { name: 'media/minutes final.pdf', kind: 'file' },
      ],
    });
    expect(sticker!.attachments).toEqual([{ name: '😀', kind: 'sticker', omitted: true }]);
    expect(deleted!.extra).toEqual({ deleted: true });
    expect(chat.conversations[0]!.participants).toEqual(['Ana', 'Me', 'Ben']);
  });

  it('reads data.json (one JSON object per line) and skips broken lines', () => {
    const lines = [
      JSON.stringify({
        date: '2023-05-02T09:15:04.123000',
        sender: 'Ana',
        body: 'hello  ',
        quote: '',
        sticker: null,
        reactions: [['Ben', '👍']],
        attachments: [{ name: 'a.jpg', path: 'media/a.jpg' }],
        deleted: false,
        call: false,
        missed: false,
      }),
      '{"date": "2023-05-02T09:16:00", "sender": "Me", "bo',
      JSON.stringify({
        date: '2023-05-02T09:17:00',
        sender: 'Me',
        body: 'Outgoing voice call (accepted, 2m 3s)',
        call: true,
        reactions: [],
        attachments: [],
      }),
    ].join('\n');
    const chat = chatOf(parseSignalJsonLines('Ana', lines));
    const [hello, call] = chat.conversations[0]!.messages;
    expect(hello).toMatchObject({
      sentAt: '2023-05-02T09:15:04',
      sentAtStated: '2023-05-02T09:15:04.123000',
      text: 'hello',
      attachments: [{ name: 'media/a.jpg', kind: 'image' }],
      extra: { reactions: [{ by: 'Ben', emoji: '👍' }] },
    });
    expect(call).toMatchObject({ system: true });
    expect(chat.warnings[0]).toMatch(/1 line could not be read as JSON/);
  });

  it('is told from WhatsApp’s ISO-date layout by its file name and its Markdown line breaks', () => {
    expect(detectChatFormat('Ana/chat.md', CHAT_MD).format).toBe('signal-export');
    expect(detectChatFormat('export.txt', CHAT_MD).format).toBe('signal-export');
    expect(detectChatFormat('export.txt', '[2019-12-24, 12:23] Jane: Hello\n').format).toBe(
      'signal-export',
    );
    // Swedish WhatsApp on iOS writes the same brackets, without the trailing spaces.
    expect(
      detectChatFormat(
        '_chat.txt',
        '[2019-12-24 12:23:05] Jane: Hej\n[2019-12-24 12:24:05] Ola: Hej\n',
      ).format,
    ).toBe('whatsapp-ios');
    expect(
      detectChatFormat(
        'export.txt',
        '[2019-12-24 12:23:05] Jane: Hej\n[2019-12-24 12:24:05] Ola: Hej\n',
      ).format,
    ).toBe('whatsapp-ios');
  });

  it('reads a zipped export folder: one conversation per chat folder, data.json preferred', () => {
    const entries = new Map([
      ['signal-export/Ana/chat.md', CHAT_MD],
      ['signal-export/Team/chat.md', '[2023-01-01 10:00:00] Ben: from markdown  \n'],
      [
        'signal-export/Team/data.json',
        JSON.stringify({ date: '2023-01-01T10:00:00', sender: 'Ben', body: 'from json' }),
      ],
    ]);
    const detected = detectChatZip('signal.zip', entries.keys());
    expect(detected).toEqual({
      format: 'signal-export',
      textEntries: ['signal-export/Ana/chat.md', 'signal-export/Team/data.json'],
    });
    const result = parseChatExport({ fileName: 'signal.zip', entries });
    if (!result.ok) throw new Error(result.reason);
    expect(
      result.chat.conversations.map((c) => [c.name, c.messages.length, c.messages[0]!.text]),
    ).toEqual([
      ['Ana', 5, 'Did you get the files?'],
      ['Team', 1, 'from json'],
    ]);
  });
});

describe.skipIf(!corpusAvailable('Signal'))('Signal: the corpus file', () => {
  it('matches chat-miner’s expected parse of test_export.txt', () => {
    const text = corpusText('signal/chat-miner__test_export.txt');
    expect(detectChatFormat('signal/chat-miner__test_export.txt', text).format).toBe(
      'signal-export',
    );
    const result = parseChatExport({ fileName: 'signal/chat-miner__test_export.txt', text });
    const chat = chatOf(result);
    const target = JSON.parse(corpusText('signal/chat-miner__target.json')) as {
      timestamp: string;
      author: string;
      message: string;
    }[];
    // chat-miner joins lines with spaces and lists newest first.
    const ours = chat.conversations[0]!.messages.map((m) => ({
      timestamp: m.sentAt,
      author: m.sender,
      message: m.text.replace(/\n/g, ' '),
    }));
    expect(ours.reverse()).toEqual(target);
  });
});
