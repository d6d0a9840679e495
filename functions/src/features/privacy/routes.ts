// HTTP handlers of the data subject rights endpoints; access (CRM.Privacy, CRM.Admin) is checked by the catalogue.
import type { RouteTable } from '../../core/http/typed-routes';
import { eraseContact } from './service';

export const privacyRoutes: RouteTable<'eraseContact'> = {
  eraseContact: async ({ db, actor, params, body, version }) => ({ body: await eraseContact(db, actor, params.id, version, body.reason) }),
};
