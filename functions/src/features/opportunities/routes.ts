// HTTP handlers of the opportunities endpoints.
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { changeOpportunity, createOpportunity, readOpportunity, removeOpportunity, searchOpportunities } from './service';

export const opportunityRoutes: RouteTable<'listOpportunities' | 'createOpportunity' | 'getOpportunity' | 'updateOpportunity' | 'deleteOpportunity'> = {
  listOpportunities: async ({ db, actor, query }) => ({ body: await searchOpportunities(db, actor, query) }),
  createOpportunity: async ({ db, actor, body }) => created('opportunities', await createOpportunity(db, actor, body)),
  getOpportunity: async ({ db, actor, params }) => one(await readOpportunity(db, actor, params.id)),
  updateOpportunity: async ({ db, actor, params, body, version }) => one(await changeOpportunity(db, actor, params.id, version, body)),
  deleteOpportunity: async ({ db, actor, params, version }) => (await removeOpportunity(db, actor, params.id, version), {}),
};
