import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, corpusText } from './corpus.test-support';
import { detectChatFormat } from './detect';
import { parseDiscord } from './discord';
import { parseChatExport } from './parse';
import type { ParsedChat } from './types';

function chatOf(...values: unknown[]): ParsedChat {
  const result = parseDiscord(values);
  if (!result.ok) throw new Error(result.reason);
  return result.chat;
}

const author = { id: '1', name: 'ana', discriminator: '0001', nickname: 'Ana', isBot: false };

describe('DiscordChatExporter JSON', () => {
  it('normalises times with an offset to UTC and keeps them as stated', () => {
    const chat = chatOf({
      guild: { id: '9', name: 'Newsroom' },
      channel: { id: '5', type: 'GuildTextChat', name: 'leads' },
      messages: [
        {
          id: '100',
          type: 'Default',
          timestamp: '2023-01-17T21:33:07.489+02:00',
          timestampEdited: '2023-01-17T21:40:00+02:00',
          content: 'first',
          author,
          attachments: [
            {
              id: 'a',
              url: 'https://cdn.discordapp.com/attachments/1/2/scan.pdf',
              fileName: 'scan.pdf',
            },
            { id: 'b', url: 'leads_Files/photo-1.jpg', fileName: 'photo.jpg' },
          ],
          reactions: [{ emoji: { id: null, name: '👀' }, count: 2 }],
          isPinned: true,
        },
        {
          id: '101',
          type: 'Reply',
          timestamp: '2023-01-17T19:34:00+00:00',
          content: 'reply',
          author: { id: '2', name: 'ben' },
          reference: { messageId: '100' },
        },
        {
          id: '102',
          type: 'RecipientAdd',
          timestamp: '2023-01-17T19:35:00+00:00',
          content: 'Added cy to the group.',
          author,
        },
      ],
    });
    const conversation = chat.conversations[0]!;
    expect(conversation).toMatchObject({
      name: 'Newsroom / #leads',
      exportId: '5',
      participants: ['Ana', 'ben'],
    });
    const [first, reply, event] = conversation.messages;
    expect(first).toMatchObject({
      sentAt: '2023-01-17T19:33:07.489Z',
      sentAtStated: '2023-01-17T21:33:07.489+02:00',
      sender: 'Ana',
      senderId: '1',
      edited: true,
      editedAtStated: '2023-01-17T21:40:00+02:00',
      attachments: [
        { name: 'scan.pdf', kind: 'file', omitted: true },
        { name: 'leads_Files/photo-1.jpg', kind: 'image' },
      ],
      extra: { pinned: true, reactions: [{ emoji: '👀', count: 2 }] },
    });
    expect(reply).toMatchObject({
      replyToExportId: '100',
      replyToSeq: 0,
      system: false,
      sentAt: '2023-01-17T19:34:00Z',
    });
    expect(event).toMatchObject({ system: true, text: 'Added cy to the group.' });
    expect(chat.timeZone.zone).toBe('UTC');
  });

  it('reads several channel files as several conversations and refuses other JSON', () => {
    const one = {
      guild: { id: '0', name: 'Direct Messages' },
      channel: { id: '1', name: 'ana' },
      messages: [],
    };
    const chat = chatOf(one, { ...one, channel: { id: '2', name: 'ben' } }, { not: 'discord' });
    expect(chat.conversations.map((c) => c.name)).toEqual(['ana', 'ben']);
    expect(parseDiscord([{ messages: [] }, null, 'x']).ok).toBe(false);
  });
});

describe.skipIf(!corpusAvailable('Discord'))('Discord: every file of the corpus', () => {
  const files = corpusFiles('discord', /\.json$/);

  it('finds the corpus files', () => {
    expect(files).toHaveLength(3);
  });

  it.each(files)('%s is detected and read', (path) => {
    const text = corpusText(path);
    expect(detectChatFormat(path, text).format).toBe('discord-chat-exporter');
    const result = parseChatExport({ fileName: path, text });
    if (!result.ok) throw new Error(result.reason);
    const messages = result.chat.conversations[0]!.messages;
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.sentAt?.endsWith('Z'))).toBe(true);
  });

  it('reads the DM: calls are events, bots keep their nickname, reactions kept', () => {
    const chat = chatOf(JSON.parse(corpusText('discord/chat-analytics__DM_2A_2M.json')));
    const conversation = chat.conversations[0]!;
    expect(conversation.name).toBe('Someones name');
    expect(conversation.messages.map((m) => [m.sender, m.system])).toEqual([
      ['mlomb', false],
      ['Someones nickname', false],
      ['Someones nickname', true],
    ]);
    expect(conversation.messages[0]!.extra!.reactions).toEqual([{ emoji: '👆', count: 42 }]);
    expect(conversation.messages[2]!.extra).toMatchObject({
      type: 'Call',
      callEndedAtStated: '2020-07-17T21:14:52.787+00:00',
    });
  });

  it('reads the group DM: channel changes as events, a reply linked to its message', () => {
    const chat = chatOf(JSON.parse(corpusText('discord/chat-analytics__GC_3A_5M.json')));
    const messages = chat.conversations[0]!.messages;
    expect(messages.map((m) => m.system)).toEqual([true, false, true, false, false, true]);
    expect(messages[4]).toMatchObject({ replyToExportId: '1064990824305274930', replyToSeq: 1 });
    // The file says 5 messages and holds 6: said, not hidden.
    expect(chat.warnings).toEqual([
      '“a group chat” says it holds 5 messages but 6 messages were found.',
    ]);
  });

  it('reads the server channel: edits, attachments, stickers, the nickname fallback, a repeated id', () => {
    const chat = chatOf(JSON.parse(corpusText('discord/chat-analytics__SV_5A_5M.json')));
    const messages = chat.conversations[0]!.messages;
    expect(chat.conversations[0]!.name).toBe('DefleMask / #general-chiptune');
    expect(messages[0]).toMatchObject({ edited: true, sender: 'Deleted User' });
    expect(messages[2]!.sender).toBe('mlomb');
    expect(messages[3]!.attachments).toEqual([
      { name: 'unknown.png', kind: 'image', omitted: true },
      { name: 'Laugh', kind: 'sticker', omitted: true },
    ]);
    expect(chat.warnings.join(' ')).toMatch(/“459136077417021488”.*every copy was kept/);
  });
});
