// The personal tab's one call: my follow-ups overdue first, my pipeline and quarterly forecast, my accounts and sleeping ones.
import { AccountCreate, InteractionCreate, OpportunityCreate, TaskCreate } from '@crm/common';
import { beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { logInteraction } from '../interactions';
import { myWork } from './my-work';
import { createOpportunity } from '../opportunities';
import { createTask } from '../tasks';

const NOW = new Date('2026-11-29T12:00:00Z');

describeEachDatabase('my work', (getDb) => {
  let anna: Actor;
  let ben: Actor;

  beforeAll(async () => {
    anna = await seedActor(getDb(), { name: 'Anna' });
    ben = await seedActor(getDb(), { tenantId: anna.tenantId, name: 'Ben' });
    const account = async (name: string, ownerId: string) => (await createAccount(getDb(), anna, AccountCreate.parse({ name, ownerId }))).value.id;
    const active = await account('Aktiv AG', anna.userId);
    const quiet = await account('Still GmbH', anna.userId);
    await account('Bens Kunde', ben.userId);
    const log = (accountId: string, occurredAt: string) =>
      logInteraction(getDb(), anna, InteractionCreate.parse({ type: 'note', occurredAt, subject: 'x', accountIds: [accountId] }));
    await log(active, '2026-11-01T00:00:00Z');
    await log(quiet, '2026-07-01T00:00:00Z');

    const task = (input: z.input<typeof TaskCreate>, as = anna) => createTask(getDb(), as, TaskCreate.parse(input));
    await task({ title: 'Nächste Woche', dueDate: '2026-12-05', accountId: active });
    await task({ title: 'Überfällig', dueDate: '2026-11-20', accountId: quiet });
    await task({ title: 'Heute', dueDate: '2026-11-29' });
    await task({ title: 'Bens Aufgabe', dueDate: '2026-11-01' }, ben);

    const deal = (input: Omit<z.input<typeof OpportunityCreate>, 'accountId'>, as = anna) =>
      createOpportunity(getDb(), as, OpportunityCreate.parse({ accountId: active, ...input }));
    await deal({ name: 'Dieses Quartal', stage: 'proposal', amount: 100_000, expectedCloseDate: '2026-12-15' });
    await deal({ name: 'Verspätet', stage: 'negotiation', amount: 40_000, expectedCloseDate: '2026-09-30' });
    await deal({ name: 'Nächstes Quartal', stage: 'proposal', amount: 20_000, expectedCloseDate: '2027-02-01' });
    await deal({ name: 'Später', stage: 'lead', amount: 5_000, expectedCloseDate: '2027-06-01' });
    await deal({ name: 'Bens Deal', stage: 'commit', amount: 1_000_000, expectedCloseDate: '2026-12-01' }, ben);
  });

  it('lists my open follow-ups with the overdue ones first, marked, and with their account', async () => {
    const work = await myWork(getDb(), anna, NOW);
    expect(work.today).toBe('2026-11-29');
    expect(work.tasks.map((t) => [t.title, t.overdue, t.accountName])).toEqual([
      ['Überfällig', true, 'Still GmbH'],
      ['Heute', false, null],
      ['Nächste Woche', false, 'Aktiv AG'],
    ]);
    expect(work.openTaskCount).toBe(3);
  });

  it('groups my open deals by stage and forecasts this quarter (late deals included) and the next', async () => {
    const work = await myWork(getDb(), anna, NOW);
    expect(work.pipeline.map((g) => [g.stage.key, g.count, g.amount])).toEqual([
      ['lead', 1, 5_000],
      ['proposal', 2, 120_000],
      ['negotiation', 1, 40_000],
    ]);
    expect(work.forecast.thisQuarter).toEqual({ quarter: '2026-Q4', from: '2026-10-01', to: '2026-12-31', count: 2, amount: 140_000, weightedAmount: 80_000 });
    expect(work.forecast.nextQuarter).toMatchObject({ quarter: '2027-Q1', from: '2027-01-01', to: '2027-03-31', count: 1, weightedAmount: 10_000 });
  });

  it('lists the accounts I own and, as sleeping, those without an interaction for more than 90 days', async () => {
    const work = await myWork(getDb(), anna, NOW);
    expect(work.accounts.map((a) => [a.name, a.daysSinceContact])).toEqual([
      ['Aktiv AG', 28],
      ['Still GmbH', 151],
    ]);
    expect(work.sleepingAfterDays).toBe(90);
    expect(work.sleeping.map((a) => a.name)).toEqual(['Still GmbH']);
    expect((await myWork(getDb(), ben, NOW)).accounts.map((a) => a.name)).toEqual(['Bens Kunde']);
  });

  it('counts a never-contacted account as sleeping only once it is older than the threshold', async () => {
    const work = await myWork(getDb(), ben, NOW);
    expect(work.sleeping).toEqual([]);
    expect((await myWork(getDb(), ben, new Date('2027-06-01T00:00:00Z'))).sleeping.map((a) => a.name)).toEqual(['Bens Kunde']);
  });

  it('keeps an account with only planned meetings sleeping and counts its days from the last one that happened', async () => {
    const carla = await seedActor(getDb(), { tenantId: anna.tenantId, name: 'Carla' });
    const planned = (await createAccount(getDb(), carla, AccountCreate.parse({ name: 'Geplant KG', ownerId: carla.userId }))).value.id;
    const log = (type: 'note' | 'meeting', occurredAt: string) =>
      logInteraction(getDb(), carla, InteractionCreate.parse({ type, occurredAt, subject: 'x', accountIds: [planned] }));
    await log('note', '2026-07-01T00:00:00Z');
    await log('meeting', '2026-11-30T09:00:00Z');
    await log('meeting', '2027-09-01T09:00:00Z');
    const work = await myWork(getDb(), carla, NOW);
    expect(work.accounts.map((a) => [a.name, a.lastContactAt, a.daysSinceContact])).toEqual([['Geplant KG', '2026-07-01T00:00:00.000Z', 151]]);
    expect(work.sleeping.map((a) => a.name)).toEqual(['Geplant KG']);
  });
});
