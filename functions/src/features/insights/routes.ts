// HTTP handlers of the insights: the account's figures and the team's key figures, readable by every role.
import type { RouteTable } from '../../core/http/typed-routes';
import { accountInsights, teamInsights } from './service';

export const insightsRoutes: RouteTable<'accountInsights' | 'teamInsights'> = {
  accountInsights: async ({ db, actor, params, query }) => ({ body: await accountInsights(db, actor, params.id, query.period) }),
  teamInsights: async ({ db, actor, query }) => ({ body: await teamInsights(db, actor, query.period) }),
};
