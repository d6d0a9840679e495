// The Teams personal tab in one call: my follow-ups, my pipeline and forecast, my accounts and the ones gone quiet.
import type { MyAccount, MyWork } from '@crm/common';
import type { Db } from '../../core/db/db';
import { openOpportunitiesOf, openTasksOf, ownedAccounts, type OwnedAccountRow } from './my-work-store';
import { getSettings } from '../settings';
import type { Actor } from '../../core/actor';
import { forecastFor, groupByStage } from '../opportunities';
import { daysSince, isSleeping } from './sleeping';
import { restrictedViewOf } from '../privacy';
import { withRules } from '../automation';

export async function myWork(db: Db, actor: Actor, now = new Date()): Promise<MyWork> {
  const [settings, open, opportunities, accounts, view] = await Promise.all([
    getSettings(db, actor.tenantId),
    openTasksOf(db, actor.tenantId, actor.userId),
    openOpportunitiesOf(db, actor.tenantId, actor.userId),
    ownedAccounts(db, actor.tenantId, actor.userId, now),
    restrictedViewOf(db, actor),
  ]);
  const today = now.toISOString().slice(0, 10);
  // A follow-up a rule made says so, and can be snoozed with a reason.
  const shown = await withRules(db, actor.tenantId, open.tasks.filter((task) => !view.hidesTask(task)));
  const toMine = (row: OwnedAccountRow): MyAccount => ({
    id: row.id,
    name: row.name,
    industry: row.industry,
    segment: row.segment,
    lastContactAt: row.lastContactAt,
    daysSinceContact: row.lastContactAt ? daysSince(row.lastContactAt, now) : null,
  });
  const sleeping = accounts.filter((a) => isSleeping(a, now, settings.sleepingAfterDays));
  return {
    today,
    currency: settings.defaultCurrency,
    sleepingAfterDays: settings.sleepingAfterDays,
    // Sorted by due date, the overdue ones already come first.
    // A follow-up for a restricted person (Art. 18) waits unseen until the restriction is lifted.
    tasks: shown.map((task) => ({ ...task, overdue: task.dueDate < today })),
    openTaskCount: open.total - open.tasks.filter((task) => view.hidesTask(task)).length,
    pipeline: groupByStage(opportunities, settings.stages),
    forecast: { thisQuarter: forecastFor(opportunities, now, 0), nextQuarter: forecastFor(opportunities, now, 1) },
    accounts: accounts.map(toMine),
    sleeping: sleeping.map(toMine).sort((a, b) => (a.lastContactAt ?? '').localeCompare(b.lastContactAt ?? '') || a.name.localeCompare(b.name)),
  };
}
