// Insights benchmark (issue 15), on a PostgreSQL server:
// - the precomputed analysis refreshed in full (every account's facts gathered, analysed and written), and
//   incrementally after 1 % of the accounts changed through writes the triggers record (a revenue correction and a
//   new meeting each);
// - the Insights tab's calls (GET /api/insights, GET /api/accounts/{id}/insights, a segment list's members) through the
//   local host at 1 and 16 clients, next to the statement they answer from (the stored analysis rows) sent straight to
//   the same server;
// - what the triggers cost a writer: 10,000 interactions inserted set-wise with and without them (rolled back, so
//   every round starts alike), and the email logging rate through the API with and without them, in alternating rounds
//   so the machine's load falls on both alike; and contact updates one per transaction with and without the record of
//   people's changes (migration 0036), the insight triggers off for both.
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Queryable } from '../../functions/src/core/db/db';
import { migrate } from '../../functions/src/core/db/migrate';
import { openPostgres } from '../../functions/src/core/db/postgres-db';
import { memberContactsPage, memberPeople, refreshAnalysis, SEGMENT_FACTS_SQL, SERVED_ANALYSIS_SQL } from '../../functions/src/features/insights';
import { scaledTenantUsers, seedScaledTenant } from '../../functions/src/seed/seed-scaled';
import type { SeedUser } from '../../functions/src/seed/tenant-spec';
import { startLocalHostProcess } from '../../test/support/local-host-process';
import { startPgCluster, type PgCluster } from '../../test/support/pg-cluster';
import { SCALES, type Scale } from './api-suite';
import { closedLoop } from './closed-loop';
import { httpClient } from './http-client';
import { ms, ratio, summarize, type LatencySummary } from './stats';

const PERIOD = 'last-12-months';
const CLIENTS = [1, 16] as const;
// Fewer on the large tenant, whose seeding alone takes most of a run on a shared machine.
const REQUESTS: Record<Scale, Record<number, number>> = { small: { 1: 400, 16: 2_000 }, large: { 1: 200, 16: 1_000 } };
/** A segment list's members are every matching account (1,266 of the large tenant's): fewer requests. */
const SEGMENT_REQUESTS: Record<Scale, Record<number, number>> = { small: { 1: 100, 16: 400 }, large: { 1: 50, 16: 200 } };
const REFRESH_RUNS: Record<Scale, number> = { small: 5, large: 3 };
const REVENUE_MONTHS = 36;
const BULK_ROWS = 10_000;
const BULK_ROUNDS = 3;
const CONTACT_WRITES = 500;
const WARM_UP_PAUSE_MS = 1_000;
const LOG_ROUNDS = 4;
const LOG_REQUESTS_PER_ROUND = 400;
const LOG_CLIENTS = 16;
/** The host's timers take the month's trend snapshot right after it starts: a whole analysis, not to be measured. */
const SNAPSHOT_WAIT_MS = 20 * 60_000;

type Call =
  | 'teamSql'
  | 'teamHeadSql'
  | 'teamApi'
  | 'teamApiPlain'
  | 'accountSql'
  | 'accountApi'
  | 'segmentSql'
  | 'segmentApi'
  | 'contactsSql'
  | 'contactsApi'
  | 'contactsApiChanged'
  | 'consentsSql'
  | 'marketingApi'
  | 'marketingApiChanged';
