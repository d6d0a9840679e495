// `npm run bench -- soak [--minutes 10] [--clients 16] [--rss-bound-mb 32]`: the local host on a PostgreSQL server under
// a closed-loop mix of lookups, reads and email logging for minutes; prints the status histogram, latencies per kind and
// the host's memory (RSS from /proc, Linux), and exits non-zero on any 5xx, unanswered request or growth above the bound.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { migrate } from '../../functions/src/core/db/migrate';
import { openPostgres } from '../../functions/src/core/db/postgres-db';
import { seedScaledTenant } from '../../functions/src/seed/seed-scaled';
import { startPgCluster } from '../../test/support/pg-cluster';
import { startLocalHostProcess } from '../../test/support/local-host-process';
import { SCALES } from './api-suite';
import { kindAt, mib, rssFigures, soakFailures, SOAK_KINDS, type RssFigures, type RssSample, type SoakKind } from './soak-figures';
import { ms, summarize, type LatencySummary } from './stats';

const RSS_EVERY_MS = 5_000;

export interface SoakResults {
  minutes: number;
  clients: number;
  requests: number;
  statuses: Record<string, number>;
  latency: Record<SoakKind, LatencySummary>;
  rss: RssFigures;
  rssBoundBytes: number;
  /** One-minute load average of the machine at start and end: other work on the same cores shows here. */
  loadavg: { start: number; end: number };
  failures: string[];
}

/** The host is a direct child of this process (test/support/local-host-process.ts spawns node itself, not npm). */
function hostPid(): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('start-local.ts')) return Number(entry);
    } catch {
      // The process ended between listing and reading.
    }
  }
  throw new Error('the local host process was not found under /proc (the soak reads RSS on Linux only)');
}

const rssOf = (pid: number) => {
  const kb = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB$/m);
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb[1]) * 1024;
};

