// Insights benchmark (issue 15): the figures computed from scratch, again after 1 % of the accounts' revenue changed,
// and the Insights tab's API calls at 1 and 16 clients next to the revenue query they start with run directly against
// the same PostgreSQL server in the same run. Each account gets three years of monthly revenue. The figures are
// computed on every request (no snapshot serves them yet), so "after 1 % changed" is a full recompute too.
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { migrate } from '../../functions/src/core/db/migrate';
import { openPostgres } from '../../functions/src/core/db/postgres-db';
import { teamInsights } from '../../functions/src/features/insights';
import { seedScaledTenant } from '../../functions/src/seed/seed-scaled';
import { startLocalHostProcess } from '../../test/support/local-host-process';
import { startPgCluster } from '../../test/support/pg-cluster';
import { SCALES, type Scale } from './api-suite';
import { closedLoop } from './closed-loop';
import { httpClient } from './http-client';
import { ms, ratio, type LatencySummary } from './stats';

const CLIENTS = [1, 16] as const;
// Every call computes the figures from the whole tenant, so the large tenant gets fewer requests to stay within minutes.
const REQUESTS: Record<Scale, Record<number, number>> = { small: { 1: 40, 16: 160 }, large: { 1: 5, 16: 32 } };
const COMPUTE_RUNS: Record<Scale, number> = { small: 5, large: 3 };
const REVENUE_MONTHS = 36;

type Call = 'teamInsights' | 'accountInsights' | 'directSql';

