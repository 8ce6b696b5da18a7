import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './e2e/support/chromium';
import { e2eStateDir, portalPort } from './e2e/support/e2e-env';

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromiumPath(),
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
};

/**
 * End-to-end tests drive Debian's Chromium (Playwright cannot download browsers here) against
 * a production build served by `e2e/support/serve.ts`, which brings its own local stack. The
 * setup project signs up a subscribed customer and signs the admin in once; specs reuse them
 * through the fixtures in `e2e/support/fixtures.ts`, which also fail a test on console errors.
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${portalPort}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'setup', testMatch: /\.setup\.ts$/, use: browser },
    { name: 'chromium', dependencies: ['setup'], use: browser },
  ],
  webServer: {
    command: 'npm run build && tsx e2e/support/serve.ts',
    url: `http://localhost:${portalPort}/`,
    // A production build on 2 busy cores can take several minutes.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      PORTICO_E2E_STATE_DIR: e2eStateDir,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  },
});
