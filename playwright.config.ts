import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './test/chromium.ts';

export default defineConfig({
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'e2e-electron/**/*.spec.ts'],
  timeout: 60_000,
  // After the whole run, the browser hosts' log files are read for secrets (test/e2e/client-logs.ts).
  globalSetup: './test/e2e/client-logs-setup.ts',
  globalTeardown: './test/e2e/client-logs.ts',
  workers: 1,
  reporter: [['list']],
  use: {
    viewport: { width: 1100, height: 720 },
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
});
