// `npx tsx bench/src/personal-data-export.ts [json|pdf|erase] [interactions]`: exports one contact with 10,000
// interactions through the real endpoint (in-process app, embedded PGlite) and prints time, size and the process's
// memory; `erase` instead erases that contact (Art. 17, one transaction) and prints its time and what is left.
// One mode per process, so the peak resident size (maxRSS) belongs to that run alone.
import { randomUUID } from 'node:crypto';
import { createLocalJWKSet } from 'jose';
import { buildApiApp } from '../../functions/src/app/routes';
import { createActorResolver } from '../../functions/src/core/auth/actor-resolver';
import { createDevTokenIssuer, DEV_AUDIENCE } from '../../functions/src/core/auth/dev-token-issuer';
import { createTokenValidator } from '../../functions/src/core/auth/token-validator';
import { migrate } from '../../functions/src/core/db/migrate';
import { openPglite } from '../../functions/src/core/db/pglite-db';
import { upsertUser } from '../../functions/src/core/tenancy/users-store';

const mode = process.argv[2] === 'pdf' || process.argv[2] === 'erase' ? process.argv[2] : 'json';
const interactions = Number(process.argv[3] ?? 10_000);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

const db = await openPglite();
await migrate(db);
const tenantId = randomUUID();
const officer = randomUUID();
await upsertUser(db, { tenantId, oid: officer, displayName: 'Datenschutz', email: null, roles: ['CRM.Privacy'] });
const [contact] = await db.query<{ id: string }>(
  `INSERT INTO contacts (tenant_id, first_name, last_name, emails) VALUES ($1, 'Jürgen', 'Größmann', ARRAY['juergen@kunde.example']) RETURNING id`,
  [tenantId],
);
await db.query(
  `WITH made AS (
     INSERT INTO interactions (tenant_id, type, direction, occurred_at, subject, summary, source)
     SELECT $1, (ARRAY['email','meeting','call','note','web_form'])[1 + g % 5], 'inbound', now() - g * interval '3 hours',
       'Angebot Nr. ' || g || ' über 1.234,50 € für Ersatzteile (Größe M)',
       'Herr Größmann bittet um Rückruf wegen der Maße und der Lieferung an die Straße ' || g || '; Rückfragen bitte an den Außendienst.', 'addin'
     FROM generate_series(1, $2::int) g RETURNING id, occurred_at)
   INSERT INTO interaction_contacts (tenant_id, interaction_id, contact_id, occurred_at) SELECT $1, id, $3, occurred_at FROM made`,
  [tenantId, interactions, contact!.id],
);

const issuer = await createDevTokenIssuer('https://crm.bench');
const app = buildApiApp({
  db: async () => db,
  authenticate: createTokenValidator([{ issuerTemplate: issuer.issuerTemplate, keys: createLocalJWKSet(issuer.jwks), audiences: [DEV_AUDIENCE], allowedTenants: '*' }]),
  resolveActor: createActorResolver(),
  version: 'bench',
});
const token = await issuer.issue({ tenantId, userId: officer, name: 'Datenschutz', email: 'dsb@firma.example', roles: ['CRM.Privacy'] });

if (mode === 'erase') {
  const auth = { authorization: `Bearer ${token}` };
  const read = await app.request(`https://crm.bench/api/contacts/${contact!.id}`, { headers: auth });
  const started = performance.now();
  const erased = await app.request(`https://crm.bench/api/contacts/${contact!.id}/erase`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json', 'if-match': read.headers.get('etag')! },
    body: JSON.stringify({ reason: 'Art. 17 request (benchmark)' }),
  });
  const answer = (await erased.json()) as { deleted?: Record<string, number>; retained?: { interactions: number } };
  const seconds = (performance.now() - started) / 1000;
  const [left] = await db.query<{ links: number; interactions: number }>(
    `SELECT (SELECT count(*)::int FROM interaction_contacts WHERE tenant_id = $1) AS links,
            (SELECT count(*)::int FROM interactions WHERE tenant_id = $1) AS interactions`,
    [tenantId],
  );
  console.log(
    [
      `erasure of a contact with ${interactions.toLocaleString('en')} interactions: status ${erased.status}`,
      `  time ${seconds.toFixed(2)} s; deleted ${JSON.stringify(answer.deleted)}, kept under a retention duty ${answer.retained?.interactions ?? '?'}`,
      `  left in the tenant: ${left!.interactions} interactions, ${left!.links} links; peak of the process ${mib(process.resourceUsage().maxRSS * 1024)}`,
    ].join('\n'),
  );
  await db.close();
  process.exit(0);
}
const format = mode;

global.gc?.();
const before = process.memoryUsage();
const started = performance.now();
const response = await app.request(`https://crm.bench/api/contacts/${contact!.id}/personal-data?format=${format}&lang=de`, {
  headers: { authorization: `Bearer ${token}` },
});
let bytes = 0;
let peakHeap = 0;
for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
  bytes += chunk.byteLength;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
const seconds = (performance.now() - started) / 1000;
const after = process.memoryUsage();
console.log(
  [
    `${format.toUpperCase()} export of a contact with ${interactions.toLocaleString('en')} interactions: status ${response.status}`,
    `  time ${seconds.toFixed(2)} s, size ${mib(bytes)}`,
    `  heap before ${mib(before.heapUsed)}, highest while streaming ${mib(peakHeap)}, after ${mib(after.heapUsed)}`,
    `  resident before ${mib(before.rss)}, peak of the process ${mib(process.resourceUsage().maxRSS * 1024)}`,
  ].join('\n'),
);
await db.close();
