// Possible duplicates and merges on both databases, over HTTP: the pairs the import's rules find (pg_trgm included),
// a merge that moves every piece of history to the survivor, and an undo that puts back exactly what was there.
import { randomUUID } from 'node:crypto';
import type { AppRole } from '@crm/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import type { Actor } from '../../core/actor';
import { auditTrail } from '../../core/audit/audit-store';
import type { Db } from '../../core/db/db';

describeEachDatabase('duplicates and merges', (getDb) => {
  let harness: ApiHarness;
  let actor: Actor;
  let colleague: Actor;
  const tokens = new Map<string, string>();
  const token = async (who: Actor, roles: AppRole[] = ['CRM.Manager']) => {
    const key = `${who.userId}/${roles.join()}`;
    if (!tokens.has(key)) tokens.set(key, await harness.token({ tenantId: who.tenantId, userId: who.userId, name: who.displayName, roles }));
    return tokens.get(key)!;
  };
  const call = async (method: string, path: string, body?: unknown, options: { as?: Actor; roles?: AppRole[]; ifMatch?: string } = {}) =>
    harness.call(method, path, {
      token: await token(options.as ?? actor, options.roles),
      body,
      headers: options.ifMatch ? { 'if-match': options.ifMatch } : {},
    });
  const ok = async (method: string, path: string, body?: unknown, options?: { as?: Actor; ifMatch?: string }) => {
    const response = await call(method, path, body, options);
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${response.text}`);
    return response.body;
  };

  beforeAll(async () => {
    const db = getDb();
    harness = await createApiHarness(db);
    actor = await seedActor(db, { roles: ['CRM.Manager'], name: 'Anna Admin' });
    colleague = await seedActor(db, { tenantId: actor.tenantId, name: 'Bernd Kollege' });
  });

  /** Everything stored about a contact or account, without the version the merge and undo move on. */
  async function stateOf(db: Db, table: 'contacts' | 'accounts', id: string) {
    const q = async (sql: string) => (await db.query<{ v: unknown }>(sql, [actor.tenantId, id])).map((r) => r.v);
    const row = (await db.query<Record<string, unknown>>(`SELECT * FROM ${table} WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, id]))[0];
    if (row) {
      delete row.version;
      delete row.updated_at;
    }
    if (table === 'contacts') {
      return {
        row,
        emails: await q(`SELECT email AS v FROM contact_emails WHERE tenant_id = $1 AND contact_id = $2 ORDER BY email`),
        interactions: await q(`SELECT interaction_id AS v FROM interaction_contacts WHERE tenant_id = $1 AND contact_id = $2 ORDER BY 1`),
        consents: await q(`SELECT id || action || source AS v FROM consents WHERE tenant_id = $1 AND contact_id = $2 ORDER BY 1`),
        tasks: await q(`SELECT id AS v FROM tasks WHERE tenant_id = $1 AND contact_id = $2 ORDER BY 1`),
        opportunities: await q(`SELECT opportunity_id AS v FROM opportunity_contacts WHERE tenant_id = $1 AND contact_id = $2 ORDER BY 1`),
        syncItems: await q(`SELECT kind || ':' || graph_id AS v FROM graph_items WHERE tenant_id = $1 AND record_id = $2 ORDER BY 1`),
        conflicts: await q(`SELECT id AS v FROM sync_conflicts WHERE tenant_id = $1 AND contact_id = $2 ORDER BY 1`),
      };
    }
    return {
      row,
      domains: await q(`SELECT domain AS v FROM account_domains WHERE tenant_id = $1 AND account_id = $2 ORDER BY 1`),
      contacts: await q(`SELECT id AS v FROM contacts WHERE tenant_id = $1 AND account_id = $2 ORDER BY 1`),
      opportunities: await q(`SELECT id AS v FROM opportunities WHERE tenant_id = $1 AND account_id = $2 ORDER BY 1`),
      tasks: await q(`SELECT id AS v FROM tasks WHERE tenant_id = $1 AND account_id = $2 ORDER BY 1`),
      interactions: await q(`SELECT interaction_id || type || is_open AS v FROM interaction_accounts WHERE tenant_id = $1 AND account_id = $2 ORDER BY 1`),
      children: await q(`SELECT id AS v FROM accounts WHERE tenant_id = $1 AND parent_account_id = $2 ORDER BY 1`),
      revenue: await q(`SELECT id AS v FROM account_revenue WHERE tenant_id = $1 AND account_id = $2 ORDER BY 1`),
    };
  }

  describe('contacts', () => {
    let acme: { id: string };
    let survivor: { id: string; etag: string };
    let merged: { id: string; etag: string };
    let onlyMerged: string;
    let shared: string;

    beforeAll(async () => {
      acme = await ok('POST', '/api/accounts', { name: 'Acme Antriebe GmbH' });
      survivor = await ok('POST', '/api/contacts', {
        firstName: 'Jürgen',
        lastName: 'Müller',
        emails: ['j.mueller@acme.de'],
        accountId: acme.id,
        customFields: { schuhgroesse: '42', region: 'Süd' },
      });
      merged = await ok('POST', '/api/contacts', {
        firstName: 'Juergen',
        lastName: 'MUELLER',
        emails: ['jm@acme.de'],
        phones: [{ type: 'mobile', number: '0171 555' }],
        jobTitle: 'Einkauf',
        accountId: acme.id,
        customFields: { schuhgroesse: '43', vip: true },
      });
      await ok('POST', '/api/contacts', { firstName: 'Eva', lastName: 'Schmidt', accountId: acme.id });
      const note = { type: 'email', occurredAt: '2025-03-01T10:00:00Z', subject: 'Angebot', internetMessageId: '<angebot@acme.de>', contactIds: [merged.id] };
      onlyMerged = (await ok('POST', '/api/interactions', note)).id;
      await ok('POST', '/api/interactions', note, { as: colleague });
      shared = (
        await ok('POST', '/api/interactions', { type: 'note', occurredAt: '2025-03-02T10:00:00Z', subject: 'Beide', contactIds: [survivor.id, merged.id] })
      ).id;
      const consent = (contactId: string, action: string, capturedAt: string, channel = 'email', purpose = 'marketing') =>
        ok('POST', '/api/consents', { contactId, channel, purpose, legalBasis: 'consent', action, source: 'Messe 2024, Formular', capturedAt });
      await consent(merged.id, 'withdrawn', '2023-01-10T09:00:00Z');
      await consent(survivor.id, 'granted', '2024-05-01T09:00:00Z');
      await consent(merged.id, 'granted', '2024-06-01T09:00:00Z', 'phone', 'events');
      await ok('POST', '/api/tasks', { title: 'Rückruf', dueDate: '2099-01-15', contactId: merged.id, accountId: acme.id });
      await ok('POST', '/api/opportunities', { accountId: acme.id, name: 'Motoren', contactIds: [merged.id] });
      await ok('POST', '/api/opportunities', { accountId: acme.id, name: 'Getriebe', contactIds: [survivor.id, merged.id] });
      const db = getDb();
      await db.query(
        `INSERT INTO graph_items (tenant_id, user_id, kind, graph_id, record_id) VALUES ($1, $2, 'contact', 'outlook-1', $3), ($1, $2, 'crm_folder_contact', 'folder-1', $3)`,
        [actor.tenantId, colleague.userId, merged.id],
      );
      await db.query(`INSERT INTO sync_conflicts (tenant_id, user_id, contact_id, field, winner) VALUES ($1, $2, $3, 'jobTitle', 'crm')`, [
        actor.tenantId,
        colleague.userId,
        merged.id,
      ]);
      // Etags after the links and consents above (creating links does not change a contact's version).
      survivor = await ok('GET', `/api/contacts/${survivor.id}`);
      merged = await ok('GET', `/api/contacts/${merged.id}`);
    });

    it('lists the two as a likely pair, best score first, and leaves other tenants out', async () => {
      const page = await ok('GET', '/api/duplicates/contacts');
      expect(page.items[0]).toMatchObject({ kind: 'same_name_same_account', score: 1, reason: 'the same first and last name at Acme Antriebe GmbH' });
      expect([page.items[0].first.id, page.items[0].second.id].sort()).toEqual([survivor.id, merged.id].sort());
      expect(page.items[0].first.etag).toMatch(/^"\d+"$/);
      const stranger = await seedActor(getDb(), { roles: ['CRM.Reader'] });
      expect((await ok('GET', '/api/duplicates/contacts', undefined, { as: stranger })).items).toEqual([]);
    });

    it('asks which value to keep where custom fields differ, and refuses stale ETags and non-managers', async () => {
      const path = `/api/contacts/${survivor.id}/merge`;
      const missing = await call('POST', path, { mergedId: merged.id, mergedEtag: merged.etag }, { ifMatch: survivor.etag });
      expect(missing.status).toBe(400);
      expect(missing.body.errors[0]).toMatchObject({
        field: 'customFields.schuhgroesse',
        reason: 'differs between the two records; choose "survivor" or "merged"',
      });
      const body = { mergedId: merged.id, mergedEtag: merged.etag, customFields: { schuhgroesse: 'merged' } };
      expect((await call('POST', path, body, { ifMatch: '"99"' })).status).toBe(412);
      expect((await call('POST', path, { ...body, mergedEtag: '"99"' }, { ifMatch: survivor.etag })).status).toBe(412);
      expect((await call('POST', path, body)).status).toBe(428);
      expect((await call('POST', path, body, { ifMatch: survivor.etag, as: colleague, roles: ['CRM.User'] })).status).toBe(403);
      expect((await call('POST', path, { ...body, mergedId: survivor.id }, { ifMatch: survivor.etag })).body.errors[0].field).toBe('mergedId');
    });

    it('moves every piece of history to the survivor with the most restrictive consent, and undo puts everything back', async () => {
      const db = getDb();
      const before = { survivor: await stateOf(db, 'contacts', survivor.id), merged: await stateOf(db, 'contacts', merged.id) };

      const merge = await ok(
        'POST',
        `/api/contacts/${survivor.id}/merge`,
        { mergedId: merged.id, mergedEtag: merged.etag, customFields: { schuhgroesse: 'merged' }, fields: { firstName: 'survivor' } },
        { ifMatch: survivor.etag },
      );
      expect(merge).toMatchObject({ entity: 'contact', survivorId: survivor.id, mergedId: merged.id, undoneAt: null });
      expect(merge.moved).toEqual({
        interactions: 2,
        opportunities: 2,
        tasks: 1,
        consents: 2,
        appendedConsents: 1,
        syncedContacts: 1,
        syncConflicts: 1,
        restrictions: 0,
      });

      expect((await call('GET', `/api/contacts/${merged.id}`)).status).toBe(404);
      const now = await ok('GET', `/api/contacts/${survivor.id}`);
      expect(now).toMatchObject({
        etag: merge.survivorEtag,
        firstName: 'Jürgen',
        lastName: 'Müller',
        emails: ['j.mueller@acme.de', 'jm@acme.de'],
        phones: [{ type: 'mobile', number: '0171 555' }],
        jobTitle: 'Einkauf',
        customFields: { schuhgroesse: '43', region: 'Süd', vip: true },
      });
      expect((await ok('GET', '/api/contacts?email=jm@acme.de')).items.map((c: { id: string }) => c.id)).toEqual([survivor.id]);
      const email = await ok('GET', `/api/interactions/${onlyMerged}`);
      expect(email.contactIds).toEqual([survivor.id]);
      expect(email.loggedBy.map((l: { displayName: string }) => l.displayName)).toEqual(['Anna Admin', 'Bernd Kollege']);
      expect((await ok('GET', `/api/interactions/${shared}`)).contactIds).toEqual([survivor.id]);

      const consents = await ok('GET', `/api/contacts/${survivor.id}/consents`);
      expect(consents.state.channels).toMatchObject({ email: 'withdrawn', phone: 'granted' });
      expect(consents.history).toHaveLength(4);
      expect(consents.history[0]).toMatchObject({ action: 'withdrawn', source: 'merge', channel: 'email', purpose: 'marketing' });

      const after = await stateOf(db, 'contacts', survivor.id);
      expect(after.tasks).toEqual(before.merged.tasks);
      expect(after.opportunities).toEqual([...new Set([...before.survivor.opportunities, ...before.merged.opportunities])].sort());
      expect(after.syncItems).toEqual(['contact:outlook-1']);
      expect(after.conflicts).toEqual(before.merged.conflicts);
      const trail = async () => (await auditTrail(db, actor.tenantId, 'contact', merged.id)).map((a) => a.action);
      expect(await trail()).toEqual(['create', 'consent', 'consent', 'merge']);

      const undone = await ok('POST', `/api/merges/${merge.id}/undo`);
      expect(undone).toMatchObject({ id: merge.id, undoneAt: expect.any(String) });
      expect(await stateOf(db, 'contacts', survivor.id)).toEqual(before.survivor);
      expect(await stateOf(db, 'contacts', merged.id)).toEqual(before.merged);
      expect((await ok('GET', `/api/interactions/${onlyMerged}`)).contactIds).toEqual([merged.id]);
      expect((await ok('GET', `/api/contacts/${survivor.id}/consents`)).state.channels.email).toBe('granted');
      expect((await trail()).slice(-2)).toEqual(['merge', 'undo-merge']);

      const again = await call('POST', `/api/merges/${merge.id}/undo`);
      expect(again).toMatchObject({ status: 409, body: { reason: 'undone' } });
    });

    it('refuses an undo once the survivor was changed since the merge', async () => {
      const s = await ok('GET', `/api/contacts/${survivor.id}`);
      const m = await ok('GET', `/api/contacts/${merged.id}`);
      const merge = await ok(
        'POST',
        `/api/contacts/${s.id}/merge`,
        { mergedId: m.id, mergedEtag: m.etag, customFields: { schuhgroesse: 'survivor' } },
        { ifMatch: s.etag },
      );
      await ok('PATCH', `/api/contacts/${s.id}`, { jobTitle: 'Leitung Einkauf' }, { ifMatch: merge.survivorEtag });
      expect(await call('POST', `/api/merges/${merge.id}/undo`)).toMatchObject({ status: 409, body: { reason: 'changed_since' } });
      expect((await call('POST', `/api/merges/${randomUUID()}/undo`)).status).toBe(404);
    });

    it('refuses to merge a restricted person', async () => {
      const a = await ok('POST', '/api/contacts', { firstName: 'Rita', lastName: 'Gesperrt' });
      const b = await ok('POST', '/api/contacts', { firstName: 'Rita', lastName: 'Gesperrt' });
      await getDb().query(`INSERT INTO contact_restrictions (tenant_id, contact_id, reason) VALUES ($1, $2, 'Art. 18')`, [actor.tenantId, b.id]);
      const refused = await call('POST', `/api/contacts/${a.id}/merge`, { mergedId: b.id, mergedEtag: b.etag }, { ifMatch: a.etag });
      expect(refused).toMatchObject({ status: 409, body: { reason: 'restricted' } });
      const pairs = (await ok('GET', '/api/duplicates/contacts')).items;
      expect(pairs.some((p: { first: { id: string }; second: { id: string } }) => [p.first.id, p.second.id].includes(b.id))).toBe(false);
    });
  });

  describe('accounts', () => {
    it('lists the same name, the same name in another legal form (different legal entities) and similar names', async () => {
      const tenant = await seedActor(getDb(), { roles: ['CRM.Manager'] });
      for (const name of ['Müller GmbH', 'Müller AG', 'MUELLER gmbh', 'Hoffmann Antriebstechnik', 'Hofmann Antriebstechnik GmbH', 'Schneider KG']) {
        await ok('POST', '/api/accounts', { name }, { as: tenant });
      }
      const page = await ok('GET', '/api/duplicates/accounts?limit=200', undefined, { as: tenant });
      const seen = page.items.map((p: { first: { name: string }; second: { name: string }; kind: string; differentLegalEntities: boolean }) => [
        [p.first.name, p.second.name].sort().join(' / '),
        p.kind,
        p.differentLegalEntities,
      ]);
      expect(seen).toEqual(
        expect.arrayContaining([
          ['MUELLER gmbh / Müller GmbH', 'same_name', false],
          ['Müller AG / Müller GmbH', 'legal_form_differs', true],
          ['MUELLER gmbh / Müller AG', 'legal_form_differs', true],
          ['Hoffmann Antriebstechnik / Hofmann Antriebstechnik GmbH', 'similar_name', false],
        ]),
      );
      expect(seen).toHaveLength(4);
      const firstPage = await ok('GET', '/api/duplicates/accounts?limit=3', undefined, { as: tenant });
      const rest = await ok('GET', `/api/duplicates/accounts?limit=3&cursor=${firstPage.nextCursor}`, undefined, { as: tenant });
      expect([...firstPage.items, ...rest.items]).toEqual(page.items);
      expect(rest.nextCursor).toBeNull();
    });

    it('moves contacts, opportunities, follow-ups, timeline, child accounts, revenue and domains, and undo restores both', async () => {
      const db = getDb();
      const survivor = await ok('POST', '/api/accounts', { name: 'Weiß-Bau AG', domains: ['weiss-bau.de'], customFields: { customerNumber: 'K-7' } });
      let merged = await ok('POST', '/api/accounts', {
        name: 'Weiss Bau AG',
        domains: ['weissbau.com'],
        industry: 'Bau',
        customFields: { customerNumber: 'K-7' },
      });
      const contact = await ok('POST', '/api/contacts', { lastName: 'Bauer', accountId: merged.id });
      await ok('POST', '/api/opportunities', { accountId: merged.id, name: 'Halle' });
      await ok('POST', '/api/tasks', { title: 'Angebot', dueDate: '2099-02-01', accountId: merged.id });
      await ok('POST', '/api/interactions', {
        type: 'complaint',
        occurredAt: '2025-04-01T08:00:00Z',
        subject: 'Riss',
        status: 'open',
        accountIds: [merged.id],
      });
      await ok('POST', '/api/interactions', { type: 'note', occurredAt: '2025-04-02T08:00:00Z', subject: 'Beide', accountIds: [merged.id, survivor.id] });
      await ok('POST', '/api/accounts', { name: 'Weiss Bau Filiale', parentAccountId: merged.id });
      await db.query(
        `INSERT INTO account_revenue (tenant_id, account_id, period_kind, period_start, revenue, source) VALUES ($1, $2, 'year', '2024-01-01', 1234.56, 'api')`,
        [actor.tenantId, merged.id],
      );
      merged = await ok('GET', `/api/accounts/${merged.id}`);
      const pairs = (await ok('GET', '/api/duplicates/accounts?limit=200')).items;
      expect(
        pairs.find((p: { kind: string; first: { id: string }; second: { id: string } }) => p.first.id === merged.id || p.second.id === merged.id),
      ).toMatchObject({
        kind: 'customer_number',
        reason: 'the same customer number K-7; the same name once case, umlauts, ß and punctuation are folded',
      });

      const before = { survivor: await stateOf(db, 'accounts', survivor.id), merged: await stateOf(db, 'accounts', merged.id) };
      const merge = await ok('POST', `/api/accounts/${survivor.id}/merge`, { mergedId: merged.id, mergedEtag: merged.etag }, { ifMatch: survivor.etag });
      expect(merge.moved).toEqual({ contacts: 1, opportunities: 1, tasks: 1, childAccounts: 1, revenue: 1, interactions: 2 });
      expect((await call('GET', `/api/accounts/${merged.id}`)).status).toBe(404);
      expect(await ok('GET', `/api/accounts/${survivor.id}`)).toMatchObject({
        name: 'Weiß-Bau AG',
        industry: 'Bau',
        domains: ['weiss-bau.de', 'weissbau.com'],
      });
      expect((await ok('GET', `/api/contacts/${contact.id}`)).accountId).toBe(survivor.id);
      expect((await ok('GET', '/api/accounts?domain=weissbau.com')).items.map((a: { id: string }) => a.id)).toEqual([survivor.id]);
      const after = await stateOf(db, 'accounts', survivor.id);
      expect(after.interactions).toHaveLength(2);
      expect(after.revenue).toEqual(before.merged.revenue);

      await ok('POST', `/api/merges/${merge.id}/undo`);
      expect(await stateOf(db, 'accounts', survivor.id)).toEqual(before.survivor);
      expect(await stateOf(db, 'accounts', merged.id)).toEqual(before.merged);
    });

    it('refuses to merge accounts that both have revenue for the same period', async () => {
      const db = getDb();
      const a = await ok('POST', '/api/accounts', { name: 'Doppelt GmbH' });
      const b = await ok('POST', '/api/accounts', { name: 'Doppelt GmbH' });
      for (const id of [a.id, b.id]) {
        await db.query(
          `INSERT INTO account_revenue (tenant_id, account_id, period_kind, period_start, revenue, source) VALUES ($1, $2, 'year', '2024-01-01', 10, 'api')`,
          [actor.tenantId, id],
        );
      }
      const refused = await call('POST', `/api/accounts/${a.id}/merge`, { mergedId: b.id, mergedEtag: b.etag }, { ifMatch: a.etag });
      expect(refused).toMatchObject({ status: 409, body: { reason: 'revenue_overlap' } });
      expect(refused.body.detail).toContain('year 2024-01-01');
    });
  });
});