export async function runSoak(options: { minutes: number; clients: number; rssBoundBytes: number }, log: (line: string) => void): Promise<SoakResults> {
  const durationMs = options.minutes * 60_000;
  // A minute each for warm-up and for the two measuring windows; shorter runs scale them down to keep all three apart.
  const warmupMs = Math.min(60_000, durationMs / 4);
  const windowMs = Math.min(60_000, durationMs / 4);
  const cluster = await startPgCluster();
  try {
    await cluster.createDatabase('soak');
    const url = cluster.url('soak');
    const db = await openPostgres(url, { max: 4 });
    const tenantId = randomUUID();
    let seeded: Awaited<ReturnType<typeof seedScaledTenant>>;
    let contactIds: string[];
    let accountIds: string[];
    try {
      await migrate(db);
      seeded = await seedScaledTenant(db, { tenantId, ...SCALES.small });
      await db.query('ANALYZE');
      contactIds = (await db.query<{ id: string }>('SELECT id FROM contacts WHERE tenant_id = $1 ORDER BY id', [tenantId])).map((r) => r.id);
      accountIds = (await db.query<{ id: string }>('SELECT id FROM accounts WHERE tenant_id = $1 ORDER BY id', [tenantId])).map((r) => r.id);
    } finally {
      await db.close();
    }
    log(`  seeded the small tenant: ${JSON.stringify(seeded.counts)}`);

    const host = await startLocalHostProcess({ DATABASE_URL: url, DATABASE_POOL_SIZE: String(options.clients), CRM_SEED: 'none' });
    try {
      const pid = hostPid();
      const tokens = await Promise.all(
        Array.from({ length: options.clients }, async (_, c) => {
          // Users 1..n-1 are CRM.User; the first is the admin, the last the reader (seed-scaled).
          const user = seeded.users[1 + (c % (seeded.users.length - 2))]!;
          const answer = await fetch(`${host.url}/dev/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ tenantId, userId: user.oid, name: user.displayName, email: user.email, roles: ['CRM.User'] }),
          });
          return ((await answer.json()) as { access_token: string }).access_token;
        }),
      );

      const emails = seeded.sampleEmails;
      const logged: string[] = [];
      const request = (c: number, i: number): { kind: SoakKind; method: string; path: string; body?: unknown } => {
        const kind = kindAt(i);
        const n = c * 7919 + i;
        switch (kind) {
          case 'context':
            return {
              kind,
              method: 'GET',
              path: `/api/context?email=${encodeURIComponent(emails[n % emails.length]!)}&email=${encodeURIComponent(emails[(n * 13 + 5) % emails.length]!)}&email=colleague${n % 5}%40seller.example`,
            };
          case 'log': {
            // One email in ten was logged before (a colleague got it too): the repeat answers 200 and adds a logger.
            const again = n % 10 === 0 && logged.length > 0;
            const internetMessageId = again ? logged[n % logged.length]! : `<${randomUUID()}@soak.example>`;
            if (!again) logged.push(internetMessageId);
            return {
              kind,
              method: 'POST',
              path: '/api/interactions',
              body: {
                type: 'email',
                direction: 'inbound',
                occurredAt: new Date().toISOString(),
                subject: `Soak ${n}`,
                internetMessageId,
                contactIds: [contactIds[n % contactIds.length]!],
                source: 'addin',
              },
            };
          }
          case 'timeline':
            return { kind, method: 'GET', path: `/api/accounts/${accountIds[n % accountIds.length]!}/timeline?limit=50` };
          case 'contact':
            return { kind, method: 'GET', path: `/api/contacts/${contactIds[n % contactIds.length]!}` };
          case 'search':
            return { kind, method: 'GET', path: `/api/contacts?q=${encodeURIComponent(emails[n % emails.length]!.split('@')[0]!.split('.')[1] ?? 'a')}` };
        }
      };

      const statuses: Record<string, number> = {};
      const samples = Object.fromEntries(SOAK_KINDS.map((k) => [k, [] as number[]])) as Record<SoakKind, number[]>;
      const rssStart = rssOf(pid);
      const rssSamples: RssSample[] = [];
      const loadStart = loadavg()[0]!;
      const started = performance.now();
      const sampler = setInterval(() => rssSamples.push({ atMs: performance.now() - started, bytes: rssOf(pid) }), RSS_EVERY_MS);
      let lastMinute = 0;
      const progress = setInterval(() => {
        const minute = Math.floor((performance.now() - started) / 60_000);
        if (minute === lastMinute) return;
        lastMinute = minute;
        const requests = Object.values(statuses).reduce((a, b) => a + b, 0);
        log(
          `  ${minute} min: ${requests.toLocaleString('en')} requests, host RSS ${mib(rssSamples.at(-1)?.bytes ?? rssStart)}, statuses ${JSON.stringify(statuses)}`,
        );
      }, 1_000);
      let oneFailure: string | undefined;
      const client = async (c: number) => {
        for (let i = 0; performance.now() - started < durationMs; i++) {
          const { kind, method, path, body } = request(c, i);
          const t = performance.now();
          let status: string;
          try {
            const answer = await fetch(`${host.url}${path}`, {
              method,
              headers: { authorization: `Bearer ${tokens[c]!}`, ...(body ? { 'content-type': 'application/json' } : {}) },
              body: body ? JSON.stringify(body) : undefined,
            });
            const text = await answer.text();
            status = String(answer.status);
            if (!answer.ok) oneFailure ??= `${method} ${path.split('?')[0]} answered ${answer.status}: ${text.slice(0, 300)}`;
          } catch (error) {
            status = 'no answer';
            oneFailure ??= `${method} ${path.split('?')[0]}: ${error instanceof Error ? error.message : String(error)}`;
          }
          samples[kind].push(performance.now() - t);
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
      };
      await Promise.all(Array.from({ length: options.clients }, (_, c) => client(c)));
      const wallMs = performance.now() - started;
      clearInterval(sampler);
      clearInterval(progress);
      rssSamples.push({ atMs: wallMs, bytes: rssOf(pid) });
      if (oneFailure) log(`  first unexpected answer: ${oneFailure}`);

      const rss = rssFigures(rssStart, rssSamples, { warmupMs, windowMs, durationMs: wallMs });
      const latency = Object.fromEntries(SOAK_KINDS.map((k) => [k, summarize(samples[k], wallMs)])) as Record<SoakKind, LatencySummary>;
      return {
        minutes: options.minutes,
        clients: options.clients,
        requests: Object.values(statuses).reduce((a, b) => a + b, 0),
        statuses,
        latency,
        rss,
        rssBoundBytes: options.rssBoundBytes,
        loadavg: { start: loadStart, end: loadavg()[0]! },
        failures: soakFailures(statuses, rss.growth, options.rssBoundBytes),
      };
    } finally {
      await host.stop('SIGTERM');
    }
  } finally {
    await cluster.stop();
  }
}

export function soakReport(results: SoakResults): string[] {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const lines = [
    `${results.requests.toLocaleString('en')} requests in ${results.minutes} min from ${results.clients} clients; statuses ${Object.entries(results.statuses)
      .sort()
      .map(([status, n]) => `${status}: ${n.toLocaleString('en')}`)
      .join(', ')}`,
    '',
    row(['kind', 'requests', 'p50', 'p95', 'p99', 'req/s']),
    row(Array(6).fill('---')),
    ...SOAK_KINDS.map((k) => {
      const s = results.latency[k];
      return row([k, s.count.toLocaleString('en'), ms(s.p50), ms(s.p95), ms(s.p99), s.rps.toFixed(0)]);
    }),
    '',
    `host RSS: start ${mib(results.rss.start)}, after warm-up ${mib(results.rss.afterWarmup)}, end ${mib(results.rss.end)}, peak ${mib(results.rss.peak)}; growth ${mib(results.rss.growth)} against a bound of ${mib(results.rssBoundBytes)}`,
    `load average (1 min) at start ${results.loadavg.start.toFixed(2)}, at end ${results.loadavg.end.toFixed(2)} on ${cpus().length} cores`,
    results.failures.length ? `FAILED: ${results.failures.join('; ')}` : 'passed: no 5xx, every request answered, memory within the bound',
  ];
  return lines;
}

export async function soakCli(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { minutes: { type: 'string', default: '10' }, clients: { type: 'string', default: '16' }, 'rss-bound-mb': { type: 'string', default: '32' } },
  });
  const minutes = Number(values.minutes);
  const clients = Number(values.clients);
  const boundMb = Number(values['rss-bound-mb']);
  if (!(minutes > 0) || !Number.isInteger(clients) || clients < 1 || !(boundMb > 0)) {
    console.error('--minutes and --rss-bound-mb must be positive numbers, --clients a positive integer');
    return 2;
  }
  const log = (line: string) => console.log(line);
  log(`soak on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'}), node ${process.version}: ${minutes} min, ${clients} clients, PostgreSQL server`);
  const results = await runSoak({ minutes, clients, rssBoundBytes: boundMb * 1024 * 1024 }, log);
  for (const line of ['', ...soakReport(results)]) log(line);
  const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  log(`\nraw figures: ${file}`);
  return results.failures.length ? 1 : 0;
}
