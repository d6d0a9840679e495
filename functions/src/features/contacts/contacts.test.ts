// Contacts: one contact per normalised email address and tenant, search and paging, optimistic updates, same-tenant references.
import { AccountCreate, ContactCreate, ContactListQuery } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import { allPages, countRows, domainError } from '../../../../test/support/domain-expect';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { changeContact, createContact, readContact, removeContact, searchContacts } from './service';

describeEachDatabase('contacts', (getDb) => {
  let actor: Actor;
  beforeAll(async () => {
    actor = await seedActor(getDb());
  });

  // Input goes through the shared contract, as the API hands it to the domain (trimmed, lower-cased emails).
  const create = (input: z.input<typeof ContactCreate>, as = actor) => createContact(getDb(), as, ContactCreate.parse(input));
  const search = (query: z.input<typeof ContactListQuery>, as = actor) => searchContacts(getDb(), as, ContactListQuery.parse(query));
  const account = async (name: string, as = actor) => (await createAccount(getDb(), as, AccountCreate.parse({ name }))).value.id;

  it('stores emails trimmed and lower-cased, each once, and finds the contact by any spelling of them', async () => {
    const { value } = await create({
      firstName: 'Maria',
      lastName: 'Sommer',
      emails: [' Maria.Sommer@Example.DE', 'maria.sommer@example.de', 'M.Sommer@example.de'],
    });
    expect(value).toMatchObject({ displayName: 'Maria Sommer', emails: ['maria.sommer@example.de', 'm.sommer@example.de'] });
    expect((await search({ email: 'MARIA.SOMMER@example.de ' })).items.map((c) => c.id)).toEqual([value.id]);
    expect(await countRows(getDb(), 'contact_emails', actor.tenantId, { contact_id: value.id })).toBe(2);
  });

  it('refuses an email another contact of the tenant has, whatever its case, and names that contact', async () => {
    const holder = (await create({ lastName: 'Erster', emails: ['shared@firma.de'] })).value;
    const error = await domainError(create({ lastName: 'Zweiter', emails: ['new@firma.de', 'SHARED@Firma.de'] }), 'conflict');
    expect(error).toMatchObject({ field: 'emails', details: { existingId: holder.id } });
    expect((await search({ q: 'Zweiter' })).items).toEqual([]);
    // The rolled-back create left no claim on its other address either.
    expect((await create({ lastName: 'Dritter', emails: ['new@firma.de'] })).created).toBe(true);

    const elsewhere = await seedActor(getDb());
    expect((await create({ lastName: 'Anderswo', emails: ['shared@firma.de'] }, elsewhere)).created).toBe(true);
  });

  it('moves an address on update: the old one is free again, a taken one rolls the update back', async () => {
    const first = (await create({ lastName: 'Umzug', emails: ['alt@umzug.de'] })).value;
    const second = (await create({ lastName: 'Besetzt', emails: ['besetzt@umzug.de'] })).value;
    await changeContact(getDb(), actor, first.id, 1, { emails: ['neu@umzug.de'] });
    expect((await create({ lastName: 'Nachmieter', emails: ['alt@umzug.de'] })).created).toBe(true);

    const error = await domainError(changeContact(getDb(), actor, first.id, 2, { emails: ['neu@umzug.de', 'besetzt@umzug.de'] }), 'conflict');
    expect(error).toMatchObject({ field: 'emails', details: { existingId: second.id } });
    expect(await readContact(getDb(), actor, first.id)).toMatchObject({ etag: '"2"', emails: ['neu@umzug.de'] });
    expect((await search({ email: 'neu@umzug.de' })).items.map((c) => c.id)).toEqual([first.id]);
  });

  it('answers a retried create with the same client id with the stored contact and keeps one row', async () => {
    const id = randomUUID();
    const first = await create({ id, lastName: 'Wiederholt', emails: ['retry@contact.de'] });
    const second = await create({ id, lastName: 'Wiederholt', emails: ['retry@contact.de'] });
    expect([first.created, second.created]).toEqual([true, false]);
    expect(second.value).toEqual(first.value);
    expect(await countRows(getDb(), 'contacts', actor.tenantId, { id })).toBe(1);
  });

  it('searches names and emails and filters by account, owner and buying role', async () => {
    const tenant = await seedActor(getDb());
    const keller = await account('Keller', tenant);
    const karl = (await create({ firstName: 'Karl', lastName: 'Keller', emails: ['karl@keller.de'], accountId: keller, buyingRole: 'decision_maker' }, tenant))
      .value;
    const eva = (await create({ firstName: 'Eva', lastName: 'Braun', emails: ['eva@braun.de'], ownerId: tenant.userId }, tenant)).value;
    const ids = async (query: z.input<typeof ContactListQuery>) => (await search(query, tenant)).items.map((c) => c.id);
    expect(await ids({ q: 'karl kel' })).toEqual([karl.id]);
    expect(await ids({ q: 'BRAUN' })).toEqual([eva.id]);
    expect(await ids({ q: '@braun.de' })).toEqual([eva.id]);
    expect(await ids({ accountId: keller })).toEqual([karl.id]);
    expect(await ids({ ownerId: tenant.userId })).toEqual([eva.id]);
    expect(await ids({ buyingRole: 'decision_maker' })).toEqual([karl.id]);
    expect((await search({ accountId: keller }, tenant)).items[0]!.accountName).toBe('Keller');
  });

  it('walks all pages by last name, first name and id without repeats or gaps', async () => {
    const tenant = await seedActor(getDb());
    const people: [string, string][] = [
      ['anna', 'meier'],
      ['Anna', 'Meier'],
      ['bert', 'meier'],
      ['carl', 'adam'],
      ['Dora', 'Zander'],
      ['emil', 'adam'],
      ['anna', 'MEIER'],
    ];
    const stored = [];
    for (const [firstName, lastName] of people) stored.push((await create({ firstName, lastName }, tenant)).value);
    const key = (c: { firstName: string; lastName: string; id: string }) => `${c.lastName.toLowerCase()} ${c.firstName.toLowerCase()} ${c.id}`;
    const expected = stored.sort((x, y) => (key(x) < key(y) ? -1 : 1)).map((c) => c.id);
    const pages = await allPages((cursor) => search({ limit: 3, cursor }, tenant));
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat().map((c) => c.id)).toEqual(expected);
  });

  it('updates with the version read, and refuses a stale version or a missing contact', async () => {
    const { value } = await create({ lastName: 'Version' });
    expect(await changeContact(getDb(), actor, value.id, 1, { jobTitle: 'Einkauf' })).toMatchObject({ jobTitle: 'Einkauf', etag: '"2"' });
    await domainError(changeContact(getDb(), actor, value.id, 1, { jobTitle: 'Vertrieb' }), 'precondition_failed');
    await domainError(changeContact(getDb(), actor, randomUUID(), 1, { jobTitle: 'Vertrieb' }), 'not_found');
    expect((await readContact(getDb(), actor, value.id)).jobTitle).toBe('Einkauf');
  });

  it('deletes with the version read and frees the email addresses', async () => {
    const { value } = await create({ lastName: 'Weg', emails: ['weg@contact.de'] });
    await domainError(removeContact(getDb(), actor, value.id, 7), 'precondition_failed');
    await removeContact(getDb(), actor, value.id, 1);
    await domainError(readContact(getDb(), actor, value.id), 'not_found');
    await domainError(removeContact(getDb(), actor, value.id, 1), 'not_found');
    expect((await create({ lastName: 'Neu', emails: ['weg@contact.de'] })).created).toBe(true);
  });

  it("refuses another tenant's account or user as reference and names the field", async () => {
    const stranger = await seedActor(getDb());
    const foreign = await account('Fremd', stranger);
    expect(await domainError(create({ lastName: 'Falsch', accountId: foreign }), 'invalid')).toMatchObject({ field: 'accountId' });
    expect(await domainError(create({ lastName: 'Falsch', ownerId: stranger.userId }), 'invalid')).toMatchObject({ field: 'ownerId' });
    const mine = (await create({ lastName: 'Richtig' })).value;
    expect(await domainError(changeContact(getDb(), actor, mine.id, 1, { accountId: foreign }), 'invalid')).toMatchObject({ field: 'accountId' });
    expect((await search({ q: 'Falsch' })).items).toEqual([]);
  });
});
