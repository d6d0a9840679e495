// API benchmark: context lookups and email logging over loopback against a PostgreSQL server, next to the raw SQL floor.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { CONTEXT_SQL } from '../../functions/src/features/context';
import { migrate } from '../../functions/src/core/db/migrate';
import { openPostgres } from '../../functions/src/core/db/postgres-db';
import { seedScaledTenant, type ScaledTenant } from '../../functions/src/seed/seed-scaled';
import { startPgCluster } from '../../test/support/pg-cluster';
import { startLocalHostProcess } from '../../test/support/local-host-process';
import { closedLoop } from './closed-loop';
import { httpClient } from './http-client';
import { ms, ratio, type LatencySummary } from './stats';

export const SCALES = {
  small: { accounts: 100, contacts: 1_000, interactions: 10_000 },
  large: { accounts: 10_000, contacts: 100_000, interactions: 1_000_000 },
} as const;
export type Scale = keyof typeof SCALES;

const CLIENTS = [1, 16] as const;
const REQUESTS: Record<number, number> = { 1: 400, 16: 4_000 };
// A search scans the tenant's contacts (the pattern has a leading wildcard), so fewer requests keep the run short.
const SEARCH_REQUESTS: Record<number, number> = { 1: 200, 16: 800 };

interface TenantUnderTest {
  scale: Scale;
  tenantId: string;
  seeded: ScaledTenant;
  seedSeconds: number;
  contactIds: string[];
}

export interface ApiResults {
  scales: Record<
    string,
    {
      counts: ScaledTenant['counts'];
      seedSeconds: number;
      context: Record<number, LatencySummary>;
      sql: Record<number, LatencySummary>;
      logging: Record<number, LatencySummary>;
      search: Record<number, LatencySummary>;
    }
  >;
}

/** Three addresses per email as in real mail: two customers and the user's own colleague. */
export const emailsFor = (tenant: Pick<TenantUnderTest, 'seeded'>, i: number) => {
  const sample = tenant.seeded.sampleEmails;
  return [sample[(i * 7) % sample.length]!, sample[(i * 13 + 5) % sample.length]!, `colleague${i % 5}@seller.example`];
};

/** A surname as a user would type it into the contact search: the part after the dot of a known contact's email. */
const searchTermFor = (tenant: TenantUnderTest, i: number) => {
  const sample = tenant.seeded.sampleEmails;
  const local = sample[(i * 11) % sample.length]!.split('@')[0]!;
  return (local.split('.')[1] ?? local).replace(/\d+$/, '');
};

