import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/e2e/chromium.mjs';
import { defineConfig } from '@playwright/test';

// End-to-end tests of the release build in dist/ (build it first: trunk build --release).
// Playwright drives Debian's /usr/bin/chromium; never run `playwright install`.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1, // 2-core machine
  retries: 0,
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    baseURL: 'http://127.0.0.1:4173',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: [
    {
      command: 'node tests/e2e/serve-dist.mjs --port 4173',
      url: 'http://127.0.0.1:4173/',
      reuseExistingServer: !process.env.CI,
    },
    {
      // The petition endpoint and count URL the build names (data/petition.toml),
      // so that every page's counter has a real count; petition.spec.ts forwards
      // it to a receiver of its own, which it drives from the test.
      command: 'node tests/receiver/receiver.mjs --port 8787',
      url: 'http://127.0.0.1:8787/',
      reuseExistingServer: !process.env.CI,
    },
    {
      // A partner's site on a second origin, for the widget (widget.spec.ts).
      command: 'node tests/e2e/host-site.mjs --port 4174 --widget http://127.0.0.1:4173',
      url: 'http://127.0.0.1:4174/plain.css',
      reuseExistingServer: !process.env.CI,
    },
    {
      // The same dist/ as a deployer serves it: Debian's nginx with the
      // configuration the build writes (deploy.spec.ts).
      command: 'LEFT_BEHIND_NO_BUILD=1 bash scripts/serve-release.sh 4175',
      url: 'http://127.0.0.1:4175/',
      reuseExistingServer: !process.env.CI,
    },
    {
      // A partner's site embedding the widget from nginx.
      command: 'node tests/e2e/host-site.mjs --port 4176 --widget http://127.0.0.1:4175',
      url: 'http://127.0.0.1:4176/plain.css',
      reuseExistingServer: !process.env.CI,
    },
  ],
});
