// The account tab's one call: figures, contacts with role and email consent, pipeline by stage model, open work, and tenant isolation.
import { AccountCreate, ConsentEntryCreate, ContactCreate, InteractionCreate, OpportunityCreate, TaskCreate } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import { domainError } from '../../../../test/support/domain-expect';
import { accountOverview } from './account-overview';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { recordConsent } from '../consents';
import { createContact } from '../contacts';
import { changeInteraction, logInteraction } from '../interactions';
import { changeOpportunity, createOpportunity } from '../opportunities';
import { changeTask, createTask } from '../tasks';

const NOW = new Date('2026-11-29T12:00:00Z');

describeEachDatabase('account overview', (getDb) => {
  let anna: Actor;
  let accountId: string;
  let karl: string;
  let eva: string;

  beforeAll(async () => {
    anna = await seedActor(getDb(), { name: 'Anna' });
    accountId = (await createAccount(getDb(), anna, AccountCreate.parse({ name: 'Keller Pumpen GmbH', industry: 'Pumpen', ownerId: anna.userId }))).value.id;
    const contact = async (input: z.input<typeof ContactCreate>) => (await createContact(getDb(), anna, ContactCreate.parse({ accountId, ...input }))).value.id;
    karl = await contact({ firstName: 'Karl', lastName: 'Keller', buyingRole: 'decision_maker', emails: ['karl@keller.example'] });
    eva = await contact({ firstName: 'Eva', lastName: 'Arndt', buyingRole: 'influencer' });
    const consent = (action: 'granted' | 'withdrawn', capturedAt: string) =>
      recordConsent(
        getDb(),
        anna,
        ConsentEntryCreate.parse({ contactId: karl, channel: 'email', purpose: 'marketing', legalBasis: 'consent', action, source: 'Messe', capturedAt }),
      );
    await consent('granted', '2026-01-01T00:00:00Z');
    await consent('withdrawn', '2026-06-01T00:00:00Z');

    const opportunity = (input: Omit<z.input<typeof OpportunityCreate>, 'accountId'>) =>
      createOpportunity(getDb(), anna, OpportunityCreate.parse({ accountId, ...input }));
    await opportunity({ name: 'Pumpe A', stage: 'proposal', amount: 100_000 });
    await opportunity({ name: 'Pumpe B', stage: 'proposal', amount: 50_000 });
    await opportunity({ name: 'Service', stage: 'lead', amount: 10_000 });
    const lost = (await opportunity({ name: 'Verloren', stage: 'commit', amount: 999_999 })).value;
    await changeOpportunity(getDb(), anna, lost.id, 1, { status: 'lost' });

    const log = (input: z.input<typeof InteractionCreate>) => logInteraction(getDb(), anna, InteractionCreate.parse({ accountIds: [accountId], ...input }));
    await log({ type: 'note', occurredAt: '2026-11-20T09:00:00Z', subject: 'Besuch' });
    await log({ type: 'complaint', occurredAt: '2026-11-19T12:00:00Z', subject: 'Leck', contactIds: [karl] });
    const resolved = (await log({ type: 'complaint', occurredAt: '2026-10-01T00:00:00Z', subject: 'Alt' })).value;
    await changeInteraction(getDb(), anna, resolved.id, 1, { status: 'resolved', resolution: 'Ersetzt' });

    await createTask(getDb(), anna, TaskCreate.parse({ title: 'Später', dueDate: '2026-12-10', accountId }));
    await createTask(getDb(), anna, TaskCreate.parse({ title: 'Zuerst', dueDate: '2026-11-01', accountId }));
    const done = (await createTask(getDb(), anna, TaskCreate.parse({ title: 'Erledigt', dueDate: '2026-10-01', accountId }))).value;
    await changeTask(getDb(), anna, done.id, 1, { status: 'done' });
  });

  it('sums open pipeline and weighted value and names the last contact', async () => {
    const overview = await accountOverview(getDb(), anna, accountId, NOW);
    expect(overview.account).toMatchObject({ name: 'Keller Pumpen GmbH', industry: 'Pumpen', ownerName: 'Anna' });
    expect(overview.figures).toEqual({
      openPipeline: 160_000,
      weightedPipeline: 76_000,
      currency: 'EUR',
      lastContactAt: '2026-11-20T09:00:00.000Z',
      interactionCount: 3,
    });
  });

  it("groups open deals by the tenant's stage model in its order, leaving out lost deals and empty stages", async () => {
    const { pipeline } = await accountOverview(getDb(), anna, accountId, NOW);
    expect(pipeline.map((g) => [g.stage.key, g.stage.label.de, g.count, g.amount, g.weightedAmount])).toEqual([
      ['lead', 'Lead', 1, 10_000, 1_000],
      ['proposal', 'Angebot', 2, 150_000, 75_000],
    ]);
    expect(pipeline[1]!.opportunities.map((o) => o.name).sort()).toEqual(['Pumpe A', 'Pumpe B']);
  });

  it('lists contacts with buying role and current email consent (the latest ledger entry)', async () => {
    const { contacts } = await accountOverview(getDb(), anna, accountId, NOW);
    expect(contacts.map((c) => [c.contact.displayName, c.contact.buyingRole, c.emailConsent])).toEqual([
      ['Eva Arndt', 'influencer', 'none'],
      ['Karl Keller', 'decision_maker', 'withdrawn'],
    ]);
    expect(contacts.find((c) => c.contact.id === eva)).toBeTruthy();
  });

  it('lists open follow-ups by due date and only open complaints, with their age in days', async () => {
    const overview = await accountOverview(getDb(), anna, accountId, NOW);
    expect(overview.openTasks.map((t) => t.title)).toEqual(['Zuerst', 'Später']);
    expect(overview.openComplaints.map((c) => [c.subject, c.ageDays, c.status])).toEqual([['Leck', 10, 'open']]);
  });

  it("counts only what has happened as last contact and lists tomorrow's and next year's meetings apart, soonest first", async () => {
    const planned = (await createAccount(getDb(), anna, AccountCreate.parse({ name: 'Termin AG' }))).value.id;
    const log = (input: z.input<typeof InteractionCreate>) => logInteraction(getDb(), anna, InteractionCreate.parse({ accountIds: [planned], ...input }));
    await log({ type: 'note', occurredAt: '2026-11-20T09:00:00Z', subject: 'Besuch' });
    const nextYear = (await log({ type: 'meeting', occurredAt: '2027-11-01T09:00:00Z', subject: 'Jahresgespräch', source: 'graph-sync' })).value;
    const tomorrow = (await log({ type: 'meeting', occurredAt: '2026-11-30T09:00:00Z', subject: 'Werksbesuch', source: 'teams' })).value;
    const overview = await accountOverview(getDb(), anna, planned, NOW);
    expect(overview.figures).toMatchObject({ lastContactAt: '2026-11-20T09:00:00.000Z', interactionCount: 1 });
    expect(overview.upcoming?.map((i) => [i.id, i.subject])).toEqual([
      [tomorrow.id, 'Werksbesuch'],
      [nextYear.id, 'Jahresgespräch'],
    ]);
    expect((await accountOverview(getDb(), anna, accountId, NOW)).upcoming).toEqual([]);
  });

  it('answers not found for an unknown account and for an account of another tenant', async () => {
    await domainError(accountOverview(getDb(), anna, randomUUID(), NOW), 'not_found');
    const stranger = await seedActor(getDb());
    await domainError(accountOverview(getDb(), stranger, accountId, NOW), 'not_found');
  });
});
