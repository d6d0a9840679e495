// Opportunities: stage and probability from the tenant's stage model, weighted amounts, closing and reopening, paging, references.
import { AccountCreate, ContactCreate, OpportunityCreate, OpportunityListQuery } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import { allPages, countRows, domainError } from '../../../../test/support/domain-expect';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { createContact } from '../contacts';
import { changeOpportunity, createOpportunity, readOpportunity, removeOpportunity, searchOpportunities } from './service';
import { defaultSettings, replaceSettings } from '../settings';

describeEachDatabase('opportunities', (getDb) => {
  let actor: Actor;
  let accountId: string;
  beforeAll(async () => {
    actor = await seedActor(getDb());
    accountId = await account('Stage AG');
  });

  const account = async (name: string, as = actor) => (await createAccount(getDb(), as, AccountCreate.parse({ name }))).value.id;
  const create = (input: Omit<z.input<typeof OpportunityCreate>, 'accountId'> & { accountId?: string }, as = actor) =>
    createOpportunity(getDb(), as, OpportunityCreate.parse({ accountId, ...input }));
  const search = (query: z.input<typeof OpportunityListQuery>, as = actor) => searchOpportunities(getDb(), as, OpportunityListQuery.parse(query));

  it("starts in the model's first stage with its probability, owned by the creator", async () => {
    const { value } = await create({ name: 'Linie 3', amount: 200_000 });
    expect(value).toMatchObject({ stage: 'lead', probability: 10, weightedAmount: 20_000, ownerId: actor.userId, accountName: 'Stage AG', status: 'open' });
  });

  it("takes the default probability from the tenant's own stage model and rejects stages outside it", async () => {
    const tenant = await seedActor(getDb(), { roles: ['CRM.Admin'] });
    const stages = [
      { key: 'discovery', label: { de: 'Erkundung', en: 'Discovery' }, probability: 20 },
      { key: 'deal', label: { de: 'Abschluss', en: 'Deal' }, probability: 60 },
    ];
    await replaceSettings(getDb(), tenant, { ...defaultSettings, stages }, 1);
    const mine = await account('Eigenes Modell AG', tenant);
    const first = (await create({ accountId: mine, name: 'Erst', amount: 1000 }, tenant)).value;
    expect(first).toMatchObject({ stage: 'discovery', probability: 20, weightedAmount: 200 });
    expect((await create({ accountId: mine, name: 'Deal', stage: 'deal', amount: 1000 }, tenant)).value).toMatchObject({ probability: 60 });
    expect((await create({ accountId: mine, name: 'Eigene', stage: 'deal', probability: 33 }, tenant)).value).toMatchObject({ probability: 33 });

    expect(await domainError(create({ accountId: mine, name: 'Alt', stage: 'lead' }, tenant), 'invalid')).toMatchObject({ field: 'stage' });
    expect(await domainError(changeOpportunity(getDb(), tenant, first.id, 1, { stage: 'negotiation' }), 'invalid')).toMatchObject({ field: 'stage' });
    expect(await changeOpportunity(getDb(), tenant, first.id, 1, { stage: 'deal' })).toMatchObject({ stage: 'deal', probability: 60, weightedAmount: 600 });
    expect(await changeOpportunity(getDb(), tenant, first.id, 2, { stage: 'discovery', probability: 5 })).toMatchObject({ probability: 5 });
  });

  it('rounds the weighted amount to cents', async () => {
    const { value } = await create({ name: 'Krumm', amount: 12_345.67, stage: 'qualified' });
    expect(value).toMatchObject({ amount: 12_345.67, probability: 25, weightedAmount: 3_086.42 });
  });

  it('counts won deals in full and lost deals not at all, stamps closedAt, and reopening restores the stage probability', async () => {
    const deal = (await create({ name: 'Großauftrag', amount: 50_000, stage: 'negotiation' })).value;
    const won = await changeOpportunity(getDb(), actor, deal.id, 1, { status: 'won', closeReason: 'Beste Lieferzeit' });
    expect(won).toMatchObject({ status: 'won', probability: 100, weightedAmount: 50_000, closeReason: 'Beste Lieferzeit' });
    expect(won.closedAt).not.toBeNull();
    const lost = await changeOpportunity(getDb(), actor, deal.id, 2, { status: 'lost' });
    expect(lost).toMatchObject({ probability: 0, weightedAmount: 0, closedAt: won.closedAt });
    const reopened = await changeOpportunity(getDb(), actor, deal.id, 3, { status: 'open' });
    expect(reopened).toMatchObject({ probability: 75, weightedAmount: 37_500, closedAt: null });
  });

  it('answers a retried create with the same client id with the stored opportunity and keeps one row', async () => {
    const id = randomUUID();
    const first = await create({ id, name: 'Einmal', amount: 10 });
    const second = await create({ id, name: 'Einmal', amount: 10 });
    expect([first.created, second.created]).toEqual([true, false]);
    expect(second.value).toEqual(first.value);
    expect(await countRows(getDb(), 'opportunities', actor.tenantId, { id })).toBe(1);
  });

  it('filters by account, stage, status and name and walks all pages in (name, id) order', async () => {
    const tenant = await seedActor(getDb());
    const [a, b] = [await account('A', tenant), await account('B', tenant)];
    const stored = [];
    for (const [i, name] of ['Pumpe', 'pumpe', 'Ventil', 'Filter', 'PUMPE', 'Rohr', 'filter'].entries()) {
      stored.push((await create({ accountId: i % 2 ? a : b, name, stage: i % 3 ? 'lead' : 'proposal' }, tenant)).value);
    }
    const closed = (await changeOpportunity(getDb(), tenant, stored[5]!.id, 1, { status: 'won' })).id;
    const key = (o: { name: string; id: string }) => `${o.name.toLowerCase()} ${o.id}`;
    const expected = [...stored].sort((x, y) => (key(x) < key(y) ? -1 : 1)).map((o) => o.id);
    const pages = await allPages((cursor) => search({ limit: 2, cursor }, tenant));
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 1]);
    expect(pages.flat().map((o) => o.id)).toEqual(expected);

    const ids = async (query: z.input<typeof OpportunityListQuery>) => (await search(query, tenant)).items.map((o) => o.id).sort();
    expect(await ids({ accountId: a })).toEqual(
      stored
        .filter((o) => o.accountId === a)
        .map((o) => o.id)
        .sort(),
    );
    expect(await ids({ stage: 'proposal' })).toEqual([stored[0]!.id, stored[3]!.id, stored[6]!.id].sort());
    expect(await ids({ status: 'won' })).toEqual([closed]);
    expect(await ids({ q: 'PUMP' })).toEqual([stored[0]!.id, stored[1]!.id, stored[4]!.id].sort());
  });

  it('updates with the version read, and refuses a stale version or a missing opportunity; deletes likewise', async () => {
    const { value } = await create({ name: 'Version', amount: 100 });
    expect(await changeOpportunity(getDb(), actor, value.id, 1, { amount: 300 })).toMatchObject({ amount: 300, weightedAmount: 30, etag: '"2"' });
    await domainError(changeOpportunity(getDb(), actor, value.id, 1, { amount: 1 }), 'precondition_failed');
    await domainError(changeOpportunity(getDb(), actor, randomUUID(), 1, { amount: 1 }), 'not_found');
    await domainError(removeOpportunity(getDb(), actor, value.id, 1), 'precondition_failed');
    await removeOpportunity(getDb(), actor, value.id, 2);
    await domainError(readOpportunity(getDb(), actor, value.id), 'not_found');
    await domainError(removeOpportunity(getDb(), actor, value.id, 2), 'not_found');
  });

  it('names who changed it, when and which fields when the version read was overtaken', async () => {
    const colleague = await seedActor(getDb(), { tenantId: actor.tenantId, name: 'Anna Berger' });
    const { value } = await create({ name: 'Überholt', amount: 100 });
    const theirs = await changeOpportunity(getDb(), colleague, value.id, 1, { stage: 'proposal', amount: 900 });
    const error = await domainError(changeOpportunity(getDb(), actor, value.id, 1, { amount: 1 }), 'precondition_failed');
    expect(error.details).toEqual({
      lastChange: {
        by: { id: colleague.userId, name: 'Anna Berger' },
        at: theirs.updatedAt,
        action: 'update',
        fields: expect.arrayContaining(['stage', 'amount']),
      },
    });
    expect((await domainError(removeOpportunity(getDb(), actor, value.id, 1), 'precondition_failed')).details).toMatchObject({
      lastChange: { by: { name: 'Anna Berger' } },
    });
  });

  it("refuses another tenant's account, owner or contacts and names the field", async () => {
    const stranger = await seedActor(getDb());
    const foreignAccount = await account('Fremd', stranger);
    const foreignContact = (await createContact(getDb(), stranger, ContactCreate.parse({ lastName: 'Fremd' }))).value.id;
    expect(await domainError(create({ accountId: foreignAccount, name: 'Falsch' }), 'invalid')).toMatchObject({ field: 'accountId' });
    expect(await domainError(create({ name: 'Falsch', ownerId: stranger.userId }), 'invalid')).toMatchObject({ field: 'ownerId' });
    expect(await domainError(create({ name: 'Falsch', contactIds: [foreignContact] }), 'invalid')).toMatchObject({ field: 'contactIds' });
    expect((await search({ q: 'Falsch' })).items).toEqual([]);
  });
});
