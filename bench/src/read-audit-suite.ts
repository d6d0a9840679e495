// Read audit benchmark: the context lookup's latency with the audit of reads on and off, against the same PostgreSQL
// server and tenant, the local host restarted with CRM_READ_AUDIT between rounds. Rounds alternate off and on, so a
// drift of the shared machine over the run lands on both sides.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { flushReadAudit, recordReads, type ReadRecord } from '../../functions/src/core/audit/read-audit';
import type { Db } from '../../functions/src/core/db/db';
import { migrate } from '../../functions/src/core/db/migrate';
import { openPostgres } from '../../functions/src/core/db/postgres-db';
import { seedScaledTenant } from '../../functions/src/seed/seed-scaled';
import { startLocalHostProcess } from '../../test/support/local-host-process';
import { startPgCluster } from '../../test/support/pg-cluster';
import { emailsFor, SCALES } from './api-suite';
import { closedLoop } from './closed-loop';
import { httpClient } from './http-client';
import { ms, ratio, summarize, type LatencySummary } from './stats';

const CLIENTS = [1, 16] as const;
const REQUESTS: Record<number, number> = { 1: 400, 16: 4_000 };
const ROUNDS = 4;
type Mode = 'off' | 'on';

export interface ReadAuditResults {
  context: Record<Mode, Record<number, LatencySummary>>;
  /** Rows the audit held after the "on" rounds: every looked-up address was recorded. */
  auditRows: number;
  lookups: number;
  /** The work auditing adds per lookup of three addresses, apart from the noise of the shared machine. */
  perLookup: { recordMicros: number; writeMicros: number; lookups: number };
}

/**
 * What the audit adds to one lookup, measured in this process on the same server: recording its three rows (the only
 * part inside the request) and writing them in the batches the buffer makes (after the answer, on the interval).
 */
async function perLookupCost(db: Db): Promise<ReadAuditResults['perLookup']> {
  const lookups = 20_000;
  const actor = { tenantId: randomUUID(), userId: randomUUID(), displayName: 'bench', roles: ['CRM.User' as const] };
  const records: ReadRecord[] = [
    { entity: 'contact', id: randomUUID(), address: 'anna.kunde@kunde.example' },
    { entity: 'contact', id: randomUUID(), address: 'bernd.kunde@kunde.example' },
    { entity: 'address', address: 'colleague1@seller.example' },
  ];
  await flushReadAudit(db);
  const recording = performance.now();
  for (let i = 0; i < lookups; i++) recordReads(db, actor, 'context', records);
  const recorded = performance.now();
  await flushReadAudit(db);
  const written = performance.now();
  return { recordMicros: ((recorded - recording) * 1000) / lookups, writeMicros: ((written - recorded) * 1000) / lookups, lookups };
}

export async function runReadAuditSuite(log: (line: string) => void): Promise<ReadAuditResults> {
  const cluster = await startPgCluster();
  try {
    await cluster.createDatabase('bench');
    const url = cluster.url('bench');
    const db = await openPostgres(url, { max: 4 });
    try {
      await migrate(db);
      const tenantId = randomUUID();
      const seeded = await seedScaledTenant(db, { tenantId, ...SCALES.small });
      await db.query('ANALYZE');
      const tenant = { seeded };
      const samples: Record<Mode, Record<number, number[]>> = { off: { 1: [], 16: [] }, on: { 1: [], 16: [] } };
      const wall: Record<Mode, Record<number, number>> = { off: { 1: 0, 16: 0 }, on: { 1: 0, 16: 0 } };
      let lookups = 0;
      for (let round = 0; round < ROUNDS; round++) {
        for (const mode of ['off', 'on'] as const) {
          const host = await startLocalHostProcess({ DATABASE_URL: url, DATABASE_POOL_SIZE: '16', CRM_SEED: 'none', CRM_READ_AUDIT: mode });
          const client = httpClient(host.url, 32);
          try {
            const user = seeded.users[1]!;
            const auth = await client.signIn(tenantId, user);
            const path = (i: number) =>
              `/api/context?${emailsFor(tenant, i)
                .map((e) => `email=${encodeURIComponent(e)}`)
                .join('&')}`;
            await closedLoop({ clients: 4, requests: 300, send: async (i) => void (await client.expect([200], 'GET', path(i), auth)) });
            for (const clients of CLIENTS) {
              const summary = await closedLoop({
                clients,
                requests: REQUESTS[clients]!,
                send: async (i) => void (await client.expect([200], 'GET', path(i + 1000), auth)),
                samples: samples[mode][clients],
              });
              wall[mode][clients]! += (summary.count / summary.rps) * 1000;
              if (mode === 'on') lookups += REQUESTS[clients]!;
              log(`  round ${round + 1}, read audit ${mode}, ${clients} client(s): context p50 ${ms(summary.p50)} p95 ${ms(summary.p95)}`);
            }
            if (mode === 'on') lookups += 300;
          } finally {
            client.close();
            await host.stop('SIGTERM');
          }
        }
      }
      const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM read_audit WHERE tenant_id = $1`, [tenantId])) as [{ n: number }];
      const perLookup = await perLookupCost(db);
      log(
        `  per lookup: recording ${perLookup.recordMicros.toFixed(2)} µs in the request, writing ${perLookup.writeMicros.toFixed(1)} µs later (${perLookup.lookups.toLocaleString('en')} lookups)`,
      );
      const context = {
        off: Object.fromEntries(CLIENTS.map((c) => [c, summarize(samples.off[c]!, wall.off[c]!)])),
        on: Object.fromEntries(CLIENTS.map((c) => [c, summarize(samples.on[c]!, wall.on[c]!)])),
      } as ReadAuditResults['context'];
      return { context, auditRows: n, lookups, perLookup };
    } finally {
      await db.close();
    }
  } finally {
    await cluster.stop();
  }
}

export function readAuditReport(results: ReadAuditResults): string[] {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const lines = [row(['clients', 'read audit', 'context p50', 'p95', 'p99', 'req/s', 'on/off p50', 'on/off p95']), row(Array(8).fill('---'))];
  for (const clients of CLIENTS) {
    const off = results.context.off[clients]!;
    const on = results.context.on[clients]!;
    lines.push(row([String(clients), 'off', ms(off.p50), ms(off.p95), ms(off.p99), off.rps.toFixed(0), '', '']));
    lines.push(row([String(clients), 'on', ms(on.p50), ms(on.p95), ms(on.p99), on.rps.toFixed(0), ratio(on.p50, off.p50), ratio(on.p95, off.p95)]));
  }
  lines.push('', `read audit rows after the "on" rounds: ${results.auditRows.toLocaleString('en')} for ${results.lookups.toLocaleString('en')} lookups`);
  const { recordMicros, writeMicros } = results.perLookup;
  lines.push(
    `added work per lookup (3 addresses): recording ${recordMicros.toFixed(2)} µs inside the request, writing ${writeMicros.toFixed(1)} µs after it, in batches`,
  );
  return lines;
}
