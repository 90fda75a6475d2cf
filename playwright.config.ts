import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** The port the end-to-end tests serve the built renderer on (not the app's own port). */
const PORT = Number(process.env.CASEFILE_E2E_PORT ?? 4791);

/**
 * Chromium to drive: CASEFILE_CHROMIUM if set, else Debian's /usr/bin/chromium, else whatever
 * Playwright itself has installed (undefined lets Playwright look).
 */
function chromiumPath(): string | undefined {
  const candidates = [
    process.env.CASEFILE_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ];
  return candidates.find((candidate): candidate is string =>
    Boolean(candidate && existsSync(candidate)),
  );
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'renderer', testIgnore: /electron\.spec\.ts/ },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
  webServer: {
    command: `node build/scripts/serve.mjs --port ${PORT} --dir dist/renderer`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
