// HTTP handlers of the opportunities endpoints; one opportunity viewed is recorded in the read audit with its account
// and the people it names.
import { readAuditEnabled, recordReads } from '../../core/audit/read-audit';
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { changeOpportunity, createOpportunity, namedContacts, readOpportunity, removeOpportunity, searchOpportunities } from './service';

export const opportunityRoutes: RouteTable<'listOpportunities' | 'createOpportunity' | 'getOpportunity' | 'updateOpportunity' | 'deleteOpportunity'> = {
  listOpportunities: async ({ db, actor, query }) => ({ body: await searchOpportunities(db, actor, query) }),
  createOpportunity: async ({ db, actor, body }) => created('opportunities', await createOpportunity(db, actor, body)),
  getOpportunity: async ({ db, actor, params }) => {
    const opportunity = await readOpportunity(db, actor, params.id);
    // The people are not in the answer, so they are read only for the audit, and not at all while it is off.
    if (readAuditEnabled()) {
      const people = await namedContacts(db, actor, opportunity.id);
      recordReads(db, actor, 'view', [{ entity: 'account', id: opportunity.accountId }, ...people.map((id) => ({ entity: 'contact' as const, id }))]);
    }
    return one(opportunity);
  },
  updateOpportunity: async ({ db, actor, params, body, version }) => one(await changeOpportunity(db, actor, params.id, version, body)),
  deleteOpportunity: async ({ db, actor, params, version }) => (await removeOpportunity(db, actor, params.id, version), {}),
};