export interface InsightsResults {
  scale: Scale;
  accounts: number;
  revenueRows: number;
  /** Milliseconds of teamInsights in this process, each run from the tenant's facts. */
  fromScratchMs: number[];
  afterOnePercentMs: number[];
  changedAccounts: number;
  calls: Record<Call, Record<number, LatencySummary>>;
  loadBefore: number[];
  loadAfter: number[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runInsightsSuite(scale: Scale, log: (line: string) => void): Promise<InsightsResults> {
  const loadBefore = loadavg();
  const cluster = await startPgCluster();
  try {
    await cluster.createDatabase('bench');
    const url = cluster.url('bench');
    const db = await openPostgres(url, { max: 16 });
    try {
      await migrate(db);
      const tenantId = randomUUID();
      const seedStarted = performance.now();
      const seeded = await seedScaledTenant(db, { tenantId, ...SCALES[scale] });
      log(`  seeded ${scale} in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);
      // Three years of monthly revenue per account, ending with the last full month.
      await db.query(
        `INSERT INTO account_revenue (tenant_id, account_id, period_kind, period_start, revenue, cost, source)
         SELECT a.tenant_id, a.id, 'month', (date_trunc('month', now()) - make_interval(months => m))::date,
                round((1000 + random() * 9000)::numeric, 2), NULL, 'api'
         FROM accounts a CROSS JOIN generate_series(1, $2::int) AS m WHERE a.tenant_id = $1`,
        [tenantId, REVENUE_MONTHS],
      );
      await db.query('ANALYZE');
      const [{ accounts, rows }] = (await db.query<{ accounts: number; rows: number }>(
        `SELECT (SELECT count(*)::int FROM accounts WHERE tenant_id = $1) AS accounts, (SELECT count(*)::int FROM account_revenue WHERE tenant_id = $1) AS rows`,
        [tenantId],
      )) as [{ accounts: number; rows: number }];
      log(`  insights ${scale}: ${accounts.toLocaleString('en')} accounts, ${rows.toLocaleString('en')} revenue rows`);

      const actor = { tenantId, userId: seeded.users[1]!.oid, displayName: 'bench', roles: ['CRM.User' as const] };
      const compute = async () => {
        const t = performance.now();
        await teamInsights(db, actor, 'last-12-months');
        return performance.now() - t;
      };
      const fromScratchMs: number[] = [];
      for (let i = 0; i < COMPUTE_RUNS[scale]; i++) fromScratchMs.push(await compute());
      log(`  from scratch: median ${ms(median(fromScratchMs))} of ${COMPUTE_RUNS[scale]}`);
      // 1 % of the accounts get new revenue for the last full month, as an import of corrections would write it.
      const changed = await db.query<{ account_id: string }>(
        `UPDATE account_revenue SET revenue = revenue * 1.5 WHERE tenant_id = $1 AND period_start = (date_trunc('month', now()) - interval '1 month')::date
           AND account_id IN (SELECT id FROM accounts WHERE tenant_id = $1 ORDER BY id LIMIT greatest(1, $2::int / 100)) RETURNING account_id`,
        [tenantId, accounts],
      );
      const afterOnePercentMs: number[] = [];
      for (let i = 0; i < COMPUTE_RUNS[scale]; i++) afterOnePercentMs.push(await compute());
      log(`  after ${changed.length} accounts changed: median ${ms(median(afterOnePercentMs))}`);

      const accountIds = (await db.query<{ id: string }>('SELECT id FROM accounts WHERE tenant_id = $1 ORDER BY id LIMIT 200', [tenantId])).map((r) => r.id);
      const calls = { teamInsights: {}, accountInsights: {}, directSql: {} } as InsightsResults['calls'];
      const host = await startLocalHostProcess({ DATABASE_URL: url, DATABASE_POOL_SIZE: '16', CRM_SEED: 'none' });
      const client = httpClient(host.url, 32);
      try {
        const user = seeded.users[1]!;
        const auth = await client.signIn(tenantId, user);
        const paths: Record<Exclude<Call, 'directSql'>, (i: number) => string> = {
          teamInsights: () => '/api/insights',
          accountInsights: (i) => `/api/accounts/${accountIds[i % accountIds.length]}/insights`,
        };
        // The baseline: the first query the figures need, the period's revenue per account, straight to the server.
        const direct = () =>
          db.query(
            `SELECT account_id, sum(revenue) FROM account_revenue WHERE tenant_id = $1 AND period_kind = 'month'
               AND period_start >= (date_trunc('month', now()) - interval '12 months')::date AND period_start < date_trunc('month', now())::date GROUP BY account_id`,
            [tenantId],
          );
        await closedLoop({
          clients: 4,
          requests: scale === 'small' ? 20 : 4,
          send: async () => void (await client.expect([200], 'GET', '/api/insights', auth)),
        });
        for (const clients of CLIENTS) {
          for (const call of ['directSql', 'teamInsights', 'accountInsights'] as const) {
            const send =
              call === 'directSql' ? async () => void (await direct()) : async (i: number) => void (await client.expect([200], 'GET', paths[call](i), auth));
            calls[call][clients] = await closedLoop({ clients, requests: REQUESTS[scale][clients]!, send });
            log(`  ${call}, ${clients} client(s): p50 ${ms(calls[call][clients].p50)} p95 ${ms(calls[call][clients].p95)}`);
          }
        }
      } finally {
        client.close();
        await host.stop('SIGTERM');
      }
      return { scale, accounts, revenueRows: rows, fromScratchMs, afterOnePercentMs, changedAccounts: changed.length, calls, loadBefore, loadAfter: loadavg() };
    } finally {
      await db.close();
    }
  } finally {
    await cluster.stop();
  }
}

export function insightsReport(results: InsightsResults): string[] {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const load = (l: number[]) => l.map((v) => v.toFixed(1)).join(' / ');
  const lines = [
    `${results.scale}: ${results.accounts.toLocaleString('en')} accounts, ${results.revenueRows.toLocaleString('en')} monthly revenue rows; load average (1/5/15 min) ${load(results.loadBefore)} before, ${load(results.loadAfter)} after`,
    `team figures from scratch: median ${ms(median(results.fromScratchMs))} (${results.fromScratchMs.map(ms).join(', ')})`,
    `after ${results.changedAccounts} accounts (1 %) changed, recomputed in full: median ${ms(median(results.afterOnePercentMs))}`,
    '',
    row(['clients', 'call', 'p50', 'p95', 'req/s', 'p50 / direct SQL', 'p95 / direct SQL']),
    row(Array(7).fill('---')),
  ];
  for (const clients of CLIENTS) {
    const base = results.calls.directSql[clients]!;
    for (const call of ['directSql', 'teamInsights', 'accountInsights'] as const) {
      const s = results.calls[call][clients]!;
      lines.push(
        row([
          String(clients),
          call,
          ms(s.p50),
          ms(s.p95),
          s.rps.toFixed(1),
          call === 'directSql' ? '' : ratio(s.p50, base.p50),
          call === 'directSql' ? '' : ratio(s.p95, base.p95),
        ]),
      );
    }
  }
  return lines;
}
