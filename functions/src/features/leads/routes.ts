// HTTP handlers of the leads endpoints. A lead is a person: the list (My CRM's leads) and one lead viewed are recorded in
// the read audit with the lead, its address, and the contact and account it became.
import type { Lead } from '@crm/common';
import { recordReads, type ReadRecord } from '../../core/audit/read-audit';
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { tenantColleagues } from '../../core/tenancy/users-store';
import { changeLead, convertLead, createLead, leadHistory, leadSummary, readLead, removeLead, searchLeads } from './service';

const readOf = (lead: Lead): ReadRecord[] => [
  { entity: 'lead', id: lead.id, address: lead.email },
  ...(lead.contactId ? [{ entity: 'contact' as const, id: lead.contactId }] : []),
  ...(lead.accountId ? [{ entity: 'account' as const, id: lead.accountId }] : []),
];

export const leadRoutes: RouteTable<'listLeads' | 'createLead' | 'getLead' | 'leadInteractions' | 'updateLead' | 'deleteLead' | 'convertLead' | 'leadSummary' | 'listColleagues'> = {
  listLeads: async ({ db, actor, query }) => {
    const page = await searchLeads(db, actor, query);
    recordReads(db, actor, 'list', page.items.flatMap(readOf));
    return { body: page };
  },
  createLead: async ({ db, actor, body }) => created('leads', await createLead(db, actor, body)),
  getLead: async ({ db, actor, params }) => {
    const lead = await readLead(db, actor, params.id);
    recordReads(db, actor, 'view', readOf(lead));
    return one(lead);
  },
  leadInteractions: async ({ db, actor, params, query }) => {
    const { lead, page } = await leadHistory(db, actor, params.id, query);
    recordReads(db, actor, 'view', readOf(lead));
    return { body: page };
  },
  updateLead: async ({ db, actor, params, body, version }) => one(await changeLead(db, actor, params.id, version, body)),
  deleteLead: async ({ db, actor, params, version }) => (await removeLead(db, actor, params.id, version), {}),
  convertLead: async ({ db, actor, params, body, version }) => ({ body: await convertLead(db, actor, params.id, version, body) }),
  leadSummary: async ({ db, actor, query }) => ({ body: await leadSummary(db, actor, query.period) }),
  listColleagues: async ({ db, actor }) => ({ body: { items: await tenantColleagues(db, actor.tenantId) } }),
};
