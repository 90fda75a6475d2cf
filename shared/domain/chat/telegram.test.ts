import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, corpusText } from './corpus.test-support';
import { detectChatFormat } from './detect';
import { parseChatExport } from './parse';
import { parseTelegram, telegramText } from './telegram';
import type { ParsedChat } from './types';

function chatOf(value: unknown): ParsedChat {
  const result = parseTelegram(value);
  if (!result.ok) throw new Error(result.reason);
  return result.chat;
}

describe('Telegram Desktop JSON', () => {
  it('uses date_unixtime for sentAt (UTC) and keeps date as stated', () => {
    const chat = chatOf({
      name: 'Ana',
      type: 'personal_chat',
      id: 42,
      messages: [
        {
          id: 1,
          type: 'message',
          date: '2023-08-10T23:11:02',
          date_unixtime: '1691701862',
          from: 'Ana',
          from_id: 'user1',
          text: 'hello',
        },
      ],
    });
    expect(chat.format).toBe('telegram-json');
    expect(chat.timeZone.zone).toBe('UTC');
    expect(chat.timeZone.assumption).toMatch(/date_unixtime.*UTC.*local time/);
    expect(chat.conversations[0]).toMatchObject({
      name: 'Ana',
      exportId: '42',
      participants: ['Ana'],
    });
    expect(chat.conversations[0]!.messages[0]).toEqual({
      seq: 0,
      exportId: '1',
      sender: 'Ana',
      senderId: 'user1',
      sentAt: '2023-08-10T21:11:02Z',
      sentAtStated: '2023-08-10T23:11:02',
      text: 'hello',
      system: false,
      attachments: [],
    });
  });

  it('flattens text arrays and keeps link targets and mentions', () => {
    const links: { text: string; href: string }[] = [];
    const mentions: { text: string; userId: string }[] = [];
    const text = telegramText(
      [
        { type: 'bold', text: 'Deal' },
        ' signed, see ',
        { type: 'text_link', text: 'the file', href: 'https://example.org/f' },
        ' and ',
        { type: 'link', text: 'https://example.org' },
        ', ask ',
        { type: 'mention_name', text: 'Ben', user_id: 77 },
        { type: 'email', text: 'a@example.org' },
        42,
        null,
      ],
      links,
      mentions,
    );
    expect(text).toBe('Deal signed, see the file and https://example.org, ask Bena@example.org');
    expect(links).toEqual([
      { text: 'the file', href: 'https://example.org/f' },
      { text: 'https://example.org', href: 'https://example.org' },
      { text: 'a@example.org', href: 'mailto:a@example.org' },
    ]);
    expect(mentions).toEqual([{ text: 'Ben', userId: '77' }]);
  });

  it('reads the whole-account export: every chat, left chats too, and Saved Messages by type', () => {
    const chat = chatOf({
      about: 'Here is the data you requested.',
      personal_information: { user_id: 1, first_name: 'Me' },
      chats: {
        about: 'This page lists all chats from this export.',
        list: [
          {
            type: 'saved_messages',
            id: 1,
            messages: [
              {
                id: 1,
                type: 'message',
                date: '2021-01-01T10:00:00',
                date_unixtime: '1609495200',
                from: 'Me',
                text: 'note',
              },
            ],
          },
          { name: 'Team', type: 'private_group', id: 2, messages: [] },
          'junk',
        ],
      },
      left_chats: {
        list: [{ name: 'Old group', type: 'private_supergroup', id: 3, messages: [] }],
      },
    });
    expect(chat.conversations.map((c) => c.name)).toEqual(['Saved Messages', 'Team', 'Old group']);
  });

  it('reads service messages as events described in words', () => {
    const base = {
      type: 'service',
      date: '2021-03-18T15:20:24',
      actor: 'Ben',
      actor_id: 9,
      text: '',
    };
    const chat = chatOf({
      name: 'g',
      type: 'private_group',
      id: 1,
      messages: [
        { ...base, id: 1, action: 'invite_members', members: ['Ana', null] },
        { ...base, id: 2, action: 'remove_members', members: ['Ben'] },
        { ...base, id: 3, action: 'edit_group_title', title: 'Leaks' },
        { ...base, id: 4, action: 'phone_call', duration_seconds: 56, discard_reason: 'hangup' },
        { ...base, id: 5, action: 'something_new' },
      ],
    });
    expect(chat.conversations[0]!.messages.map((m) => [m.system, m.sender, m.text])).toEqual([
      [true, 'Ben', 'Ben added Ana, a deleted account'],
      [true, 'Ben', 'Ben left'],
      [true, 'Ben', 'Ben changed the group name to “Leaks”'],
      [true, 'Ben', 'Ben made a call (56 s, ended: hangup)'],
      [true, 'Ben', 'Ben: something new'],
    ]);
    expect(chat.conversations[0]!.participants).toEqual([]);
  });

  it('reads edits, forwards, replies and placeholders for files left out', () => {
    const chat = chatOf({
      name: 'g',
      type: 'private_group',
      id: 1,
      messages: [
        { id: 10, type: 'message', date: '2021-01-01T10:00:00', from: 'Ana', text: 'original' },
        {
          id: 11,
          type: 'message',
          date: '2021-01-01T10:01:00',
          edited: '2021-01-01T10:05:00',
          edited_unixtime: '1609495500',
          from: 'Ben',
          forwarded_from: 'Press office',
          reply_to_message_id: 10,
          file: '(File not included. Change data exporting settings to download.)',
          file_name: 'contract.pdf',
          mime_type: 'application/pdf',
          text: '',
        },
        {
          id: 12,
          type: 'message',
          date: '2021-01-01T10:02:00',
          from: 'Ana',
          reply_to_message_id: 999,
          text_entities: [{ type: 'plain', text: 'only entities' }],
        },
      ],
    });
    const [, forwarded, orphan] = chat.conversations[0]!.messages;
    expect(forwarded).toMatchObject({
      edited: true,
      editedAtStated: '2021-01-01T10:05:00',
      forwardedFrom: 'Press office',
      replyToExportId: '10',
      replyToSeq: 0,
      attachments: [{ name: 'contract.pdf', kind: 'file', omitted: true }],
    });
    expect(forwarded!.extra).toMatchObject({
      omittedReason: '(File not included. Change data exporting settings to download.)',
    });
    expect(orphan).toMatchObject({ replyToExportId: '999', text: 'only entities' });
    expect(orphan!.replyToSeq).toBeUndefined();
    // Only local times here: no zone, and the assumption says so.
    expect(chat.timeZone.zone).toBeUndefined();
    expect(chat.timeZone.assumption).toMatch(/only the exporting computer’s local time/);
  });

  it('refuses JSON that is not a Telegram export, and skips entries that are not messages', () => {
    for (const value of [null, [], {}, { messages: 'nope' }, { messages: [{ foo: 1 }] }, 'text']) {
      const result = parseTelegram(value);
      expect(result.ok).toBe(false);
    }
    const chat = chatOf({
      name: 'x',
      type: 'personal_chat',
      id: 1,
      messages: [{ id: 1, type: 'message', date: '2021-01-01T10:00:00', text: 'a' }, 7, null],
    });
    expect(chat.conversations[0]!.messages).toHaveLength(1);
    expect(chat.warnings[0]).toMatch(/2 entries .* not a message/);
  });
});

