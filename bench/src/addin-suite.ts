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
    // In-page scripts are plain JavaScript text: functions compiled by tsx carry helpers the page does not have.
    // Each switch notes the API requests it made (resource timing), so the floor below replays exactly those.
    const switched = (await page.evaluate(`(async () => {
      const main = () => document.querySelector('main[aria-busy]');
      const switchTo = (key) => new Promise((resolve) => {
        performance.clearResourceTimings();
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (main().getAttribute('data-ready-key') === key) {
            observer.disconnect();
            const time = performance.now() - started;
            const requests = performance.getEntriesByType('resource').filter((e) => e.startTime >= started && new URL(e.name).pathname.startsWith('/api/')).map((e) => e.name);
            resolve({ time, requests });
          }
        });
        observer.observe(main(), { attributes: true, attributeFilter: ['data-ready-key'] });
        document.querySelector('[data-item-key="' + key + '"]').click();
      });
      const items = ${JSON.stringify(ITEMS)};
      const out = [];
      for (let i = 0; i < ${WARMUP + SWITCHES}; i++) {
        const result = await switchTo(items[(i + 1) % items.length]);
        if (i >= ${WARMUP}) out.push(result);
      }
      return out;
    })()`)) as Array<{ time: number; requests: string[] }>;
    const switchTimes = switched.map((s) => s.time);
    // The floor: each switch's own API requests alone, replayed from the same page in the same order, together where
    // the pane sends them together (a meeting's context and its logged lookup), each group timed until all are read.
    const rawTimes = (await page.evaluate(`(async () => {
      const token = (await (await fetch('/dev/token', { method: 'POST' })).json()).access_token;
      const groups = ${JSON.stringify(switched.map((s) => s.requests))};
      const get = async (url) => (await fetch(url, { headers: { authorization: 'Bearer ' + token } })).json();
      for (const group of groups.slice(0, ${WARMUP})) await Promise.all(group.map(get));
      const times = [];
      for (const group of groups) {
        const started = performance.now();
        await Promise.all(group.map(get));
        times.push(performance.now() - started);
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
      `  item change -> context card: p50 ${ms(itemChange.p50)}, p95 ${ms(itemChange.p95)}; raw replay of each switch's requests p50 ${ms(rawContext.p50)}, p95 ${ms(rawContext.p95)}`,
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
    `| raw replay of each switch's API requests p50 / p95 | ${ms(r.rawContext.p50)} / ${ms(r.rawContext.p95)} | |`,
    `| pane vs raw round trip, p50 / p95 | ${ratio(r.itemChange.p50, r.rawContext.p50)} / ${ratio(r.itemChange.p95, r.rawContext.p95)} | <= 1.5x |`,
  ];
}
