// Where the time of the pane's item switch and the account tab's first render goes: resource timing of every request
// and a CPU profile (CDP Profiler) of the same runs, summed by script; for the pane also a trace of 15 switches with the
// frames each one drew while it waited and what animated, for the tab a trace of 5 loads with the main thread's work
// before, during and after its first requests. `tsx bench/src/trace-probe.ts pane|tab`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../../test/support/browser';
import { startLocalHostProcess } from '../../test/support/local-host-process';
import { addBigAccount, BIG_ACCOUNT_ID, precomputeInsights } from './big-account';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per script file and the heaviest functions, from a CPU profile. */
function summarizeProfile(profile: Profile): { byUrl: Array<[string, number]>; byFunction: Array<[string, number]> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const url = new Map<string, number>();
  const fn = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const file = node.callFrame.url ? node.callFrame.url.replace(/^https?:\/\/[^/]+/, '') : `(${node.callFrame.functionName || 'native'})`;
    url.set(file, (url.get(file) ?? 0) + ms);
    const name = `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber}`;
    fn.set(name, (fn.get(name) ?? 0) + ms);
  });
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { byUrl: top(url, 8), byFunction: top(fn, 15) };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { nodeName?: string; displayName?: string; url?: string; requestId?: string } };
}

/** Per switch (between its marks): frames painted, the main thread's style, paint and layerize time, what animated. */
function framesPerSwitch(events: TraceEvent[]): string[] {
  const marks = new Map<string, TraceEvent>();
  for (const e of events) if (/^(ready-)?switch-\d+$/.test(e.name) && !marks.has(e.name)) marks.set(e.name, e);
  const lines: string[] = [];
  for (const [name, start] of marks) {
    const end = marks.get(`ready-${name}`);
    if (name.startsWith('ready-') || !end) continue;
    const inside = events.filter((e) => e.pid === start.pid && e.tid === start.tid && e.ts >= start.ts && e.ts <= end.ts);
    const frames = inside.filter((e) => e.name === 'Paint').length;
    const rendering = inside
      .filter((e) => ['UpdateLayoutTree', 'Layout', 'Paint', 'Layerize', 'Commit'].includes(e.name))
      .reduce((sum, e) => sum + (e.dur ?? 0), 0);
    const animated = events
      .filter((e) => e.name === 'Animation' && e.ph === 'b' && e.ts >= start.ts && e.ts <= end.ts)
      .map((e) => `${e.args?.data?.nodeName?.split(' ')[0] ?? '?'} ${e.args?.data?.displayName ?? ''}`);
    lines.push(
      `${name}: ${((end.ts - start.ts) / 1000).toFixed(1)} ms, ${frames} paints, ${(rendering / 1000).toFixed(1)} ms style/layout/paint; animations: ${animated.join(', ') || 'none'}`,
    );
  }
  return lines;
}

/** Trace event names grouped as the kinds of main-thread work a load's first render waits for. */
const KIND: Record<string, string> = {
  EvaluateScript: 'script',
  'v8.compile': 'script',
  'v8.compileModule': 'script',
  'v8.evaluateModule': 'script',
  'v8.produceModuleCache': 'script',
  FunctionCall: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  'v8.run': 'script',
  ParseHTML: 'parse HTML',
  UpdateLayoutTree: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
};

/**
 * Per load of the tab: how long the renderer's main thread was busy before the first API requests left, while the host
 * answered them (until the last answer before the first render) and after; on two shared cores that work competes with
 * the host's.
 */
