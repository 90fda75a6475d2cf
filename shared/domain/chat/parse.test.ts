import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { CORPUS_DIR, corpusFiles, corpusText } from './corpus.test-support';
import {
  detectChatFormat,
  detectChatZip,
  KNOWN_CHAT_LAYOUTS,
  KNOWN_LAYOUTS_SENTENCE,
} from './detect';
import { parseChatExport } from './parse';
import type { ChatParseResult } from './types';

function reasonOf(result: ChatParseResult): string {
  if (result.ok) throw new Error('expected a failure');
  return result.reason;
}

/** A small deterministic PRNG for the fuzzing below. */
function randomFor(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('detecting the layout', () => {
  it('names every known layout when a file is none of them', () => {
    for (const [name, text] of [
      ['notes.txt', 'Meeting notes\n\nThe minister said the harbour deal was done.\n'],
      ['table.csv', 'date,amount\n2020-01-01,100\n'],
      ['page.html', '<!doctype html><html><body>hi</body></html>'],
      ['package.json', '{"name": "x", "version": "1.0.0", "dependencies": {}}'],
      ['list.json', '[1, 2, 3]'],
    ] as const) {
      const detected = detectChatFormat(name, text);
      expect(detected.format).toBe('unknown');
      if (detected.format !== 'unknown') continue;
      expect(detected.reason).toMatch(/^This does not look like a chat export Casefile knows/);
      for (const layout of KNOWN_CHAT_LAYOUTS) expect(detected.reason).toContain(layout.label);
    }
    expect(KNOWN_LAYOUTS_SENTENCE).toContain('WhatsApp .txt or .zip (Android layout)');
  });

  it('says when a file is empty or not text', () => {
    expect(detectChatFormat('a.txt', '')).toMatchObject({
      format: 'unknown',
      reason: expect.stringMatching(/the file is empty/),
    });
    expect(detectChatFormat('a.txt', ' \n\t\r\n\uFEFF')).toMatchObject({
      reason: expect.stringMatching(/the file is empty/),
    });
    const random = randomFor(7);
    const junk = Array.from({ length: 5000 }, () =>
      String.fromCharCode(Math.floor(random() * 256)),
    ).join('');
    expect(detectChatFormat('a.bin', junk)).toMatchObject({
      reason: expect.stringMatching(/the file is not text/),
    });
    expect(detectChatFormat('a.txt', '\uFFFD\uFFFD\u0001\u0002'.repeat(100))).toMatchObject({
      reason: expect.stringMatching(/not text/),
    });
  });

  it('tells JSON layouts apart by their fields and text layouts by their lines', () => {
    expect(
      detectChatFormat('x.json', '{"guild": {"id": "0"}, "channel": {"id": "1"}, "messages": []}')
        .format,
    ).toBe('discord-chat-exporter');
    expect(
      detectChatFormat(
        'x.json',
        '{"participants": [], "messages": [{"sender_name": "a", "timestamp_ms": 1}]}',
      ).format,
    ).toBe('facebook-messenger');
    expect(
      detectChatFormat(
        'result.json',
        '{\n "about": "x",\n "personal_information": {},\n "chats": {"about": "y", "list": []}}',
      ).format,
    ).toBe('telegram-json');
    expect(
      detectChatFormat(
        '2021-01-01.json',
        '[{"type": "message", "user": "U1", "text": "hi", "ts": "1609459200.000100"}]',
      ).format,
    ).toBe('slack-export');
    expect(
      detectChatFormat(
        'data.json',
        '{"date": "2023-01-01T10:00:00", "sender": "Ben", "body": "x"}\n',
      ).format,
    ).toBe('signal-export');
    expect(detectChatFormat('chat.txt', '12/31/20, 9:41 PM - Ana: hi').format).toBe(
      'whatsapp-android',
    );
    expect(detectChatFormat('chat.txt', '\u200E[31.12.20, 21:41:05] Ana: hi').format).toBe(
      'whatsapp-ios',
    );
    // A few lines of something else before the chat still read as WhatsApp.
    expect(
      detectChatFormat(
        'chat.txt',
        'exported by a tool\n\n31/12/20, 10:00 - Ana: a\n31/12/20, 10:01 - Ben: b\n31/12/20, 10:02 - Ana: c',
      ).format,
    ).toBe('whatsapp-android');
  });

  it('finds the chat file in a zip from its entry names alone', () => {
    expect(
      detectChatZip('WhatsApp Chat - Team.zip', [
        '__MACOSX/._chat.txt',
        '_chat.txt',
        '00000001-PHOTO-2020-01-01.jpg',
      ]),
    ).toEqual({ format: 'whatsapp-ios', textEntries: ['_chat.txt'] });
    expect(
      detectChatZip('x.zip', ['WhatsApp Chat with Ana.txt', 'IMG-20200101-WA0001.jpg']),
    ).toEqual({ format: 'whatsapp-android', textEntries: ['WhatsApp Chat with Ana.txt'] });
    expect(
      detectChatZip('x.zip', [
        'ChatExport_2024-01-01/result.json',
        'ChatExport_2024-01-01/photos/p.jpg',
      ]),
    ).toEqual({ format: 'telegram-json', textEntries: ['ChatExport_2024-01-01/result.json'] });
    expect(
      detectChatZip('x.zip', ['your_instagram_activity/messages/inbox/a_1/message_1.json']),
    ).toMatchObject({ format: 'instagram' });
    expect(
      detectChatZip('x.zip', ['general.json', 'leads.json', 'general_Files/a.png']),
    ).toMatchObject({
      format: 'discord-chat-exporter',
      textEntries: ['general.json', 'leads.json'],
    });
    const unknown = detectChatZip('x.zip', ['report.docx', 'scan.pdf']);
    expect(unknown.format).toBe('unknown');
    expect(unknown.format === 'unknown' && unknown.reason).toMatch(
      /no chat file was found in the zip.*Casefile reads/,
    );
    expect(detectChatZip('x.zip', ['__MACOSX/._x', 'folder/'])).toMatchObject({
      format: 'unknown',
      reason: expect.stringMatching(/the zip is empty/),
    });
  });
});

describe('parseChatExport on bad input', () => {
  it('refuses an empty file with a reason', () => {
    expect(reasonOf(parseChatExport({ fileName: 'a.txt', text: '' }))).toMatch(/the file is empty/);
    expect(
      reasonOf(parseChatExport({ fileName: 'a.json', text: '   ', format: 'telegram-json' })),
    ).toMatch(/The file is empty/);
  });

  it('says malformed and truncated JSON is not valid, and where', () => {
    const truncated =
      '{"name": "x", "type": "personal_chat", "id": 1, "messages": [{"id": 1, "type": "message", "date": "2020-01-01T00:00:00", "text": "cut he';
    expect(reasonOf(parseChatExport({ fileName: 'result.json', text: truncated }))).toMatch(
      /“result.json” is not valid JSON: it ends too early \(the file may be cut short\)/,
    );
    expect(
      reasonOf(parseChatExport({ fileName: 'result.json', text: '{"date_unixtime": 1,, }' })),
    ).toMatch(/is not valid JSON \(/);
  });

  it('says what valid JSON of the wrong shape holds', () => {
    const reason = reasonOf(
      parseChatExport({
        fileName: 'result.json',
        text: '{"a": 1, "b": [2]}',
        format: 'telegram-json',
      }),
    );
    expect(reason).toMatch(/valid JSON but not Telegram Desktop JSON .*its fields are “a”, “b”/);
    for (const layout of KNOWN_CHAT_LAYOUTS) expect(reason).toContain(layout.label);
    expect(
      reasonOf(
        parseChatExport({ fileName: 'x.json', text: 'null', format: 'discord-chat-exporter' }),
      ),
    ).toMatch(/it holds only null/);
    // Sniffed as Telegram from a field name, but the shape is not a chat.
    expect(
      reasonOf(parseChatExport({ fileName: 'x.json', text: '[{"from_id": 1}, {"date": 2}]' })),
    ).toMatch(/it is a list of 2 items/);
  });

  it('refuses binary junk, also when the reporter named a layout', () => {
    const random = randomFor(3);
    const junk = Array.from({ length: 20_000 }, () =>
      String.fromCharCode(Math.floor(random() * 256)),
    ).join('');
    expect(reasonOf(parseChatExport({ fileName: 'x.zip', text: junk }))).toMatch(/not text/);
    expect(
      reasonOf(parseChatExport({ fileName: 'x.txt', text: junk, format: 'whatsapp-ios' })),
    ).toMatch(/not text/);
  });

  it('refuses JSON over the size limit without parsing it (300 MB)', () => {
    const huge = `{"name": "x", "type": "personal_chat", "id": 1, "messages": [{"id": 1, "type": "message", "date": "2020-01-01T00:00:00", "text": "${'x'.repeat(300 * 1024 * 1024)}"}]}`;
    const reason = reasonOf(parseChatExport({ fileName: 'result.json', text: huge }));
    expect(reason).toMatch(/is 300 MB of JSON, more than the 256 MB Casefile reads in one piece/);
    // A lower limit, as the import may set for a phone-sized budget.
    expect(
      reasonOf(
        parseChatExport(
          { fileName: 'r.json', text: '{"messages": []}', format: 'telegram-json' },
          { maxJsonChars: 5 },
        ),
      ),
    ).toMatch(/more than the 0 MB/);
  });

  it('reads or refuses 300 MB of text without blowing the stack', () => {
    const junk = 'x'.repeat(300 * 1024 * 1024);
    expect(reasonOf(parseChatExport({ fileName: 'big.txt', text: junk }))).toMatch(
      /does not look like a chat export/,
    );
    // One WhatsApp message with a 300 MB body: parsed.
    const result = parseChatExport({ fileName: 'big.txt', text: `31/12/20, 10:00 - Ana: ${junk}` });
    expect(result.ok && result.chat.conversations[0]!.messages[0]!.text.length).toBe(junk.length);
  });

  it('reads deeply nested JSON without recursion', () => {
    const depth = 100_000;
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const telegram = `{"name": "x", "type": "personal_chat", "id": 1, "messages": [{"id": 1, "type": "message", "date": "2020-01-01T00:00:00", "from": "a", "text": ${nested}}]}`;
    const result = parseChatExport({ fileName: 'result.json', text: telegram });
    expect(result.ok && result.chat.conversations[0]!.messages[0]!.text).toBe('');
    expect(
      reasonOf(
        parseChatExport({
          fileName: 'result.json',
          text: `{"date_unixtime": 1, "messages": ${nested}}`,
        }),
      ),
    ).toMatch(/valid JSON but not/);
  });

  it('keeps what a truncated WhatsApp file holds', () => {
    const result = parseChatExport({
      fileName: 'WhatsApp Chat with Ana.txt',
      text: '31/12/20, 10:00 - Ana: first\n31/12/20, 10:01 - Ben: cut in the mid',
    });
    expect(result.ok && result.chat.conversations[0]!.messages.map((m) => m.text)).toEqual([
      'first',
      'cut in the mid',
    ]);
    expect(result.ok && result.chat.conversations[0]!.name).toBe('Ana');
  });

  it('says which zip entry was not a chat', () => {
    const entries = new Map([['notes.txt', 'not a chat at all']]);
    expect(reasonOf(parseChatExport({ fileName: 'x.zip', entries }))).toMatch(
      /the zip’s text file “notes.txt” is not a WhatsApp chat/,
    );
    expect(reasonOf(parseChatExport({ fileName: 'x.zip', entries: new Map() }))).toMatch(
      /the zip is empty/,
    );
    expect(
      reasonOf(parseChatExport({ fileName: 'x.zip', entries: new Map([['a.json', '{"x": 1}']]) })),
    ).toMatch(/none of the zip’s JSON files is a DiscordChatExporter export/);
  });

  it('never throws, whatever it is given (fuzzed from the known layouts)', () => {
    const random = randomFor(11);
    const seeds = [
      '12/31/20, 9:41 PM - Ana: Happy new year\n1/1/21, 12:05 AM - Ben: You too <This message was edited>\n',
      '[31.12.20, 21:41:05] Ana: \u200E<attached: 00000001-PHOTO-2020-12-31.jpg>\r\n',
      '{"name": "x", "type": "personal_chat", "id": 1, "messages": [{"id": 1, "type": "service", "date": "2020-01-01T00:00:00", "actor": "a", "action": "pin_message", "text": [{"type": "bold", "text": "b"}]}]}',
      '{"guild": {"id": "0"}, "channel": {"id": "1", "name": "c"}, "messages": [{"id": "1", "type": "Default", "timestamp": "2020-01-01T00:00:00+00:00", "content": "x", "author": {"id": "1", "name": "a"}, "attachments": [{"url": "u", "fileName": "f"}], "reference": {"messageId": "1"}}]}',
      '{"participants": [{"name": "a"}], "messages": [{"sender_name": "a", "timestamp_ms": 1, "content": "\\u00c3\\u00a9", "photos": [{"uri": "p"}], "share": {"link": 1}}], "title": "t"}',
      '[{"type": "message", "user": "U1", "text": "<@U1> <http://x|y>", "ts": "1.2", "files": [{"name": 1}], "thread_ts": "1.1", "edited": {"ts": 2}}]',
      '{"date": "2023-01-01T10:00:00", "sender": "Ben", "body": "x", "reactions": [1, [2], {"a": 1}], "attachments": [null, {"path": "%E0%A4%A"}]}\n',
      '[2023-05-02 09:16:10] Me: \n\n> q\n\nbody  \n(- a: b -)\n',
    ];
    // The corpus files make more seeds when they are here; the synthetic ones always run.
    if (existsSync(CORPUS_DIR)) {
      for (const path of [
        ...corpusFiles('telegram', /\.json$/),
        ...corpusFiles('discord', /\.json$/),
        ...corpusFiles('whatsapp', /\.txt$/),
      ]) {
        seeds.push(corpusText(path));
      }
    }
    const alphabet = '{}[]":,\n\r\\ 0123456789-/.:[]<>\u200E\u202Fabcxyz';
    let runs = 0;
    for (const seed of seeds) {
      for (let i = 0; i < 60; i += 1) {
        let text = seed;
        const edits = 1 + Math.floor(random() * 6);
        for (let e = 0; e < edits; e += 1) {
          const at = Math.floor(random() * (text.length + 1));
          const kind = random();
          if (kind < 0.3) text = text.slice(0, at);
          else if (kind < 0.65)
            text =
              text.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)] + text.slice(at);
          else text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 20));
        }
        const result = parseChatExport({ fileName: i % 2 ? 'x.json' : 'x.txt', text });
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
        else expect(JSON.parse(JSON.stringify(result.chat)).conversations).toBeInstanceOf(Array);
        runs += 1;
      }
    }
    expect(runs).toBeGreaterThanOrEqual(seeds.length * 60);
  });
});
