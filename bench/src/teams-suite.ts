// Teams tabs benchmark: first render of the account tab for an account with 5,000 interactions, and scrolling its whole timeline, in headless Chromium.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../../test/support/browser';
import { startLocalHostProcess } from '../../test/support/local-host-process';
import { addBigAccount, BIG_ACCOUNT_ID, precomputeInsights } from './big-account';
import { initialJavaScript, kb, type EntrySize } from './bundle-size';
import { ms, ratio, summarize, type LatencySummary } from './stats';

const TEAMS = fileURLToPath(new URL('../../teams-app/', import.meta.url));
const INTERACTIONS = 5_000;
const LOADS = 15;
const WARMUP = 3;
const RAW_CALLS = 40;

export interface TeamsResults {
  account: EntrySize;
  /** The classic script in the page's head that sends the first requests (account-early.ts), gzip bytes. */
  earlyScriptGzipBytes: number;
  interactions: number;
  firstRender: LatencySummary;
  /** The distinct API requests the loads sent before their first render, and the replay of each load's group. */
  firstScreenRequests: string[];
  rawFirstScreen: LatencySummary;
  rawOverview: LatencySummary;
  rawTimeline: LatencySummary;
  scroll: {
    items: number;
    seconds: number;
    waitingSeconds: number;
    frames: number;
    frameP50: number;
    frameP95: number;
    frameMax: number;
    longTasks: number;
    longTaskMs: number;
    pages: number;
  };
  rawPaging: { pages: number; seconds: number };
}

// Set before the tab's own script runs: the time from navigation start until header and first timeline rows are on screen.
// Marked on <html> too, for waitForSelector: the pages' Content-Security-Policy refuses the eval that a string
// predicate of waitForFunction needs.
const FIRST_RENDER_PROBE = `
  new MutationObserver((_records, observer) => {
    if (document.querySelector('[data-ready-key]') && document.querySelector('[data-interaction-id]')) {
      window.__firstRender = performance.now();
      document.documentElement.setAttribute('data-first-render', String(window.__firstRender));
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
`;

// Scrolls the windowed timeline by 600 px a frame until all entries are loaded and the end is reached, recording frames and long tasks.
const SCROLL_THROUGH = `(async () => {
  const longTasks = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: false });
  const list = document.querySelector('[data-testid="virtual-list"]');
  const rows = () => Number(list.querySelector('li')?.getAttribute('aria-setsize') ?? 0);
  const frames = [];
  const started = performance.now();
  let last = started;
  let waiting = 0;
  await new Promise((resolve) => {
    const step = (now) => {
      frames.push(now - last);
      last = now;
      list.scrollTop += 600;
      const atEnd = list.scrollTop + list.clientHeight >= list.scrollHeight - 2;
      if ((atEnd && rows() >= TOTAL) || now - started > 180000) return resolve();
      // At the end of what is loaded, the scroll has to wait for the next page.
      if (atEnd) waiting += frames[frames.length - 1];
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  await new Promise((r) => setTimeout(r, 100));
  return { items: rows(), ms: performance.now() - started, frames: frames.slice(1), longTasks, waiting };
})()`;

