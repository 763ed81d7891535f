import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions, previewPort } from './e2e/chromium';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  // Two cores are shared with the build and other work: one browser at a time.
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${previewPort}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: chromiumLaunchOptions,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
  },
  webServer: {
    // Serves the build that `npm run test:e2e` has just made.
    command: `npx vite preview --port ${previewPort} --strictPort`,
    url: `http://localhost:${previewPort}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