const SEGMENT_CALLS: readonly Call[] = [
  'segmentSql',
  'segmentApi',
  'contactsSql',
  'contactsApi',
  'contactsApiChanged',
  'consentsSql',
  'marketingApi',
  'marketingApiChanged',
];
const CALLS: readonly Call[] = ['teamSql', 'teamHeadSql', 'teamApi', 'teamApiPlain', 'accountSql', 'accountApi', ...SEGMENT_CALLS];
const BASELINE: Record<Call, Call> = {
  teamSql: 'teamSql',
  teamHeadSql: 'teamHeadSql',
  teamApi: 'teamSql',
  teamApiPlain: 'teamSql',
  accountSql: 'accountSql',
  accountApi: 'accountSql',
  segmentSql: 'segmentSql',
  segmentApi: 'segmentSql',
  contactsSql: 'contactsSql',
  contactsApi: 'contactsSql',
  contactsApiChanged: 'contactsSql',
  consentsSql: 'consentsSql',
  marketingApi: 'consentsSql',
  marketingApiChanged: 'consentsSql',
};
const LABEL: Record<Call, string> = {
  teamSql: 'direct SQL: the stored team row',
  teamHeadSql: 'direct SQL: the head row without the document (what a host holding the team answer reads)',
  teamApi: "`GET /api/insights` (a browser's Accept-Encoding: compressed)",
  teamApiPlain: '`GET /api/insights` without Accept-Encoding (the whole body)',
  accountSql: 'direct SQL: the stored account row',
  accountApi: '`GET /api/accounts/{id}/insights`',
  segmentSql: "direct SQL: the stored accounts' facts and ranks a segment list filters",
  segmentApi: '`GET /api/segments/{id}/members` (accounts at risk)',
  contactsSql: "direct SQL: the count and the first page of the class-A accounts' contacts (the two statements of a call)",
  contactsApi: '`GET /api/segments/{id}/members` (the contacts of class-A accounts, first page)',
  contactsApiChanged:
    "the same, a change of one listed account's people recorded right before each call: the database pages, and the people are patched beside it for the next call",
  consentsSql: 'direct SQL: the same contacts with their current consents (an export for a purpose)',
  marketingApi: '`GET /api/segments/{id}/members?purpose=marketing` (first page)',
  marketingApiChanged:
    "the same, a change of one listed account's people recorded right before each call (as a write of a contact, consent or restriction records it): that account's consents and restrictions are read again",
};

interface RefreshRun {
  ms: number;
  full: boolean;
  gathered: number;
  written: number;
  reranked: number;
}

