// Accounts: idempotent create, search and stable paging, optimistic updates, one account per domain, references within the tenant.
import { AccountCreate, AccountListQuery } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import { allPages, countRows, domainError } from '../../../../test/support/domain-expect';
import type { Actor } from '../../core/actor';
import { changeAccount, createAccount, readAccount, removeAccount, searchAccounts } from './service';
import { createContact } from '../contacts';

describeEachDatabase('accounts', (getDb) => {
  let actor: Actor;
  beforeAll(async () => {
    actor = await seedActor(getDb());
  });

  const create = (input: z.input<typeof AccountCreate>, as = actor) => createAccount(getDb(), as, AccountCreate.parse(input));
  const search = (query: z.input<typeof AccountListQuery>, as = actor) => searchAccounts(getDb(), as, AccountListQuery.parse(query));

  it('creates an account with its fields and the name of its owner', async () => {
    const { value, created } = await create({ name: 'Keller Pumpen GmbH', domains: ['Keller-Pumpen.de'], segment: 'Mittelstand', ownerId: actor.userId });
    expect(created).toBe(true);
    expect(value).toMatchObject({ name: 'Keller Pumpen GmbH', domains: ['keller-pumpen.de'], segment: 'Mittelstand', ownerName: 'Test User', etag: '"1"' });
    expect(await readAccount(getDb(), actor, value.id)).toEqual(value);
  });

  it('answers a retried create with the same client id with the stored account and keeps one row', async () => {
    const id = randomUUID();
    const first = await create({ id, name: 'Retry AG', domains: ['retry.de'] });
    const second = await create({ id, name: 'Retry AG (second attempt)', domains: ['retry.de'] });
    expect([first.created, second.created]).toEqual([true, false]);
    expect(second.value).toEqual(first.value);
    expect(await countRows(getDb(), 'accounts', actor.tenantId, { id })).toBe(1);
  });

  it('searches names and domains case-insensitively and takes search text literally', async () => {
    const tenant = await seedActor(getDb());
    await create({ name: 'Brauerei Adler', domains: ['adler-bier.de'] }, tenant);
    await create({ name: '100% Service KG' }, tenant);
    const names = async (q: string) => (await search({ q }, tenant)).items.map((a) => a.name);
    expect(await names('ADLER')).toEqual(['Brauerei Adler']);
    expect(await names('bier.de')).toEqual(['Brauerei Adler']);
    expect(await names('0%')).toEqual(['100% Service KG']);
    expect(await names('_')).toEqual([]);
  });

  it('filters by segment, industry, owner and exact domain', async () => {
    const tenant = await seedActor(getDb());
    const a = (await create({ name: 'Alpha', segment: 'Enterprise', industry: 'Chemie', ownerId: tenant.userId, domains: ['alpha.de'] }, tenant)).value;
    const b = (await create({ name: 'Beta', segment: 'KMU', industry: 'Chemie', domains: ['sub.alpha.de'] }, tenant)).value;
    const ids = async (query: z.input<typeof AccountListQuery>) => (await search(query, tenant)).items.map((x) => x.id);
    expect(await ids({ segment: 'Enterprise' })).toEqual([a.id]);
    expect(await ids({ industry: 'Chemie' })).toEqual([a.id, b.id]);
    expect(await ids({ ownerId: tenant.userId })).toEqual([a.id]);
    expect(await ids({ domain: 'alpha.de' })).toEqual([a.id]);
  });

  it('walks all pages in (name, id) order without repeats or gaps, even for equal names and while rows are added', async () => {
    const tenant = await seedActor(getDb());
    const names = ['delta', 'Delta', 'DELTA', 'alpha', 'Charlie', 'charlie', 'bravo', 'Echo', 'echo', 'foxtrot', 'Bravo', 'golf', 'hotel'];
    const stored = [];
    for (const name of names) stored.push((await create({ name }, tenant)).value);
    const key = (a: { name: string; id: string }) => `${a.name.toLowerCase()} ${a.id}`;
    const expected = stored.sort((x, y) => (key(x) < key(y) ? -1 : 1)).map((a) => a.id);

    let ahead = '';
    const pages = await allPages(async (cursor) => {
      if (cursor && !ahead) {
        // Keyset paging: a row added behind the cursor does not shift later pages; one ahead of it shows up.
        await create({ name: 'aaa' }, tenant);
        ahead = (await create({ name: 'zulu' }, tenant)).value.id;
      }
      return search({ limit: 4, cursor }, tenant);
    });
    expect(pages.map((p) => p.length)).toEqual([4, 4, 4, 2]);
    expect(pages.flat().map((a) => a.id)).toEqual([...expected, ahead]);
  });

  it('rejects a cursor it did not issue as an invalid query parameter', async () => {
    const error = await domainError(search({ cursor: 'bm90LWEtY3Vyc29y' }), 'invalid');
    expect(error).toMatchObject({ field: 'cursor', location: 'query' });
  });

  it('updates with the version read, and refuses a stale version or a missing account', async () => {
    const { value } = await create({ name: 'Versioniert GmbH' });
    const changed = await changeAccount(getDb(), actor, value.id, 1, { rating: 'A', name: 'Versioniert AG' });
    expect(changed).toMatchObject({ rating: 'A', name: 'Versioniert AG', etag: '"2"' });
    await domainError(changeAccount(getDb(), actor, value.id, 1, { rating: 'C' }), 'precondition_failed');
    expect((await readAccount(getDb(), actor, value.id)).rating).toBe('A');
    await domainError(changeAccount(getDb(), actor, randomUUID(), 1, { rating: 'C' }), 'not_found');
  });

  it('deletes with the version read and frees the domains', async () => {
    const { value } = await create({ name: 'Kurzlebig GmbH', domains: ['kurzlebig.de'] });
    await domainError(removeAccount(getDb(), actor, value.id, 2), 'precondition_failed');
    await removeAccount(getDb(), actor, value.id, 1);
    await domainError(readAccount(getDb(), actor, value.id), 'not_found');
    await domainError(removeAccount(getDb(), actor, value.id, 1), 'not_found');
    expect((await create({ name: 'Nachfolger GmbH', domains: ['kurzlebig.de'] })).created).toBe(true);
  });

  it('refuses to delete an account that contacts still belong to', async () => {
    const { value } = await create({ name: 'Belegt GmbH' });
    await createContact(getDb(), actor, {
      lastName: 'Bleibt',
      firstName: '',
      emails: [],
      phones: [],
      accountId: value.id,
      communicationPreferences: {},
      customFields: {},
    });
    await domainError(removeAccount(getDb(), actor, value.id, 1), 'conflict');
    expect((await readAccount(getDb(), actor, value.id)).name).toBe('Belegt GmbH');
  });

  it('gives a domain to one account per tenant and names the holder on conflict, also on update', async () => {
    const holder = (await create({ name: 'Domain Holder AG', domains: ['holder.de'] })).value;
    const onCreate = await domainError(create({ name: 'Copycat AG', domains: ['HOLDER.de'] }), 'conflict');
    expect(onCreate).toMatchObject({ field: 'domains', details: { existingId: holder.id } });
    expect((await search({ q: 'Copycat' })).items).toEqual([]);

    const other = (await create({ name: 'Other AG', domains: ['other.de'] })).value;
    const onUpdate = await domainError(changeAccount(getDb(), actor, other.id, 1, { domains: ['other.de', 'holder.de'] }), 'conflict');
    expect(onUpdate).toMatchObject({ field: 'domains', details: { existingId: holder.id } });
    // The failed update rolled back completely: same version, same domains.
    expect(await readAccount(getDb(), actor, other.id)).toMatchObject({ etag: '"1"', domains: ['other.de'] });
    expect((await search({ domain: 'other.de' })).items.map((a) => a.id)).toEqual([other.id]);

    const elsewhere = await seedActor(getDb());
    expect((await create({ name: 'Same Domain, Other Tenant', domains: ['holder.de'] }, elsewhere)).created).toBe(true);
  });

  it('refuses a parent or owner from another tenant and names the field', async () => {
    const stranger = await seedActor(getDb());
    const foreign = (await create({ name: 'Fremd GmbH' }, stranger)).value;
    expect(await domainError(create({ name: 'Tochter GmbH', parentAccountId: foreign.id }), 'invalid')).toMatchObject({ field: 'parentAccountId' });
    expect(await domainError(create({ name: 'Tochter GmbH', ownerId: stranger.userId }), 'invalid')).toMatchObject({ field: 'ownerId' });
    const mine = (await create({ name: 'Eigen GmbH' })).value;
    expect(await domainError(changeAccount(getDb(), actor, mine.id, 1, { ownerId: stranger.userId }), 'invalid')).toMatchObject({ field: 'ownerId' });
    expect((await search({ q: 'Tochter' })).items).toEqual([]);
  });
});
