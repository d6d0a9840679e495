// Send check benchmark: POST /api/compose/check at 50 recipients over loopback against a PostgreSQL server, next to
// the same lookup as direct SQL and to the context lookup of 3 addresses (what the pane asks when an email opens).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { COMPOSE_CHECK_SQL } from '../../functions/src/features/compose';
import { migrate } from '../../functions/src/core/db/migrate';
import { openPostgres } from '../../functions/src/core/db/postgres-db';
import { seedScaledTenant, type ScaledTenant } from '../../functions/src/seed/seed-scaled';
import { startPgCluster } from '../../test/support/pg-cluster';
import { startLocalHostProcess } from '../../test/support/local-host-process';
import { emailsFor, SCALES, type Scale } from './api-suite';
import { closedLoop } from './closed-loop';
import { httpClient } from './http-client';
import { ms, ratio, type LatencySummary } from './stats';

const CLIENTS = [1, 16] as const;
const REQUESTS: Record<number, number> = { 1: 300, 16: 2_000 };
const PURPOSES = ['correspondence', 'marketing'] as const;
// The send check reads contacts, their email ledger and restrictions, never interactions, so the large tenant is
// seeded with its accounts and contacts in full and a tenth of its interactions.
const INTERACTIONS_SEEDED: Record<Scale, number> = { small: SCALES.small.interactions, large: 100_000 };

/** Per 50 recipients (To, Cc and Bcc arrive as one list): how many of each kind. */
export const RECIPIENT_MIX = { granted: 14, objected: 6, withdrawn: 6, restricted: 4, noConsent: 12, unknown: 8 } as const;
type Kind = keyof typeof RECIPIENT_MIX;
const RESTRICTED_CONTACTS = 100;

export interface ComposeResults {
  scales: Record<
    string,
    {
      counts: ScaledTenant['counts'];
      seedSeconds: number;
      pools: Record<Kind, number>;
      check: Record<string, Record<number, LatencySummary>>;
      sql: Record<number, LatencySummary>;
      context: Record<number, LatencySummary>;
    }
  >;
}

// Email ledgers as the seed writes them; each kind is read off the contact's email entries.
const POOL_SQL: Record<Exclude<Kind, 'unknown' | 'restricted'>, string> = {
  granted: `SELECT ce.email FROM contact_emails ce WHERE ce.tenant_id = $1
      AND EXISTS (SELECT 1 FROM consents k WHERE k.tenant_id = $1 AND k.contact_id = ce.contact_id AND k.channel = 'email' AND k.purpose = 'marketing' AND k.action = 'granted')
      AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.tenant_id = $1 AND k.contact_id = ce.contact_id AND k.channel = 'email' AND k.action <> 'granted')
      LIMIT 500`,
  objected: `SELECT ce.email FROM contact_emails ce WHERE ce.tenant_id = $1
      AND EXISTS (SELECT 1 FROM consents k WHERE k.tenant_id = $1 AND k.contact_id = ce.contact_id AND k.channel = 'email' AND k.action = 'objected') LIMIT 500`,
  withdrawn: `SELECT ce.email FROM contact_emails ce WHERE ce.tenant_id = $1
      AND EXISTS (SELECT 1 FROM consents k WHERE k.tenant_id = $1 AND k.contact_id = ce.contact_id AND k.channel = 'email' AND k.action = 'withdrawn')
      AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.tenant_id = $1 AND k.contact_id = ce.contact_id AND k.channel = 'email' AND k.action = 'objected')
      LIMIT 500`,
  noConsent: `SELECT ce.email FROM contact_emails ce WHERE ce.tenant_id = $1
      AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.tenant_id = $1 AND k.contact_id = ce.contact_id AND k.channel = 'email')
      AND NOT EXISTS (SELECT 1 FROM contact_restrictions x WHERE x.tenant_id = $1 AND x.contact_id = ce.contact_id)
      LIMIT 500`,
};

/** The i-th message's 50 recipients: every kind in its share, rotating through the pools so no two messages repeat. */
export function recipientsFor(pools: Record<Kind, readonly string[]>, i: number): string[] {
  const out: string[] = [];
  for (const [kind, count] of Object.entries(RECIPIENT_MIX) as [Kind, number][]) {
    const pool = pools[kind];
    for (let n = 0; n < count; n++) out.push(pool[(i * count + n) % pool.length]!);
  }
  return out;
}

