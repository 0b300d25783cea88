/**
 * The browser every page measurement uses: Debian's Chromium (the one the end-to-end tests use),
 * launched once by Playwright. Each measurement opens its own context, so no cache, cookie or
 * storage carries over from one run to the next.
 */
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../playwright.config.js';
import type { BenchResources } from './resources.js';

export async function launchBrowser(resources: BenchResources): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Install Debian's (apt-get install chromium) or set AULA_CHROMIUM to a Chromium or Chrome binary.`,
    );
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  resources.onRelease('Chromium', () => browser.close());
  return browser;
}

/** A fresh context (empty cache and cookies) at the size the design is checked at. */
export function freshContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 800 } });
}

/** Every request a page makes that leaves `origin`: Aula must make none, during the benchmark too. */
export function recordForeignRequests(context: BrowserContext, origin: () => string, into: string[]): void {
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin()}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) into.push(url);
  });
}
