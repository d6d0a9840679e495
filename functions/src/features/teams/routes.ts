// HTTP handlers of the Teams tabs' views: the account overview and "my work".
import type { RouteTable } from '../../core/http/typed-routes';
import { accountOverview } from './account-overview';
import { myWork } from './my-work';

export const teamsRoutes: RouteTable<'accountOverview' | 'myWork'> = {
  accountOverview: async ({ db, actor, params }) => ({ body: await accountOverview(db, actor, params.id) }),
  myWork: async ({ db, actor }) => ({ body: await myWork(db, actor) }),
};
