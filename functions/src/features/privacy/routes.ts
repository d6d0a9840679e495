// HTTP handlers of the data subject rights endpoints; access (CRM.Privacy, CRM.Admin) is checked by the catalogue.
import type { RouteTable } from '../../core/http/typed-routes';
import { personalData } from './personal-data';
import { liftRestriction, restrictContact } from './restriction';
import { eraseContact } from './service';

export const privacyRoutes: RouteTable<'eraseContact' | 'restrictContact' | 'liftRestriction' | 'contactPersonalData'> = {
  eraseContact: async ({ db, actor, params, body, version }) => ({ body: await eraseContact(db, actor, params.id, version, body.reason) }),
  restrictContact: async ({ db, actor, params, body }) => ({ body: await restrictContact(db, actor, params.id, body.reason) }),
  liftRestriction: async ({ db, actor, params, body }) => ({ body: await liftRestriction(db, actor, params.id, body.reason) }),
  contactPersonalData: async ({ db, actor, params }) => ({ body: await personalData(db, actor, params.id) }),
};