function mainThreadPerLoad(events: TraceEvent[]): string[] {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const urlOf = new Map(events.filter((e) => e.name === 'ResourceSendRequest').map((e) => [e.args?.data?.requestId, e.args?.data?.url ?? '']));
  const isApi = (e: TraceEvent) => /\/api\//.test(urlOf.get(e.args?.data?.requestId) ?? '');
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
  const busy = (from: number, to: number) => tasks.reduce((sum, t) => sum + Math.max(0, Math.min(to, t.ts + (t.dur ?? 0)) - Math.max(from, t.ts)), 0) / 1000;
  const loads = events.filter((e) => e.name === 'ResourceSendRequest' && /account\.html/.test(e.args?.data?.url ?? '')).map((e) => e.ts);
  return events
    .filter((e) => e.name === 'first-render' && e.ph !== 'M')
    .map((mark) => {
      const start = Math.max(...loads.filter((ts) => ts < mark.ts));
      const inLoad = (e: TraceEvent) => e.ts > start && e.ts < mark.ts && isApi(e);
      const leave = Math.min(...events.filter((e) => e.name === 'ResourceSendRequest' && inLoad(e)).map((e) => e.ts));
      const answered = Math.max(...events.filter((e) => e.name === 'ResourceReceiveResponse' && inLoad(e)).map((e) => e.ts));
      const at = (ts: number) => ((ts - start) / 1000).toFixed(1);
      // What the main thread did up to the first render, by the kind of each task's direct parts (script, style, layout...).
      const kinds = new Map<string, number>();
      for (const task of tasks.filter((t) => t.ts + (t.dur ?? 0) > start && t.ts < mark.ts)) {
        const end = task.ts + (task.dur ?? 0);
        let covered = 0;
        let reach = task.ts;
        for (const part of events
          .filter((e) => e.ph === 'X' && e !== task && e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts < end)
          .sort((a, b) => a.ts - b.ts)) {
          if (part.ts < reach) continue;
          const from = Math.max(part.ts, start);
          const to = Math.min(part.ts + (part.dur ?? 0), mark.ts);
          reach = part.ts + (part.dur ?? 0);
          if (to <= from) continue;
          const kind = KIND[part.name] ?? part.name;
          kinds.set(kind, (kinds.get(kind) ?? 0) + (to - from) / 1000);
          covered += to - from;
        }
        const other = (Math.min(end, mark.ts) - Math.max(task.ts, start) - covered) / 1000;
        if (other > 0) kinds.set('(task)', (kinds.get('(task)') ?? 0) + other);
      }
      const split = [...kinds].sort((a, b) => b[1] - a[1]).filter(([, t]) => t >= 0.5);
      return (
        `first render ${at(mark.ts)} ms: requests left at ${at(leave)}, last answer ${at(answered)}; main thread busy ` +
        `${busy(start, leave).toFixed(1)} ms before, ${busy(leave, answered).toFixed(1)} ms while waiting, ${busy(answered, mark.ts).toFixed(1)} ms after, ` +
        `${busy(start, mark.ts).toFixed(1)} ms in all: ${split.map(([k, t]) => `${k} ${t.toFixed(1)}`).join(', ')}`
      );
    });
}

