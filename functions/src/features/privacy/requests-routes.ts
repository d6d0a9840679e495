// HTTP handlers of the request register and the audit search; access (CRM.Privacy, CRM.Admin) is checked by the catalogue.
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { searchAudit } from './audit-search';
import { changePrivacyRequest, createPrivacyRequest, listPrivacyRequests, readPrivacyRequest } from './requests';

export const privacyRequestRoutes: RouteTable<'listPrivacyRequests' | 'createPrivacyRequest' | 'getPrivacyRequest' | 'updatePrivacyRequest' | 'searchAudit'> = {
  listPrivacyRequests: async ({ db, actor, query }) => ({ body: await listPrivacyRequests(db, actor, query) }),
  createPrivacyRequest: async ({ db, actor, body }) => created('privacy/requests', await createPrivacyRequest(db, actor, body)),
  getPrivacyRequest: async ({ db, actor, params }) => one(await readPrivacyRequest(db, actor, params.id)),
  updatePrivacyRequest: async ({ db, actor, params, body, version }) => one(await changePrivacyRequest(db, actor, params.id, version, body)),
  searchAudit: async ({ db, actor, query }) => ({ body: await searchAudit(db, actor, query) }),
};
