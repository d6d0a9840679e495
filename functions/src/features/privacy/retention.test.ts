// Retention through the API: the run does exactly what its preview listed, touches nothing else and no other tenant,
// skips what became restricted, resumes after an interruption, and only CRM.Privacy and CRM.Admin may use it.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import type { Db } from '../../core/db/db';
import { isErasedAddress } from './index';
import { runDailyRetention, runRetention } from './retention';

const thisYear = new Date().getUTCFullYear();
/** "Schläfer" -> "schlafer": addresses are ASCII. */
const mailbox = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
/** 1 June of the year n years back: far enough from every cutoff (1 January of a year) that the run's clock does not matter. */
const yearsAgo = (n: number) => new Date(Date.UTC(thisYear - n, 5, 1)).toISOString();

/** Every row of the tenant in the tables retention may change, keyed by table, for before/after comparisons. */
async function tenantRows(db: Db, tenantId: string): Promise<Record<string, Record<string, string>>> {
  const tables: Record<string, string> = {
    contacts: 'id::text',
    contact_emails: 'email',
    interactions: 'id::text',
    interaction_contacts: `interaction_id::text || '/' || contact_id::text`,
    interaction_accounts: `interaction_id::text || '/' || account_id::text`,
    interaction_loggers: `interaction_id::text || '/' || user_id::text`,
    consents: 'id::text',
    tasks: 'id::text',
    opportunities: 'id::text',
    erasures: 'id::text',
    erased_addresses: `encode(address_hash, 'hex')`,
    erased_consent_proofs: 'id::text',
    graph_items: `kind || '/' || graph_id`,
    read_audit: 'id::text',
  };
  const result: Record<string, Record<string, string>> = {};
  for (const [table, key] of Object.entries(tables)) {
    const rows = await db.query<{ key: string; row: string }>(`SELECT ${key} AS key, row_to_json(t)::text AS row FROM ${table} t WHERE tenant_id = $1`, [
      tenantId,
    ]);
    result[table] = Object.fromEntries(rows.map((r) => [r.key, r.row]));
  }
  return result;
}

/** What changed between two snapshots: table -> keys whose row changed, appeared or went. */
function changedKeys(before: Record<string, Record<string, string>>, after: Record<string, Record<string, string>>): Record<string, string[]> {
  const changed: Record<string, string[]> = {};
  for (const table of Object.keys(before)) {
    const keys = new Set([...Object.keys(before[table]!), ...Object.keys(after[table]!)]);
    const differing = [...keys].filter((key) => before[table]![key] !== after[table]![key]).sort();
    if (differing.length > 0) changed[table] = differing;
  }
  return changed;
}

