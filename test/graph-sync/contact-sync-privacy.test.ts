// Contact sync respects data protection: an erased person is not re-created from a colleague's Outlook contacts, and a
// restricted person gets no copy in anyone's CRM folder (Art. 17 and 18; docs/API.md, privacy).
import { beforeAll, expect, it } from 'vitest';
import { restrictContact } from '../../functions/src/features/privacy/restriction';
import { eraseContact } from '../../functions/src/features/privacy/service';
import { describeEachDatabase } from '../support/databases';
import { type SyncWorld, createSyncWorld, useFakeGraph } from '../support/sync-harness';

const graph = useFakeGraph();

describeEachDatabase('contact sync and data protection', (getDb) => {
  let world: SyncWorld;
  beforeAll(async () => {
    world = await createSyncWorld(getDb(), graph());
  });
  const contactsAt = (accountId: string) =>
    world.db.query<{ id: string; emails: string[] }>(`SELECT id, emails FROM contacts WHERE tenant_id = $1 AND account_id = $2 ORDER BY id`, [
      world.tenantId,
      accountId,
    ]);
  const version = async (contactId: string) =>
    (await world.db.query<{ version: number }>('SELECT version FROM contacts WHERE tenant_id = $1 AND id = $2', [world.tenantId, contactId]))[0]!.version;

  it('does not re-create an erased person from an Outlook contact, nor add their address to someone else', async () => {
    const seller = await world.employee('Olga Acht', ['contacts']);
    const kunde = await world.customer('Vergessen GmbH', 'vergessen-kunde.de', ['max.weg', 'lea.bleibt']);
    const [max, lea] = kunde.contactIds;
    await eraseContact(world.db, { ...seller.actor, roles: ['CRM.Privacy'] }, max!, await version(max!), 'Art. 17 request by email');
    graph().model.addContact(seller.mailbox, { givenName: 'Max', surname: 'Weg', emailAddresses: ['max.weg@vergessen-kunde.de'] });
    // Lea's Outlook entry also lists Max's old address: it must not join her record.
    graph().model.addContact(seller.mailbox, {
      givenName: 'Lea',
      surname: 'Bleibt',
      emailAddresses: ['lea.bleibt@vergessen-kunde.de', 'max.weg@vergessen-kunde.de'],
    });
    const [run] = await world.service().runNow(world.tenantId, { userId: seller.actor.userId });
    expect(run).toMatchObject({ outcome: 'synced', created: 0 });
    expect(await contactsAt(kunde.accountId)).toEqual([{ id: lea, emails: ['lea.bleibt@vergessen-kunde.de'] }]);
  });

  it('keeps a restricted person out of the CRM folder, and deletes the copy written before the restriction', async () => {
    const seller = await world.employee('Pia Neun', ['contacts']);
    const kunde = await world.customer('Gesperrt AG', 'gesperrt-kunde.de', ['rolf.frei', 'sara.still'], seller.actor.userId);
    const [, sara] = kunde.contactIds;
    const folderAddresses = () => {
      const folder = [...graph().model.mailbox(seller.mailbox).folders.values()].find((f) => f.displayName === 'CRM')!;
      return graph()
        .model.contacts(seller.mailbox, folder.id)
        .map((c) => c.emailAddresses[0]!.address)
        .sort();
    };
    expect(await world.service().runNow(world.tenantId, { userId: seller.actor.userId })).toMatchObject([{ outcome: 'synced', created: 2 }]);
    expect(folderAddresses()).toEqual(['rolf.frei@gesperrt-kunde.de', 'sara.still@gesperrt-kunde.de']);
    await restrictContact(world.db, { ...seller.actor, roles: ['CRM.Privacy'] }, sara!, 'accuracy contested (Art. 18(1)(a))');
    expect(await world.service().runNow(world.tenantId, { userId: seller.actor.userId })).toMatchObject([{ outcome: 'synced', removed: 1 }]);
    expect(folderAddresses()).toEqual(['rolf.frei@gesperrt-kunde.de']);
  });
});
