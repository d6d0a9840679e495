// HTTP handlers of the team endpoints: the users with their managers, and an admin setting one.
import { one, type RouteTable } from '../../core/http/typed-routes';
import { listTeam, setManager } from './service';

export const managerRoutes: RouteTable<'listTeam' | 'setManager'> = {
  listTeam: async ({ db, actor }) => ({ body: { items: await listTeam(db, actor) } }),
  setManager: async ({ db, actor, params, body, version }) => one(await setManager(db, actor, params.id, version, body)),
};
