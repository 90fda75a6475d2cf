import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, corpusAvailable } from '../chat/corpus.test-support';
import { isMboxSeparator, looksLikeMbox, splitMbox } from './mbox';

/** The header block of a raw message, unfolded, as name (lower case) → value. */
function headersOf(raw: string): Map<string, string> {
  const end = raw.search(/\r?\n\r?\n/);
  const block = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).toLowerCase();
      if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
    }
  }
  return headers;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('splitting an mbox', () => {
  const two = [
    'From alice@example.com Mon Jan  1 00:00:00 2024',
    'From: alice@example.com',
    'Subject: one',
    '',
    'Hello',
    'From here on, the plan changes.',
    'From bob@example.com',
    'and more',
    '',
    'From bob@example.com Tue Jan  2 00:00:00 2024',
    'From: bob@example.com',
    'Subject: two',
    '',
    'Second',
    '',
  ].join('\n');

  it('splits at separator lines, not at unescaped "From " lines in a body', () => {
    const { messages, warnings } = splitMbox(two);
    expect(warnings).toEqual([]);
    expect(messages.map((m) => m.separator)).toEqual([
      'From alice@example.com Mon Jan  1 00:00:00 2024',
      'From bob@example.com Tue Jan  2 00:00:00 2024',
    ]);
    expect(messages[0]!.raw).toBe(
      'From: alice@example.com\nSubject: one\n\nHello\nFrom here on, the plan changes.\nFrom bob@example.com\nand more\n',
    );
    expect(messages[1]!.raw).toBe('From: bob@example.com\nSubject: two\n\nSecond\n');
    expect(messages[1]!.offset).toBe(two.indexOf('From bob@example.com Tue'));
  });

  it('reads CRLF files the same way, keeping their line breaks', () => {
    const { messages } = splitMbox(two.replace(/\n/g, '\r\n'));
    expect(messages).toHaveLength(2);
    expect(messages[0]!.separator).toBe('From alice@example.com Mon Jan  1 00:00:00 2024');
    expect(messages[1]!.raw).toBe('From: bob@example.com\r\nSubject: two\r\n\r\nSecond\r\n');
  });

  it('trusts a Content-Length that ends at a separator, even over a separator-shaped body line', () => {
    const body =
      'Quoted mail below:\nFrom carol@example.com Wed Jan  3 00:00:00 2024\nNote: this line looks like a header\nCafé\n';
    const bytes = new TextEncoder().encode(body).length;
    const mbox = `From alice@example.com Mon Jan  1 00:00:00 2024\nFrom: alice@example.com\nContent-Length: ${bytes}\n\n${body}\nFrom bob@example.com Tue Jan  2 00:00:00 2024\nFrom: bob@example.com\n\nSecond\n`;
    const { messages, warnings } = splitMbox(mbox);
    expect(warnings).toEqual([]);
    expect(messages).toHaveLength(2);
    expect(messages[0]!.raw.endsWith(body)).toBe(true);
    // Without the length, the shape alone decides: that line is a separator.
    expect(splitMbox(mbox.replace(/Content-Length: \d+\n/, '')).messages).toHaveLength(3);
  });

  it('ignores a Content-Length that does not end at a separator, and says so', () => {
    const mbox = two.replace('Subject: one\n', 'Subject: one\nContent-Length: 3\n');
    const { messages, warnings } = splitMbox(mbox);
    expect(messages).toHaveLength(2);
    expect(warnings).toEqual([
      '1 Content-Length header does not match where its message ends and was ignored; the messages were split at their separator lines.',
    ]);
  });

  it('unescapes >From lines (mboxo and mboxrd)', () => {
    const { messages } = splitMbox(
      'From - Mon Jun  3 12:50:27 1996\nSubject: x\n\n>From the desk of\n>>From quoted twice\n> From a reply\n>>>From deeper\n',
    );
    expect(messages[0]!.raw).toBe(
      'Subject: x\n\nFrom the desk of\n>From quoted twice\n> From a reply\n>>From deeper\n',
    );
  });

  it('says what it skipped, and what is not an mbox', () => {
    const prefixed = splitMbox(`Some preamble\n\n${two}`);
    expect(prefixed.messages).toHaveLength(2);
    expect(prefixed.warnings).toEqual([
      'Text before the first “From ” separator line was not read.',
    ]);
    expect(splitMbox('')).toEqual({ messages: [], warnings: ['The mbox is empty.'] });
    expect(splitMbox('Subject: x\n\nnot an mbox').messages).toEqual([]);
    expect(splitMbox('Subject: x\n\nnot an mbox').warnings[0]).toMatch(/not an mbox/);
    expect(looksLikeMbox(two)).toBe(true);
    expect(looksLikeMbox('\uFEFF\n\nFrom - \nSubject: a\n')).toBe(true);
    expect(looksLikeMbox('From the desk of the editor')).toBe(false);
  });

  it('knows the shape of a separator line', () => {
    for (const line of [
      'From - ',
      'From - Mon Jun  3 12:50:27 1996',
      'From MAILER-DAEMON Fri Jul  8 12:08:34 2011',
      'From 1844347792267117879@xxx',
      'From 1844347792267117879@xxx Fri Sep 26 17:18:40 +0000 2025',
      'From jwz@netscape.com  Thu Jun 13 23:25:49 1996',
      'From a@b.c Sat, 1 Jan 2000 10:00:00 +0000',
    ]) {
      expect(isMboxSeparator(line)).toBe(true);
    }
    for (const line of [
      'From here on, things change.',
      'From Bob',
      'From: a@b.c',
      'From the 12:30 train in 2024',
      'from a@b.c Mon Jan  1 00:00:00 2024',
      'From  ',
    ]) {
      expect(isMboxSeparator(line)).toBe(false);
    }
  });
});

