// Accounts, contacts, opportunities and tasks: search, stable paging, unique domains and emails, stage rules, audit.
import { ContactCreate } from '@crm/common';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../../../test/support/databases';
import { auditTrail } from '../store/audit-store';
import type { Actor } from './actor';
import { changeAccount, createAccount, searchAccounts } from './accounts';
import { changeContact, createContact, searchContacts } from './contacts';
import { DomainError } from './errors';
import { changeOpportunity, createOpportunity } from './opportunities';
import { createTask, searchTasks } from './tasks';

describeEachDatabase('records', (getDb) => {
  let actor: Actor;
  beforeAll(async () => {
    actor = await seedActor(getDb(), { roles: ['CRM.Manager'] });
  });
  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  };
  const account = (name: string, domains: string[] = []) => createAccount(getDb(), actor, { name, domains, customFields: {} });

  it('walks every page of a search once, in name order, while search matches names and domains', async () => {
    const names = Array.from({ length: 23 }, (_, i) => `Paging ${String.fromCharCode(65 + i)} GmbH`);
    for (const name of [...names].reverse()) await account(name, [`${name.split(' ')[1]!.toLowerCase()}-paging.de`]);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchAccounts(getDb(), actor, { q: 'paging', limit: 5, cursor });
      seen.push(...page.items.map((a) => a.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(names);
    const byDomain = await searchAccounts(getDb(), actor, { q: 'q-paging.de', limit: 50 });
    expect(byDomain.items.map((a) => a.name)).toEqual(['Paging Q GmbH']);
  });

  it('treats search text literally, so % and _ are not wildcards', async () => {
    await account('100% Service KG');
    const hits = await searchAccounts(getDb(), actor, { q: '0%', limit: 50 });
    expect(hits.items.map((a) => a.name)).toEqual(['100% Service KG']);
    expect((await searchAccounts(getDb(), actor, { q: '_', limit: 50 })).items).toEqual([]);
  });

  it('gives a domain to one account only and names the holder on conflict, also on update', async () => {
    const holder = await account('Domain Holder AG', ['holder.de']);
    const error = await failure(account('Copycat AG', ['holder.de']));
    expect(error.kind).toBe('conflict');
    expect(error.field).toBe('domains');
    expect(error.details).toEqual({ existingId: holder.value.id });
    const other = await account('Other AG', ['other.de']);
    expect((await failure(changeAccount(getDb(), actor, other.value.id, 1, { domains: ['holder.de'] }))).kind).toBe('conflict');
    // The failed update rolled back completely: the account keeps its own domain.
    expect((await searchAccounts(getDb(), actor, { domain: 'other.de', limit: 5 })).items.map((a) => a.id)).toEqual([other.value.id]);
  });

  it('normalises contact emails and finds contacts by any of them', async () => {
    // Input arrives through the shared contract, which normalises emails before the domain sees them.
    const created = await createContact(getDb(), actor, ContactCreate.parse({ firstName: 'Maria', lastName: 'Sommer', emails: [' Maria.Sommer@Example.DE'] }));
    expect(created.value.emails).toEqual(['maria.sommer@example.de']);
    await changeContact(getDb(), actor, created.value.id, 1, { emails: ['maria.sommer@example.de', 'm.sommer@example.de'] });
    const found = await searchContacts(getDb(), actor, { email: 'm.sommer@example.de', limit: 5 });
    expect(found.items.map((c) => c.displayName)).toEqual(['Maria Sommer']);
  });

  it('takes stage probabilities from the stage model and counts won deals in full', async () => {
    const accountId = (await account('Stage AG')).value.id;
    const deal = (await createOpportunity(getDb(), actor, { accountId, name: 'Linie 3', amount: 200_000, currency: 'EUR', contactIds: [] })).value;
    expect(deal).toMatchObject({ stage: 'lead', probability: 10, weightedAmount: 20_000, ownerId: actor.userId });
    const moved = await changeOpportunity(getDb(), actor, deal.id, 1, { stage: 'negotiation' });
    expect(moved).toMatchObject({ probability: 75, weightedAmount: 150_000 });
    const won = await changeOpportunity(getDb(), actor, deal.id, 2, { status: 'won', closeReason: 'Beste Lieferzeit' });
    expect(won).toMatchObject({ probability: 100, weightedAmount: 200_000 });
    expect(won.closedAt).not.toBeNull();
    const error = await failure(createOpportunity(getDb(), actor, { accountId, name: 'X', amount: 1, currency: 'EUR', stage: 'dreaming', contactIds: [] }));
    expect(error).toMatchObject({ kind: 'invalid', field: 'stage' });
  });

  it('assigns tasks to their creator by default and lists "my" open follow-ups by due date', async () => {
    const colleague = await seedActor(getDb(), { tenantId: actor.tenantId, name: 'Colleague' });
    await createTask(getDb(), actor, { kind: 'follow_up', title: 'Später', dueDate: '2026-12-20' });
    await createTask(getDb(), actor, { kind: 'follow_up', title: 'Früher', dueDate: '2026-11-01' });
    await createTask(getDb(), colleague, { kind: 'follow_up', title: 'Nicht meins', dueDate: '2026-10-01' });
    const mine = await searchTasks(getDb(), actor, { assigneeId: 'me', status: 'open', limit: 10 });
    expect(mine.items.map((t) => t.title)).toEqual(['Früher', 'Später']);
  });

  it('writes an audit entry with the changed fields for every change', async () => {
    const created = await account('Audit GmbH');
    await changeAccount(getDb(), actor, created.value.id, 1, { segment: 'Mittelstand', rating: 'A' });
    const trail = await auditTrail(getDb(), actor.tenantId, 'account', created.value.id);
    expect(trail.map((t) => [t.action, t.changed_fields, t.actor_id])).toEqual([
      ['create', [], actor.userId],
      ['update', ['segment', 'rating'], actor.userId],
    ]);
  });
});
