// The front-ends under their Content-Security-Policy in real Chromium: they render and work, and the browser reports no violation.
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { DEMO_FEATURED } from '@crm/common/demo';
import { closeContexts, describeInBrowser, sharedBrowser } from '../support/browser';
import { localApi } from '../support/local-api';
import { startLocalHostProcess, type LocalHostProcess } from '../support/local-host-process';
import { seededDataDir } from '../support/seeded-data-dir';

/** Office.js as the CDN serves it, from the npm package of the same files, since this machine is offline. */
const officeJsDir = join(dirname(createRequire(import.meta.url).resolve('@microsoft/office-js/package.json')), 'dist');

interface Violation {
  directive: string;
  blocked: string;
  page: string;
}

describeInBrowser('front-ends under the Content-Security-Policy in Chromium', () => {
  const dataDir = seededDataDir('crm-csp-');
  let host: LocalHostProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Both channels: the securitypolicyviolation event of every frame, and Chromium's console message. */
  let violations: Violation[];
  let consoleReports: string[];

  beforeAll(async () => {
    host = await startLocalHostProcess({ CRM_DATA_DIR: dataDir });
    browser = await sharedBrowser();
  });
  beforeEach(async () => {
    violations = [];
    consoleReports = [];
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
    await context.exposeBinding('reportCspViolation', ({ frame }, violation: Omit<Violation, 'page'>) => {
      violations.push({ ...violation, page: frame.url() });
    });
    // Init scripts run in every frame before the page's own scripts, and CSP does not apply to them.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        void (window as unknown as { reportCspViolation(v: object): Promise<void> }).reportCspViolation({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
        });
      });
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) consoleReports.push(message.text());
    });
  });
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await closeContexts(browser);
    await host?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const expectNoViolation = () => {
    expect(violations).toEqual([]);
    expect(consoleReports).toEqual([]);
  };

  it('serves every page with the policy, and the start page renders under it', async () => {
    for (const path of ['/', '/addin/', '/addin/taskpane.html', '/teams/', '/teams/account.html']) {
      const response = await page.goto(`${host.url}${path}`);
      expect(response?.headers()['content-security-policy'], path).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
      expect(response?.headers()['x-content-type-options'], path).toBe('nosniff');
    }
    await page.goto(`${host.url}/`);
    expect(await page.getByRole('heading', { name: 'CRM for Outlook and Teams' }).count()).toBe(1);
    expectNoViolation();
  });

  it('runs the add-in pane in the preview mailbox: account card, then logging an email', async () => {
    await page.goto(`${host.url}/addin/?lang=en`);
    await page.click('[data-item-key="known-sender"]');
    await page.waitForSelector('[data-ready-key="known-sender"]');
    const pane = page.getByTestId('task-pane');
    await expect.poll(() => pane.getByRole('heading', { name: DEMO_FEATURED.knownContact.accountName }).count()).toBe(1);
    await pane.getByRole('button', { name: 'Log email' }).click();
    await pane.getByRole('form', { name: 'Log email' }).getByRole('button', { name: 'Log' }).click();
    await page
      .getByTestId('logged-status')
      .filter({ hasText: /^Logged by / })
      .waitFor();
    expectNoViolation();
  });

  const serveOfficeJs = async () => {
    const served: string[] = [];
    await context.route('https://appsforoffice.microsoft.com/lib/1/hosted/**', async (route) => {
      const file = new URL(route.request().url()).pathname.replace('/lib/1/hosted/', '');
      served.push(file);
      await route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(officeJsDir, file)) });
    });
    return served;
  };

  it('loads Office.js from its CDN in the task pane page, which then hands a plain browser to the preview', async () => {
    const served = await serveOfficeJs();
    await page.goto(`${host.url}/addin/taskpane.html?lang=en`);
    await page.waitForURL(`${host.url}/addin/`);
    await page.waitForSelector('[data-item-key="known-sender"]');
    expect(served).toContain('office.js');
    expectNoViolation();
  });

  it("runs the sign-in dialog page under the policy until MSAL hands over to Microsoft's sign-in page", async () => {
    const served = await serveOfficeJs();
    const signIn: string[] = [];
    await context.route('https://login.microsoftonline.com/**', async (route) => {
      signIn.push(new URL(route.request().url()).pathname);
      await route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Sign in</title>' });
    });
    await page.goto(`${host.url}/addin/auth-dialog.html?scope=${encodeURIComponent('api://crm/access_as_user')}`);
    await page.waitForURL(/^https:\/\/login\.microsoftonline\.com\//);
    expect(served).toContain('office.js');
    expect(signIn).toEqual(['/organizations/oauth2/v2.0/authorize']);
    expectNoViolation();
  });

  it('runs a Teams tab at top level and inside a same-origin frame, as the preview embeds it', async () => {
    const { body } = await localApi(host.url)<{ items: { id: string; name: string }[] }>(
      'GET',
      `/api/accounts?q=${encodeURIComponent(DEMO_FEATURED.knownContact.accountName)}`,
    );
    const accountId = body.items.find((a) => a.name === DEMO_FEATURED.knownContact.accountName)!.id;
    await page.goto(`${host.url}/teams/account.html?accountId=${accountId}&lang=en`);
    await page.waitForSelector(`[data-ready-key="${accountId}"]`);
    expect(await page.getByTestId('account-name').innerText()).toBe(DEMO_FEATURED.knownContact.accountName);

    // In a frame the tab loads teams-js (a chunk of its own) and, with no Teams answering, runs standalone.
    await page.goto(`${host.url}/teams/`);
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.style.cssText = 'width:1000px;height:800px';
      document.body.append(frame);
    }, `${host.url}/teams/personal.html?lang=en`);
    const frame = page.frameLocator('iframe');
    await frame.locator('[data-ready-key="me"]').waitFor({ timeout: 15_000 });
    expect(await frame.getByRole('heading', { name: 'My CRM' }).count()).toBe(1);
    expectNoViolation();
  });

  it('refuses to be framed by a site that is not Outlook, Teams or the app itself', async () => {
    await context.route('https://elsewhere.example/', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><iframe src="${host.url}/teams/personal.html"></iframe>` }),
    );
    // The page's load waits for its frame; Chromium replaces a frame that frame-ancestors refuses with its error page.
    await page.goto('https://elsewhere.example/', { waitUntil: 'load' });
    const framed = page.frames().filter((frame) => frame !== page.mainFrame());
    expect(framed.map((frame) => frame.url())).toEqual(['chrome-error://chromewebdata/']);
  });
});
