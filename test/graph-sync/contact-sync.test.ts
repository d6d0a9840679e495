// Contact sync against the fake Graph: link by email, create under the tenant's policy with the duplicate check, push the CRM folder, resolve conflicts.
import { ContactPatch } from '@crm/common';
import { beforeAll, expect, it } from 'vitest';
import { changeContact } from '../../functions/src/features/contacts/service';
import { listConflicts } from '../../functions/src/features/sync/store/graph-items-store';
import { getSettings } from '../../functions/src/features/settings';
import { putSettings } from '../../functions/src/features/settings/store';
import { describeEachDatabase } from '../support/databases';
import { type SyncWorld, createSyncWorld, syncRow, useFakeGraph } from '../support/sync-harness';

const graph = useFakeGraph();

describeEachDatabase('contact sync', (getDb) => {
  let world: SyncWorld;
  beforeAll(async () => {
    world = await createSyncWorld(getDb(), graph());
  });

  const policy = async (contactCreation: 'never' | 'known_domains' | 'all') => {
    const current = await getSettings(world.db, world.tenantId);
    const { etag, ...settings } = current;
    await putSettings(world.db, world.tenantId, { ...settings, graphSync: { ...settings.graphSync, contactCreation } }, Number(etag.replaceAll('"', '')));
  };
  const contactsAt = (accountId: string) =>
    world.db.query<{ id: string; first_name: string; last_name: string; emails: string[]; owner_id: string | null }>(
      `SELECT id, first_name, last_name, emails, owner_id FROM contacts WHERE tenant_id = $1 AND account_id = $2 ORDER BY last_name`,
      [world.tenantId, accountId],
    );
  const countWhere = async (sql: string, params: unknown[]) =>
    Number((await world.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0]!.n);

  it('links Outlook contacts by email, creates new people at known domains once, and never guesses from free-mail', async () => {
    await policy('known_domains');
    const seller = await world.employee('Gina Vogel', ['contacts']);
    const kunde = await world.customer('Vier Kunde GmbH', 'vier-kunde.de', ['peter.lang']);
    graph().model.addContact(seller.mailbox, { givenName: 'Peter', surname: 'Lang', emailAddresses: ['Peter.Lang@Vier-Kunde.de'] });
    graph().model.addContact(seller.mailbox, {
      givenName: 'Nina',
      surname: 'Neu',
      jobTitle: 'Einkauf',
      businessPhones: ['+49 30 1234'],
      emailAddresses: ['nina.neu@vier-kunde.de'],
    });
    graph().model.addContact(seller.mailbox, { givenName: 'Peter', surname: 'Lang', emailAddresses: ['p.lang.privat@vier-kunde.de'] });
    graph().model.addContact(seller.mailbox, { givenName: 'Otto', surname: 'Fremd', emailAddresses: ['otto@unbekannt-firma.de'] });
    graph().model.addContact(seller.mailbox, { givenName: 'Max', surname: 'Privat', emailAddresses: ['max.privat@gmail.com'] });
    const service = world.service();
    const [first] = await service.runNow(world.tenantId, { userId: seller.actor.userId });
    expect(first).toMatchObject({ outcome: 'synced', created: 1 });
    const people = await contactsAt(kunde.accountId);
    // The second "Peter Lang" passes the duplicate check as the same person: linked, and his other address joins him.
    expect(people.map((p) => [p.first_name, p.last_name, p.emails])).toEqual([
      ['Peter', 'Lang', ['peter.lang@vier-kunde.de', 'p.lang.privat@vier-kunde.de']],
      ['Nina', 'Neu', ['nina.neu@vier-kunde.de']],
    ]);
    expect(people[1]!.owner_id).toBe(seller.actor.userId);
    expect(await countWhere(`graph_items WHERE tenant_id = $1 AND user_id = $2 AND kind = 'contact'`, [world.tenantId, seller.actor.userId])).toBe(3);
    expect(await countWhere(`account_domains WHERE tenant_id = $1 AND domain IN ('unbekannt-firma.de', 'gmail.com')`, [world.tenantId])).toBe(0);
    // A second run (and a replayed one) creates nothing more.
    expect(await service.runNow(world.tenantId, { userId: seller.actor.userId, full: true })).toMatchObject([{ outcome: 'synced', created: 0 }]);
    expect(await contactsAt(kunde.accountId)).toHaveLength(2);
  });

  it('with the policy "all" creates accounts for unknown company domains but never for free-mail', async () => {
    await policy('all');
    const seller = await world.employee('Hans Berg', ['contacts']);
    graph().model.addContact(seller.mailbox, {
      givenName: 'Otto',
      surname: 'Fremd',
      companyName: 'Fremd Technik AG',
      emailAddresses: ['otto@fremd-technik.de'],
    });
    graph().model.addContact(seller.mailbox, { givenName: 'Mia', surname: 'Web', emailAddresses: ['mia.web@web.de'] });
    await world.service().runNow(world.tenantId, { userId: seller.actor.userId });
    const accounts = await world.db.query<{ name: string }>(
      `SELECT a.name FROM accounts a JOIN account_domains d ON d.tenant_id = a.tenant_id AND d.account_id = a.id WHERE a.tenant_id = $1 AND d.domain IN ('fremd-technik.de', 'web.de')`,
      [world.tenantId],
    );
    expect(accounts.map((a) => a.name)).toEqual(['Fremd Technik AG']);
    expect(await countWhere(`contacts WHERE tenant_id = $1 AND 'mia.web@web.de' = ANY(emails) AND account_id IS NULL`, [world.tenantId])).toBe(1);
    await policy('known_domains');
  });

  it('writes the contacts of owned accounts to a CRM folder and keeps it current, at most 4 requests at once', async () => {
    const seller = await world.employee('Ida Kern', ['contacts']);
    const own = await world.customer('Eigene Kunde AG', 'eigene-kunde.de', ['a.eins', 'b.zwei', 'c.drei', 'd.vier', 'e.fuenf', 'f.sechs'], seller.actor.userId);
    graph().setLatency(30);
    const service = world.service();
    const [first] = await service.runNow(world.tenantId, { userId: seller.actor.userId });
    expect(first).toMatchObject({ outcome: 'synced', created: 6 });
    expect(graph().peakConcurrency.get(seller.mailbox)).toBeLessThanOrEqual(4);
    const folder = [...graph().model.mailbox(seller.mailbox).folders.values()].find((f) => f.displayName === 'CRM')!;
    expect(
      graph()
        .model.contacts(seller.mailbox, folder.id)
        .map((c) => c.emailAddresses[0]!.address)
        .sort(),
    ).toEqual(['a.eins', 'b.zwei', 'c.drei', 'd.vier', 'e.fuenf', 'f.sechs'].map((p) => `${p}@eigene-kunde.de`));
    expect(await service.runNow(world.tenantId, { userId: seller.actor.userId })).toMatchObject([{ created: 0, updated: 0, removed: 0, requests: 1 }]);

    const contact = (await contactsAt(own.accountId))[0]!;
    const actor = { ...seller.actor, roles: ['CRM.Admin' as const] };
    await changeContact(world.db, actor, contact.id, 1, ContactPatch.parse({ jobTitle: 'Geschäftsführung' }));
    expect(await service.runNow(world.tenantId, { userId: seller.actor.userId })).toMatchObject([{ created: 0, updated: 1, removed: 0 }]);
    expect(
      graph()
        .model.contacts(seller.mailbox, folder.id)
        .filter((c) => c.jobTitle === 'Geschäftsführung'),
    ).toHaveLength(1);

    // The account changes hands: its contacts leave this seller's folder.
    await world.db.query(`UPDATE accounts SET owner_id = NULL WHERE tenant_id = $1 AND id = $2`, [world.tenantId, own.accountId]);
    const [second] = await service.runNow(world.tenantId, { userId: seller.actor.userId });
    expect(second).toMatchObject({ outcome: 'synced', removed: 6 });
    expect(graph().model.contacts(seller.mailbox, folder.id)).toHaveLength(0);
  });

  it('finishes an interrupted push on the next run without writing any contact twice', async () => {
    const seller = await world.employee('Jan Ruf', ['contacts']);
    await world.customer('Push Kunde KG', 'push-kunde.de', ['g.eins', 'h.zwei', 'i.drei', 'j.vier', 'k.fuenf'], seller.actor.userId);
    graph().faults.add({ match: { mailbox: seller.mailbox, method: 'POST', pathIncludes: '/contacts' }, kind: 'reset', afterRequests: 2 });
    const service = world.service();
    const [broken] = await service.runNow(world.tenantId, { userId: seller.actor.userId });
    expect(broken!.outcome).toBe('failed');
    expect(await syncRow(world.db, world.tenantId, seller.actor.userId, 'contacts')).toMatchObject({ status: 'failed', stage: 'push' });
    const [fixed] = await service.runNow(world.tenantId, { userId: seller.actor.userId });
    expect(fixed!.outcome).toBe('synced');
    const folder = [...graph().model.mailbox(seller.mailbox).folders.values()].find((f) => f.displayName === 'CRM')!;
    const addresses = graph()
      .model.contacts(seller.mailbox, folder.id)
      .map((c) => c.emailAddresses[0]!.address);
    expect(addresses.sort()).toEqual(['g.eins', 'h.zwei', 'i.drei', 'j.vier', 'k.fuenf'].map((p) => `${p}@push-kunde.de`).sort());
  });

  it('lets the newer change win when both sides changed a field, and records the conflict for admins', async () => {
    const seller = await world.employee('Kai Lenz', ['contacts']);
    const kunde = await world.customer('Konflikt GmbH', 'konflikt.de', ['lea.sommer']);
    const outlook = graph().model.addContact(seller.mailbox, {
      givenName: 'Lea',
      surname: 'Sommer',
      jobTitle: 'Einkauf',
      emailAddresses: ['lea.sommer@konflikt.de'],
    });
    const service = world.service();
    await service.runNow(world.tenantId, { userId: seller.actor.userId });
    const lea = (await contactsAt(kunde.accountId))[0]!;
    const admin = { ...seller.actor, roles: ['CRM.Admin' as const] };
    const current = await world.db.query<{ version: number }>(`SELECT version FROM contacts WHERE tenant_id = $1 AND id = $2`, [world.tenantId, lea.id]);
    await changeContact(world.db, admin, lea.id, current[0]!.version, ContactPatch.parse({ jobTitle: 'Leitung Einkauf (CRM)' }));
    await new Promise((r) => setTimeout(r, 20));
    graph().model.updateContact(seller.mailbox, outlook.id, { jobTitle: 'Head of Purchasing (Outlook)' });
    await service.runNow(world.tenantId, { userId: seller.actor.userId });
    const after = await world.db.query<{ job_title: string }>(`SELECT job_title FROM contacts WHERE tenant_id = $1 AND id = $2`, [world.tenantId, lea.id]);
    expect(after[0]!.job_title).toBe('Head of Purchasing (Outlook)');
    const conflicts = (await listConflicts(world.db, world.tenantId)).filter((c) => c.contactId === lea.id);
    expect(conflicts).toMatchObject([
      { field: 'jobTitle', crmValue: 'Leitung Einkauf (CRM)', outlookValue: 'Head of Purchasing (Outlook)', winner: 'outlook', contactName: 'Lea Sommer' },
    ]);
  });
});