export interface InsightsResults {
  scale: Scale;
  accounts: number;
  interactions: number;
  revenueRows: number;
  seedSeconds: number;
  fullRefresh: RefreshRun[];
  /** Each after another 1 % of the accounts changed. */
  incrementalRefresh: RefreshRun[];
  changedAccounts: number;
  calls: Record<Call, Record<number, LatencySummary>>;
  /** The served answers' freshness, first and last request. */
  asOf: unknown[];
  bulkInsertMs: { on: number[]; off: number[] };
  /** CONTACT_WRITES single-row contact updates, each its own transaction, with and without migration 0036's triggers. */
  contactWritesMs: { on: number[]; off: number[] };
  logging: { on: LatencySummary; off: LatencySummary };
  load: { start: number[]; beforeCalls: number[]; end: number[] };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Switches the insight triggers (migration 0023) of every table on or off; the benchmark's server is its own. */
async function setInsightTriggers(db: Queryable, on: boolean) {
  const triggers = await db.query<{ rel: string; name: string }>(
    `SELECT tgrelid::regclass::text AS rel, tgname AS name FROM pg_trigger WHERE tgname LIKE 'insight\\_changed\\_%' AND NOT tgisinternal ORDER BY 1, 2`,
  );
  for (const t of triggers) await db.query(`ALTER TABLE ${t.rel} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${t.name}`);
  return triggers.length;
}

/** Switches migration 0036's record of people's changes on or off. */
async function setPeopleTriggers(db: Queryable, on: boolean) {
  for (const table of ['contacts', 'consents', 'contact_restrictions'])
    for (const op of ['ins', 'upd', 'del']) await db.query(`ALTER TABLE ${table} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER people_changed_${op}`);
}

class RolledBack extends Error {}

interface SeededTenant {
  tenantId: string;
  users: readonly SeedUser[];
  seedSeconds: number;
}

/** Seeds the scale's tenant into `database`: without the insight triggers, then three years of monthly revenue. */
async function seedInto(url: string, scale: Scale): Promise<SeededTenant> {
  const db = await openPostgres(url, { max: 4 });
  try {
    await migrate(db);
    const tenantId = randomUUID();
    const seedStarted = performance.now();
    // Seeded without the insight triggers: seeding is not measured, and its change rows would only be dropped by the
    // first refresh, which finds no analysis and gathers everything anyway.
    await setInsightTriggers(db, false);
    const seeded = await seedScaledTenant(db, { tenantId, ...SCALES[scale] });
    // Three years of monthly revenue per account, ending with the last full month.
    await db.query(
      `INSERT INTO account_revenue (tenant_id, account_id, period_kind, period_start, revenue, cost, source)
       SELECT a.tenant_id, a.id, 'month', (date_trunc('month', now()) - make_interval(months => m))::date,
              round((1000 + random() * 9000)::numeric, 2), NULL, 'api'
       FROM accounts a CROSS JOIN generate_series(1, $2::int) AS m WHERE a.tenant_id = $1`,
      [tenantId, REVENUE_MONTHS],
    );
    await setInsightTriggers(db, true);
    await db.query('ANALYZE');
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    await db.query(`CREATE TABLE bench_seeded (tenant_id uuid NOT NULL, seconds float8 NOT NULL, seeded_at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`INSERT INTO bench_seeded (tenant_id, seconds) VALUES ($1, $2)`, [tenantId, seedSeconds]);
    return { tenantId, users: seeded.users, seedSeconds };
  } finally {
    await db.close();
  }
}

/**
 * The database to measure. With `keepIn` the seeded tenant is kept in a database of its own (`seed_<scale>`, seeded
 * once; bench_seeded marks it complete) and every run measures a fresh copy of it, so all runs start alike; the seed is
 * as of its day (revenue up to the month before it, interactions around it), so keep it for a day's runs, not longer.
 */
async function benchDatabase(cluster: PgCluster, scale: Scale, kept: boolean, log: (line: string) => void): Promise<SeededTenant & { reused: boolean }> {
  if (!kept) {
    await cluster.createDatabase('bench');
    return { ...(await seedInto(cluster.url('bench'), scale)), reused: false };
  }
  const seedName = `seed_${scale}`;
  const found = await seedRecord(cluster, seedName, scale);
  const seed = found ?? (await cluster.dropDatabase(seedName), await cluster.createDatabase(seedName), await seedInto(cluster.url(seedName), scale));
  await cluster.dropDatabase('bench');
  const copied = performance.now();
  await cluster.createDatabase('bench', seedName);
  if (found) log(`  reusing ${seedName} (seeded in ${found.seedSeconds.toFixed(0)} s), copied in ${((performance.now() - copied) / 1000).toFixed(0)} s`);
  return { ...seed, reused: found !== null };
}

/** The tenant a kept seed database holds, or null when it does not exist or its seeding never finished. */
async function seedRecord(cluster: PgCluster, name: string, scale: Scale): Promise<SeededTenant | null> {
  const server = await openPostgres(cluster.url(), { max: 1 });
  const exists = await server.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]).finally(() => server.close());
  if (exists.length === 0) return null;
  const db = await openPostgres(cluster.url(name), { max: 1 });
  try {
    // Fails when the table does not exist: the seeding never finished.
    const [row] = await db.query<{ tenant_id: string; seconds: number }>(`SELECT tenant_id, seconds FROM bench_seeded`).catch(() => []);
    if (!row) return null;
    return { tenantId: row.tenant_id, users: scaledTenantUsers({ tenantId: row.tenant_id, ...SCALES[scale] }), seedSeconds: Number(row.seconds) };
  } finally {
    await db.close();
  }
}

export async function runInsightsSuite(scale: Scale, log: (line: string) => void, keepIn?: string): Promise<InsightsResults> {
  const start = loadavg();
  const cluster = await startPgCluster(undefined, { keepIn });
  try {
    const { tenantId, users, seedSeconds, reused } = await benchDatabase(cluster, scale, keepIn !== undefined, log);
    const url = cluster.url('bench');
    const db = await openPostgres(url, { max: 16 });
    try {
      // A kept seed may predate the tree's newest migrations.
      await migrate(db);
      const [counts] = (await db.query<{ accounts: number; rows: number }>(
        `SELECT (SELECT count(*)::int FROM accounts WHERE tenant_id = $1) AS accounts, (SELECT count(*)::int FROM account_revenue WHERE tenant_id = $1) AS rows`,
        [tenantId],
      )) as [{ accounts: number; rows: number }];
      const accounts = counts.accounts;
      log(`  ${reused ? 'reused' : 'seeded'} ${scale} (seeding took ${seedSeconds.toFixed(0)} s): ${accounts.toLocaleString('en')} accounts, ${counts.rows.toLocaleString('en')} revenue rows`);

      const refresh = async (): Promise<RefreshRun> => {
        const t = performance.now();
        const result = await refreshAnalysis(db, tenantId, PERIOD, new Date());
        if (!result) throw new Error('another refresh held the analysis');
        return { ms: performance.now() - t, ...result };
      };
      // The first refresh finds no analysis; the later ones are told everything changed, as new settings would.
      const fullRefresh: RefreshRun[] = [];
      for (let i = 0; i < REFRESH_RUNS[scale]; i++) {
        if (i > 0) await db.query(`UPDATE insight_analyses SET dirty_all = true WHERE tenant_id = $1`, [tenantId]);
        fullRefresh.push(await refresh());
        if (!fullRefresh.at(-1)!.full) throw new Error('expected a full refresh');
      }
      log(`  full refresh: median ${ms(median(fullRefresh.map((r) => r.ms)))} (${fullRefresh.map((r) => ms(r.ms)).join(', ')})`);

      // Each round another 1 % of the accounts: their last month's revenue corrected and a meeting logged yesterday.
      const changedAccounts = Math.max(1, Math.floor(accounts / 100));
      const incrementalRefresh: RefreshRun[] = [];
      for (let i = 0; i < REFRESH_RUNS[scale]; i++) {
        await db.transaction(async (tx) => {
          const picked = (
            await tx.query<{ id: string }>(`SELECT id FROM accounts WHERE tenant_id = $1 ORDER BY id OFFSET $2 LIMIT $3`, [tenantId, i * changedAccounts, changedAccounts])
          ).map((r) => r.id);
          await tx.query(
            `UPDATE account_revenue SET revenue = revenue * 1.5 WHERE tenant_id = $1 AND account_id = ANY($2::uuid[])
               AND period_start = (date_trunc('month', now()) - interval '1 month')::date`,
            [tenantId, picked],
          );
          const interactions = picked.map(() => randomUUID());
          await tx.query(
            `INSERT INTO interactions (tenant_id, id, type, occurred_at, subject, source) SELECT $1, id, 'meeting', now() - interval '1 day', 'Benchmark', 'api' FROM unnest($2::uuid[]) AS id`,
            [tenantId, interactions],
          );
          await tx.query(
            `INSERT INTO interaction_accounts (tenant_id, interaction_id, account_id, occurred_at, type)
             SELECT $1, x.interaction_id, x.account_id, now() - interval '1 day', 'meeting' FROM unnest($2::uuid[], $3::uuid[]) AS x(interaction_id, account_id)`,
            [tenantId, interactions, picked],
          );
        });
        incrementalRefresh.push(await refresh());
        if (incrementalRefresh.at(-1)!.full) throw new Error('expected an incremental refresh');
      }
      log(
        `  incremental refresh after ${changedAccounts} accounts changed: median ${ms(median(incrementalRefresh.map((r) => r.ms)))} (${incrementalRefresh.map((r) => `${ms(r.ms)}, ${r.gathered} gathered, ${r.written} answers and ${r.reranked} ranked parts written`).join('; ')})`,
      );

      // 10,000 interactions with a contact and an account each, as an import or a sync writes them: three statements.
      const contacts = await db.query<{ id: string; account_id: string }>(
        `SELECT id, account_id FROM contacts WHERE tenant_id = $1 AND account_id IS NOT NULL ORDER BY id LIMIT $2`,
        [tenantId, BULK_ROWS],
      );
      const bulkInsert = async (triggersOn: boolean) => {
        let elapsed = 0;
        await db
          .transaction(async (tx) => {
            if (!triggersOn) await setInsightTriggers(tx, false);
            const ids = Array.from({ length: BULK_ROWS }, () => randomUUID());
            const of = ids.map((_, i) => contacts[i % contacts.length]!);
            const at = ids.map((_, i) => new Date(Date.now() - i * 60_000).toISOString());
            const t = performance.now();
            await tx.query(
              `INSERT INTO interactions (tenant_id, id, type, direction, occurred_at, subject, source)
               SELECT $1, x.id, 'email', 'inbound', x.at, 'Bulk', 'api' FROM unnest($2::uuid[], $3::timestamptz[]) AS x(id, at)`,
              [tenantId, ids, at],
            );
            await tx.query(
              `INSERT INTO interaction_contacts (tenant_id, interaction_id, contact_id, occurred_at)
               SELECT $1, x.id, x.contact_id, x.at FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[]) AS x(id, contact_id, at)`,
              [tenantId, ids, of.map((c) => c.id), at],
            );
            await tx.query(
              `INSERT INTO interaction_accounts (tenant_id, interaction_id, account_id, occurred_at, type)
               SELECT $1, x.id, x.account_id, x.at, 'email' FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[]) AS x(id, account_id, at)`,
              [tenantId, ids, of.map((c) => c.account_id), at],
            );
            elapsed = performance.now() - t;
            throw new RolledBack();
          })
          .catch((error: unknown) => {
            if (!(error instanceof RolledBack)) throw error;
          });
        return elapsed;
      };
      const bulkInsertMs = { on: [] as number[], off: [] as number[] };
      await bulkInsert(true);
      for (let round = 0; round < BULK_ROUNDS; round++) {
        bulkInsertMs.on.push(await bulkInsert(true));
        bulkInsertMs.off.push(await bulkInsert(false));
      }
      log(`  ${BULK_ROWS.toLocaleString('en')} interactions set-wise: median ${ms(median(bulkInsertMs.on))} with the triggers, ${ms(median(bulkInsertMs.off))} without`);

      // Updates that change nothing, so every round writes alike; with the insight triggers off, no refresh follows them.
      const written = (await db.query<{ id: string }>('SELECT id FROM contacts WHERE tenant_id = $1 ORDER BY id LIMIT $2', [tenantId, CONTACT_WRITES])).map((r) => r.id);
      const contactWrites = async (peopleTriggers: boolean) => {
        await setInsightTriggers(db, false);
        await setPeopleTriggers(db, peopleTriggers);
        try {
          const t = performance.now();
          for (const id of written) await db.query(`UPDATE contacts SET job_title = job_title WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
          return performance.now() - t;
        } finally {
          await setPeopleTriggers(db, true);
          await setInsightTriggers(db, true);
        }
      };
      const contactWritesMs = { on: [] as number[], off: [] as number[] };
      await contactWrites(true);
      for (let round = 0; round < BULK_ROUNDS; round++) {
        contactWritesMs.on.push(await contactWrites(true));
        contactWritesMs.off.push(await contactWrites(false));
      }
      log(`  ${CONTACT_WRITES} contact updates: median ${ms(median(contactWritesMs.on))} with the record of people's changes, ${ms(median(contactWritesMs.off))} without`);

      const accountIds = (await db.query<{ id: string }>('SELECT id FROM accounts WHERE tenant_id = $1 ORDER BY id LIMIT 200', [tenantId])).map((r) => r.id);
      const calls = Object.fromEntries(CALLS.map((call) => [call, {}])) as InsightsResults['calls'];
      const asOf: unknown[] = [];
      const host = await startLocalHostProcess({ DATABASE_URL: url, DATABASE_POOL_SIZE: '16', CRM_SEED: 'none' });
      const client = httpClient(host.url, 32);
      let beforeCalls: number[] = [];
      let logging: InsightsResults['logging'];
      try {
        const waitedFrom = performance.now();
        while ((await db.query(`SELECT 1 FROM insight_snapshots WHERE tenant_id = $1`, [tenantId])).length === 0) {
          if (performance.now() - waitedFrom > SNAPSHOT_WAIT_MS) throw new Error('the host took no trend snapshot');
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
        log(`  the host's start-up snapshot took ${((performance.now() - waitedFrom) / 1000).toFixed(1)} s`);
        const user = users[1]!;
        const auth = await client.signIn(tenantId, user);
        const accountPath = (i: number) => `/api/accounts/${accountIds[i % accountIds.length]}/insights`;
        // The Accept-Encoding a browser sends: the Insights tab's team answer comes compressed.
        const browser = { ...auth, 'accept-encoding': 'gzip, deflate, br' };
        const api = async (path: string) => JSON.parse((await client.expect([200], 'GET', path, browser)).text) as { asOf: unknown };
        const headRow = async () =>
          (await db.query<{ v: string }>(`SELECT xmin::text AS v FROM insight_analyses WHERE tenant_id = $1 AND period = $2`, [tenantId, PERIOD]))[0]!.v;
        let held = await headRow();
        // What migrations 0036 and 0038's triggers record for a write of a contact, consent or restriction of one of the
        // list's accounts (each call another), without the write: a real one would also mark the analysis stale and
        // start a refresh under the calls measured after it.
        const peopleChanged = (i: number) =>
          db.query(`INSERT INTO people_changes (tenant_id, xid, account_id) VALUES ($1, pg_current_xact_id(), $2)`, [tenantId, classA[i % classA.length]]);
        const send: Record<Call, (i: number) => Promise<void>> = {
          teamSql: async () => void (await db.query(SERVED_ANALYSIS_SQL, [tenantId, PERIOD, null, null])),
          teamHeadSql: async () => void (await db.query(SERVED_ANALYSIS_SQL, [tenantId, PERIOD, null, held])),
          // Both to the last byte: what the host and the wire take, not this process' decoding and parsing.
          teamApi: async () => void (await client.expect([200], 'GET', '/api/insights', browser)),
          teamApiPlain: async () => void (await client.expect([200], 'GET', '/api/insights', auth)),
          accountSql: async (i) => void (await db.query(SERVED_ANALYSIS_SQL, [tenantId, PERIOD, accountIds[i % accountIds.length], null])),
          accountApi: async (i) => void (await api(accountPath(i))),
          segmentSql: async () => void (await db.query(SEGMENT_FACTS_SQL, [tenantId, PERIOD])),
          segmentApi: async () => void (await client.expect([200], 'GET', segmentPath, browser)),
          contactsSql: async () => void (await memberContactsPage(db, tenantId, classA, { hideRestricted: true, limit: 100, cursor: undefined })),
          contactsApi: async () => void (await client.expect([200], 'GET', contactsPath, browser)),
          contactsApiChanged: async (i) => {
            await peopleChanged(i);
            await send.contactsApi(i);
          },
          consentsSql: async () => void (await memberPeople(db, tenantId, classA, true)),
          marketingApi: async () => void (await client.expect([200], 'GET', `${contactsPath}?purpose=marketing`, browser)),
          marketingApiChanged: async (i) => {
            await peopleChanged(i);
            await send.marketingApi(i);
          },
        };
        asOf.push((await api('/api/insights')).asOf);
        const segmentBody = JSON.stringify({ name: 'Benchmark: at risk', target: 'accounts', filter: { segments: ['at_risk'] } });
        const segment = await client.expect([201], 'POST', '/api/segments', { ...auth, 'content-type': 'application/json' }, segmentBody);
        const segmentPath = `/api/segments/${(JSON.parse(segment.text) as { id: string }).id}/members`;
        const members = await client.expect([200], 'GET', segmentPath, browser);
        log(`  the segment list: ${(JSON.parse(members.text) as { items: unknown[] }).items.length.toLocaleString('en')} accounts, ${members.wireBytes.toLocaleString('en')} bytes sent`);
        const contactsBody = JSON.stringify({ name: 'Benchmark: class A people', target: 'contacts', filter: { abcClasses: ['A'] } });
        const contactsList = await client.expect([201], 'POST', '/api/segments', { ...auth, 'content-type': 'application/json' }, contactsBody);
        const contactsPath = `/api/segments/${(JSON.parse(contactsList.text) as { id: string }).id}/members`;
        const people = await client.expect([200], 'GET', contactsPath, browser);
        const classA = (
          await db.query<{ id: string }>(`SELECT account_id AS id FROM insight_account_ranks WHERE tenant_id = $1 AND period = $2 AND abc_class = 'A'`, [tenantId, PERIOD])
        ).map((r) => r.id);
        const { items: shown, total } = JSON.parse(people.text) as { items: unknown[]; total?: number };
        log(`  the contacts list: ${(total ?? shown.length).toLocaleString('en')} people of ${classA.length.toLocaleString('en')} accounts, ${shown.length} in the answer, ${people.wireBytes.toLocaleString('en')} bytes sent`);
        const [plain, compressed] = [await client.expect([200], 'GET', '/api/insights', auth), await client.expect([200], 'GET', '/api/insights', browser)];
        log(`  the team answer: ${plain.wireBytes.toLocaleString('en')} bytes, ${compressed.wireBytes.toLocaleString('en')} sent to a browser`);
        await closedLoop({ clients: 4, requests: 200, send: send.teamApi });
        await closedLoop({ clients: 4, requests: 200, send: send.accountApi });
        beforeCalls = loadavg();
        for (const clients of CLIENTS) {
          for (const call of CALLS) {
            held = await headRow();
            const requests = (SEGMENT_CALLS.includes(call) ? SEGMENT_REQUESTS : REQUESTS)[scale][clients]!;
            // One call first and a pause, not measured: each call starts from what it holds after its own answers
            // (a list's people are read beside a first answer), not from the change the call before recorded; the
            // "...Changed" calls measure the reads after a change.
            await send[call](0);
            await new Promise((resolve) => setTimeout(resolve, WARM_UP_PAUSE_MS));
            calls[call][clients] = await closedLoop({ clients, requests, send: send[call] });
            log(`  ${call}, ${clients} client(s): p50 ${ms(calls[call][clients].p50)} p95 ${ms(calls[call][clients].p95)}`);
          }
        }
        asOf.push((await api(accountPath(0))).asOf);

        const contactIds = contacts.map((c) => c.id);
        const logEmail = async (i: number) => {
          const body = JSON.stringify({
            type: 'email',
            direction: 'inbound',
            occurredAt: new Date(Date.now() - i * 1000).toISOString(),
            subject: `Benchmark ${i}`,
            internetMessageId: `<${randomUUID()}@bench.example>`,
            contactIds: [contactIds[i % contactIds.length]!],
            source: 'addin',
          });
          await client.expect([201], 'POST', '/api/interactions', { ...auth, 'content-type': 'application/json' }, body);
        };
        // The host's refresh timer would fold the logs' changes in the middle of some round: its lease is held meanwhile.
        await db.query(`UPDATE insight_analyses SET lease_until = now() + interval '1 hour' WHERE tenant_id = $1`, [tenantId]);
        await closedLoop({ clients: LOG_CLIENTS, requests: 100, send: logEmail });
        const samples = { on: [] as number[], off: [] as number[] };
        const wall = { on: 0, off: 0 };
        for (let round = 0; round < LOG_ROUNDS * 2; round++) {
          const mode = round % 2 === 0 ? 'on' : 'off';
          await setInsightTriggers(db, mode === 'on');
          const started = performance.now();
          await closedLoop({ clients: LOG_CLIENTS, requests: LOG_REQUESTS_PER_ROUND, send: (i) => logEmail(round * LOG_REQUESTS_PER_ROUND + i), samples: samples[mode] });
          wall[mode] += performance.now() - started;
        }
        await setInsightTriggers(db, true);
        await db.query(`UPDATE insight_analyses SET lease_until = NULL WHERE tenant_id = $1`, [tenantId]);
        logging = { on: summarize(samples.on, wall.on), off: summarize(samples.off, wall.off) };
        log(`  logging at ${LOG_CLIENTS} clients: ${logging.on.rps.toFixed(0)}/s with the triggers, ${logging.off.rps.toFixed(0)}/s without`);
      } finally {
        client.close();
        await host.stop('SIGTERM');
      }
      const [{ interactions }] = (await db.query<{ interactions: number }>(`SELECT count(*)::int AS interactions FROM interactions WHERE tenant_id = $1`, [
        tenantId,
      ])) as [{ interactions: number }];
      return {
        scale,
        accounts,
        interactions,
        revenueRows: counts.rows,
        seedSeconds,
        fullRefresh,
        incrementalRefresh,
        changedAccounts,
        calls,
        asOf,
        bulkInsertMs,
        contactWritesMs,
        logging,
        load: { start, beforeCalls, end: loadavg() },
      };
    } finally {
      await db.close();
    }
  } finally {
    await cluster.stop();
  }
}