describe.skipIf(!corpusAvailable('mbox'))('mbox: MimeKit’s test mailboxes', () => {
  /** MimeKit's summary: per message, the separator, its headers and the MIME tree. */
  function readSummary(name: string) {
    const text = readFileSync(join(CORPUS_DIR, 'mbox/mimekit', name), 'utf8');
    return text
      .split(/\r?\n(?=From )/)
      .map((block) => block.split(/\r?\n/))
      .map((lines) => ({
        separator: lines[0]!.trimEnd(),
        headers: new Map(
          lines
            .slice(1)
            .filter((l) => /^[A-Za-z-]+: /.test(l))
            .map(
              (l) =>
                [
                  l.slice(0, l.indexOf(':')).toLowerCase(),
                  l.slice(l.indexOf(':') + 1).trim(),
                ] as const,
            ),
        ),
      }));
  }

  function check(mboxName: string, summaryName: string, encoding: BufferEncoding) {
    const text = readFileSync(join(CORPUS_DIR, 'mbox/mimekit', mboxName)).toString(encoding);
    const summary = readSummary(summaryName);
    const { messages } = splitMbox(text);
    expect(messages.map((m) => m.separator.trimEnd())).toEqual(summary.map((s) => s.separator));
    messages.forEach((message, i) => {
      const expected = summary[i]!.headers;
      const ours = headersOf(message.raw);
      expect(squash(ours.get('subject') ?? '')).toBe(squash(expected.get('subject') ?? ''));
      // MimeKit writes dates in its own form and reads unknown zones ("cst") as +0000: compare
      // the wall-clock time.
      const wallClock = (date: string) =>
        Date.parse(`${date.replace(/\s*(?:[+-]\d{4}|[A-Za-z]{1,5})?\s*(?:\(.*\))?$/, '')} +0000`);
      if (expected.has('date'))
        expect(wallClock(ours.get('date')!)).toBe(wallClock(expected.get('date')!));
      const address = /<([^>]+)>|(\S+@\S+|\S+!\S+)/.exec(expected.get('from') ?? '');
      if (address) expect(ours.get('from')).toContain(address[1] ?? address[2]);
      const type = (ours.get('content-type') ?? 'text/plain').split(';')[0]!.trim().toLowerCase();
      expect(type).toBe(expected.get('content-type')!.toLowerCase());
    });
    return messages;
  }

  it.each(['utf8', 'latin1'] as const)(
    'splits content-length.mbox.txt (%s) into the 29 messages of its summary, wrong Content-Lengths and all',
    (encoding) => {
      const messages = check('content-length.mbox.txt', 'content-length-summary.txt', encoding);
      expect(messages).toHaveLength(29);
      // The forwarded messages carry escaped separators of their own: unescaped, not split.
      const forwarded = messages.filter((m) =>
        m.raw.includes('\nFrom - Fri Dec 13 15:01:21 1996\n'),
      );
      expect(forwarded).toHaveLength(2);
      expect(messages.some((m) => m.raw.includes('>From - Fri Dec 13'))).toBe(false);
    },
  );

  it('splits the Gmail-style issue1189.mbox.txt into its 4 messages', () => {
    expect(check('issue1189.mbox.txt', 'issue1189-summary.txt', 'utf8')).toHaveLength(4);
  });

  it('splits simple.mbox.txt into its 3 messages', () => {
    const text = readFileSync(join(CORPUS_DIR, 'mbox/mimekit/simple.mbox.txt'), 'utf8');
    const { messages, warnings } = splitMbox(text);
    expect(warnings).toEqual([]);
    expect(messages.map((m) => headersOf(m.raw).get('subject'))).toEqual([
      "this'll probably break a lot of mime parsers",
      "this'll probably break even more mime parsers",
      "if a mime parser can correctly handle this, I'm impressed",
    ]);
  });
});
