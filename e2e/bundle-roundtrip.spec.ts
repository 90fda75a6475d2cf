import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { caseIdFromUrl, databaseNames, hashOfStoredOriginal, readStore } from './support/storage';
import { corpusFile, hasCorpus, NO_CORPUS } from './support/files';
import { BundlePage } from './pages/BundlePage';
import { CasesPage } from './pages/CasesPage';
import { SourcesPage } from './pages/SourcesPage';
import { TimelinePage } from './pages/TimelinePage';
import { CaseNav } from './pages/CaseNav';

const MEMO =
  'On 14 April 2020 Minister Grace Oduya met the directors of Halvorsen Ltd at the harbour office. ' +
  'The payment of 40,000 euros was approved by Oduya herself.';

interface Entry {
  seq: number;
  action: string;
  actor: string;
  hash: string;
  prevHash: string;
  details?: Record<string, unknown>;
}

/** Fails the test on anything the editor's page logs as an error or asks of the network. */
function watch(page: Page, problems: string[]) {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`editor console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`editor page error: ${e.message}`));
  page.on('request', (r) => {
    if (!/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/.test(r.url()))
      problems.push(`editor request off the machine: ${r.url()}`);
  });
}

test.describe('case bundles between two machines', () => {
  test.skip(!hasCorpus, NO_CORPUS);

  test('a reporter exports a case of text, a screenshot and a chat; an editor opens the bundle in another profile and reviews it', async ({
    page,
    browser,
    cases,
    sources,
    reader,
    timeline,
    nav,
  }, testInfo) => {
    test.setTimeout(240_000);
    // The reporter builds a small case.
    await cases.open('Ana Reporter');
    await cases.create('Harbour contracts', 'Port tenders, 2020');
    const reporterCaseId = caseIdFromUrl(page);
    const reporterDb = `casefile-case-${reporterCaseId}`;
    await sources.pasteText('Memo', MEMO, 'Handed over by source A');
    await reader.tag('Grace Oduya', { type: 'Person' });
    await sources.importFiles([
      {
        name: 'testocr.png',
        mimeType: 'image/png',
        buffer: corpusFile('ocr/tesseract.js/testocr.png'),
      },
      {
        name: 'WhatsApp Chat with Alice.txt',
        mimeType: 'text/plain',
        buffer: corpusFile('whatsapp/chat-analytics__2A_5M.txt'),
      },
    ]);
    await sources.open('Memo');
    const dialog = await reader.openEventDialog('Minister Grace Oduya met the directors');
    await dialog.getByLabel('Title').fill('Oduya meets Halvorsen');
    await dialog.getByLabel('Date', { exact: true }).fill('14 April 2020');
    await dialog.getByRole('button', { name: 'Add to timeline' }).click();
    await expect(dialog).toBeHidden();
    await timeline.goto();
    await timeline.select('Oduya meets Halvorsen');
    await timeline.details().getByLabel('Comment', { exact: true }).fill('Second source needed.');
    await timeline.details().getByRole('button', { name: 'Post comment' }).click();
    await expect(timeline.details().getByRole('list', { name: 'Comments' })).toContainText(
      'Second source needed.',
    );

    // Export: the download is the bundle, the dialog says where it went and shows the fingerprint.
    const bundlePath = testInfo.outputPath('Harbour contracts.casefile');
    const reporterBundles = new BundlePage(page);
    const { download, fingerprint } = await reporterBundles.exportOpenCase(bundlePath);
    expect(download.suggestedFilename()).toBe('Harbour contracts.casefile');
    expect(fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);

    const reporterLog = (await readStore<Entry>(page, reporterDb, 'activity')).sort(
      (a, b) => a.seq - b.seq,
    );
    const exportEntry = reporterLog[reporterLog.length - 1]!;
    expect(exportEntry.action).toBe('case.export');
    const manifestSha256 = String(exportEntry.details?.manifestSha256);
    expect(manifestSha256.slice(0, 32)).toBe(fingerprint.replace(/ /g, ''));
    const bundledLog = reporterLog.slice(0, -1);
    const reporterSources = await readStore<{
      id: string;
      title: string;
      sha256: string;
      kind: string;
    }>(page, reporterDb, 'sources');
    expect(reporterSources.map((s) => s.kind).sort()).toEqual(
      expect.arrayContaining(['chat', 'image', 'text']),
    );
    const reporterMessages = await readStore(page, reporterDb, 'messages');
    const reporterEvents = await readStore(page, reporterDb, 'events');
    const reporterMentions = await readStore(page, reporterDb, 'mentions');
    const reporterComments = await readStore(page, reporterDb, 'comments');

    // The editor: another browser profile, like another machine.
    const editorContext = await browser.newContext({
      baseURL: new URL(page.url()).origin,
      viewport: { width: 1400, height: 1000 },
    });
    const editor = await editorContext.newPage();
    const problems: string[] = [];
    watch(editor, problems);
    const editorCases = new CasesPage(editor);
    await editorCases.open('Ed Editor');
    expect(await databaseNames(editor)).not.toContain(reporterDb);
    const bundles = new BundlePage(editor);
    await bundles.choose(bundlePath);
    const open = bundles.openDialog();
    await expect(open).toContainText('Harbour contracts');
    await expect(open).toContainText('Ana Reporter');
    await expect(open.getByLabel('Bundle fingerprint')).toHaveText(fingerprint);
    await open.getByRole('button', { name: 'Open as new case' }).click();

    // Lands in the timeline of a new case named after the bundle.
    const editorTimeline = new TimelinePage(editor);
    await expect(editorTimeline.list()).toBeVisible({ timeout: 60_000 });
    await expect(editor).toHaveURL(/#\/cases\/[^/]+\/timeline$/);
    await expect(editor.getByRole('navigation', { name: 'Case' })).toContainText(
      /Harbour contracts \(from bundle, \d{1,2} \w{3} \d{4}\)/,
    );
    const editorCaseId = caseIdFromUrl(editor);
    expect(editorCaseId).not.toBe(reporterCaseId);
    const editorDb = `casefile-case-${editorCaseId}`;
    await expect(editorTimeline.card('Oduya meets Halvorsen')).toBeVisible();
    await editorTimeline.select('Oduya meets Halvorsen');
    const details = editorTimeline.details();
    await expect(details.getByRole('list', { name: 'Comments' })).toContainText(
      'Second source needed.',
    );
    await expect(details.getByRole('list', { name: 'Comments' })).toContainText('Ana Reporter');

    // Everything is stored as it was.
    const sameRecords = async (table: string, expected: unknown[]) => {
      const stored = await readStore<{ id: string }>(editor, editorDb, table);
      const byId = (list: unknown[]) =>
        [...(list as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(stored), table).toEqual(byId(expected));
    };
    await sameRecords('sources', reporterSources);
    await sameRecords('messages', reporterMessages);
    await sameRecords('events', reporterEvents);
    await sameRecords('mentions', reporterMentions);
    await sameRecords('comments', reporterComments);
    for (const source of reporterSources) {
      expect(await hashOfStoredOriginal(editor, editorCaseId, source.id)).toBe(source.sha256);
    }
    const editorLog = (await readStore<Entry>(editor, editorDb, 'activity')).sort(
      (a, b) => a.seq - b.seq,
    );
    expect(editorLog.slice(0, bundledLog.length)).toEqual(bundledLog);
    const importEntry = editorLog[bundledLog.length]!;
    expect(importEntry).toMatchObject({
      action: 'case.import-bundle',
      actor: 'Ed Editor',
      prevHash: bundledLog[bundledLog.length - 1]!.hash,
    });
    expect(importEntry.details).toMatchObject({
      manifestSha256,
      fileName: 'Harbour contracts.casefile',
      openedBy: 'Ed Editor',
      exportedBy: 'Ana Reporter',
    });

    // The editor reviews: a comment and an approval, logged under the editor's name.
    await details
      .getByLabel('Comment', { exact: true })
      .fill('Approved once the registry confirms.');
    await details.getByRole('button', { name: 'Post comment' }).click();
    await expect(details.getByRole('list', { name: 'Comments' })).toContainText('Ed Editor');
    await details.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect(editorTimeline.card('Oduya meets Halvorsen')).toContainText('Approved');
    const reviewed = (await readStore<Entry>(editor, editorDb, 'activity')).sort(
      (a, b) => a.seq - b.seq,
    );
    expect(reviewed.slice(-2).map((e) => [e.action, e.actor])).toEqual([
      ['comment.create', 'Ed Editor'],
      ['event.review', 'Ed Editor'],
    ]);

    // On screen: the sources (the screenshot and the chat read as before), and an intact log.
    const editorSources = new SourcesPage(editor);
    await editorSources.goto();
    for (const title of reporterSources.map((s) => s.title)) {
      await expect(editorSources.list()).toContainText(title);
    }
    const image = reporterSources.find((s) => s.kind === 'image')!;
    await editorSources.open(image.title);
    await expect(editor.getByRole('region', { name: 'Recognized text' })).toContainText(/\w+/);
    const chat = reporterSources.find((s) => s.kind === 'chat')!;
    await editorSources.open(chat.title);
    await expect(
      editor
        .getByRole('list')
        .filter({ has: editor.getByRole('listitem') })
        .first(),
    ).toBeVisible();
    const editorNav = new CaseNav(editor);
    await editorNav.go('Activity');
    await expect(editor.getByRole('region', { name: 'Activity' })).toContainText(
      'The log is intact',
    );
    await expect(editor.getByRole('region', { name: 'Activity' })).toContainText(
      'Opened the bundle “Harbour contracts.casefile”',
    );
    // After a reload, all still there.
    await editor.reload();
    await expect(editor.getByRole('region', { name: 'Activity' })).toContainText(
      'The log is intact',
    );

    // The case list says where the case came from; opening the same bundle again is asked about.
    await editorNav.backToCases();
    await expect(editorCases.list()).toContainText('From a bundle exported by Ana Reporter');
    await bundles.choose(bundlePath);
    await expect(bundles.openDialog()).toContainText('You opened this bundle before');
    await bundles.openDialog().getByRole('button', { name: 'Go to that case' }).click();
    await expect(editorTimeline.list()).toBeVisible();
    expect(caseIdFromUrl(editor)).toBe(editorCaseId);

    // The reporter's own case is untouched by all this (other origin data, other profile).
    await nav.go('Activity');
    await expect(page.getByRole('region', { name: 'Activity' })).toContainText(
      'Exported the case as the bundle',
    );
    expect(problems).toEqual([]);
    await editorContext.close();
  });
});
