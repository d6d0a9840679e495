// Contact sync against what Graph documents and the fake models: contacts with several addresses and no names, delta on
// the default folder's documented path, and both documented 429 answers with Retry-After.
import { ContactPatch } from '@crm/common';
import { beforeAll, expect, it } from 'vitest';
import { changeContact } from '../../functions/src/features/contacts/service';
import { describeEachDatabase } from '../support/databases';
import { type SyncWorld, createSyncWorld, recordingSleep, syncRow, useFakeGraph } from '../support/sync-harness';

const graph = useFakeGraph();

describeEachDatabase('contact sync against documented Graph behaviour', (getDb) => {
  let world: SyncWorld;
  beforeAll(async () => {
    world = await createSyncWorld(getDb(), graph());
  });

  const contactsAt = (accountId: string) =>
    world.db.query<{ id: string; first_name: string; last_name: string; emails: string[] }>(
      `SELECT id, first_name, last_name, emails FROM contacts WHERE tenant_id = $1 AND account_id = $2 ORDER BY last_name, id`,
      [world.tenantId, accountId],
    );

  it('links a contact whose first address is private by its business address, and keeps every address', async () => {
    const seller = await world.employee('Rita Mehr', ['contacts']);
    const kunde = await world.customer('Mehrfach Kunde GmbH', 'mehrfach-kunde.de', ['paul.lang']);
    const paul = (await contactsAt(kunde.accountId))[0]!;
    graph().model.addContact(seller.mailbox, {
      givenName: 'Paul',
      surname: 'Lang',
      emailAddresses: ['paul.lang.privat@gmail.com', 'Paul.Lang@Mehrfach-Kunde.de'],
    });
    const [run] = await world.service().runNow(world.tenantId, { userId: seller.actor.userId });
    expect(run).toMatchObject({ outcome: 'synced', created: 0 });
    expect(await contactsAt(kunde.accountId)).toEqual([
      expect.objectContaining({ id: paul.id, emails: ['paul.lang@mehrfach-kunde.de', 'paul.lang.privat@gmail.com'] }),
    ]);
    // Meetings with the private address now reach Paul too; a second run changes nothing.
    expect(await world.service().runNow(world.tenantId, { userId: seller.actor.userId, full: true })).toMatchObject([{ created: 0, updated: 0 }]);
  });

  it('creates a new person once, at the account of any address, with all addresses, also when Outlook holds them twice', async () => {
    const seller = await world.employee('Sven Zwei', ['contacts']);
    const kunde = await world.customer('Zweimal AG', 'zweimal.de', []);
    graph().model.addContact(seller.mailbox, {
      givenName: 'Tina',
      surname: 'Doppel',
      emailAddresses: ['tina.doppel@web.de', 'tina.doppel@zweimal.de'],
    });
    graph().model.addContact(seller.mailbox, { givenName: 'Tina', surname: 'D.', emailAddresses: ['tina.doppel@zweimal.de', 't.d@zweimal.de'] });
    const [run] = await world.service().runNow(world.tenantId, { userId: seller.actor.userId });
    expect(run).toMatchObject({ outcome: 'synced', created: 1 });
    expect(await contactsAt(kunde.accountId)).toEqual([
      expect.objectContaining({ first_name: 'Tina', last_name: 'Doppel', emails: ['tina.doppel@web.de', 'tina.doppel@zweimal.de', 't.d@zweimal.de'] }),
    ]);
  });

  it('syncs contacts whose givenName, surname and displayName are all null', async () => {
    const seller = await world.employee('Uwe Leer', ['contacts']);
    const kunde = await world.customer('Namenlos KG', 'namenlos.de', ['vera.bekannt']);
    graph().model.addContact(seller.mailbox, { givenName: null, surname: null, displayName: null, emailAddresses: ['einkauf@namenlos.de'] });
    graph().model.addContact(seller.mailbox, { givenName: null, surname: null, displayName: null, emailAddresses: ['vera.bekannt@namenlos.de'] });
    graph().model.addContact(seller.mailbox, { givenName: null, surname: null, displayName: null, emailAddresses: [] });
    const raw = graph().model.contacts(seller.mailbox);
    expect(raw.map((c) => [c.givenName, c.surname, c.displayName])).toContainEqual([null, null, null]);
    const [run] = await world.service().runNow(world.tenantId, { userId: seller.actor.userId });
    expect(run).toMatchObject({ outcome: 'synced', created: 1, error: null });
    expect((await contactsAt(kunde.accountId)).map((c) => [c.first_name, c.last_name, c.emails])).toEqual([
      ['Vera', 'Bekannt', ['vera.bekannt@namenlos.de']],
      ['', 'einkauf', ['einkauf@namenlos.de']],
    ]);
    expect(await syncRow(world.db, world.tenantId, seller.actor.userId, 'contacts')).toMatchObject({ status: 'active' });
  });

  it('reads contact delta on the default folder by id (the documented path), never /users/{id}/contacts/delta', async () => {
    const seller = await world.employee('Wim Pfad', ['contacts']);
    graph().model.addContact(seller.mailbox, { givenName: 'Xaver', surname: 'Pfad', emailAddresses: ['xaver@pfad-kunde.de'] });
    graph().resetStats();
    const service = world.service();
    expect(await service.runNow(world.tenantId, { userId: seller.actor.userId })).toMatchObject([{ outcome: 'synced' }]);
    const folderId = graph().model.mailbox(seller.mailbox).defaultFolderId;
    const deltaPaths = graph()
      .requests.filter((r) => r.mailbox === seller.mailbox && r.path.endsWith('/delta'))
      .map((r) => r.path.replace(/^\/v1\.0/, ''));
    expect(deltaPaths).toEqual([`/users/${seller.mailbox}/contactFolders/${folderId}/contacts/delta`]);
    expect(graph().countRequests({ mailbox: seller.mailbox, status: 400 })).toBe(0);
    // An incremental round goes on from Graph's deltaLink on the same folder.
    expect(await service.runNow(world.tenantId, { userId: seller.actor.userId })).toMatchObject([{ outcome: 'synced', requests: 1 }]);
    expect(graph().requests.at(-1)!.path).toBe(`/v1.0/users/${seller.mailbox}/contactFolders/${folderId}/contacts/delta`);
  });

  it('waits out both documented 429 answers (TooManyRequests, ApplicationThrottled) for their Retry-After and finishes', async () => {
    const seller = await world.employee('Yara Bremse', ['contacts']);
    graph().model.addContact(seller.mailbox, { givenName: 'Zeno', surname: 'Bremse', emailAddresses: ['zeno@bremse-kunde.de'] });
    graph().faults.add({ match: { mailbox: seller.mailbox, pathIncludes: '/contacts/delta' }, status: 429, retryAfterSeconds: 7 });
    graph().faults.add({ match: { mailbox: seller.mailbox, pathIncludes: '/contacts/delta' }, status: 429, code: 'ApplicationThrottled', retryAfterSeconds: 3 });
    const { sleep, waits } = recordingSleep();
    const [run] = await world.service({ sleep }).runNow(world.tenantId, { userId: seller.actor.userId });
    expect(run).toMatchObject({ outcome: 'synced', error: null });
    expect(waits.filter((ms) => ms >= 1000)).toEqual([7000, 3000]);
    expect(graph().faults.pending()).toEqual([]);
    expect(graph().countRequests({ mailbox: seller.mailbox, status: 429 })).toBe(2);
  });

  it("writes up to Outlook's three addresses to the CRM folder and rewrites the copy when the CRM contact's addresses change", async () => {
    const seller = await world.employee('Ada Ordner', ['contacts']);
    const own = await world.customer('Ordner Kunde AG', 'ordner-kunde.de', ['bea.vier'], seller.actor.userId);
    const bea = (await contactsAt(own.accountId))[0]!;
    const admin = { ...seller.actor, roles: ['CRM.Admin' as const] };
    const addresses = ['bea.vier@ordner-kunde.de', 'bea@ordner-kunde.de', 'b.vier@ordner-kunde.de', 'bea.privat@web.de'];
    await changeContact(world.db, admin, bea.id, 1, ContactPatch.parse({ emails: addresses }));
    const service = world.service();
    expect(await service.runNow(world.tenantId, { userId: seller.actor.userId })).toMatchObject([{ outcome: 'synced', created: 1 }]);
    const folder = [...graph().model.mailbox(seller.mailbox).folders.values()].find((f) => f.displayName === 'CRM')!;
    const copy = () => graph().model.contacts(seller.mailbox, folder.id).map((c) => c.emailAddresses.map((e) => e.address));
    expect(copy()).toEqual([addresses.slice(0, 3)]);
    await changeContact(world.db, admin, bea.id, 2, ContactPatch.parse({ emails: ['bea.privat@web.de', 'bea.vier@ordner-kunde.de'] }));
    expect(await service.runNow(world.tenantId, { userId: seller.actor.userId })).toMatchObject([{ outcome: 'synced', updated: 1 }]);
    expect(copy()).toEqual([['bea.privat@web.de', 'bea.vier@ordner-kunde.de']]);
    expect(await service.runNow(world.tenantId, { userId: seller.actor.userId })).toMatchObject([{ created: 0, updated: 0, removed: 0 }]);
  });
});
