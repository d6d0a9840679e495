// `npx tsx bench/src/retention-run.ts [interactions] [--pg] [--delete] [--tasks=N] [--explain]`: a tenant with that many emails
// past their six years (default 100,000, on 100 contacts of one company; --tasks: and N done follow-ups, the first of
// them on those emails) previewed and run through the service the endpoint and the daily timer call, anonymising the
// emails or, with --delete, deleting them; in embedded PGlite in memory, or with --pg on a throwaway PostgreSQL server (test/support/pg-cluster.ts,
// autovacuum off as there). Prints the preview's and the run's time, the batches, the time of the first, median and
// last tenth of the batches (a run whose batches slow down as it goes shows it there), the counts and the load average.
// The run is called without a deadline, so it goes to the end in one call (the endpoint pauses after its time budget
// and resumes). --explain: the plans of the first batch's statements and of one half way, with the statements their
// triggers run, to /tmp/retention-explain-{first,middle}.txt, and a line per statement; the two explained batches
// (each statement runs twice) are left out of the run's time and the batch figures.
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import type { Db } from '../../functions/src/core/db/db';
import { migrate } from '../../functions/src/core/db/migrate';
import { openPglite } from '../../functions/src/core/db/pglite-db';
import { openPostgres } from '../../functions/src/core/db/postgres-db';
import { upsertUser } from '../../functions/src/core/tenancy/users-store';
import { previewRetention, retentionPolicies, runRetention, updateRetentionPolicies } from '../../functions/src/features/privacy/retention';
import { startPgCluster, type PgCluster } from '../../test/support/pg-cluster';
import { batchExplainer } from './retention-explain';

const args = process.argv.slice(2);
const onPostgres = args.includes('--pg');
const interactions = Number(args.find((a) => !a.startsWith('--')) ?? 100_000);
const deleting = args.includes('--delete');
const tasks = Number(args.find((a) => a.startsWith('--tasks='))?.slice('--tasks='.length) ?? 0);
const explain = args.includes('--explain');
const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');

