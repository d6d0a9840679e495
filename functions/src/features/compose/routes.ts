// HTTP handler of the consent check before sending.
import type { RouteTable } from '../../core/http/typed-routes';
import { checkRecipients } from './service';

export const composeRoutes: RouteTable<'composeCheck'> = {
  composeCheck: async ({ db, actor, body }) => ({ body: await checkRecipients(db, actor, body.purpose, body.recipients, body.knownVersion) }),
};