export function insightsReport(r: InsightsResults): string[] {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const load = (l: number[]) => l.map((v) => v.toFixed(1)).join(' / ');
  const runs = (list: RefreshRun[]) => `median ${ms(median(list.map((x) => x.ms)))} (${list.map((x) => ms(x.ms)).join(', ')})`;
  const lines = [
    `${r.scale}: ${r.accounts.toLocaleString('en')} accounts, ${r.revenueRows.toLocaleString('en')} monthly revenue rows, ${r.interactions.toLocaleString('en')} interactions at the end; seeded in ${r.seedSeconds.toFixed(0)} s`,
    `load average (1/5/15 min): ${load(r.load.start)} at the start, ${load(r.load.beforeCalls)} before the API calls, ${load(r.load.end)} at the end`,
    `full refresh (${r.fullRefresh[0]!.gathered.toLocaleString('en')} accounts gathered and written): ${runs(r.fullRefresh)}`,
    `incremental refresh after ${r.changedAccounts} accounts (1 %) changed: ${runs(r.incrementalRefresh)}; gathered ${r.incrementalRefresh.map((x) => x.gathered).join(', ')}, answers written ${r.incrementalRefresh.map((x) => x.written).join(', ')}, ranked parts written ${r.incrementalRefresh.map((x) => x.reranked).join(', ')}`,
    `served asOf: ${r.asOf.map((a) => JSON.stringify(a)).join(' ... ')}`,
    '',
    row(['clients', 'call', 'p50', 'p95', 'req/s', 'p50 / direct SQL', 'p95 / direct SQL']),
    row(Array(7).fill('---')),
  ];
  for (const clients of CLIENTS) {
    for (const call of CALLS) {
      const s = r.calls[call][clients]!;
      const base = r.calls[BASELINE[call]][clients]!;
      const own = BASELINE[call] === call;
      lines.push(row([String(clients), LABEL[call], ms(s.p50), ms(s.p95), s.rps.toFixed(0), own ? '' : ratio(s.p50, base.p50), own ? '' : ratio(s.p95, base.p95)]));
    }
  }
  const on = r.logging.on;
  const off = r.logging.off;
  lines.push(
    '',
    row(['write', 'with the triggers', 'without', 'with / without']),
    row(Array(4).fill('---')),
    row([
      `${BULK_ROWS.toLocaleString('en')} interactions set-wise, median of ${BULK_ROUNDS}`,
      ms(median(r.bulkInsertMs.on)),
      ms(median(r.bulkInsertMs.off)),
      ratio(median(r.bulkInsertMs.on), median(r.bulkInsertMs.off)),
    ]),
    row([
      `${CONTACT_WRITES} contact updates, one transaction each, median of ${BULK_ROUNDS} (the record of people's changes, migration 0036)`,
      ms(median(r.contactWritesMs.on)),
      ms(median(r.contactWritesMs.off)),
      ratio(median(r.contactWritesMs.on), median(r.contactWritesMs.off)),
    ]),
    row([`email logging at ${LOG_CLIENTS} clients, logs/s`, on.rps.toFixed(0), off.rps.toFixed(0), ratio(on.rps, off.rps)]),
    row(['email logging p50', ms(on.p50), ms(off.p50), ratio(on.p50, off.p50)]),
    row(['email logging p95', ms(on.p95), ms(off.p95), ratio(on.p95, off.p95)]),
  );
  return lines;
}
