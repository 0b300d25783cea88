import { defineConfig } from '@playwright/test';

/** Debian's Chromium; Playwright never downloads a browser of its own. */
export const CHROMIUM_PATH = process.env.AULA_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // A sandboxed lesson frame (opaque origin) gets a process of its own, and the browser then routes
  // a click by hit-test data that can lag one frame behind a scroll: Playwright scrolls and clicks
  // within milliseconds, so a click on the page just below or above a lesson landed in the frame.
  // In one process the page hit-tests the click itself, at the scroll it has. The frame's sandbox
  // (opaque origin, no same-origin access) is the same either way: sandbox.spec.ts still checks it.
  '--disable-features=IsolateSandboxedIframes',
];

export default defineConfig({
  testDir: 'tests/e2e',
  // Each test starts its own Aula server; two cores leave room for one at a time.
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'list' : [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'off',
  },
});
