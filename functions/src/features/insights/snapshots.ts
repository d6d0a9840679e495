// Monthly snapshots of the team insights, for trends: the timer runs daily, so a host that was down on the first of
// the month still takes the month's snapshot the next day, and each tenant gets one snapshot per month.
import type { InsightTrend } from '@crm/common';
import type { Db } from '../../core/db/db';
import type { Actor } from '../../core/actor';
import { monthIndex, monthStart } from '../../core/period';
import { teamFigures } from './service';
import { insertSnapshot, latestSnapshots, tenantsWithoutSnapshot } from './snapshots-store';

/** 03:15 UTC every day, after the nightly retention run. */
export const INSIGHT_SNAPSHOT_SCHEDULE = '0 15 3 * * *';

/** Takes the snapshot of the month before `now` for every tenant that has none, until the deadline; answers how many. */
export async function takeMonthlySnapshots(db: Db, now = new Date(), deadline = Number.POSITIVE_INFINITY): Promise<{ month: string; taken: number }> {
  const month = monthStart(monthIndex(now) - 1);
  let taken = 0;
  for (const tenantId of await tenantsWithoutSnapshot(db, month)) {
    if (Date.now() > deadline) break;
    if (await insertSnapshot(db, tenantId, month, await teamFigures(db, tenantId, 'last-12-months', now))) taken += 1;
  }
  return { month: month.slice(0, 7), taken };
}

export async function insightTrend(db: Db, actor: Actor, months: number): Promise<InsightTrend> {
  return { snapshots: await latestSnapshots(db, actor.tenantId, months) };
}