let cluster: PgCluster | null = null;
let db: Db;
if (onPostgres) {
  cluster = await startPgCluster();
  await cluster.createDatabase('bench');
  db = await openPostgres(cluster.url('bench'), { max: 2 });
} else {
  db = await openPglite();
}
try {
  await migrate(db);
  console.log(`${db.kind}, load average (1/5/15 min) at start ${load()}`);
  const tenantId = randomUUID();
  const officer = await upsertUser(db, { tenantId, oid: randomUUID(), displayName: 'Datenschutz', email: null, roles: ['CRM.Privacy'] });
  const seeded = performance.now();
  await db.query(
    `WITH account AS (INSERT INTO accounts (tenant_id, name) VALUES ($1, 'Altkunde GmbH') RETURNING id),
     people AS (
       INSERT INTO contacts (tenant_id, first_name, last_name, emails, account_id)
       SELECT $1, 'Kontakt', 'Nr. ' || g, ARRAY['kontakt' || g || '@altkunde.example'], (SELECT id FROM account) FROM generate_series(1, 100) g
       RETURNING id),
     numbered AS (SELECT id, row_number() OVER () AS n FROM people),
     made AS (
       INSERT INTO interactions (tenant_id, type, direction, occurred_at, subject, summary, source)
       SELECT $1, 'email', 'inbound', now() - interval '8 years' - g * interval '1 minute', 'Angebot Nr. ' || g, 'Alte Korrespondenz', 'addin'
       FROM generate_series(1, $2::int) g RETURNING id, occurred_at),
     made_numbered AS (SELECT id, occurred_at, row_number() OVER () AS n FROM made)
     INSERT INTO interaction_contacts (tenant_id, interaction_id, contact_id, occurred_at)
     SELECT $1, m.id, numbered.id, m.occurred_at FROM made_numbered m JOIN numbered ON numbered.n = 1 + m.n % 100`,
    [tenantId, interactions],
  );
  // A server whose autovacuum caught up with the load; PGlite has none (the preview analyses the tables it needs itself).
  if (tasks > 0) {
    await db.query(
      `WITH emails AS (SELECT id, row_number() OVER () AS n FROM interactions WHERE tenant_id = $1)
       INSERT INTO tasks (tenant_id, title, due_date, status, interaction_id, completed_at)
       SELECT $1, 'Erledigt ' || g, current_date - 3000, 'done', emails.id, now() FROM generate_series(1, $2::int) g LEFT JOIN emails ON emails.n = g`,
      [tenantId, tasks],
    );
  }
  if (deleting) {
    const current = await retentionPolicies(db, tenantId);
    const policies = current.policies.map((p) => ({
      dataClass: p.dataClass,
      enabled: p.enabled,
      periodMonths: p.periodMonths,
      action: p.dataClass === 'email_meeting_interactions' ? ('delete' as const) : p.action,
      fromEndOfYear: p.fromEndOfYear,
    }));
    await updateRetentionPolicies(db, { tenantId, userId: officer, displayName: 'Datenschutz', roles: ['CRM.Privacy'] }, 0, { policies, dailyRun: false });
  }
  if (onPostgres) await db.query('ANALYZE');
  console.log(`seeded ${interactions.toLocaleString('en')} emails of 8 years ago on 100 contacts${tasks ? ` and ${tasks.toLocaleString('en')} done follow-ups` : ''}, ${deleting ? 'deleting' : 'anonymising'} them, in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

  let started = performance.now();
  const preview = await previewRetention(db, tenantId, officer);
  console.log(`preview: ${((performance.now() - started) / 1000).toFixed(2)} s`, JSON.stringify(preview.policies.map((p) => [p.dataClass, p.planned])));
  const emails = preview.policies.find((p) => p.dataClass === 'email_meeting_interactions')!;
  const explainer = explain ? await batchExplainer(db) : null;
  const explained: number[] = [];
  const report = (when: string) => {
    console.log(`the ${when} batch explained (plans in /tmp/retention-explain-${when}.txt), load ${load()}:\n${explainer!.taken()!.join('\n')}`);
  };
  explainer?.explainNext('/tmp/retention-explain-first.txt');
  const batchMs: number[] = [];
  started = performance.now();
  let last = started;
  const run = await runRetention(db, tenantId, preview.runId, {
    ...(explainer ? { statements: explainer.statements } : {}),
    onBatch: () => {
      const now = performance.now();
      batchMs.push(now - last);
      last = now;
      if (!explainer) return;
      if (batchMs.length === 1) {
        explained.push(0);
        report('first');
      } else if (batchMs.length === Math.floor(emails.planned / 1000)) {
        explainer.explainNext('/tmp/retention-explain-middle.txt');
        explained.push(batchMs.length);
      } else if (batchMs.length === explained[1]! + 1) report('middle');
    },
  });
  const seconds = (performance.now() - started) / 1000 - explained.reduce((s, n) => s + batchMs[n]!, 0) / 1000;
  // The explained batches ran each statement twice; they are left out of the figures.
  for (const n of explained) batchMs[n] = Number.NaN;
  const measured = (xs: number[]) => xs.filter((x) => !Number.isNaN(x));
  const tenth = Math.max(1, Math.floor(batchMs.length / 10));
  const mean = (all: number[]) => {
    const xs = measured(all);
    return (xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length)).toFixed(1);
  };
  const middle = Math.floor(batchMs.length / 2 - tenth / 2);
  console.log(
    `run: ${seconds.toFixed(2)} s, ${batchMs.length} batches (ms per batch: first tenth ${mean(batchMs.slice(0, tenth))}, middle tenth ${mean(batchMs.slice(middle, middle + tenth))}, last tenth ${mean(batchMs.slice(-tenth))}), status ${run.status}`,
    JSON.stringify(run.policies.map((p) => [p.dataClass, p.done])),
  );
  console.log(`peak of the process ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB, load average at end ${load()}`);
} finally {
  await db.close();
  await cluster?.stop();
}
