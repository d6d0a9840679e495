// HTTP handlers of the tenant settings.
import { one, type RouteTable } from '../../core/http/typed-routes';
import { getSettings, replaceSettings } from './service';

export const settingsRoutes: RouteTable<'getSettings' | 'putSettings'> = {
  getSettings: async ({ db, actor }) => one(await getSettings(db, actor.tenantId)),
  putSettings: async ({ db, actor, body, version }) => one(await replaceSettings(db, actor, body, version)),
};
