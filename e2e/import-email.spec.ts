import { test, expect } from './support/fixtures';
import { caseIdFromUrl, readStore } from './support/storage';
import { corpusFile, hasCorpus, NO_CORPUS } from './support/files';
import { dragSelect } from './support/selection';

/** A 1x1 red PNG, as a cid: inline image. */
const PIXEL =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

/** An email written to hurt: scripts, handlers, remote images and a Windows-1252 body. */
function hostileEmail(): Buffer {
  const boundary = 'b1';
  const related = 'r1';
  const html = [
    '<html><head><script>window.__pwned = true; alert(1)</script>',
    '<style>body{background:url(https://tracker.example/bg.png)}</style></head>',
    '<body onload="window.__pwned = true">',
    '<p>Dear minister, the <b>harbour</b> payment is ready.</p>',
    '<img src="https://tracker.example/pixel.gif?id=ana" width="1" height="1" alt="pixel">',
    '<img src="cid:logo@casefile" alt="logo">',
    '<a href="https://phish.example/login" onclick="window.__pwned = true">Log in</a>',
    '<iframe src="https://tracker.example/frame"></iframe>',
    '<svg><image href="https://tracker.example/svg.png"/></svg>',
    '<div style="background-image:url(https://tracker.example/css.png)">styled</div>',
    '</body></html>',
  ].join('\r\n');
  const text = Buffer.concat([
    Buffer.from('Dear minister, the harbour payment of 40 000 ', 'latin1'),
    Buffer.from([0x80]), // € in Windows-1252
    Buffer.from(' is ready. ', 'latin1'),
    Buffer.from([0x93]),
    Buffer.from('Halvorsen', 'latin1'),
    Buffer.from([0x94]),
    Buffer.from(' will confirm.\r\n', 'latin1'),
  ]);
  return Buffer.concat([
    Buffer.from(
      [
        'Received: from mail.example by mx.example; Tue, 14 Apr 2020 15:05:00 +0200',
        'Message-ID: <payment-1@harbour.example>',
        'From: "Grace Oduya" <grace@ministry.example>',
        'To: Halvorsen Ltd <office@halvorsen.example>',
        'Subject: Harbour payment',
        'Date: Tue, 14 Apr 2020 15:04:00 +0200',
        'MIME-Version: 1.0',
        `Content-Type: multipart/mixed; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        `Content-Type: multipart/alternative; boundary="${related}"`,
        '',
        `--${related}`,
        'Content-Type: text/plain; charset=windows-1252',
        'Content-Transfer-Encoding: 8bit',
        '',
        '',
      ].join('\r\n'),
      'latin1',
    ),
    text,
    Buffer.from(
      [
        '',
        `--${related}`,
        'Content-Type: text/html; charset=utf-8',
        '',
        html,
        `--${related}--`,
        '',
        `--${boundary}`,
        'Content-Type: image/png',
        'Content-Transfer-Encoding: base64',
        'Content-ID: <logo@casefile>',
        'Content-Disposition: inline; filename="logo.png"',
        '',
        PIXEL,
        `--${boundary}`,
        'Content-Type: text/plain; charset=utf-8',
        'Content-Disposition: attachment; filename="../../ledger.txt"',
        '',
        'Ledger: 40,000 EUR to Halvorsen Ltd.',
        `--${boundary}--`,
        '',
      ].join('\r\n'),
      'latin1',
    ),
  ]);
}

test('a hostile email is read as text, its HTML shown sanitised with nothing remote loaded, its attachments kept', async ({
  page,
  cases,
  sources,
  reader: _reader,
}) => {
  test.setTimeout(120_000);
  await cases.open();
  await cases.create('Email');
  const caseId = caseIdFromUrl(page);
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  await sources.importFiles([{ name: 'payment.eml', mimeType: 'message/rfc822', buffer: hostileEmail() }]);
  await expect(sources.result('payment.eml')).toContainText('Imported · 2 attachments');
  await sources.open('Harbour payment');
  const article = page.getByRole('article', { name: 'Harbour payment' });
  await expect(article).toContainText('scripts or event handlers');
  await expect(article).toContainText('loads images from the internet');
  const email = page.getByRole('listitem', { name: 'Harbour payment' });
  // Windows-1252 decoded by the browser: the euro sign and curly quotes.
  await expect(email).toContainText('payment of 40 000 € is ready. “Halvorsen” will confirm.');
  await expect(email).toContainText('Grace Oduya <grace@ministry.example>');

  await email.getByRole('button', { name: 'Show formatted' }).click();
  const formatted = page.getByRole('document', { name: 'Formatted email: Harbour payment' });
  await expect(formatted).toContainText('the harbour payment is ready.');
  await expect(formatted.locator('script, iframe, style, svg')).toHaveCount(0);
  await expect(formatted.locator('[onload], [onclick], [style]')).toHaveCount(0);
  await expect(formatted.locator('img[src^="http"], a[href]')).toHaveCount(0);
  await expect(formatted.locator('img[src^="blob:"]')).toHaveCount(1); // the cid: logo
  await expect(page.getByText('1 remote image blocked')).toBeVisible();
  await formatted.getByText('Log in').click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);

  // Attachments are child sources; the traversal name is only a label.
  const stored = await readStore<{ id: string; title: string; parentId?: string; origin: string; kind: string }>(
    page,
    `casefile-case-${caseId}`,
    'sources',
  );
  expect(stored).toHaveLength(3);
  const parent = stored.find((s) => s.kind === 'email');
  const ledger = stored.find((s) => s.title === 'ledger.txt');
  expect(ledger).toMatchObject({ parentId: parent?.id, origin: 'attachment', kind: 'text' });
  await email.getByRole('button', { name: 'Show text' }).click();

  // Tag words in the email, then add an event from it: the date comes from the email.
  await dragSelect(page, email.locator('[data-message-text]'), 'Halvorsen');
  await page.getByRole('button', { name: 'Tag entity' }).click();
  const tag = page.getByRole('dialog', { name: 'Tag entity' });
  await tag.getByRole('combobox', { name: 'Entity' }).fill('Halvorsen Ltd');
  await tag.getByRole('button', { name: 'Create and tag' }).click();
  await expect(tag).toBeHidden();
  await expect(email.locator('mark.hl--mention')).toHaveText('Halvorsen');
  await email.getByRole('button', { name: 'Add event from the email “Harbour payment”' }).click();
  const event = page.getByRole('dialog', { name: 'Add event' });
  await expect(event.getByLabel('Date', { exact: true })).toHaveValue(/14 April 2020/);
  await event.getByLabel('Title').fill('Payment announced');
  await event.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(event).toBeHidden();
  const citations = await readStore<{ anchor: { scope?: { messageId?: string } } }>(page, `casefile-case-${caseId}`, 'citations');
  const messages = await readStore<{ id: string }>(page, `casefile-case-${caseId}`, 'messages');
  expect(citations[0]?.anchor.scope?.messageId).toBe(messages[0]?.id);

  await page.reload();
  await expect(page.getByRole('listitem', { name: 'Harbour payment' }).locator('mark.hl--mention')).toHaveText('Halvorsen');
});

test.describe('emails from the corpus', () => {
  test.skip(!hasCorpus, NO_CORPUS);

  test('real messages are read: headers, reply prefixes, nested and related parts', async ({ page, cases, sources }) => {
    test.setTimeout(120_000);
    await cases.open();
    await cases.create('Corpus email');
    const caseId = caseIdFromUrl(page);
    await sources.importFiles([
      { name: 'issue358.eml', mimeType: 'message/rfc822', buffer: corpusFile('eml/mimekit/issue358.txt') },
      { name: 'embedded.eml', mimeType: 'message/rfc822', buffer: corpusFile('eml/mimekit/simple-embedded-message.eml') },
      { name: 'mhtml.eml', mimeType: 'message/rfc822', buffer: corpusFile('eml/mimekit/multipart-related-mhtml.txt') },
      // Saved as .txt, as mail often is: still read as an email.
      { name: 'bounce.txt', mimeType: 'text/plain', buffer: corpusFile('eml/mimekit/bounce.txt') },
    ]);
    for (const name of ['issue358.eml', 'embedded.eml', 'mhtml.eml', 'bounce.txt']) {
      await expect(sources.result(name)).toContainText('Imported');
    }
    const stored = await readStore<{ kind: string; fileName?: string; sourceDate?: unknown }>(page, `casefile-case-${caseId}`, 'sources');
    expect(stored.filter((s) => s.kind === 'email').map((s) => s.fileName).sort()).toEqual([
      'bounce.txt',
      'embedded.eml',
      'issue358.eml',
      'mhtml.eml',
    ]);
    const messages = await readStore<{ sender?: string; extra?: { subject?: string } }>(page, `casefile-case-${caseId}`, 'messages');
    expect(messages.some((m) => /^R: R: R: I:/.test(m.extra?.subject ?? ''))).toBe(true);
    await sources.list().getByRole('link').filter({ hasText: 'R: R: R: I:' }).first().click();
    await expect(page.getByRole('list', { name: /^Emails in/ }).getByRole('listitem').first()).toContainText('From');
  });
});