export async function runApiSuite(scales: Scale[], log: (line: string) => void): Promise<ApiResults> {
  const cluster = await startPgCluster();
  const results: ApiResults = { scales: {} };
  try {
    await cluster.createDatabase('bench');
    const url = cluster.url('bench');
    const db = await openPostgres(url, { max: 16 });
    await migrate(db);

    const tenants: TenantUnderTest[] = [];
    for (const scale of scales) {
      const tenantId = randomUUID();
      const started = performance.now();
      let lastReport = 0;
      const seeded = await seedScaledTenant(db, {
        tenantId,
        ...SCALES[scale],
        onProgress: (done, total) => {
          if (done - lastReport >= total / 10 || done === total) {
            lastReport = done;
            log(`  seeding ${scale}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} interactions`);
          }
        },
      });
      await db.query('ANALYZE');
      const seedSeconds = (performance.now() - started) / 1000;
      const contactIds = (await db.query<{ id: string }>('SELECT id FROM contacts WHERE tenant_id = $1 LIMIT 2000', [tenantId])).map((r) => r.id);
      tenants.push({ scale, tenantId, seeded, seedSeconds, contactIds });
      log(`  seeded ${scale} tenant in ${seedSeconds.toFixed(1)} s: ${JSON.stringify(seeded.counts)}`);
    }

    const host = await startLocalHostProcess({ DATABASE_URL: url, DATABASE_POOL_SIZE: '16', CRM_SEED: 'none' });
    const client = httpClient(host.url, 32);
    try {
      for (const tenant of tenants) {
        const user = tenant.seeded.users[1]!;
        const auth = await client.signIn(tenant.tenantId, user);
        const contextPath = (i: number) =>
          `/api/context?${emailsFor(tenant, i)
            .map((e) => `email=${encodeURIComponent(e)}`)
            .join('&')}`;

        await closedLoop({ clients: 4, requests: 300, send: async (i) => void (await client.expect([200], 'GET', contextPath(i), auth)) });
        const entry = {
          counts: tenant.seeded.counts,
          seedSeconds: tenant.seedSeconds,
          context: {} as Record<number, LatencySummary>,
          sql: {} as Record<number, LatencySummary>,
          logging: {} as Record<number, LatencySummary>,
          search: {} as Record<number, LatencySummary>,
        };
        for (const clients of CLIENTS) {
          entry.context[clients] = await closedLoop({
            clients,
            requests: REQUESTS[clients]!,
            send: async (i) => void (await client.expect([200], 'GET', contextPath(i + 1000), auth)),
          });
          entry.sql[clients] = await closedLoop({
            clients,
            requests: REQUESTS[clients]!,
            send: async (i) => void (await db.query(CONTEXT_SQL, [tenant.tenantId, emailsFor(tenant, i + 1000)])),
          });
          entry.logging[clients] = await closedLoop({
            clients,
            requests: REQUESTS[clients]!,
            send: async (i) => {
              const body = JSON.stringify({
                type: 'email',
                direction: 'inbound',
                occurredAt: new Date(Date.now() - i * 1000).toISOString(),
                subject: `Benchmark ${i}`,
                internetMessageId: `<${randomUUID()}@bench.example>`,
                contactIds: [tenant.contactIds[i % tenant.contactIds.length]!],
                source: 'addin',
              });
              await client.expect([201], 'POST', '/api/interactions', { ...auth, 'content-type': 'application/json' }, body);
            },
          });
          entry.search[clients] = await closedLoop({
            clients,
            requests: SEARCH_REQUESTS[clients]!,
            send: async (i) => void (await client.expect([200], 'GET', `/api/contacts?q=${encodeURIComponent(searchTermFor(tenant, i))}`, auth)),
          });
          log(
            `  ${tenant.scale}, ${clients} client(s): context p50 ${ms(entry.context[clients]!.p50)} p95 ${ms(entry.context[clients]!.p95)}; SQL p50 ${ms(entry.sql[clients]!.p50)}; logging ${entry.logging[clients]!.rps.toFixed(0)}/s; contact search p50 ${ms(entry.search[clients]!.p50)} p95 ${ms(entry.search[clients]!.p95)}`,
          );
        }
        results.scales[tenant.scale] = entry;
      }
    } finally {
      client.close();
      await host.stop('SIGTERM');
      await db.close();
    }
  } finally {
    await cluster.stop();
  }
  return results;
}

export function apiReport(results: ApiResults): string[] {
  const lines: string[] = [];
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  lines.push(row(['scale', 'clients', 'context p50', 'p95', 'p99', 'req/s', 'direct SQL p50', 'p95', 'API/SQL p50', 'logging p50', 'p95', 'logs/s']));
  lines.push(row(Array(12).fill('---')));
  for (const [scale, entry] of Object.entries(results.scales)) {
    for (const clients of CLIENTS) {
      const c = entry.context[clients]!;
      const s = entry.sql[clients]!;
      const l = entry.logging[clients]!;
      lines.push(
        row([
          scale,
          String(clients),
          ms(c.p50),
          ms(c.p95),
          ms(c.p99),
          c.rps.toFixed(0),
          ms(s.p50),
          ms(s.p95),
          ratio(c.p50, s.p50),
          ms(l.p50),
          ms(l.p95),
          l.rps.toFixed(0),
        ]),
      );
    }
  }
  lines.push('');
  lines.push(row(['scale', 'clients', 'contact search (q) p50', 'p95', 'p99', 'req/s']));
  lines.push(row(Array(6).fill('---')));
  for (const [scale, entry] of Object.entries(results.scales)) {
    for (const clients of CLIENTS) {
      const q = entry.search[clients]!;
      lines.push(row([scale, String(clients), ms(q.p50), ms(q.p95), ms(q.p99), q.rps.toFixed(0)]));
    }
  }
  const small = results.scales.small;
  const large = results.scales.large;
  if (small && large) {
    lines.push('');
    lines.push(
      `large vs small, 16 clients: context p50 ${ratio(large.context[16]!.p50, small.context[16]!.p50)}, p95 ${ratio(large.context[16]!.p95, small.context[16]!.p95)}`,
    );
  }
  return lines;
}