describeEachDatabase('retention', (getDb) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await createApiHarness(getDb());
  });

  /** A tenant with records on both sides of every policy's cutoff. */
  async function tenant() {
    const tenantId = randomUUID();
    const officerId = randomUUID();
    const admin = await api.token({ tenantId, userId: randomUUID(), name: 'Vertrieb', roles: ['CRM.Admin'] });
    const officer = await api.token({ tenantId, userId: officerId, name: 'Datenschutz', roles: ['CRM.Privacy'] });
    const db = getDb();
    const post = async (path: string, body: unknown, token = admin) => {
      const response = await api.call('POST', path, { token, body });
      expect(response.status, response.text).toBe(201);
      return (response.body as { id: string }).id;
    };
    const domain = `alt-${randomUUID().slice(0, 8)}.example`;
    const account = await post('/api/accounts', { name: 'Altkunde GmbH', domains: [domain] });
    const contact = (lastName: string) =>
      post('/api/contacts', { firstName: 'Erika', lastName, emails: [`${mailbox(lastName)}@${domain}`], accountId: account });
    const backdate = (id: string, when: string) =>
      db.query(`UPDATE contacts SET created_at = $3, updated_at = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, id, when]);
    const interaction = (type: string, occurredAt: string, subject: string, contactIds: string[]) =>
      post('/api/interactions', { type, occurredAt, subject, summary: `${subject}: Inhalt`, contactIds, accountIds: [account] });

    const inactive = await contact('Schläfer');
    const active = await contact('Aktiv');
    const withOpportunity = await contact('Chance');
    const restricted = await contact('Gesperrt');
    const longAnonymised = await contact('Längstanonym');
    for (const id of [inactive, active, withOpportunity, restricted, longAnonymised]) await backdate(id, yearsAgo(5));
    const oldEmail = await interaction('email', yearsAgo(8), 'Angebot 2018', [inactive]);
    const recentEmail = await interaction('email', yearsAgo(5), 'Angebot jünger', [active]);
    const restrictedEmail = await interaction('email', yearsAgo(8), 'Angebot gesperrt', [restricted]);
    const oldNote = await interaction('note', yearsAgo(4), 'Notiz alt', [active]);
    const recentNote = await interaction('note', yearsAgo(1), 'Notiz neu', [active]);
    const oldCall = await interaction('call', yearsAgo(9), 'Anruf alt', [active]);
    await post('/api/opportunities', { accountId: account, name: 'Offen', amount: 100, contactIds: [withOpportunity] });
    expect((await api.call('POST', `/api/contacts/${restricted}/restriction`, { token: officer, body: { reason: 'Art. 18(1)(c)' } })).status).toBe(200);
    const consent = { channel: 'email', purpose: 'newsletter', legalBasis: 'consent', source: 'Messe', capturedAt: yearsAgo(6) };
    const proof = await post('/api/consents', { ...consent, contactId: longAnonymised, action: 'withdrawn' });
    const activeConsent = await post('/api/consents', { ...consent, contactId: active, action: 'withdrawn' });
    await db.query(`UPDATE contacts SET anonymised_at = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, longAnonymised, yearsAgo(4)]);
    // An erasure four years ago kept a withdrawal proof and blocked the address.
    const erased = await contact('Gelöscht');
    await post('/api/consents', { ...consent, contactId: erased, action: 'withdrawn' });
    const etag = (await api.call('GET', `/api/contacts/${erased}`, { token: admin })).headers.get('etag')!;
    expect(
      (await api.call('POST', `/api/contacts/${erased}/erase`, { token: officer, body: { reason: 'Art. 17' }, headers: { 'if-match': etag } })).status,
    ).toBe(200);
    await db.query(`UPDATE erasures SET erased_at = $2 WHERE tenant_id = $1`, [tenantId, yearsAgo(4)]);
    const [erasedProof] = await db.query<{ id: string }>(`SELECT id FROM erased_consent_proofs WHERE tenant_id = $1`, [tenantId]);
    await db.query(
      `INSERT INTO read_audit (tenant_id, actor_id, at, action, entity, entity_id) VALUES ($1, $2, now() - interval '13 months', 'view', 'contact', $3), ($1, $2, now() - interval '1 month', 'view', 'contact', $3)`,
      [tenantId, officerId, active],
    );
    return {
      tenantId,
      admin,
      officer,
      domain,
      ids: {
        inactive,
        active,
        withOpportunity,
        restricted,
        longAnonymised,
        oldEmail,
        recentEmail,
        restrictedEmail,
        oldNote,
        recentNote,
        oldCall,
        proof,
        activeConsent,
      },
      erasedProof: erasedProof!.id,
    };
  }

  const preview = async (token: string) => {
    const response = await api.call('POST', '/api/privacy/retention/preview', { token });
    expect(response.status, response.text).toBe(201);
    return response.body;
  };
  const counts = (run: { policies: { dataClass: string; planned: number; done: number; skipped: number }[] }) =>
    Object.fromEntries(run.policies.map((p) => [p.dataClass, [p.planned, p.done, p.skipped]]));

  it('does exactly what its preview said, and nothing outside the policies or the tenant', async () => {
    const t = await tenant();
    const other = await tenant();
    const planned = await preview(t.officer);
    expect(planned.status).toBe('planned');
    expect(counts(planned)).toEqual({
      inactive_contacts: [1, 0, 0],
      email_meeting_interactions: [1, 0, 0],
      note_chat_web_form_interactions: [1, 0, 0],
      read_audit: [1, 0, 0],
      consent_proofs: [2, 0, 0],
    });
    const sample = (dataClass: string) => planned.samples.find((s: { dataClass: string }) => s.dataClass === dataClass).records;
    expect(sample('inactive_contacts')).toEqual([{ id: t.ids.inactive, label: 'Erika Schläfer', date: yearsAgo(5) }]);
    expect(sample('email_meeting_interactions').map((r: { id: string; label: string }) => [r.id, r.label])).toEqual([[t.ids.oldEmail, 'email: Angebot 2018']]);
    expect(
      sample('consent_proofs')
        .map((r: { id: string }) => r.id)
        .sort(),
    ).toEqual([t.ids.proof, t.erasedProof].sort());

    const before = await tenantRows(getDb(), t.tenantId);
    const otherBefore = await tenantRows(getDb(), other.tenantId);
    const response = await api.call('POST', '/api/privacy/retention/run', { token: t.officer, body: { runId: planned.runId } });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({ runId: planned.runId, status: 'completed', progress: 100 });
    expect(counts(response.body)).toEqual({
      inactive_contacts: [1, 1, 0],
      email_meeting_interactions: [1, 1, 0],
      note_chat_web_form_interactions: [1, 1, 0],
      read_audit: [1, 1, 0],
      consent_proofs: [2, 2, 0],
    });

    const after = await tenantRows(getDb(), t.tenantId);
    const changed = changedKeys(before, after);
    const { inactive, oldEmail, oldNote, proof } = t.ids;
    expect(Object.keys(changed).sort()).toEqual(
      ['contact_emails', 'contacts', 'consents', 'erased_consent_proofs', 'interaction_contacts', 'interaction_loggers', 'interactions', 'read_audit'].sort(),
    );
    expect(changed.contacts).toEqual([inactive]);
    expect(changed.contact_emails).toEqual([`schlafer@${t.domain}`]);
    expect(changed.interactions).toEqual([oldEmail, oldNote].sort());
    expect(changed.interaction_contacts).toEqual([`${oldEmail}/${inactive}`, `${oldNote}/${t.ids.active}`].sort());
    expect(changed.consents).toEqual([proof]);
    expect(changed.erased_consent_proofs).toEqual([t.erasedProof]);
    expect(changed.read_audit).toHaveLength(1);
    // Anonymised, not deleted: the contact row and the interactions stay for the account's figures.
    expect(JSON.parse(after.contacts![inactive]!)).toMatchObject({ first_name: '', last_name: '[anonymised]', emails: [], job_title: null });
    expect(JSON.parse(after.interactions![oldEmail]!)).toMatchObject({ type: 'email', subject: '', summary: null, internet_message_id: null });
    expect(Object.keys(after.interaction_accounts!)).toEqual(Object.keys(before.interaction_accounts!));
    // The blocklist outlives every policy: the erased person still cannot come back.
    expect(after.erased_addresses).toEqual(before.erased_addresses);
    expect(await isErasedAddress(getDb(), t.tenantId, `geloscht@${t.domain}`)).toBe(true);
    expect(changedKeys(otherBefore, await tenantRows(getDb(), other.tenantId))).toEqual({});

    // The run is recorded with its counts, never with what it removed.
    const runs = await api.call('GET', '/api/privacy/retention/runs', { token: t.officer });
    expect(runs.status).toBe(200);
    expect(runs.body.items.map((r: { runId: string }) => r.runId)).toEqual([planned.runId]);
    expect(runs.text).not.toMatch(/Schläfer|Angebot|Notiz|newsletter/);
    // Running it again changes nothing and answers the same account.
    const again = await api.call('POST', '/api/privacy/retention/run', { token: t.officer, body: { runId: planned.runId } });
    expect(counts(again.body)).toEqual(counts(response.body));
    expect(changedKeys(after, await tenantRows(getDb(), t.tenantId))).toEqual({});
  });

  it('skips a listed record that was restricted after the preview, and says so', async () => {
    const t = await tenant();
    const planned = await preview(t.officer);
    expect((await api.call('POST', `/api/contacts/${t.ids.inactive}/restriction`, { token: t.officer, body: { reason: 'Art. 18(1)(b)' } })).status).toBe(200);
    const run = (await api.call('POST', '/api/privacy/retention/run', { token: t.officer, body: { runId: planned.runId } })).body;
    expect(counts(run).inactive_contacts).toEqual([1, 0, 1]);
    expect(counts(run).email_meeting_interactions).toEqual([1, 0, 1]);
    const [contact] = await getDb().query<{ last_name: string }>(`SELECT last_name FROM contacts WHERE tenant_id = $1 AND id = $2`, [
      t.tenantId,
      t.ids.inactive,
    ]);
    expect(contact!.last_name).toBe('Schläfer');
  });

  it('can be interrupted and resumed, also after its worker died, and never runs twice at once', async () => {
    const t = await tenant();
    const planned = await preview(t.officer);
    const stop = new AbortController();
    const seen: number[] = [];
    const paused = await runRetention(getDb(), t.tenantId, planned.runId, {
      batchSize: 1,
      signal: stop.signal,
      onBatch: (run) => {
        seen.push(run.progress);
        stop.abort();
      },
    });
    expect(paused.status).toBe('paused');
    expect(seen).toEqual([16]);
    expect(counts(paused).inactive_contacts).toEqual([1, 1, 0]);
    expect(counts(paused).email_meeting_interactions).toEqual([1, 0, 0]);
    const listed = await api.call('GET', `/api/privacy/retention/runs/${planned.runId}`, { token: t.officer });
    expect(listed.body).toMatchObject({ status: 'paused', progress: 16 });

    // A worker that took the run and died: its lease passes, and the next one takes over.
    await getDb().query(`UPDATE retention_runs SET status = 'running', lease_until = now() + interval '1 minute' WHERE tenant_id = $1 AND id = $2`, [
      t.tenantId,
      planned.runId,
    ]);
    const busy = await api.call('POST', '/api/privacy/retention/run', { token: t.officer, body: { runId: planned.runId } });
    expect(busy.status).toBe(409);
    await getDb().query(`UPDATE retention_runs SET lease_until = now() - interval '1 second' WHERE tenant_id = $1 AND id = $2`, [t.tenantId, planned.runId]);
    const resumed = await runRetention(getDb(), t.tenantId, planned.runId, { batchSize: 1, onBatch: (run) => seen.push(run.progress) });
    expect(resumed.status).toBe('completed');
    expect(seen).toEqual([16, 33, 50, 66, 83, 100]);
    expect(counts(resumed)).toEqual({
      inactive_contacts: [1, 1, 0],
      email_meeting_interactions: [1, 1, 0],
      note_chat_web_form_interactions: [1, 1, 0],
      read_audit: [1, 1, 0],
      consent_proofs: [2, 2, 0],
    });
    const [left] = await getDb().query<{ n: number }>(`SELECT count(*)::int AS n FROM retention_run_items WHERE tenant_id = $1`, [t.tenantId]);
    expect(left!.n).toBe(0);
  });

  it('works through a class larger than a batch in id order, and resumes mid-class with exactly the ids left', async () => {
    const t = await tenant();
    const db = getDb();
    // Ten more old emails besides the tenant's one: with batches of three, the class takes four batches.
    await db.query(
      `INSERT INTO interactions (tenant_id, type, direction, occurred_at, subject, source)
       SELECT $1, 'email', 'inbound', $2::timestamptz - g * interval '1 day', 'Altpost ' || g, 'addin' FROM generate_series(1, 10) g`,
      [t.tenantId, yearsAgo(8)],
    );
    const planned = await preview(t.officer);
    expect(counts(planned).email_meeting_interactions).toEqual([11, 0, 0]);
    const left = async () =>
      (
        await db.query<{ record_id: string }>(
          `SELECT record_id FROM retention_run_items WHERE tenant_id = $1 AND run_id = $2 AND data_class = 'email_meeting_interactions' ORDER BY record_id`,
          [t.tenantId, planned.runId],
        )
      ).map((r) => r.record_id);
    const listed = await left();
    const stop = new AbortController();
    let emailBatches = 0;
    const paused = await runRetention(db, t.tenantId, planned.runId, {
      batchSize: 3,
      signal: stop.signal,
      onBatch: (run) => {
        if (run.policies.find((p) => p.dataClass === 'email_meeting_interactions')!.done > 0 && ++emailBatches === 2) stop.abort();
      },
    });
    expect(counts(paused).email_meeting_interactions).toEqual([11, 6, 0]);
    expect(await left()).toEqual(listed.slice(6));
    const anonymised = await db.query<{ id: string }>(
      `SELECT id FROM interactions WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND anonymised_at IS NOT NULL ORDER BY id`,
      [t.tenantId, listed],
    );
    expect(anonymised.map((r) => r.id)).toEqual(listed.slice(0, 6));

    const resumed = await runRetention(db, t.tenantId, planned.runId, { batchSize: 3 });
    expect(resumed.status).toBe('completed');
    expect(counts(resumed).email_meeting_interactions).toEqual([11, 11, 0]);
    expect(await left()).toEqual([]);
    const [still] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM interactions WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND anonymised_at IS NULL`,
      [t.tenantId, listed],
    );
    expect(still!.n).toBe(0);
  });

  it('keeps German defaults until saved, saves with If-Match and refuses a preview made under other policies', async () => {
    const t = await tenant();
    const read = await api.call('GET', '/api/privacy/retention/policies', { token: t.officer });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"0"');
    expect(read.body).toMatchObject({ saved: false, dailyRun: false, updatedAt: null });
    expect(read.body.policies.map((p: { dataClass: string; periodMonths: number; action: string }) => [p.dataClass, p.periodMonths, p.action])).toEqual([
      ['inactive_contacts', 36, 'anonymise'],
      ['email_meeting_interactions', 72, 'anonymise'],
      ['note_chat_web_form_interactions', 36, 'anonymise'],
      ['read_audit', 12, 'delete'],
      ['consent_proofs', 36, 'delete'],
    ]);
    expect(read.body.policies[1].basis).toMatch(/^Emails and meetings with customers are commercial letters/);
    // The Privacy tab asks in its own language; without lang, Accept-Language decides.
    const german = await api.call('GET', '/api/privacy/retention/policies?lang=de', { token: t.officer });
    expect(german.body.policies[1].basis).toMatch(/^E-Mails und Termine mit Kunden sind Handelsbriefe/);
    const byHeader = await api.call('GET', '/api/privacy/retention/policies', { token: t.officer, headers: { 'accept-language': 'de-DE,de;q=0.9' } });
    expect(byHeader.body.policies[0].keeps).toBe(german.body.policies[0].keeps);
    expect((await api.call('GET', '/api/privacy/retention/policies?lang=fr', { token: t.officer })).status).toBe(400);
    const planned = await preview(t.officer);

    const settings = read.body.policies.map(({ dataClass, enabled, periodMonths, action, fromEndOfYear }: Record<string, unknown>) => ({
      dataClass,
      enabled,
      periodMonths,
      action,
      fromEndOfYear,
    }));
    const put = (body: unknown, ifMatch: string, token = t.officer) =>
      api.call('PUT', '/api/privacy/retention/policies', { token, body, headers: { 'if-match': ifMatch } });
    const wrong = await put(
      { policies: settings.map((p: { dataClass: string }) => (p.dataClass === 'inactive_contacts' ? { ...p, action: 'delete' } : p)), dailyRun: false },
      '"0"',
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ field: 'policies[0].action', in: 'body', reason: 'must be anonymise for inactive_contacts' }]);
    const missing = await put({ policies: settings.slice(1), dailyRun: false }, '"0"');
    expect(missing.body.errors).toEqual([{ field: 'policies', in: 'body', reason: 'must include inactive_contacts' }]);

    const noNotes = settings.map((p: { dataClass: string }) => (p.dataClass === 'note_chat_web_form_interactions' ? { ...p, enabled: false } : p));
    const saved = await put({ policies: noNotes, dailyRun: false }, '"0"', t.admin);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.headers.get('etag')).toBe('"1"');
    expect(saved.body.saved).toBe(true);
    expect((await put({ policies: noNotes, dailyRun: false }, '"0"')).status).toBe(412);

    const stale = await api.call('POST', '/api/privacy/retention/run', { token: t.officer, body: { runId: planned.runId } });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/preview again/);
    const fresh = await preview(t.officer);
    expect(fresh.policies.map((p: { dataClass: string }) => p.dataClass)).not.toContain('note_chat_web_form_interactions');
    const run = (await api.call('POST', '/api/privacy/retention/run', { token: t.officer, body: { runId: fresh.runId } })).body;
    expect(run.status).toBe('completed');
    const [note] = await getDb().query<{ subject: string }>(`SELECT subject FROM interactions WHERE tenant_id = $1 AND id = $2`, [t.tenantId, t.ids.oldNote]);
    expect(note!.subject).toBe('Notiz alt');
  });

  it('is for CRM.Privacy and CRM.Admin of the tenant only', async () => {
    const t = await tenant();
    const planned = await preview(t.officer);
    for (const roles of [['CRM.User'], ['CRM.Manager'], ['CRM.Reader']] as const) {
      const token = await api.token({ tenantId: t.tenantId, userId: randomUUID(), roles: [...roles] });
      expect((await api.call('GET', '/api/privacy/retention/policies', { token })).status).toBe(403);
      expect((await api.call('POST', '/api/privacy/retention/preview', { token })).status).toBe(403);
      expect((await api.call('POST', '/api/privacy/retention/run', { token, body: { runId: planned.runId } })).status).toBe(403);
      expect((await api.call('GET', '/api/privacy/retention/runs', { token })).status).toBe(403);
    }
    const stranger = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Privacy'] });
    expect((await api.call('POST', '/api/privacy/retention/run', { token: stranger, body: { runId: planned.runId } })).status).toBe(404);
    expect((await api.call('GET', `/api/privacy/retention/runs/${planned.runId}`, { token: stranger })).status).toBe(404);
    expect((await api.call('GET', '/api/privacy/retention/runs', { token: stranger })).body.items).toEqual([]);
    const [status] = await getDb().query<{ status: string }>(`SELECT status FROM retention_runs WHERE tenant_id = $1 AND id = $2`, [t.tenantId, planned.runId]);
    expect(status!.status).toBe('planned');
  });

  it('runs every night for the tenants that switched it on, once however often the timer fires', async () => {
    const on = await tenant();
    const off = await tenant();
    const read = (await api.call('GET', '/api/privacy/retention/policies', { token: on.officer })).body;
    const policies = read.policies.map(({ dataClass, enabled, periodMonths, action, fromEndOfYear }: Record<string, unknown>) => ({
      dataClass,
      enabled,
      periodMonths,
      action,
      fromEndOfYear,
    }));
    expect(
      (await api.call('PUT', '/api/privacy/retention/policies', { token: on.officer, body: { policies, dailyRun: true }, headers: { 'if-match': '"0"' } }))
        .status,
    ).toBe(200);
    const log: string[] = [];
    await runDailyRetention(getDb(), { deadline: Date.now() + 3600_000, log: (m) => log.push(m) });
    await runDailyRetention(getDb(), { deadline: Date.now() + 3600_000, log: (m) => log.push(m) });
    const runs = (await api.call('GET', '/api/privacy/retention/runs', { token: on.officer })).body.items;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: 'daily', status: 'completed', createdBy: null });
    expect(counts(runs[0]).inactive_contacts).toEqual([1, 1, 0]);
    expect((await api.call('GET', '/api/privacy/retention/runs', { token: off.officer })).body.items).toEqual([]);
    expect(log.join('\n')).not.toMatch(/Schläfer|@/);
  });
});