describe.skipIf(!corpusAvailable('Telegram'))('Telegram: every file of the corpus', () => {
  const files = corpusFiles('telegram', /\.json$/).filter((p) => !p.endsWith('target.json'));

  it('finds the corpus files', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('%s is detected and read', (path) => {
    const text = corpusText(path);
    expect(detectChatFormat(path, text).format).toBe('telegram-json');
    const result = parseChatExport({ fileName: path, text });
    if (!result.ok) throw new Error(result.reason);
    const messages = result.chat.conversations.flatMap((c) => c.messages);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.sentAt !== undefined && m.sentAtStated !== '')).toBe(true);
  });

  it('matches chat-miner’s expected parse of test_single_export.json (UTC, no offset)', () => {
    const target = JSON.parse(corpusText('telegram/chat-miner__target.json')) as {
      timestamp: string;
      author: string;
      message: string;
    }[];
    const chat = chatOf(JSON.parse(corpusText('telegram/chat-miner__test_single_export.json')));
    // chat-miner joins the parts of a text array with spaces; Telegram's text has none there.
    const squash = (s: string) => s.replace(/\s+/g, '');
    expect(
      chat.conversations[0]!.messages.map((m) => ({
        timestamp: m.sentAt!.replace(/Z$/, ''),
        author: m.sender,
        message: squash(m.text),
      })),
    ).toEqual(target.map((t) => ({ ...t, message: squash(t.message) })));
    expect(chat.timeZone.zone).toBe('UTC');
  });

  it('reads saved.json: rich text, forwards, media, polls, a pin and a reply', () => {
    const chat = chatOf(JSON.parse(corpusText('telegram/innerdvations/saved.json')));
    const conversation = chat.conversations[0]!;
    expect(conversation.name).toBe('Saved Messages');
    const byId = new Map(conversation.messages.map((m) => [m.exportId, m]));
    expect(byId.get('173429')).toMatchObject({
      text: "I'm a photo message sent straight to saved.",
      attachments: [{ name: 'photos/photo_1@01-08-2020_22-01-49.jpg', kind: 'image' }],
    });
    expect(byId.get('173430')!.text).toBe(
      'bold italic strikethrough underline @person http://google.com monospace http://mystery.knightlab.com/',
    );
    expect(byId.get('173430')!.extra!.links).toEqual([
      { text: 'http://google.com', href: 'http://google.com/' },
      { text: 'http://mystery.knightlab.com/', href: 'http://mystery.knightlab.com/' },
    ]);
    expect(byId.get('176390')).toMatchObject({
      forwardedFrom: 'Other Person',
      extra: { savedFrom: 'Other Person' },
    });
    expect(byId.get('207958')!.attachments).toEqual([
      { name: 'video_files/video_1@21-09-2020_01-02-38.mp4', kind: 'video' },
    ]);
    expect(byId.get('217584')!.attachments[0]).toMatchObject({ kind: 'audio' });
    expect(byId.get('226106')!.extra).toMatchObject({ viaBot: '@gif' });
    expect(byId.get('278329')).toMatchObject({
      text: 'DoNotChange',
      attachments: [{ name: 'stickers/sticker.webp', kind: 'sticker' }],
      extra: { stickerEmoji: '🤭' },
    });
    expect(byId.get('318170')!.attachments).toEqual([
      { name: 'video_file', kind: 'video', omitted: true },
    ]);
    expect(byId.get('4')).toMatchObject({
      system: true,
      sender: 'test',
      text: 'test pinned message 3',
    });
    expect(byId.get('5')).toMatchObject({ text: 'Poll: Poll question' });
    expect(byId.get('5')!.extra!.poll).toEqual({
      question: 'Poll question',
      answers: [
        { text: 'option 1', voters: 1 },
        { text: 'option 2', voters: 0 },
      ],
    });
    expect(byId.get('7')).toMatchObject({ replyToExportId: '6', replyToSeq: byId.get('6')!.seq });
    expect(byId.get('233144')!.text).toBe('"quoted text"');
  });

  it('reads public_supergroup.json: negative ids and group events', () => {
    const chat = chatOf(JSON.parse(corpusText('telegram/innerdvations/public_supergroup.json')));
    const messages = chat.conversations[0]!.messages;
    expect(messages.map((m) => m.exportId)).toEqual([
      '-999678450',
      '-999678449',
      '-999675685',
      '1',
    ]);
    expect(messages[0]!.text).toBe('Ben created the group “test” with Ben, BenBot');
    expect(messages.map((m) => m.system)).toEqual([true, false, true, true]);
  });

  it('reads chat-analytics’ DM: unixtime-only messages, calls, photos left out', () => {
    const chat = chatOf(JSON.parse(corpusText('telegram/chat-analytics__DM_2A_7M.json')));
    const messages = chat.conversations[0]!.messages;
    expect(messages[0]).toMatchObject({ system: true, text: 'Bob joined Telegram' });
    expect(messages[3]).toMatchObject({
      sentAt: '2022-05-09T22:23:53Z',
      sentAtStated: '1652135033',
      senderId: 'user700000000',
    });
    expect(messages[5]!.attachments).toEqual([{ name: 'photo', kind: 'image', omitted: true }]);
    expect(messages[7]).toMatchObject({
      system: true,
      text: 'Alice made a call (56 s, ended: hangup)',
      sentAt: '2023-08-11T02:11:02Z',
    });
    expect(chat.warnings.join(' ')).toMatch(/only a local time/);
  });
});
