import { test as base, expect } from '@playwright/test';
import { CasesPage } from '../pages/CasesPage';
import { SourcesPage } from '../pages/SourcesPage';
import { ReaderPage } from '../pages/ReaderPage';
import { CaseNav } from '../pages/CaseNav';
import { TimelinePage } from '../pages/TimelinePage';

interface Fixtures {
  cases: CasesPage;
  sources: SourcesPage;
  reader: ReaderPage;
  nav: CaseNav;
  timeline: TimelinePage;
  /** Problems seen while the test ran: console errors, page errors, requests off this machine. */
  problems: string[];
}

/**
 * The app's test: every test fails if the page logs an error, throws, or asks for anything that
 * is not on 127.0.0.1 (Casefile must never reach the network).
 */
export const test = base.extend<Fixtures>({
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      const url = request.url();
      if (!/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/.test(url))
        problems.push(`request off the machine: ${url}`);
    });
    await use(problems);
    expect(problems, 'the page stayed quiet and offline').toEqual([]);
  },
  cases: async ({ page, problems: _problems }, use) => use(new CasesPage(page)),
  sources: async ({ page }, use) => use(new SourcesPage(page)),
  reader: async ({ page }, use) => use(new ReaderPage(page)),
  nav: async ({ page }, use) => use(new CaseNav(page)),
  timeline: async ({ page }, use) => use(new TimelinePage(page)),
});

export { expect };
