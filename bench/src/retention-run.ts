// `npx tsx bench/src/retention-run.ts [interactions]`: a tenant with that many emails past their six years (default
// 100,000, on 100 contacts of one company) previewed and run through the service the endpoint and the daily timer call
// (embedded PGlite in memory); prints the preview's and the run's time, the batches and the counts. The run is called
// without a deadline, so it goes to the end in one call (the endpoint pauses after its time budget and resumes).
import { randomUUID } from 'node:crypto';
import { migrate } from '../../functions/src/core/db/migrate';
import { openPglite } from '../../functions/src/core/db/pglite-db';
import { upsertUser } from '../../functions/src/core/tenancy/users-store';
import { previewRetention, runRetention } from '../../functions/src/features/privacy/retention';

const interactions = Number(process.argv[2] ?? 100_000);
const db = await openPglite();
await migrate(db);
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
console.log(`seeded ${interactions.toLocaleString('en')} emails of 8 years ago on 100 contacts in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

let started = performance.now();
const preview = await previewRetention(db, tenantId, officer);
console.log(`preview: ${((performance.now() - started) / 1000).toFixed(2)} s`, JSON.stringify(preview.policies.map((p) => [p.dataClass, p.planned])));
let batches = 0;
started = performance.now();
const run = await runRetention(db, tenantId, preview.runId, { onBatch: () => void (batches += 1) });
console.log(`run: ${((performance.now() - started) / 1000).toFixed(2)} s, ${batches} batches, status ${run.status}`, JSON.stringify(run.policies.map((p) => [p.dataClass, p.done])));
console.log(`peak of the process ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`);
await db.close();