export async function runTeamsSuite(log: (line: string) => void): Promise<TeamsResults> {
  const account = initialJavaScript(TEAMS, 'account.js');
  const earlyScriptGzipBytes = gzipSync(readFileSync(join(TEAMS, 'dist', 'account-early.js')), { level: 9 }).length;
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-teams-'));
  try {
    // First start seeds the demo tenant; the big account is then written straight into the stopped host's folder.
    const seeding = await startLocalHostProcess({ CRM_DATA_DIR: dataDir });
    await seeding.stop('SIGTERM');
    await addBigAccount(dataDir, INTERACTIONS);
    log(`  added an account with ${INTERACTIONS.toLocaleString('en')} interactions`);
    const host = await startLocalHostProcess({ CRM_DATA_DIR: dataDir });
    const browser = await launchBrowser();
    try {
      log(`  insights of the tenant computed before the loads: ${(await precomputeInsights(host.url)).toFixed(1)} s`);
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      await page.addInitScript(FIRST_RENDER_PROBE);
      const url = `${host.url}/teams/account.html?accountId=${BIG_ACCOUNT_ID}&lang=en`;
      const renders: number[] = [];
      const firstScreens: string[][] = [];
      for (let i = 0; i < WARMUP + LOADS; i++) {
        await page.goto(url);
        await page.waitForSelector('html[data-first-render]', { state: 'attached' });
        // Each load starts on an idle host, as the floor below is measured on one: what a load asks for after its first
        // screen (the account's figures) is answered before the next navigation, not in front of the next load's page.
        await page.waitForLoadState('networkidle');
        const load = (await page.evaluate(`(() => ({
          at: window.__firstRender,
          requests: performance.getEntriesByType('resource')
            .filter((e) => e.startTime < window.__firstRender && new URL(e.name).pathname.startsWith('/api/'))
            .map((e) => e.name),
        }))()`)) as { at: number; requests: string[] };
        if (i < WARMUP) continue;
        renders.push(load.at);
        firstScreens.push(load.requests);
      }
      // The floor: each load's API requests sent before its first render, replayed from the same page together as the
      // tab sends them (the overview, the first timeline page with its count, the user's roles), until all are read.
      // Beside it, for the figures of earlier sessions: the overview and a timeline page without the count, one by one.
      const raw = (await page.evaluate(`(async () => {
        const token = (await (await fetch('/dev/token', { method: 'POST' })).json()).access_token;
        const headers = { authorization: 'Bearer ' + token, 'accept-language': 'en' };
        const time = async (path) => { const t = performance.now(); await (await fetch(path, { headers })).json(); return performance.now() - t; };
        const groups = ${JSON.stringify(firstScreens)};
        const firstScreen = [];
        for (const group of groups.slice(0, ${WARMUP})) await Promise.all(group.map(async (url) => (await fetch(url, { headers })).json()));
        for (const group of groups) {
          const t = performance.now();
          await Promise.all(group.map(async (url) => (await fetch(url, { headers })).json()));
          firstScreen.push(performance.now() - t);
        }
        const overview = [], timeline = [];
        for (let i = 0; i < ${RAW_CALLS}; i++) {
          overview.push(await time('/api/accounts/${BIG_ACCOUNT_ID}/overview'));
          timeline.push(await time('/api/accounts/${BIG_ACCOUNT_ID}/timeline?limit=50'));
        }
        const started = performance.now();
        let cursor = null, pages = 0;
        do {
          const body = await (await fetch('/api/accounts/${BIG_ACCOUNT_ID}/timeline?limit=50' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''), { headers })).json();
          cursor = body.nextCursor; pages++;
        } while (cursor);
        return { firstScreen, overview, timeline, paging: { pages, ms: performance.now() - started } };
      })()`)) as { firstScreen: number[]; overview: number[]; timeline: number[]; paging: { pages: number; ms: number } };

      await page.goto(url);
      await page.waitForSelector('html[data-first-render]', { state: 'attached' });
      const scrolled = (await page.evaluate(SCROLL_THROUGH.replace('TOTAL', String(INTERACTIONS)))) as {
        items: number;
        ms: number;
        frames: number[];
        longTasks: number[];
        waiting: number;
      };
      const frames = summarize(scrolled.frames, scrolled.ms);
      const result: TeamsResults = {
        account,
        earlyScriptGzipBytes,
        interactions: INTERACTIONS,
        firstRender: summarize(
          renders,
          renders.reduce((s, t) => s + t, 0),
        ),
        firstScreenRequests: [...new Set(firstScreens.flat().map((u) => new URL(u).pathname.replace(BIG_ACCOUNT_ID, ':id') + new URL(u).search))],
        rawFirstScreen: summarize(
          raw.firstScreen,
          raw.firstScreen.reduce((s, t) => s + t, 0),
        ),
        rawOverview: summarize(
          raw.overview,
          raw.overview.reduce((s, t) => s + t, 0),
        ),
        rawTimeline: summarize(
          raw.timeline,
          raw.timeline.reduce((s, t) => s + t, 0),
        ),
        scroll: {
          items: scrolled.items,
          seconds: scrolled.ms / 1000,
          waitingSeconds: scrolled.waiting / 1000,
          frames: scrolled.frames.length,
          frameP50: frames.p50,
          frameP95: frames.p95,
          frameMax: Math.max(...scrolled.frames),
          longTasks: scrolled.longTasks.length,
          longTaskMs: scrolled.longTasks.reduce((s, d) => s + d, 0),
          pages: Math.ceil(scrolled.items / 50),
        },
        rawPaging: { pages: raw.paging.pages, seconds: raw.paging.ms / 1000 },
      };
      log(
        `  first render p50 ${ms(result.firstRender.p50)}; raw replay of its requests (${result.firstScreenRequests.join(', ')}) p50 ${ms(result.rawFirstScreen.p50)}; raw overview p50 ${ms(result.rawOverview.p50)}, raw timeline page p50 ${ms(result.rawTimeline.p50)}; ` +
          `scroll through ${result.scroll.items} entries in ${result.scroll.seconds.toFixed(1)} s, frame p95 ${ms(result.scroll.frameP95)}, ${result.scroll.longTasks} long tasks`,
      );
      return result;
    } finally {
      await browser.close();
      await host.stop('SIGTERM');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function teamsReport(r: TeamsResults): string[] {
  const rawBoth = r.rawOverview.p50 + r.rawTimeline.p50;
  return [
    `| figure | value | target |`,
    `| --- | --- | --- |`,
    `| account tab initial JavaScript (gzip, ${r.account.files} files and the early-requests script of ${kb(r.earlyScriptGzipBytes)}) | ${kb(r.account.gzipBytes + r.earlyScriptGzipBytes)} | < 150 KB |`,
    `| account tab first render, ${r.interactions.toLocaleString('en')} interactions, p50 / p95 (${r.firstRender.count} loads, from navigation start) | ${ms(r.firstRender.p50)} / ${ms(r.firstRender.p95)} | |`,
    `| raw /overview p50 / raw /timeline page (50, without the count) p50 | ${ms(r.rawOverview.p50)} / ${ms(r.rawTimeline.p50)} | |`,
    `| raw replay of each load's requests before its first render, together (${r.firstScreenRequests.join(', ')}), p50 / p95 | ${ms(r.rawFirstScreen.p50)} / ${ms(r.rawFirstScreen.p95)} | |`,
    `| first render vs raw replay of its requests, p50 / p95 | ${ratio(r.firstRender.p50, r.rawFirstScreen.p50)} / ${ratio(r.firstRender.p95, r.rawFirstScreen.p95)} | <= 2x |`,
    `| first render vs raw overview + timeline page without the count (earlier sessions' floor), p50 | ${ratio(r.firstRender.p50, rawBoth)} | |`,
    `| scroll through all ${r.scroll.items} entries at 600 px per frame (${r.scroll.pages} pages loaded on the way) | ${r.scroll.seconds.toFixed(2)} s | |`,
    `| of which waiting at the loaded end for the next page | ${r.scroll.waitingSeconds.toFixed(2)} s | |`,
    `| raw paging of the same ${r.rawPaging.pages} pages, back to back | ${r.rawPaging.seconds.toFixed(2)} s | |`,
    `| waiting while scrolling vs raw paging | ${ratio(r.scroll.waitingSeconds, r.rawPaging.seconds)} | |`,
    `| frames while scrolling: count, p50 / p95 / max frame time | ${r.scroll.frames}, ${ms(r.scroll.frameP50)} / ${ms(r.scroll.frameP95)} / ${ms(r.scroll.frameMax)} | p95 <= 16.7 ms |`,
    `| long tasks (> 50 ms) while scrolling: count, total | ${r.scroll.longTasks}, ${ms(r.scroll.longTaskMs)} | 0 |`,
  ];
}
