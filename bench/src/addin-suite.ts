// Outlook add-in benchmark: initial JavaScript of the task pane and item-change-to-card latency in headless Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../../test/support/browser';
import { startLocalHostProcess } from '../../test/support/local-host-process';
import { initialJavaScript, kb, lazyChunks, type EntrySize } from './bundle-size';
import { ms, ratio, summarize, type LatencySummary } from './stats';

const ADDIN = fileURLToPath(new URL('../../addin/', import.meta.url));
// Each switch changes the people on screen, as moving down an inbox does.
const ITEMS = ['known-sender', 'unknown-known-domain', 'withdrawn', 'unknown', 'meeting'];
const WARMUP = 10;
const SWITCHES = 50;

export interface AddinResults {
  taskpane: EntrySize;
  preview: EntrySize;
  lazy: Array<{ file: string; gzipBytes: number }>;
  itemChange: LatencySummary;
  rawContext: LatencySummary;
}

export async function runAddinSuite(log: (line: string) => void): Promise<AddinResults> {
  const taskpane = initialJavaScript(ADDIN, 'taskpane.js');
  const preview = initialJavaScript(ADDIN, 'preview.js');
  const lazy = lazyChunks(ADDIN);
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-addin-'));
  const host = await startLocalHostProcess({ CRM_DATA_DIR: dataDir });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${host.url}/addin/?lang=en`);
    await page.waitForSelector('[data-ready-key]');
    // The floor below replays exactly the requests the pane made (the same people, message and conversation keys).
    const paneRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) paneRequests.push(request.url());
    });
    // In-page scripts are plain JavaScript text: functions compiled by tsx carry helpers the page does not have.
    const switchTimes = (await page.evaluate(`(async () => {
      const main = () => document.querySelector('main[aria-busy]');
      const switchTo = (key) => new Promise((resolve) => {
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (main().getAttribute('data-ready-key') === key) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        });
        observer.observe(main(), { attributes: true, attributeFilter: ['data-ready-key'] });
        document.querySelector('[data-item-key="' + key + '"]').click();
      });
      const items = ${JSON.stringify(ITEMS)};
      const times = [];
      for (let i = 0; i < ${WARMUP + SWITCHES}; i++) {
        const time = await switchTo(items[(i + 1) % items.length]);
        if (i >= ${WARMUP}) times.push(time);
      }
      return times;
    })()`)) as number[];
    // The floor: the pane's own API requests alone, replayed from the same page in the same order.
    const rawTimes = (await page.evaluate(`(async () => {
      const token = (await (await fetch('/dev/token', { method: 'POST' })).json()).access_token;
      const urls = ${JSON.stringify(paneRequests.slice(-(WARMUP + SWITCHES)))};
      const times = [];
      for (let i = 0; i < urls.length; i++) {
        const started = performance.now();
        const response = await fetch(urls[i], { headers: { authorization: 'Bearer ' + token } });
        await response.json();
        if (i >= ${WARMUP}) times.push(performance.now() - started);
      }
      return times;
    })()`)) as number[];
    const itemChange = summarize(
      switchTimes,
      switchTimes.reduce((s, t) => s + t, 0),
    );
    const rawContext = summarize(
      rawTimes,
      rawTimes.reduce((s, t) => s + t, 0),
    );
    log(
      `  item change -> context card: p50 ${ms(itemChange.p50)}, p95 ${ms(itemChange.p95)}; raw /api/context p50 ${ms(rawContext.p50)}, p95 ${ms(rawContext.p95)}`,
    );
    return { taskpane, preview, lazy, itemChange, rawContext };
  } finally {
    await browser.close();
    await host.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function addinReport(r: AddinResults): string[] {
  const msal = r.lazy.find((c) => /msal|dist-/.test(c.file));
  return [
    `| figure | value | target |`,
    `| --- | --- | --- |`,
    `| task pane initial JavaScript (gzip, ${r.taskpane.files} files) | ${kb(r.taskpane.gzipBytes)} | < 150 KB |`,
    `| preview page initial JavaScript (gzip) | ${kb(r.preview.gzipBytes)} | |`,
    `| largest lazy chunk (gzip)${msal ? ', MSAL sign-in' : ''} | ${kb(r.lazy[0]?.gzipBytes ?? 0)} | loaded on first sign-in |`,
    `| item change -> context card p50 / p95 (${r.itemChange.count} switches) | ${ms(r.itemChange.p50)} / ${ms(r.itemChange.p95)} | p95 < 150 ms |`,
    `| raw /api/context round trip p50 / p95 | ${ms(r.rawContext.p50)} / ${ms(r.rawContext.p95)} | |`,
    `| pane vs raw round trip, p50 / p95 | ${ratio(r.itemChange.p50, r.rawContext.p50)} / ${ratio(r.itemChange.p95, r.rawContext.p95)} | <= 1.5x |`,
  ];
}
