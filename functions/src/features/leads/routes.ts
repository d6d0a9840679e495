// HTTP handlers of the leads endpoints.
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { tenantColleagues } from '../../core/tenancy/users-store';
import { changeLead, convertLead, createLead, leadSummary, readLead, removeLead, searchLeads } from './service';

export const leadRoutes: RouteTable<'listLeads' | 'createLead' | 'getLead' | 'updateLead' | 'deleteLead' | 'convertLead' | 'leadSummary' | 'listColleagues'> = {
  listLeads: async ({ db, actor, query }) => ({ body: await searchLeads(db, actor, query) }),
  createLead: async ({ db, actor, body }) => created('leads', await createLead(db, actor, body)),
  getLead: async ({ db, actor, params }) => one(await readLead(db, actor, params.id)),
  updateLead: async ({ db, actor, params, body, version }) => one(await changeLead(db, actor, params.id, version, body)),
  deleteLead: async ({ db, actor, params, version }) => (await removeLead(db, actor, params.id, version), {}),
  convertLead: async ({ db, actor, params, body, version }) => ({ body: await convertLead(db, actor, params.id, version, body) }),
  leadSummary: async ({ db, actor }) => ({ body: await leadSummary(db, actor) }),
  listColleagues: async ({ db, actor }) => ({ body: { items: await tenantColleagues(db, actor.tenantId) } }),
};
