// Goals: managers set them, everyone reads them with their progress, computed from today's team insights, and its
// history from the monthly snapshots.
import type { Goal, GoalCreate, GoalListQuery, GoalPatch } from '@crm/common';
import type { Db } from '../../core/db/db';
import type { Actor } from '../../core/actor';
import { invalid } from '../../core/errors';
import { createRecord, deleteRecord, readRecord, updateRecord, type Created } from '../../core/records';
import { getGoal, insertGoal, listGoals, updateGoal, type StoredGoal } from './goals-store';
import { historyMonths, progressOf } from './goal-progress';
import { snapshotsBetween } from './snapshots-store';
import { teamInsights } from './service';

const PROGRESS_PERIOD = 'last-12-months';

async function withProgress(db: Db, actor: Actor, goals: StoredGoal[], now: Date): Promise<Goal[]> {
  if (goals.length === 0) return [];
  const team = await teamInsights(db, actor, PROGRESS_PERIOD, now);
  // One read of the snapshots for the whole page: the months from the earliest goal's start to the latest deadline.
  const span = goals.map(historyMonths).reduce((all, s) => ({ from: s.from < all.from ? s.from : all.from, to: s.to > all.to ? s.to : all.to }));
  const snapshots = await snapshotsBetween(db, actor.tenantId, span.from, span.to);
  return goals.map((goal) => ({ ...goal, progress: progressOf(goal, team, snapshots, now) }));
}

const one = async (db: Db, actor: Actor, goal: StoredGoal, now: Date): Promise<Goal> => (await withProgress(db, actor, [goal], now))[0] as Goal;

export async function createGoal(db: Db, actor: Actor, input: GoalCreate, now = new Date()): Promise<Created<Goal>> {
  const result = await createRecord(db, actor, 'goal', async (tx) => {
    const { goal, created } = await insertGoal(tx, actor.tenantId, actor.userId, input);
    return { value: goal, created };
  });
  return { value: await one(db, actor, result.value, now), created: result.created };
}

export async function readGoal(db: Db, actor: Actor, id: string, now = new Date()): Promise<Goal> {
  return one(db, actor, await readRecord('goal', () => getGoal(db, actor.tenantId, id)), now);
}

export async function searchGoals(db: Db, actor: Actor, query: GoalListQuery, now = new Date()) {
  const page = await listGoals(db, actor.tenantId, query);
  return { items: await withProgress(db, actor, page.items, now), nextCursor: page.nextCursor };
}

export async function changeGoal(db: Db, actor: Actor, id: string, expectedVersion: number, patch: GoalPatch, now = new Date()): Promise<Goal> {
  const goal = await updateRecord(db, actor, 'goal', id, async (tx) => {
    // The rules that join two fields hold for the goal as it will be, so they are checked against the stored one.
    const stored = await getGoal(tx, actor.tenantId, id);
    if (stored && stored.etag === `"${expectedVersion}"`) {
      const next = { ...stored, ...patch };
      if (next.deadline <= next.startDate) throw invalid(patch.deadline === undefined ? 'startDate' : 'deadline', patch.deadline === undefined ? 'must be before deadline' : 'must be after startDate');
      if (next.targetValue === next.startValue) throw invalid(patch.targetValue === undefined ? 'startValue' : 'targetValue', patch.targetValue === undefined ? 'must differ from targetValue' : 'must differ from startValue');
    }
    return updateGoal(tx, actor.tenantId, id, expectedVersion, patch);
  });
  return one(db, actor, goal, now);
}

export const removeGoal = (db: Db, actor: Actor, id: string, expectedVersion: number) => deleteRecord(db, actor, 'goal', 'goals', id, expectedVersion);