export async function runComposeSuite(scales: Scale[], log: (line: string) => void): Promise<ComposeResults> {
  const cluster = await startPgCluster();
  const results: ComposeResults = { scales: {} };
  try {
    await cluster.createDatabase('bench');
    const url = cluster.url('bench');
    const db = await openPostgres(url, { max: 16 });
    await migrate(db);
    const host = await startLocalHostProcess({ DATABASE_URL: url, DATABASE_POOL_SIZE: '16', CRM_SEED: 'none' });
    const client = httpClient(host.url, 32);
    try {
      for (const scale of scales) {
        const tenantId = randomUUID();
        const started = performance.now();
        const seeded = await seedScaledTenant(db, { tenantId, ...SCALES[scale], interactions: INTERACTIONS_SEEDED[scale] });
        const restricted = await db.query<{ email: string }>(
          `WITH picked AS (
             SELECT ce.contact_id, min(ce.email) AS email FROM contact_emails ce WHERE ce.tenant_id = $1
               AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.tenant_id = $1 AND k.contact_id = ce.contact_id AND k.channel = 'email')
             GROUP BY ce.contact_id ORDER BY ce.contact_id DESC LIMIT $2
           ), inserted AS (
             INSERT INTO contact_restrictions (tenant_id, contact_id, reason) SELECT $1, contact_id, 'Benchmark: accuracy contested' FROM picked
           )
           SELECT email FROM picked`,
          [tenantId, RESTRICTED_CONTACTS],
        );
        await db.query('ANALYZE');
        const seedSeconds = (performance.now() - started) / 1000;
        const pools = {
          restricted: restricted.map((r) => r.email),
          unknown: Array.from({ length: 500 }, (_, n) => `unbekannt${n}@nirgendwo.example`),
        } as Record<Kind, string[]>;
        for (const [kind, sql] of Object.entries(POOL_SQL) as [Exclude<Kind, 'unknown' | 'restricted'>, string][]) {
          pools[kind] = (await db.query<{ email: string }>(sql, [tenantId])).map((r) => r.email);
        }
        const poolSizes = Object.fromEntries(Object.entries(pools).map(([k, v]) => [k, v.length])) as Record<Kind, number>;
        if (Object.values(poolSizes).some((n) => n === 0)) throw new Error(`a recipient kind has no addresses: ${JSON.stringify(poolSizes)}`);
        log(`  seeded ${scale} tenant in ${seedSeconds.toFixed(1)} s: ${JSON.stringify(seeded.counts)}; recipient pools ${JSON.stringify(poolSizes)}`);

        const user = seeded.users[1]!;
        const auth = { ...(await client.signIn(tenantId, user)), 'content-type': 'application/json' };
        const check = async (purpose: (typeof PURPOSES)[number], i: number) => {
          const recipients = recipientsFor(pools, i);
          const response = await client.expect([200], 'POST', '/api/compose/check', auth, JSON.stringify({ purpose, recipients }));
          const body = JSON.parse(response.text) as { blocked: boolean; recipients: { verdict: string }[] };
          // Every message holds restricted people, so each answer must block: a pass would mean the check read nothing.
          if (!body.blocked || body.recipients.length !== new Set(recipients).size) throw new Error(`unexpected verdict: ${response.text.slice(0, 300)}`);
        };
        const contextPath = (i: number) =>
          `/api/context?${emailsFor({ seeded }, i)
            .map((e) => `email=${encodeURIComponent(e)}`)
            .join('&')}`;

        for (const purpose of PURPOSES) await closedLoop({ clients: 4, requests: 200, send: (i) => check(purpose, i) });
        await closedLoop({ clients: 4, requests: 200, send: async (i) => void (await client.expect([200], 'GET', contextPath(i), auth)) });
        const entry = {
          counts: seeded.counts,
          seedSeconds,
          pools: poolSizes,
          check: Object.fromEntries(PURPOSES.map((p) => [p, {} as Record<number, LatencySummary>])),
          sql: {} as Record<number, LatencySummary>,
          context: {} as Record<number, LatencySummary>,
        };
        for (const clients of CLIENTS) {
          for (const purpose of PURPOSES) {
            entry.check[purpose]![clients] = await closedLoop({ clients, requests: REQUESTS[clients]!, send: (i) => check(purpose, i + 1000) });
          }
          entry.sql[clients] = await closedLoop({
            clients,
            requests: REQUESTS[clients]!,
            send: async (i) => void (await db.query(COMPOSE_CHECK_SQL, [tenantId, recipientsFor(pools, i + 1000)])),
          });
          entry.context[clients] = await closedLoop({
            clients,
            requests: REQUESTS[clients]!,
            send: async (i) => void (await client.expect([200], 'GET', contextPath(i + 1000), auth)),
          });
          log(
            `  ${scale}, ${clients} client(s): check correspondence p50 ${ms(entry.check.correspondence![clients]!.p50)} p95 ${ms(entry.check.correspondence![clients]!.p95)}; marketing p50 ${ms(entry.check.marketing![clients]!.p50)} p95 ${ms(entry.check.marketing![clients]!.p95)}; SQL p50 ${ms(entry.sql[clients]!.p50)}; context (3) p50 ${ms(entry.context[clients]!.p50)}`,
          );
        }
        results.scales[scale] = entry;
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

export function composeReport(results: ComposeResults): string[] {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const lines = [
    row([
      'scale',
      'clients',
      'purpose',
      'check (50) p50',
      'p95',
      'p99',
      'req/s',
      'direct SQL p50',
      'p95',
      'context (3) p50',
      'p95',
      'check/SQL p50',
      'check/context p50',
    ]),
    row(Array(13).fill('---')),
  ];
  for (const [scale, entry] of Object.entries(results.scales)) {
    for (const clients of CLIENTS) {
      for (const purpose of PURPOSES) {
        const c = entry.check[purpose]![clients]!;
        const s = entry.sql[clients]!;
        const x = entry.context[clients]!;
        lines.push(
          row([
            scale,
            String(clients),
            purpose,
            ms(c.p50),
            ms(c.p95),
            ms(c.p99),
            c.rps.toFixed(0),
            ms(s.p50),
            ms(s.p95),
            ms(x.p50),
            ms(x.p95),
            ratio(c.p50, s.p50),
            ratio(c.p50, x.p50),
          ]),
        );
      }
    }
  }
  return lines;
}
