import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusBytes, unzip, zipTextEntries } from './corpus.test-support';
import { detectChatZip } from './detect';
import { parseChatExport } from './parse';
import { parseSlack, slackText } from './slack';
import type { ParsedChat } from './types';

const users = [
  {
    id: 'U1',
    name: 'ana',
    real_name: 'Ana García',
    profile: { real_name: 'Ana García', display_name: 'ana' },
  },
  { id: 'U2', name: 'ben', profile: { display_name: 'Benji' } },
  { id: 'U3', name: 'cy', profile: { real_name: 'Cy Okafor' } },
];

function exportOf(files: Record<string, unknown>, prefix = ''): Map<string, string> {
  return new Map(
    Object.entries(files).map(([path, value]) => [
      prefix + path,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
}

function chatOf(entries: Map<string, string>): ParsedChat {
  const result = parseSlack(entries);
  if (!result.ok) throw new Error(result.reason);
  return result.chat;
}

const workspace = {
  'users.json': users,
  'channels.json': [{ id: 'C1', name: 'general', members: ['U1', 'U2'] }],
  'groups.json': [{ id: 'G1', name: 'secret-plans', members: ['U1', 'U3'] }],
  'dms.json': [{ id: 'D1', members: ['U1', 'U2'] }],
  'mpims.json': [{ id: 'G2', name: 'mpdm-ana--ben--cy-1', members: ['U1', 'U2', 'U3'] }],
  'general/2021-03-02.json': [
    { type: 'message', user: 'U2', text: 'second day', ts: '1614683000.000100' },
  ],
  'general/2021-03-01.json': [
    {
      type: 'message',
      subtype: 'channel_join',
      user: 'U2',
      text: '<@U2> has joined the channel',
      ts: '1614592800.000100',
    },
    {
      type: 'message',
      user: 'U1',
      text: 'Hi <@U2>, see <https://example.org/doc?a=1&amp;b=2|the doc> in <#C1|general> &lt;now&gt; <!here>',
      ts: '1614596400.000200',
      thread_ts: '1614596400.000200',
      reply_count: 1,
      reactions: [{ name: 'eyes', users: ['U2'], count: 1 }],
    },
    {
      type: 'message',
      user: 'U2',
      text: 'On it',
      ts: '1614596500.000300',
      thread_ts: '1614596400.000200',
      parent_user_id: 'U1',
      edited: { user: 'U2', ts: '1614596600.000000' },
    },
    {
      type: 'message',
      user: 'U1',
      text: '',
      ts: '1614596700.000400',
      files: [
        {
          id: 'F1',
          name: 'ledger.xlsx',
          mimetype: 'application/vnd.ms-excel',
          url_private: 'https://files.slack.com/x?t=xoxe-secret',
          permalink: 'https://ws.slack.com/files/U1/F1/ledger.xlsx',
        },
        { id: 'F2', name: 'photo.jpg', mimetype: 'image/jpeg' },
        { id: 'F3', mode: 'tombstone' },
      ],
    },
    {
      type: 'message',
      subtype: 'bot_message',
      bot_id: 'B1',
      username: 'GitHub',
      text: '',
      attachments: [
        { pretext: 'New commit', text: '<https://github.com/x|abc123>: fix', fallback: 'x' },
      ],
      ts: '1614596800.000500',
    },
    {
      type: 'message',
      user: 'U9',
      user_profile: { real_name: 'Guest Person', display_name: 'guest' },
      text: 'hello from outside',
      ts: '1614596900.000600',
    },
  ],
  'secret-plans/2021-03-01.json': [
    { type: 'message', user: 'U3', text: 'private', ts: '1614596400.000100' },
  ],
  'D1/2021-03-01.json': [{ type: 'message', user: 'U2', text: 'just us', ts: '1614596400.000100' }],
  'mpdm-ana--ben--cy-1/2021-03-01.json': [
    { type: 'message', user: 'U3', text: 'all three', ts: '1614596400.000100' },
  ],
};

describe('Slack workspace export', () => {
  it('reads every kind of conversation, named so a reporter can tell them apart', () => {
    const chat = chatOf(exportOf(workspace));
    expect(chat.format).toBe('slack-export');
    expect(chat.conversations.map((c) => [c.name, c.exportId, c.messages.length])).toEqual([
      ['#general', 'C1', 7],
      ['#secret-plans', 'G1', 1],
      ['Group DM: Ana García, Benji, Cy Okafor', 'G2', 1],
      ['DM: Ana García, Benji', 'D1', 1],
    ]);
    expect(chat.timeZone).toMatchObject({ zone: 'UTC' });
    expect(chat.warnings).toEqual([]);
  });

  it('orders day files by date, resolves users and mentions, keeps links', () => {
    const general = chatOf(exportOf(workspace)).conversations[0]!;
    expect(general.messages.map((m) => m.sentAt)).toEqual([
      '2021-03-01T10:00:00Z',
      '2021-03-01T11:00:00Z',
      '2021-03-01T11:01:40Z',
      '2021-03-01T11:05:00Z',
      '2021-03-01T11:06:40Z',
      '2021-03-01T11:08:20Z',
      '2021-03-02T11:03:20Z',
    ]);
    const [join, hi] = general.messages;
    expect(join).toMatchObject({
      system: true,
      sender: 'Benji',
      senderId: 'U2',
      text: '@Benji has joined the channel',
    });
    expect(hi).toMatchObject({
      sender: 'Ana García',
      exportId: '1614596400.000200',
      sentAtStated: '1614596400.000200',
      text: 'Hi @Benji, see the doc in #general <now> @here',
    });
    expect(hi!.extra).toMatchObject({
      links: [{ text: 'the doc', href: 'https://example.org/doc?a=1&b=2' }],
      reactions: [{ emoji: 'eyes', count: 1, by: ['Benji'] }],
      replyCount: 1,
    });
    expect(general.participants).toEqual(['Ana García', 'Benji', 'Guest Person']);
  });

  it('links thread replies to their parent and reads edits', () => {
    const general = chatOf(exportOf(workspace)).conversations[0]!;
    const reply = general.messages[2]!;
    expect(reply).toMatchObject({
      text: 'On it',
      replyToExportId: '1614596400.000200',
      replyToSeq: 1,
      edited: true,
      editedAtStated: '1614596600.000000',
    });
    expect(general.messages[1]!.replyToExportId).toBeUndefined();
  });

  it('lists shared files as attachments left out of the export, never keeping access tokens', () => {
    const chat = chatOf(exportOf(workspace));
    const files = chat.conversations[0]!.messages[3]!;
    expect(files.attachments).toEqual([
      { name: 'ledger.xlsx', kind: 'file', omitted: true },
      { name: 'photo.jpg', kind: 'image', omitted: true },
      { name: 'file (deleted)', kind: 'file', omitted: true },
    ]);
    expect(files.extra!.links).toEqual([
      { text: 'ledger.xlsx', href: 'https://ws.slack.com/files/U1/F1/ledger.xlsx' },
    ]);
    expect(JSON.stringify(chat)).not.toContain('xoxe');
  });

  it('reads bots’ messages from their attachments, not as events', () => {
    const bot = chatOf(exportOf(workspace)).conversations[0]!.messages[4]!;
    expect(bot).toMatchObject({
      system: false,
      sender: 'GitHub',
      senderId: 'B1',
      text: 'New commit\nabc123: fix',
    });
    expect(bot.extra).toMatchObject({ bot: true, subtype: 'bot_message' });
  });

  it('reads an export zipped inside a folder, and folders no list names', () => {
    const chat = chatOf(
      exportOf(
        {
          'users.json': users,
          'channels.json': [{ id: 'C1', name: 'general', members: [] }],
          'general/2021-03-01.json': [
            { type: 'message', user: 'U1', text: 'a', ts: '1614596400.000100' },
          ],
          'stray/2021-03-01.json': [
            { type: 'message', user: 'U1', text: 'b', ts: '1614596400.000100' },
          ],
          'broken/2021-03-01.json': '[{"type": "message", "ts": "1',
        },
        'Acme Slack export Mar 1 2021/',
      ),
    );
    expect(chat.conversations.map((c) => c.name)).toEqual(['#general', '#stray', '#broken']);
    expect(chat.warnings.join(' ')).toMatch(/2 folders of messages are not in channels.json/);
    expect(chat.warnings.join(' ')).toMatch(
      /1 file could not be read as Slack JSON .*broken\/2021-03-01.json/,
    );
  });

  it('says when users.json is missing, and fails when there is no conversation', () => {
    const chat = chatOf(
      exportOf({
        'channels.json': [{ id: 'C1', name: 'x' }],
        'x/2021-01-01.json': [{ type: 'message', user: 'U1', text: 'hi', ts: '1609459200.000001' }],
      }),
    );
    expect(chat.conversations[0]!.messages[0]!.sender).toBe('U1');
    expect(chat.warnings[0]).toMatch(/no users.json/);
    expect(parseSlack(new Map([['users.json', '[]']])).ok).toBe(false);
  });

  it('turns Slack markup into plain text', () => {
    const people = new Map([['U1', { name: 'Ana' }]]);
    expect(
      slackText(
        '<@U1> <@U2|bob> <!channel> <!subteam^S1|@team> <mailto:a@example.org|a@example.org> <tel:+123> a &amp; b',
        people,
      ),
    ).toBe('@Ana @bob @channel @team a@example.org +123 a & b');
    expect(slackText('no markup', people)).toBe('no markup');
  });
});

describe.skipIf(!corpusAvailable('Slack'))('Slack: the corpus export', () => {
  it('reads slack-export-viewer’s test archive: 158 messages in 2 channels, names resolved', () => {
    const zip = unzip(corpusBytes('slack/slack-export-viewer__testarchive.zip'));
    const detected = detectChatZip('testarchive.zip', zip.keys());
    expect(detected.format).toBe('slack-export');
    const entries = zipTextEntries(
      zip,
      (p) => detected.format !== 'unknown' && detected.textEntries.includes(p),
    );
    const result = parseChatExport({ fileName: 'testarchive.zip', entries });
    if (!result.ok) throw new Error(result.reason);
    const { chat } = result;
    expect(chat.warnings).toEqual([]);
    expect(chat.conversations.map((c) => [c.name, c.messages.length])).toEqual([
      ['#enrique', 102],
      ['#traveling-sailor', 56],
    ]);
    const all = chat.conversations.flatMap((c) => c.messages);
    expect(all).toHaveLength(158);
    expect(all.filter((m) => /<@U[A-Z0-9]+>/.test(m.text))).toEqual([]);
    expect(all.every((m) => m.sentAt?.endsWith('Z'))).toBe(true);
    expect(all.filter((m) => m.extra?.subtype === 'channel_join').every((m) => m.system)).toBe(
      true,
    );
    expect(
      all
        .filter((m) => m.extra?.subtype === 'bot_message')
        .every((m) => !m.system && m.text !== ''),
    ).toBe(true);
    expect(all.filter((m) => m.edited)).toHaveLength(1);
    const shared = all
      .filter((m) => m.extra?.subtype === 'file_share')
      .flatMap((m) => m.attachments);
    expect(shared.map((a) => a.name)).toEqual(['100_cities.js', '10_cities.js', 'cities1000.js']);
    expect(shared.every((a) => a.omitted)).toBe(true);
    expect(chat.conversations[0]!.participants).toEqual([
      'heroeshannibal',
      'Hamza Faran',
      'Hermione Granger',
      'Harry Potter',
    ]);
    expect(JSON.stringify(chat)).not.toContain('xoxe');
  });
});