const which = process.argv[2] ?? 'tab';
const dataDir = mkdtempSync(join(tmpdir(), 'crm-trace-'));
try {
  if (which === 'tab') {
    const seeding = await startLocalHostProcess({ CRM_DATA_DIR: dataDir });
    await seeding.stop('SIGTERM');
    await addBigAccount(dataDir, 5_000);
  }
  const host = await startLocalHostProcess({ CRM_DATA_DIR: dataDir });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    if (which === 'tab') {
      console.log(`insights of the tenant computed before the loads: ${(await precomputeInsights(host.url)).toFixed(1)} s`);
      await page.addInitScript(`new MutationObserver((_r, o) => {
        if (document.querySelector('[data-ready-key]') && document.querySelector('[data-interaction-id]')) { window.__firstRender = performance.now(); performance.mark('first-render'); document.documentElement.setAttribute('data-first-render', ''); o.disconnect(); }
      }).observe(document, { childList: true, subtree: true, attributes: true });`);
      const url = `${host.url}/teams/account.html?accountId=${BIG_ACCOUNT_ID}&lang=en`;
      for (let i = 0; i < 3; i++) {
        await page.goto(url);
        await page.waitForSelector('html[data-first-render]', { state: 'attached' });
      }
      const runs: Array<Record<string, string>> = [];
      await cdp.send('Profiler.start');
      for (let i = 0; i < 8; i++) {
        await page.goto(url);
        await page.waitForSelector('html[data-first-render]', { state: 'attached' });
        runs.push(
          (await page.evaluate(`(() => {
          const r = {};
          const nav = performance.getEntriesByType('navigation')[0];
          r.html = nav.responseEnd.toFixed(1);
          r.domInteractive = nav.domInteractive.toFixed(1);
          for (const e of performance.getEntriesByType('resource')) {
            const name = e.name.replace(location.origin, '').replace(/\\?.*$/, '').replace(/[0-9a-f-]{36}/, ':id');
            r[name] = e.startTime.toFixed(1) + '..' + e.responseEnd.toFixed(1);
          }
          r.firstRender = window.__firstRender.toFixed(1);
          return r;
        })()`)) as Record<string, string>,
        );
      }
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      for (const run of runs) console.log(JSON.stringify(run));
      const s = summarizeProfile(profile);
      console.log('self time by script over 8 loads (ms):', s.byUrl.map(([u, t]) => `${u} ${t.toFixed(0)}`).join('; '));
      console.log('heaviest functions:\n  ' + s.byFunction.map(([f, t]) => `${t.toFixed(1)} ${f}`).join('\n  '));
      // What the profile leaves to "(program)" and idle: the main thread's work around the requests, from a trace of 5 loads.
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (payload) => events.push(...(payload.value as unknown as TraceEvent[])));
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.start', { categories: 'disabled-by-default-devtools.timeline,devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
      for (let i = 0; i < 5; i++) {
        await page.goto(url);
        await page.waitForSelector('html[data-first-render]', { state: 'attached' });
        await page.waitForLoadState('networkidle');
      }
      await cdp.send('Tracing.end');
      await complete;
      for (const line of mainThreadPerLoad(events)) console.log(line);
    } else {
      await page.goto(`${host.url}/addin/?lang=en`);
      await page.waitForSelector('[data-ready-key]');
      const items = ['known-sender', 'unknown-known-domain', 'withdrawn', 'unknown', 'meeting'];
      const switches = (n: number) =>
        page.evaluate(`(async () => {
        const main = () => document.querySelector('main[aria-busy]');
        const items = ${JSON.stringify(items)};
        const out = [];
        for (let i = 0; i < ${n}; i++) {
          const key = items[(i + 1) % items.length];
          performance.clearResourceTimings();
          const t = await new Promise((resolve) => {
            const mark = 'switch-' + (window.__switches = (window.__switches ?? 0) + 1);
            performance.mark(mark);
            const started = performance.now();
            let cleared = null;
            const observer = new MutationObserver(() => {
              if (cleared === null && main().getAttribute('aria-busy') === 'true') cleared = performance.now() - started;
              if (main().getAttribute('data-ready-key') === key) { performance.mark('ready-' + mark); observer.disconnect(); resolve({ total: performance.now() - started, cleared, started }); }
            });
            observer.observe(main(), { attributes: true, attributeFilter: ['data-ready-key', 'aria-busy'] });
            document.querySelector('[data-item-key="' + key + '"]').click();
          });
          const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/'));
          out.push({ key, total: t.total.toFixed(1), cleared: t.cleared?.toFixed(1), requests: api.map((e) => e.name.replace(location.origin, '').slice(0, 40) + ' ' + (e.startTime - t.started).toFixed(1) + '..' + (e.responseEnd - t.started).toFixed(1)) });
        }
        return out;
      })()`);
      await switches(10);
      await cdp.send('Profiler.start');
      const out = (await switches(30)) as Array<Record<string, unknown>>;
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      for (const o of out.slice(0, 10)) console.log(JSON.stringify(o));
      const s = summarizeProfile(profile);
      console.log('self time by script over 30 switches (ms):', s.byUrl.map(([u, t]) => `${u} ${t.toFixed(0)}`).join('; '));
      console.log('heaviest functions:\n  ' + s.byFunction.map(([f, t]) => `${t.toFixed(1)} ${f}`).join('\n  '));
      // What the profile leaves to "(program)": the frames the page draws while a switch waits for its answer.
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (payload) => events.push(...(payload.value as unknown as TraceEvent[])));
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing,blink.animations', transferMode: 'ReportEvents' });
      await switches(15);
      await cdp.send('Tracing.end');
      await complete;
      for (const line of framesPerSwitch(events)) console.log(line);
    }
  } finally {
    await browser.close();
    await host.stop('SIGTERM');
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
