// HTTP handlers of the opportunities endpoints; the list and one opportunity viewed are recorded in the read audit with
// their accounts and the people they name.
import { readAuditEnabled, recordReads } from '../../core/audit/read-audit';
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { changeOpportunity, createOpportunity, readOpportunity, readRecordsOfOpportunities, removeOpportunity, searchOpportunities } from './service';

export const opportunityRoutes: RouteTable<'listOpportunities' | 'createOpportunity' | 'getOpportunity' | 'updateOpportunity' | 'deleteOpportunity'> = {
  listOpportunities: async ({ db, actor, query }) => {
    const page = await searchOpportunities(db, actor, query);
    if (readAuditEnabled()) recordReads(db, actor, 'list', await readRecordsOfOpportunities(db, actor.tenantId, page.items));
    return { body: page };
  },
  createOpportunity: async ({ db, actor, body }) => created('opportunities', await createOpportunity(db, actor, body)),
  getOpportunity: async ({ db, actor, params }) => {
    const opportunity = await readOpportunity(db, actor, params.id);
    if (readAuditEnabled()) recordReads(db, actor, 'view', await readRecordsOfOpportunities(db, actor.tenantId, [opportunity]));
    return one(opportunity);
  },
  updateOpportunity: async ({ db, actor, params, body, version }) => one(await changeOpportunity(db, actor, params.id, version, body)),
  deleteOpportunity: async ({ db, actor, params, version }) => (await removeOpportunity(db, actor, params.id, version), {}),
};
