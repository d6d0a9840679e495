// Real Chromium for browser tests (Debian's /usr/bin/chromium through playwright-core), mandatory in CI.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(fileURLToPath(new URL('../../', import.meta.url)), 'test-output', 'screenshots');

/** The flags this sandboxed machine needs; Playwright gives every launch a fresh profile of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

let shared: Promise<Browser> | undefined;

/**
 * One Chromium for every browser suite a worker process runs (the node project keeps its module registry from file to
 * file): a launch costs about half a second of CPU. Suites share only the process: each test opens a context of its own
 * (cookies, storage, routes, viewport) and closeContexts() leaves none behind for the next suite. Playwright kills the
 * browser when the worker exits.
 */
export function sharedBrowser(): Promise<Browser> {
  shared ??= launchBrowser().then((browser) => {
    browser.once('disconnected', () => {
      shared = undefined;
    });
    return browser;
  });
  return shared;
}

/** A suite's afterAll: the shared browser stays open for the next suite, with no context of this one left in it. */
export async function closeContexts(browser: Browser | undefined): Promise<void> {
  await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
}

/** Without Chromium the suite is skipped with a visible reason; with CI=true it fails instead. */
export function describeInBrowser(name: string, suite: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, suite);
    return;
  }
  if (process.env.CI === 'true') throw new Error(`CI=true requires Chromium at ${CHROMIUM} for the browser tests (apt-get install chromium)`);
  console.warn(`\n!!! browser tests "${name}" SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium) !!!\n`);
  describe.skip(`${name} [no Chromium: skipped]`, suite);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
