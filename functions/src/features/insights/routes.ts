// HTTP handlers of the insights: the account's figures and the team's key figures, readable by every role, and goals.
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { changeGoal, createGoal, readGoal, removeGoal, searchGoals } from './goals';
import { accountInsights, teamInsights } from './service';
import { insightTrend } from './snapshots';

export const insightsRoutes: RouteTable<'accountInsights' | 'teamInsights' | 'insightTrend' | 'listGoals' | 'createGoal' | 'getGoal' | 'updateGoal' | 'deleteGoal'> = {
  accountInsights: async ({ db, actor, params, query }) => ({ body: await accountInsights(db, actor, params.id, query.period) }),
  teamInsights: async ({ db, actor, query }) => ({ body: await teamInsights(db, actor, query.period) }),
  insightTrend: async ({ db, actor, query }) => ({ body: await insightTrend(db, actor, query.months) }),
  listGoals: async ({ db, actor, query }) => ({ body: await searchGoals(db, actor, query) }),
  createGoal: async ({ db, actor, body }) => created('goals', await createGoal(db, actor, body)),
  getGoal: async ({ db, actor, params }) => one(await readGoal(db, actor, params.id)),
  updateGoal: async ({ db, actor, params, body, version }) => one(await changeGoal(db, actor, params.id, version, body)),
  deleteGoal: async ({ db, actor, params, version }) => (await removeGoal(db, actor, params.id, version), {}),
};
