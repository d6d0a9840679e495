// What every browser suite of a tab or the pane needs around its tests: a local host on its own copy of the seeded demo
// data, the worker's shared Chromium, a fresh browser context and page for each test, all stopped and removed after.
import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { closeContexts, sharedBrowser } from './browser';
import { startLocalHostProcess, type LocalHostProcess } from './local-host-process';
import { seededDataDir } from './seeded-data-dir';

export interface SeededHostInBrowser {
  /** Set before the suite's own beforeAll hooks run (vitest runs before-hooks in the order they were registered). */
  host: LocalHostProcess;
  browser: Browser;
  /** Set before each test's own beforeEach hooks run. */
  context: BrowserContext;
  page: Page;
}

/** Call inside the suite's describe, before its own hooks. The viewport is the tabs' 1280x1000 and the locale en-US unless given. */
export function seededHostInBrowser(
  prefix: string,
  options: { context?: BrowserContextOptions; defaultTimeoutMs?: number; env?: Record<string, string> } = {},
): SeededHostInBrowser {
  const dataDir = seededDataDir(prefix);
  const suite = {} as SeededHostInBrowser;
  beforeAll(async () => {
    // Side by side: the host's start and Chromium's launch do not wait for each other.
    [suite.host, suite.browser] = await Promise.all([startLocalHostProcess({ CRM_DATA_DIR: dataDir, ...options.env }), sharedBrowser()]);
  });
  beforeEach(async () => {
    suite.context = await suite.browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-US', ...options.context });
    suite.page = await suite.context.newPage();
    if (options.defaultTimeoutMs) suite.page.setDefaultTimeout(options.defaultTimeoutMs);
  });
  afterEach(async () => {
    await suite.context?.close();
  });
  afterAll(async () => {
    await closeContexts(suite.browser);
    await suite.host?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  return suite;
}
