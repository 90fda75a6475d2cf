import { describe, expect, it } from 'vitest';
import { listWhatsAppAttachments } from './attachments';
import {
  corpusAvailable,
  corpusBytes,
  corpusFiles,
  corpusText,
  unzip,
  zipTextEntries,
} from './corpus.test-support';
import { detectChatFormat, detectChatZip } from './detect';
import { parseChatExport } from './parse';
import type { ParsedChat, ParsedMessage } from './types';
import { parseWhatsApp, whatsAppChatNameFromFileName, WHATSAPP_TIME_ASSUMPTION } from './whatsapp';

function chatOf(text: string, name = 'Chat'): ParsedChat {
  const result = parseWhatsApp(name, text);
  if (!result.ok) throw new Error(result.reason);
  return result.chat;
}

function messagesOf(text: string): ParsedMessage[] {
  return chatOf(text).conversations[0]!.messages;
}

/** chat-miner joins a message's lines (and entity parts) with spaces; compare without them. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('WhatsApp: timestamps in the layouts and locales exports use', () => {
  it('reads the Android US layout with a 12-hour clock', () => {
    const [a, b] = messagesOf(
      '12/31/20, 9:41 PM - Ana: Happy new year\n1/1/21, 12:05 AM - Ben: You too\n',
    );
    expect(a).toMatchObject({
      sender: 'Ana',
      text: 'Happy new year',
      sentAt: '2020-12-31T21:41:00',
      sentAtStated: '12/31/20, 9:41 PM',
      system: false,
    });
    expect(b).toMatchObject({ sender: 'Ben', sentAt: '2021-01-01T00:05:00' });
    expect(chatOf('12/31/20, 9:41 PM - Ana: hi').format).toBe('whatsapp-android');
  });

  it('reads the iOS layout with dots and seconds', () => {
    const chat = chatOf('[31.12.20, 21:41:05] Ana: Hallo\n[01.01.21, 00:00:01] Ben: Prost');
    expect(chat.format).toBe('whatsapp-ios');
    expect(chat.conversations[0]!.messages.map((m) => m.sentAt)).toEqual([
      '2020-12-31T21:41:05',
      '2021-01-01T00:00:01',
    ]);
    expect(chat.warnings).toEqual([]);
  });

  it('reads U+202F and U+00A0 no-break spaces before AM/PM, and locale forms of AM/PM', () => {
    expect(messagesOf('[12/31/20, 9:41:05\u202FPM] Ana: hi')[0]!.sentAt).toBe(
      '2020-12-31T21:41:05',
    );
    expect(messagesOf('31/12/2020, 9:41\u00A0p.\u00A0m. - Ana: hola')[0]!.sentAt).toBe(
      '2020-12-31T21:41:00',
    );
    expect(messagesOf('31/12/2020, 11:30 a. m. - Ana: hola')[0]!.sentAt).toBe(
      '2020-12-31T11:30:00',
    );
    expect(messagesOf('24/12/2019 12:10 a.m. - Ana: medianoche')[0]!.sentAt).toBe(
      '2019-12-24T00:10:00',
    );
    expect(messagesOf('24/12/2019 12:10 p.m. - Ana: mediodía')[0]!.sentAt).toBe(
      '2019-12-24T12:10:00',
    );
    // Korean puts the marker before the time, with "2020. 12. 31." dates.
    expect(messagesOf('2020. 12. 31. 오후 9:41 - Ana: 안녕')[0]).toMatchObject({
      sentAt: '2020-12-31T21:41:00',
      text: '안녕',
    });
    expect(messagesOf('2020/12/31 午前9:41 - Ana: おはよう')[0]!.sentAt).toBe(
      '2020-12-31T09:41:00',
    );
  });

  it('reads dashes, year-first dates, 4-digit years, connecting words and dotted times', () => {
    expect(messagesOf('2020-12-31 21:41 - Ana: hej')[0]!.sentAt).toBe('2020-12-31T21:41:00');
    expect(messagesOf('31-12-2020 21:41 - Ana: hoi')[0]!.sentAt).toBe('2020-12-31T21:41:00');
    expect(messagesOf('[31/12/2020 à 21:41:05] Ana: salut')[0]!.sentAt).toBe('2020-12-31T21:41:05');
    expect(messagesOf('31.12.2020 klo 21.41 - Ana: moi')[0]!.sentAt).toBe('2020-12-31T21:41:00');
    expect(messagesOf('[2019/01/30, 20:49:00] Ana: x')[0]!.sentAt).toBe('2019-01-30T20:49:00');
  });

  it('strips a BOM and the U+200E marks iOS puts at the start of lines', () => {
    const [a, b] = messagesOf(
      '\uFEFF[20.06.19, 15:58:47] \u200EMessages to this group are now secured with end-to-end encryption.\r\n\u200E[20.06.19, 15:58:57] Loris: Welcome\r\n',
    );
    expect(a).toMatchObject({
      system: true,
      text: 'Messages to this group are now secured with end-to-end encryption.',
    });
    expect(a!.sender).toBeUndefined();
    expect(b).toMatchObject({ sender: 'Loris', text: 'Welcome', system: false });
  });
});

describe('WhatsApp: day/month order decided from the whole file', () => {
  it('is decided by a first field above 12 anywhere in the file', () => {
    const chat = chatOf(
      '01/02/20, 10:00 - Ana: a\n05/03/20, 10:00 - Ana: b\n25/03/20, 10:00 - Ana: c',
    );
    expect(chat.conversations[0]!.messages.map((m) => m.sentAt)).toEqual([
      '2020-02-01T10:00:00',
      '2020-03-05T10:00:00',
      '2020-03-25T10:00:00',
    ]);
    expect(chat.warnings).toEqual([]);
  });

  it('is decided by a second field above 12 anywhere in the file', () => {
    const chat = chatOf('01/02/20, 10:00 - Ana: a\n03/25/20, 10:00 - Ana: b');
    expect(chat.conversations[0]!.messages[0]!.sentAt).toBe('2020-01-02T10:00:00');
    expect(chat.warnings).toEqual([]);
  });

  it('uses the time order of the messages when no field is above 12, and says so', () => {
    // Day first: 1 Feb, 3 Feb, 5 Feb, 2 Mar (in order). Month first: 2 Jan, 2 Mar, 2 May, 3 Feb.
    const chat = chatOf(
      '01/02/20, 10:00 - Ana: a\n03/02/20, 10:00 - Ana: b\n05/02/20, 10:00 - Ana: c\n02/03/20, 10:00 - Ana: d',
    );
    expect(chat.conversations[0]!.messages[3]!.sentAt).toBe('2020-03-02T10:00:00');
    expect(chat.warnings).toHaveLength(1);
    expect(chat.warnings[0]).toMatch(
      /Day\/month was chosen because it keeps the messages in time order/,
    );
  });

  it('says what it assumed when nothing decides', () => {
    const dotted = chatOf('[01.02.20, 10:00:00] Ana: a');
    expect(dotted.conversations[0]!.messages[0]!.sentAt).toBe('2020-02-01T10:00:00');
    expect(dotted.warnings[0]).toMatch(/could not be decided.*day\/month \(31\/12\).*dots/);

    const american = chatOf('1/2/20, 10:00 AM - Ana: a');
    expect(american.conversations[0]!.messages[0]!.sentAt).toBe('2020-01-02T10:00:00');
    expect(american.warnings[0]).toMatch(/could not be decided.*month\/day \(12\/31\).*AM\/PM/);
  });

  it('warns when the dates disagree, and reads them as most of them fit', () => {
    const chat = chatOf(
      '25/01/20, 10:00 - Ana: a\n26/01/20, 10:00 - Ana: b\n01/27/20, 10:00 - Ana: c',
    );
    expect(chat.warnings[0]).toMatch(/disagree/);
    const [, , c] = chat.conversations[0]!.messages;
    expect(c!.sentAt).toBeUndefined();
    expect(chat.warnings[1]).toMatch(/does not exist.*“01\/27\/20, 10:00”/);
  });

  it('takes the order from the caller when given', () => {
    const result = parseWhatsApp('x', '01/02/20, 10:00 - Ana: a', { dateOrder: 'mdy' });
    expect(result.ok && result.chat.conversations[0]!.messages[0]!.sentAt).toBe(
      '2020-01-02T10:00:00',
    );
    expect(result.ok && result.chat.warnings).toEqual([]);
  });

  it('leaves the time empty for dates that do not exist, and says which', () => {
    const chat = chatOf('31/01/21, 10:00 - Ana: a\n31/02/21, 10:00 - Ana: b');
    const [a, b] = chat.conversations[0]!.messages;
    expect(a!.sentAt).toBe('2021-01-31T10:00:00');
    expect(b!.sentAt).toBeUndefined();
    expect(b!.sentAtStated).toBe('31/02/21, 10:00');
    expect(chat.warnings.join(' ')).toMatch(/1 message has a date or time that does not exist/);
  });

  it('reads an unknown AM/PM word as a 24-hour time and says so', () => {
    const chat = chatOf('31/12/20, 9:41 xyz - Ana: a');
    expect(chat.conversations[0]!.messages[0]!.sentAt).toBe('2020-12-31T09:41:00');
    expect(chat.warnings.join(' ')).toMatch(/“xyz” is not a known AM\/PM form/);
  });
});

describe('WhatsApp: message bodies', () => {
  it('joins multiline messages, keeps inner blank lines and drops the trailing ones', () => {
    const [a, b] = messagesOf(
      '31/12/20, 10:00 - Ana: first line\r\n\r\nthird line\r\n\r\n\r\n31/12/20, 10:01 - Ben: next\r\n',
    );
    expect(a!.text).toBe('first line\n\nthird line');
    expect(b!.text).toBe('next');
  });

  it('does not start a message at a line that only begins with a date', () => {
    const messages = messagesOf(
      '31/12/20, 10:00 - Ana: the dates are\n31/12/20 and 1/1/21\n12:00 works',
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text).toBe('the dates are\n31/12/20 and 1/1/21\n12:00 works');
  });

  it('marks system lines: encryption notices, joins, group changes with colons in them', () => {
    const messages = messagesOf(
      [
        '31/12/20, 10:00 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.',
        '31/12/20, 10:00 - Ana created group "Plans"',
        '31/12/20, 10:01 - Ana added Ben',
        '31/12/20, 10:02 - Ana changed the subject from "Plans" to "Plans: 2021"',
        '31/12/20, 10:03 - Ben left',
        '31/12/20, 10:04 - Ben: a message: with a colon',
      ].join('\n'),
    );
    expect(messages.map((m) => m.system)).toEqual([true, true, true, true, true, false]);
    expect(messages[3]!.text).toBe('Ana changed the subject from "Plans" to "Plans: 2021"');
    expect(messages[5]).toMatchObject({ sender: 'Ben', text: 'a message: with a colon' });
  });

  it('reads an event iOS writes under the contact’s name after a U+200E mark', () => {
    const [m] = messagesOf(
      '[1/2/21, 10:00:00] Ana: \u200EMessages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
    );
    expect(m).toMatchObject({ system: true, sender: 'Ana' });
    expect(m!.text.startsWith('Messages and calls')).toBe(true);
  });

  it('reads a known sender with an empty or unspaced body, not as an event', () => {
    const messages = messagesOf(
      '01/01/19, 11:25 - John Doe: Lorem\n20/01/19, 11:23 - John Doe:.\n20/01/19, 11:24 - John Doe:',
    );
    expect(messages[1]).toMatchObject({ sender: 'John Doe', text: '.', system: false });
    expect(messages[2]).toMatchObject({ sender: 'John Doe', text: '', system: false });
  });

  it('reads edited markers (Android and iOS) into edited', () => {
    const [a, b] = messagesOf(
      '31/12/20, 10:00 - Ana: fixed it <This message was edited>\n[31/12/20, 10:01:00] Ben: also \u200E<This message was edited>',
    );
    expect(a).toMatchObject({ text: 'fixed it', edited: true });
    expect(b).toMatchObject({ text: 'also', edited: true });
  });

  it('reads deleted messages', () => {
    const [a, b, c] = messagesOf(
      '31/12/20, 10:00 - Ana: This message was deleted\n[31/12/20, 10:01:00] Ben: \u200EYou deleted this message.\n31/12/20, 10:02 - Ana: Diese Nachricht wurde gelöscht',
    );
    for (const m of [a, b, c]) expect(m!.extra).toEqual({ deleted: true });
    expect(b!.system).toBe(false);
  });

  it('reads attachments: iOS <attached:>, Android (file attached) with a caption, omitted media', () => {
    const messages = messagesOf(
      [
        '[14/04/20, 13:00:00] Ana: \u200E<attached: 00000012-PHOTO-2020-04-14-13-00-00.jpg>',
        '14/04/20, 13:01 - Ben: IMG-20200414-WA0003.jpg (file attached)',
        'Look at this',
        '14/04/20, 13:02 - Ben: <Media omitted>',
        '[14/04/20, 13:03:00] Ana: \u200Eimage omitted',
        '[14/04/20, 13:04:00] Ana: \u200EReport.pdf • \u200E3 pages \u200Edocument omitted',
        '14/04/20, 13:05 - Ben: PTT-20200414-WA0001.opus (Datei angehängt)',
        '14/04/20, 13:06 - Ben: <Medien ausgeschlossen>',
        '[14/04/20, 13:07:00] Ana: \u200E<attached: 00000013-STICKER-2020-04-14.webp>',
      ].join('\n'),
    );
    expect(messages.map((m) => [m.text, m.attachments])).toEqual([
      ['', [{ name: '00000012-PHOTO-2020-04-14-13-00-00.jpg', kind: 'image' }]],
      ['Look at this', [{ name: 'IMG-20200414-WA0003.jpg', kind: 'image' }]],
      ['', [{ name: '<Media omitted>', omitted: true }]],
      ['', [{ name: 'image omitted', kind: 'image', omitted: true }]],
      ['', [{ name: 'Report.pdf • 3 pages', kind: 'file', omitted: true }]],
      ['', [{ name: 'PTT-20200414-WA0001.opus', kind: 'audio' }]],
      ['', [{ name: '<Medien ausgeschlossen>', omitted: true }]],
      ['', [{ name: '00000013-STICKER-2020-04-14.webp', kind: 'sticker' }]],
    ]);
    expect(messages.every((m) => !m.system)).toBe(true);
  });

  it('keeps angle brackets and parentheses that are not markers', () => {
    const [m] = messagesOf('31/12/20, 10:00 - Ana: a <b> (c) <Media> (file)');
    expect(m).toMatchObject({ text: 'a <b> (c) <Media> (file)', attachments: [] });
  });

  it('says how many lines came before the first message', () => {
    const chat = chatOf('Some header the tool added\n\n31/12/20, 10:00 - Ana: hi');
    expect(chat.warnings[0]).toMatch(/^1 line before the first message/);
  });

  it('states the time zone assumption and lists participants in order of appearance', () => {
    const chat = chatOf(
      '31/12/20, 10:00 - Ben: a\n31/12/20, 10:00 - Ana added Cy\n31/12/20, 10:01 - Ana: b',
    );
    expect(chat.timeZone).toEqual({ assumption: WHATSAPP_TIME_ASSUMPTION });
    expect(chat.timeZone.zone).toBeUndefined();
    expect(chat.conversations[0]!.participants).toEqual(['Ben', 'Ana']);
  });

  it('stays linear on a long file of events with no colon in it', () => {
    const lines = Array.from(
      { length: 200_000 },
      (_, i) => `31/12/20, 10:00 - Event number ${i} happened`,
    );
    const messages = messagesOf(`${lines.join('\n')}\n31/12/20, 10:01 - Ana: the only message`);
    expect(messages).toHaveLength(200_001);
    expect(messages.filter((m) => !m.system).map((m) => m.sender)).toEqual(['Ana']);
  });

  it('fails with a reason when no line is a WhatsApp message', () => {
    for (const text of ['', 'just some text\nmore text', '\n\n\n', '{"messages": []}']) {
      const result = parseWhatsApp('x', text);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toMatch(/WhatsApp timestamp/);
    }
  });
});

describe('WhatsApp: names and attachments in zips', () => {
  it('names the chat after the file', () => {
    expect(whatsAppChatNameFromFileName('WhatsApp Chat with Ana María.txt')).toBe('Ana María');
    expect(whatsAppChatNameFromFileName('downloads/WhatsApp Chat - Team.zip')).toBe('Team');
    expect(whatsAppChatNameFromFileName('WhatsApp Chat mit Bob.txt')).toBe('Bob');
    expect(whatsAppChatNameFromFileName('Chat de WhatsApp con Pepe.txt')).toBe('Pepe');
    expect(whatsAppChatNameFromFileName('leak.txt')).toBe('leak');
    expect(whatsAppChatNameFromFileName('_chat.txt')).toBe('WhatsApp chat');
  });

  it('links each attachment to the zip entry that holds it, ignoring macOS metadata', () => {
    const chat = chatOf(
      '[14/04/20, 13:00:00] Ana: \u200E<attached: 00000012-PHOTO-2020-04-14.jpg>\n[14/04/20, 13:01:00] Ana: \u200E<attached: 00000013-AUDIO-2020-04-14.opus>\n14/04/20, 13:02 - Ben: <Media omitted>',
    );
    const links = listWhatsAppAttachments(chat, [
      '_chat.txt',
      '__MACOSX/._00000012-PHOTO-2020-04-14.jpg',
      'Chat/00000012-PHOTO-2020-04-14.jpg',
      '../../00000099-evil.jpg',
    ]);
    expect(links).toEqual([
      {
        conversation: 0,
        seq: 0,
        attachment: 0,
        name: '00000012-PHOTO-2020-04-14.jpg',
        entryPath: 'Chat/00000012-PHOTO-2020-04-14.jpg',
        omitted: false,
      },
      {
        conversation: 0,
        seq: 1,
        attachment: 0,
        name: '00000013-AUDIO-2020-04-14.opus',
        omitted: false,
      },
      { conversation: 0, seq: 2, attachment: 0, name: '<Media omitted>', omitted: true },
    ]);
  });
});

describe.skipIf(!corpusAvailable('WhatsApp'))('WhatsApp: every file of the corpus', () => {
  const textFiles = corpusFiles('whatsapp', /\.txt$/);

  it('finds the corpus files', () => {
    expect(textFiles.length).toBeGreaterThanOrEqual(11);
  });

  it.each(textFiles)('%s is detected and read, every message dated', (path) => {
    const text = corpusText(path);
    const detected = detectChatFormat(path, text);
    expect(detected.format).toMatch(/^whatsapp-/);
    const result = parseChatExport({ fileName: path, text });
    if (!result.ok) throw new Error(result.reason);
    const messages = result.chat.conversations[0]!.messages;
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.filter((m) => m.sentAt === undefined)).toEqual([]);
    expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i));
    expect(result.chat.timeZone.assumption).toBe(WHATSAPP_TIME_ASSUMPTION);
  });

  // chat-miner's expected parse, shared by the four layouts of the same chat. chat-miner drops
  // events and the empty "John Doe:." message, and joins lines with spaces.
  it.each([
    'whatsapp/chat-miner/test_ddmmyy_24hrs.txt',
    'whatsapp/chat-miner/test_mmddyy_24hrs.txt',
    'whatsapp/chat-miner/test_yyyymmdd_24hrs.txt',
    'whatsapp/chat-miner/test_bracketed_mmddyy_24hrs.txt',
  ])('%s matches chat-miner’s target.json', (path) => {
    const target = JSON.parse(corpusText('whatsapp/chat-miner/target.json')) as {
      timestamp: string;
      author: string;
      message: string;
    }[];
    const chat = chatOf(corpusText(path));
    expect(chat.warnings).toEqual([]);
    const ours = chat.conversations[0]!.messages.filter((m) => !m.system && m.text !== '.').map(
      (m) => ({ timestamp: m.sentAt, author: m.sender, message: squash(m.text) }),
    );
    expect(ours.reverse()).toEqual(target.map((t) => ({ ...t, message: squash(t.message) })));
    const events = chat.conversations[0]!.messages.filter((m) => m.system).map((m) => m.text);
    expect(events).toEqual(['+12 345 578 created group "Groupname"', 'You were added']);
  });

  /** chat-miner's old CSV targets: timestamp, author ("System" for events), message, …. */
  function readTargetCsv(path: string): { timestamp: string; author: string; message: string }[] {
    const rows: string[][] = [];
    const text = corpusText(path);
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i += 1) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') {
        row.push(field);
        field = '';
      } else if (c === '\n') {
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
      } else if (c !== '\r') field += c;
    }
    if (field !== '' || row.length > 0) rows.push([...row, field]);
    return rows.slice(1).map(([timestamp, author, message]) => ({
      timestamp: timestamp!.replace(' ', 'T'),
      author: author!,
      message: message!,
    }));
  }

  it.each([1, 2, 5, 6])('test_dateformat%i.txt matches its target CSV', (n) => {
    const chat = chatOf(corpusText(`whatsapp/chat-miner/test_dateformat${n}.txt`));
    const target = readTargetCsv(`whatsapp/chat-miner/test_dateformat${n}_target.csv`);
    const ours = chat.conversations[0]!.messages.map((m) => ({
      timestamp: m.sentAt,
      author: m.system ? 'System' : m.sender,
      // chat-miner calls the empty-bodied "John Doe:." a disappearing message.
      message: m.text === '.' ? '<Disappearing Message>' : squash(m.text),
    }));
    expect(ours.reverse()).toEqual(target.map((t) => ({ ...t, message: squash(t.message) })));
  });

  it('reads chat-analytics’ Android samples: ZWJ emoji, <media omitted>, times going backwards', () => {
    const group = chatOf(corpusText('whatsapp/chat-analytics__4A_11M.txt'));
    const messages = group.conversations[0]!.messages;
    expect(messages).toHaveLength(14);
    expect(messages.filter((m) => m.system).map((m) => m.text)).toEqual([
      'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.',
      'Alice created group "Some cool group chat"',
      'Alice added you',
    ]);
    expect(messages[11]).toMatchObject({ sender: 'Trent', text: '👩🏻‍⚖️' });
    expect(group.conversations[0]!.participants).toEqual([
      'Bob',
      'Eve',
      'Alice',
      'Mallory',
      'Trent',
    ]);
    // 12/9/20 reads either way: the assumption is said.
    expect(group.warnings.join(' ')).toMatch(/could not be decided/);

    const pair = chatOf(corpusText('whatsapp/chat-analytics__2A_5M.txt'));
    const five = pair.conversations[0]!.messages;
    expect(five[3]).toMatchObject({
      text: '',
      attachments: [{ name: '<media omitted>', omitted: true }],
    });
    // File order is kept even where the time goes back.
    expect(five.map((m) => m.sentAt!.slice(11, 16))).toEqual([
      '12:00',
      '12:01',
      '12:02',
      '12:03',
      '12:02',
    ]);
    expect(five[4]!.text).toBe('This message should be reordered');
  });

  it('reads the old iOS example: U+200E before the encryption notice, CRLF, multiline', () => {
    const chat = chatOf(corpusText('whatsapp/pustur-website/old-example__chat.txt'));
    const messages = chat.conversations[0]!.messages;
    expect(chat.format).toBe('whatsapp-ios');
    expect(messages[0]).toMatchObject({
      system: true,
      text: 'Messages to this group are now secured with end-to-end encryption.',
    });
    expect(messages[2]).toMatchObject({ system: true, text: 'Loris added you' });
    expect(messages.some((m) => m.text.includes('\r'))).toBe(false);
    expect(messages.find((m) => m.text.startsWith('A dinner'))!.text).toBe(
      'A dinner\nor a day at the pool\nthat would be nice and relaxing 😍',
    );
  });

  it('reads the iOS example zip and links its attachments to the zip’s entries', () => {
    const zip = unzip(corpusBytes('whatsapp/pustur-website/whatsapp-chat-parser-example.zip'));
    const detected = detectChatZip('whatsapp-chat-parser-example.zip', zip.keys());
    expect(detected).toEqual({ format: 'whatsapp-ios', textEntries: ['_chat.txt'] });
    const entries = zipTextEntries(zip, (p) => p === '_chat.txt');
    const result = parseChatExport({ fileName: 'whatsapp-chat-parser-example.zip', entries });
    if (!result.ok) throw new Error(result.reason);
    const conversation = result.chat.conversations[0]!;
    expect(conversation.name).toBe('whatsapp-chat-parser-example');
    expect(conversation.messages).toHaveLength(52);
    expect(conversation.participants).toEqual(['John', 'Loris', 'Emily']);
    expect(conversation.messages.filter((m) => m.system).map((m) => m.text)).toEqual([
      'Messages to this group are now secured with end-to-end encryption.',
      'Loris created group “WhatsApp Chat Parser Example”',
      'Loris added Emily',
      'Loris added John',
    ]);
    const poll = conversation.messages.find((m) => m.text.startsWith('POLL:'))!;
    expect(poll.text.split('\n')).toHaveLength(7);

    const links = listWhatsAppAttachments(result.chat, zip.keys());
    expect(links.map((l) => [l.seq, l.entryPath])).toEqual([
      [15, '00000001-PHOTO-2019-06-20-16-00-15.jpg'],
      [20, '00000002-VIDEO-2019-06-20-16-01-42.mp4'],
      [25, '00000003-AUDIO-2019-06-20-16-03-55.mp3'],
      [29, '00000004-whatsapp-chat-parser-example.zip'],
    ]);
    expect(conversation.messages[15]!.attachments[0]!.kind).toBe('image');
    expect(conversation.messages[20]!.attachments[0]!.kind).toBe('video');
  });
});
