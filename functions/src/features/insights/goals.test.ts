// Goals: the documents' example (churn rate from 10 % to 5 % within six months) with its progress and its history from
// the monthly snapshots, the rules joining two fields, versions, and tenant isolation; on PGlite and PostgreSQL.
import { AccountCreate, GoalCreate } from '@crm/common';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import { domainError } from '../../../../test/support/domain-expect';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { changeGoal, createGoal, readGoal, removeGoal, searchGoals } from './goals';
import { teamFigures } from './service';
import { insertSnapshot } from './snapshots-store';

const NOW = new Date('2026-12-01T12:00:00Z');

describeEachDatabase('goals', (getDb) => {
  let manager: Actor;

  beforeAll(async () => {
    manager = await seedActor(getDb(), { roles: ['CRM.Manager'] });
    // Four customers in the previous twelve months, one of them without revenue in the last twelve: churn rate 0.25.
    for (const [name, months] of [
      ['Eins', ['2025-06-01', '2026-06-01']],
      ['Zwei', ['2025-06-01', '2026-06-01']],
      ['Drei', ['2025-06-01', '2026-06-01']],
      ['Vier', ['2025-06-01']],
    ] as const) {
      const id = (await createAccount(getDb(), manager, AccountCreate.parse({ name }))).value.id;
      for (const month of months)
        await getDb().query(
          `INSERT INTO account_revenue (tenant_id, account_id, period_kind, period_start, revenue, source) VALUES ($1, $2, 'month', $3, 1000, 'api')`,
          [manager.tenantId, id, month],
        );
    }
  });

  const churnGoal = GoalCreate.parse({
    title: 'Kundenbindung stärken',
    metric: 'churnRate',
    startValue: 0.1,
    targetValue: 0.05,
    startDate: '2026-09-01',
    deadline: '2027-02-28',
  });

  it('shows how far the churn rate is from its target, and from the time passed', async () => {
    const { value: goal, created } = await createGoal(getDb(), manager, churnGoal, NOW);
    expect(created).toBe(true);
    // (0.25 - 0.1) / (0.05 - 0.1) = -3: moving away from the target. 91.5 of 181 days have passed.
    expect(goal.progress).toEqual({ period: 'last-12-months', currentValue: 0.25, share: -3, timeShare: 0.5055, onTrack: false, history: [] });
    expect(goal.createdBy).toBe(manager.userId);
    expect((await readGoal(getDb(), manager, goal.id, NOW)).progress.share).toBe(-3);
  });

  it('answers a retried create with the goal made the first time', async () => {
    const id = '5a0c4a56-8a3b-4b55-9a3e-5f1f0b9a0001';
    expect((await createGoal(getDb(), manager, { ...churnGoal, id }, NOW)).created).toBe(true);
    const again = await createGoal(getDb(), manager, { ...churnGoal, id, title: 'anders' }, NOW);
    expect([again.created, again.value.title]).toEqual([false, 'Kundenbindung stärken']);
  });

  it('checks a change against the stored goal: the deadline stays after the start', async () => {
    const goal = (await createGoal(getDb(), manager, churnGoal, NOW)).value;
    const error = await domainError(changeGoal(getDb(), manager, goal.id, 1, { deadline: '2026-08-01' }, NOW), 'invalid');
    expect(error.field).toBe('deadline');
    expect((await domainError(changeGoal(getDb(), manager, goal.id, 1, { targetValue: 0.1 }, NOW), 'invalid')).field).toBe('targetValue');
    const changed = await changeGoal(getDb(), manager, goal.id, 1, { targetValue: 0.2 }, NOW);
    // (0.25 - 0.1) / (0.2 - 0.1) = 1.5: past the target.
    expect([changed.etag, changed.progress.share, changed.progress.onTrack]).toEqual(['"2"', 1.5, true]);
    await domainError(changeGoal(getDb(), manager, goal.id, 1, { title: 'alt' }, NOW), 'precondition_failed');
    await removeGoal(getDb(), manager, goal.id, 2);
    await domainError(readGoal(getDb(), manager, goal.id, NOW), 'not_found');
  });

  it("reads its history from the tenant's monthly snapshots, in the list and alone", async () => {
    const other = await seedActor(getDb(), { roles: ['CRM.Manager'] });
    const figures = await teamFigures(getDb(), other.tenantId, 'last-12-months', NOW);
    const withChurn = (churnRate: number) => ({ ...figures, customers: { ...figures.customers, churnRate } });
    for (const [month, churnRate] of [['2026-07-01', 0.3], ['2026-08-01', 0.1], ['2026-10-01', 0.088], ['2026-11-01', 0.07]] as const)
      await insertSnapshot(getDb(), other.tenantId, month, withChurn(churnRate));
    await insertSnapshot(getDb(), manager.tenantId, '2026-09-01', withChurn(0.5));
    const goal = (await createGoal(getDb(), other, churnGoal, NOW)).value;
    // July ended before the start; September has no snapshot; the manager's tenant's September is not this tenant's.
    // Plans at 1 Sep, 1 Nov, 1 Dec: 0.1, 0.1 - 0.05 * 61/181 = 0.0831, 0.1 - 0.05 * 91/181 = 0.0749.
    const history = [
      { month: '2026-08', value: 0.1, planned: 0.1, onTrack: true },
      { month: '2026-10', value: 0.088, planned: 0.0831, onTrack: false },
      { month: '2026-11', value: 0.07, planned: 0.0749, onTrack: true },
    ];
    expect(goal.progress.history).toEqual(history);
    expect((await readGoal(getDb(), other, goal.id, NOW)).progress.history).toEqual(history);
    const late = (await createGoal(getDb(), other, { ...churnGoal, startDate: '2026-10-15', deadline: '2027-03-31' }, NOW)).value;
    const listed = (await searchGoals(getDb(), other, { limit: 50 }, NOW)).items;
    expect(listed.map((g) => [g.id, g.progress.history.map((p) => p.month)])).toEqual([
      [goal.id, ['2026-08', '2026-10', '2026-11']],
      [late.id, ['2026-10', '2026-11']],
    ]);
  });

  it("lists the tenant's goals by deadline and never another tenant's", async () => {
    const soon = (await createGoal(getDb(), manager, { ...churnGoal, title: 'Bald', deadline: '2026-12-31' }, NOW)).value;
    const page = await searchGoals(getDb(), manager, { limit: 1 }, NOW);
    expect(page.items.map((g) => g.id)).toEqual([soon.id]);
    expect(page.nextCursor).not.toBeNull();
    const stranger = await seedActor(getDb(), { roles: ['CRM.Admin'] });
    expect((await searchGoals(getDb(), stranger, { limit: 50 }, NOW)).items).toEqual([]);
    await domainError(readGoal(getDb(), stranger, soon.id, NOW), 'not_found');
    await domainError(changeGoal(getDb(), stranger, soon.id, 1, { title: 'fremd' }, NOW), 'not_found');
  });
});
