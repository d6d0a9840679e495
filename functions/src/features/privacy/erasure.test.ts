// Erasure (Art. 17) through the API: the person is gone from every table, stays gone, and a failed erasure changes nothing.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { callAs, createAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { countRows } from '../../../../test/support/domain-expect';
import type { Queryable } from '../../core/db/db';
import { isErasedAddress } from './index';

/** Rows of the tenant in any table whose text, array or JSON columns contain the needle (case-insensitive). */
async function rowsMentioning(db: Queryable, tenantId: string, needle: string): Promise<string[]> {
  const columns = await db.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
       AND EXISTS (SELECT 1 FROM information_schema.columns k WHERE k.table_schema = 'public' AND k.table_name = c.table_name AND k.column_name = 'tenant_id')
     ORDER BY c.table_name, c.column_name`,
  );
  expect(columns.length).toBeGreaterThan(40);
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const hits = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}" WHERE tenant_id = $1 AND "${column_name}"::text ILIKE $2`, [
      tenantId,
      `%${needle}%`,
    ]);
    if (hits[0]!.n > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}

describeEachDatabase('erasure', (getDb) => {
  let api: ApiHarness;
  let tenantId: string;
  let admin: string;
  let user: string;
  let officer: string;
  let officerId: string;

  const call = callAs(() => api);
  const created = createAs(() => api);

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    tenantId = randomUUID();
    officerId = randomUUID();
    admin = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Admin'] });
    user = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.User'] });
    officer = await api.token({ tenantId, userId: officerId, name: 'Datenschutz', roles: ['CRM.Privacy'] });
  });

  /** A person with everything the CRM can hold about them, next to a colleague who must keep his data. */
  async function person(lastName: string) {
    const domain = `kunde-${randomUUID().slice(0, 8)}.example`;
    const account = await created(admin, '/api/accounts', { name: 'Kunde AG', domains: [domain] });
    const email = `ottilie.${lastName.toLowerCase()}@${domain}`;
    const contact = await created(admin, '/api/contacts', {
      firstName: 'Ottilie',
      lastName,
      emails: [email, `o.${lastName.toLowerCase()}@privat.example`],
      phones: [{ number: '+49 30 1234567', type: 'mobile' }],
      jobTitle: 'Einkauf',
      accountId: account.id,
    });
    const colleague = await created(admin, '/api/contacts', { firstName: 'Bert', lastName: 'Anders', emails: [`bert.anders@${domain}`] });
    const own = await created(admin, '/api/interactions', {
      type: 'call',
      occurredAt: '2026-11-02T09:00:00Z',
      subject: `Anruf von Ottilie ${lastName}`,
      summary: `Rückruf unter ${email}`,
      contactIds: [contact.id],
      accountIds: [account.id],
    });
    const shared = await created(admin, '/api/interactions', {
      type: 'meeting',
      occurredAt: '2026-11-03T09:00:00Z',
      subject: `Jahresgespräch mit Ottilie ${lastName} und Bert Anders`,
      summary: `Protokoll an ${email.toUpperCase()} und an ${lastName}, Ottilie geschickt`,
      contactIds: [contact.id, colleague.id],
      accountIds: [account.id],
    });
    for (const action of ['granted', 'withdrawn'])
      await created(admin, '/api/consents', { contactId: contact.id, channel: 'email', purpose: 'newsletter', legalBasis: 'consent', action, source: 'Messe' });
    await created(admin, '/api/tasks', { title: `${lastName} zurückrufen`, dueDate: '2026-12-10', contactId: contact.id, accountId: account.id });
    await created(admin, '/api/opportunities', { accountId: account.id, name: 'Rahmenvertrag', amount: 1000, contactIds: [contact.id, colleague.id] });
    const [mailbox] = await getDb().query<{ id: string }>(`SELECT id FROM users WHERE tenant_id = $1 LIMIT 1`, [tenantId]);
    await getDb().query(`INSERT INTO graph_items (tenant_id, user_id, kind, graph_id, record_id, synced) VALUES ($1, $2, 'contact', $3, $4, $5)`, [
      tenantId,
      mailbox!.id,
      `AAMk-${lastName}`,
      contact.id,
      JSON.stringify({ crm: { lastName }, outlookEmails: [email] }),
    ]);
    return { account, contact, colleague, own, shared, email, etag: (await call(admin, 'GET', `/api/contacts/${contact.id}`)).headers.get('etag')! };
  }

  it('removes the person from every table, keeps what concerns others, and answers what it did', async () => {
    const p = await person('Quenzelbrink');
    const before = await rowsMentioning(getDb(), tenantId, 'quenzelbrink');
    expect(before).toEqual(expect.arrayContaining(['contacts.last_name', 'contact_emails.email', 'interactions.subject', 'tasks.title', 'graph_items.synced']));

    const erased = await call(officer, 'POST', `/api/contacts/${p.contact.id}/erase`, { reason: 'Antrag nach Art. 17 vom 1.12.2026, Ticket 4711' }, p.etag);
    expect(erased.status, erased.text).toBe(200);
    expect(erased.body).toMatchObject({
      blockedAddresses: 2,
      deleted: { interactions: 1, consents: 2, tasks: 1, leads: 0, syncLinks: 1 },
      unlinkedInteractions: 1,
      keptWithdrawalProofs: 1,
    });

    // A retry whose answer was lost gets the same answer and erases nothing twice.
    const retried = await call(officer, 'POST', `/api/contacts/${p.contact.id}/erase`, { reason: 'Antrag nach Art. 17 vom 1.12.2026, Ticket 4711' }, p.etag);
    expect(retried).toMatchObject({ status: 200, body: erased.body });
    expect(await countRows(getDb(), 'erasures', tenantId)).toBe(1);

    expect(await rowsMentioning(getDb(), tenantId, 'quenzelbrink')).toEqual([]);
    expect(await rowsMentioning(getDb(), tenantId, 'privat.example')).toEqual([]);
    expect(await rowsMentioning(getDb(), tenantId, 'ottilie')).toEqual([]);
    expect(await rowsMentioning(getDb(), tenantId, '1234567')).toEqual([]);

    expect((await call(admin, 'GET', `/api/contacts/${p.contact.id}`)).status).toBe(404);
    expect((await call(admin, 'GET', `/api/interactions/${p.own.id}`)).status).toBe(404);
    const shared = await call(admin, 'GET', `/api/interactions/${p.shared.id}`);
    expect(shared.body).toMatchObject({
      subject: 'Jahresgespräch mit [erased] und Bert Anders',
      summary: 'Protokoll an [erased] und an [erased] geschickt',
      contactIds: [p.colleague.id],
      accountIds: [p.account.id],
      etag: '"2"',
    });
    expect((await call(admin, 'GET', `/api/contacts/${p.colleague.id}`)).body.lastName).toBe('Anders');
    const opportunities = await call(admin, 'GET', `/api/opportunities?accountId=${p.account.id}`);
    expect(opportunities.body.items).toHaveLength(1);

    // The audit log says that, who and when; the erasure record says why, with no trace of the person.
    const audit = await getDb().query<{ action: string; actor_id: string; changed_fields: string[] }>(
      `SELECT action, actor_id, changed_fields FROM audit_log WHERE tenant_id = $1 AND entity = 'contact' AND entity_id = $2 ORDER BY id`,
      [tenantId, p.contact.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'consent', 'consent', 'erase']);
    const [officerRow] = await getDb().query<{ id: string }>(`SELECT id FROM users WHERE tenant_id = $1 AND display_name = 'Datenschutz'`, [tenantId]);
    expect(audit[3]).toMatchObject({ actor_id: officerRow!.id, changed_fields: [] });
    const [record] = await getDb().query<{ reason: string; erased_by: string; contact_id: string }>(
      `SELECT reason, erased_by, contact_id FROM erasures WHERE tenant_id = $1 AND id = $2`,
      [tenantId, erased.body.erasureId],
    );
    expect(record).toEqual({ reason: 'Antrag nach Art. 17 vom 1.12.2026, Ticket 4711', erased_by: officerRow!.id, contact_id: p.contact.id });
    const [proof] = await getDb().query(`SELECT channel, purpose, action FROM erased_consent_proofs WHERE tenant_id = $1 AND erasure_id = $2`, [
      tenantId,
      erased.body.erasureId,
    ]);
    expect(proof).toEqual({ channel: 'email', purpose: 'newsletter', action: 'withdrawn' });
  });

  it('keeps a logged business email under its retention duty: unlinked, out of every list, read-only for CRM.Privacy and CRM.Admin', async () => {
    const p = await person('Aufbewahrt');
    const email = (occurredAt: string, internetMessageId: string, accountIds: string[]) =>
      created(admin, '/api/interactions', {
        type: 'email',
        direction: 'inbound',
        occurredAt,
        subject: 'Bestellung 4711',
        summary: 'Wir bestellen 20 Stück.',
        internetMessageId,
        contactIds: [p.contact.id],
        accountIds,
      });
    const letter = await email('2026-11-05T10:00:00Z', `<order-${p.contact.id}@kunde.example>`, [p.account.id]);
    // Six years from the end of 2019 ran out on 31 Dec 2025; an email with no company is no commercial letter.
    const expired = await email('2019-06-01T10:00:00Z', `<old-${p.contact.id}@kunde.example>`, [p.account.id]);
    const privateMail = await email('2026-11-06T10:00:00Z', `<private-${p.contact.id}@kunde.example>`, []);
    await getDb().query(`DELETE FROM interaction_accounts WHERE tenant_id = $1 AND interaction_id = $2`, [tenantId, privateMail.id]);

    const erased = await call(officer, 'POST', `/api/contacts/${p.contact.id}/erase`, { reason: 'Antrag nach Art. 17, Ticket 4712' }, p.etag);
    expect(erased.status, erased.text).toBe(200);
    expect(erased.body).toMatchObject({
      deleted: { interactions: 3 },
      // The one shared with the colleague; the kept letter concerns only the person and is counted as retained.
      unlinkedInteractions: 1,
      retained: {
        interactions: 1,
        until: '2032-12-31',
        legalBasis: 'HGB s.257(1) no. 2 and 3, (4); AO s.147(1) no. 2 and 3, (3): commercial and business letters received and sent, 6 years',
      },
    });
    expect(erased.headers.get('content-language')).toBe('en');
    // A retry answers the first erasure's account of it, in the language it is asked in: the officer quotes it to the person.
    const path = `/api/contacts/${p.contact.id}/erase`;
    const body = { reason: 'Antrag nach Art. 17, Ticket 4712' };
    const german = await api.call('POST', path, { token: officer, body, headers: { 'if-match': p.etag, 'accept-language': 'de-DE,de;q=0.9' } });
    expect(german.status, german.text).toBe(200);
    expect(german.headers.get('content-language')).toBe('de');
    expect(german.body.retained).toEqual({
      interactions: 1,
      until: '2032-12-31',
      legalBasis: 'HGB §257 Abs. 1 Nr. 2 und 3, Abs. 4; AO §147 Abs. 1 Nr. 2 und 3, Abs. 3: empfangene und abgesandte Handels- und Geschäftsbriefe, 6 Jahre',
    });
    const english = await api.call('POST', `${path}?lang=en`, { token: officer, body, headers: { 'if-match': p.etag, 'accept-language': 'de' } });
    expect(english.body.retained.legalBasis).toBe(erased.body.retained.legalBasis);
    expect((await api.call('POST', `${path}?lang=fr`, { token: officer, body, headers: { 'if-match': p.etag } })).status).toBe(400);

    expect((await call(user, 'GET', `/api/interactions/${letter.id}`)).status).toBe(404);
    expect((await call(user, 'GET', `/api/interactions?internetMessageId=${encodeURIComponent(`<order-${p.contact.id}@kunde.example>`)}`)).body.items).toEqual(
      [],
    );
    const timeline = await call(admin, 'GET', `/api/accounts/${p.account.id}/timeline`);
    expect(timeline.body.items.map((i: { id: string }) => i.id)).not.toContain(letter.id);
    const opened = (as: typeof user) =>
      call(as, 'GET', `/api/context?email=${encodeURIComponent(p.email)}&internetMessageId=${encodeURIComponent(`<order-${p.contact.id}@kunde.example>`)}`);
    const pane = await opened(user);
    expect(pane.status).toBe(200);
    expect(pane.body.logged).toEqual([]);
    expect(pane.text).not.toMatch(/Bestellung|20 Stück/);
    expect((await opened(officer)).body.logged.map((i: { id: string }) => i.id)).toEqual([letter.id]);
    for (const gone of [expired.id, privateMail.id]) expect((await call(officer, 'GET', `/api/interactions/${gone}`)).status).toBe(404);

    const kept = await call(officer, 'GET', `/api/interactions/${letter.id}`);
    expect(kept.body).toMatchObject({ subject: 'Bestellung 4711', contactIds: [], accountIds: [] });
    const [row] = await getDb().query<{ retained_until: string; retained_account_ids: string[] }>(
      `SELECT to_char(retained_until, 'YYYY-MM-DD') AS retained_until, retained_account_ids FROM interactions WHERE tenant_id = $1 AND id = $2`,
      [tenantId, letter.id],
    );
    expect(row).toEqual({ retained_until: '2032-12-31', retained_account_ids: [p.account.id] });
    const change = await call(admin, 'PATCH', `/api/interactions/${letter.id}`, { subject: 'geändert' }, kept.headers.get('etag')!);
    expect(change).toMatchObject({ status: 409, body: { reason: 'retained' } });
    const again = await call(user, 'POST', '/api/interactions', {
      type: 'email',
      occurredAt: '2026-11-05T10:00:00Z',
      subject: 'Bestellung 4711',
      internetMessageId: `<order-${p.contact.id}@kunde.example>`,
      accountIds: [p.account.id],
    });
    expect(again).toMatchObject({ status: 409, body: { reason: 'retained' } });
    expect(again.text).not.toMatch(/Bestellung|20 Stück/);
  });

  it('refuses to create or give any contact an erased address again, naming the reason and not the address', async () => {
    const p = await person('Wiederkehr');
    expect((await call(admin, 'POST', `/api/contacts/${p.contact.id}/erase`, { reason: 'Art. 17' }, p.etag)).status).toBe(200);
    expect(await isErasedAddress(getDb(), tenantId, ` ${p.email.toUpperCase()}`)).toBe(true);
    expect(await isErasedAddress(getDb(), tenantId, 'someone.else@kunde.example')).toBe(false);

    const again = await call(user, 'POST', '/api/contacts', { lastName: 'Neu', emails: ['neu@kunde.example', p.email.toUpperCase()] });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ reason: 'erased', errors: [{ field: 'emails[1]' }] });
    expect(again.text).toMatch(/erased at their request/);
    expect(again.text.toLowerCase()).not.toContain(p.email);
    expect(await countRows(getDb(), 'contacts', tenantId, { last_name: 'Neu' })).toBe(0);

    const colleague = await call(user, 'GET', `/api/contacts/${p.colleague.id}`);
    const moved = await call(user, 'PATCH', `/api/contacts/${p.colleague.id}`, { emails: [p.email] }, colleague.headers.get('etag')!);
    expect(moved).toMatchObject({ status: 409, body: { reason: 'erased' } });

    // The Outlook pane sees the address as unknown and marked, so "Add as contact" is not offered blindly.
    const context = await call(user, 'GET', `/api/context?email=${encodeURIComponent(p.email)}&email=stranger@kunde.example`);
    expect(context.body.people).toEqual([
      expect.objectContaining({ email: p.email, status: 'unknown', erased: true }),
      expect.objectContaining({ email: 'stranger@kunde.example', status: 'unknown', erased: false }),
    ]);
  });

  it('keeps tenants apart: the blocklist, the key and the contact belong to one tenant', async () => {
    const p = await person('Getrennt');
    const otherTenant = randomUUID();
    const otherOfficer = await api.token({ tenantId: otherTenant, userId: randomUUID(), roles: ['CRM.Privacy', 'CRM.User'] });
    expect((await call(otherOfficer, 'POST', `/api/contacts/${p.contact.id}/erase`, { reason: 'Art. 17' }, p.etag)).status).toBe(404);
    expect((await call(officer, 'POST', `/api/contacts/${p.contact.id}/erase`, { reason: 'Art. 17' }, p.etag)).status).toBe(200);
    expect(await isErasedAddress(getDb(), otherTenant, p.email)).toBe(false);
    expect((await call(otherOfficer, 'POST', '/api/contacts', { lastName: 'Anderswo', emails: [p.email] })).status).toBe(201);
  });

  it('needs CRM.Privacy or CRM.Admin, If-Match with the current version, and a reason', async () => {
    const p = await person('Zugriff');
    const path = `/api/contacts/${p.contact.id}/erase`;
    for (const token of [user, await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Manager'] })]) {
      expect((await call(token, 'POST', path, { reason: 'Art. 17' }, p.etag)).status).toBe(403);
    }
    expect((await call(officer, 'POST', path, { reason: 'Art. 17' })).status).toBe(428);
    expect((await call(officer, 'POST', path, { reason: 'Art. 17' }, '"7"')).status).toBe(412);
    const noReason = await call(officer, 'POST', path, { reason: '  ' }, p.etag);
    expect(noReason).toMatchObject({ status: 400, body: { errors: [expect.objectContaining({ field: 'reason' })] } });
    expect((await call(admin, 'GET', `/api/contacts/${p.contact.id}`)).status).toBe(200);
    expect((await call(admin, 'POST', path, { reason: 'Art. 17' }, p.etag)).status).toBe(200);
  });

  it('leaves nothing half done when the erasure fails in the middle', async () => {
    const p = await person('Unterbrochen');
    const alone = randomUUID();
    const aloneAdmin = await api.token({ tenantId: alone, userId: randomUUID(), roles: ['CRM.Admin'] });
    const single = await created(aloneAdmin, '/api/contacts', { lastName: 'Einzeln', emails: ['einzeln@solo.example'] });
    // The contact row goes last: failing there means every earlier step already ran inside the transaction.
    await getDb().exec(`
      CREATE FUNCTION interrupt_erasure() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.tenant_id IN ('${tenantId}', '${alone}') THEN RAISE EXCEPTION 'power cut'; END IF;
        RETURN OLD;
      END $$;
      CREATE TRIGGER interrupt_erasure BEFORE DELETE ON contacts FOR EACH ROW EXECUTE FUNCTION interrupt_erasure();`);
    const counted = async () =>
      Object.fromEntries(
        await Promise.all(
          [
            'contacts',
            'contact_emails',
            'consents',
            'interactions',
            'interaction_contacts',
            'tasks',
            'graph_items',
            'erasures',
            'erased_addresses',
            'erased_consent_proofs',
          ].map(async (table) => [table, await countRows(getDb(), table, tenantId)] as const),
        ),
      );
    try {
      const before = await counted();
      const subjects = await getDb().query(`SELECT id, subject, summary, version FROM interactions WHERE tenant_id = $1 ORDER BY id`, [tenantId]);
      const failed = await call(officer, 'POST', `/api/contacts/${p.contact.id}/erase`, { reason: 'Art. 17' }, p.etag);
      expect(failed.status).toBe(500);
      expect(await counted()).toEqual(before);
      expect(await getDb().query(`SELECT id, subject, summary, version FROM interactions WHERE tenant_id = $1 ORDER BY id`, [tenantId])).toEqual(subjects);
      expect(await isErasedAddress(getDb(), tenantId, p.email)).toBe(false);

      // A tenant's first erasure makes its key; a failed one leaves none behind, and no key is remembered.
      const singleEtag = (await call(aloneAdmin, 'GET', `/api/contacts/${single.id}`)).headers.get('etag')!;
      expect((await call(aloneAdmin, 'POST', `/api/contacts/${single.id}/erase`, { reason: 'Art. 17' }, singleEtag)).status).toBe(500);
      expect(await countRows(getDb(), 'privacy_keys', alone)).toBe(0);
    } finally {
      await getDb().exec(`DROP TRIGGER interrupt_erasure ON contacts; DROP FUNCTION interrupt_erasure();`);
    }
    expect((await call(officer, 'POST', `/api/contacts/${p.contact.id}/erase`, { reason: 'Art. 17' }, p.etag)).status).toBe(200);
    const singleEtag = (await call(aloneAdmin, 'GET', `/api/contacts/${single.id}`)).headers.get('etag')!;
    expect((await call(aloneAdmin, 'POST', `/api/contacts/${single.id}/erase`, { reason: 'Art. 17' }, singleEtag)).status).toBe(200);
    expect(await isErasedAddress(getDb(), alone, 'einzeln@solo.example')).toBe(true);
  });
});
