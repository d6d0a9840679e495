// HTTP handlers of the service case endpoints.
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { deleteServiceContract, listServiceContracts, putServiceContract, readServiceContract } from './contracts';
import { changeCase, openCase, readCase, searchCases } from './service';

export const caseRoutes: RouteTable<
  'listCases' | 'createCase' | 'getCase' | 'updateCase' | 'getServiceContract' | 'putServiceContract' | 'deleteServiceContract' | 'listServiceContracts'
> = {
  listCases: async ({ db, actor, query }) => ({ body: await searchCases(db, actor, query) }),
  createCase: async ({ db, actor, body }) => created('cases', await openCase(db, actor, body)),
  getCase: async ({ db, actor, params }) => one(await readCase(db, actor, params.id)),
  updateCase: async ({ db, actor, params, body, version }) => one(await changeCase(db, actor, params.id, version, body)),
  getServiceContract: async ({ db, actor, params }) => one(await readServiceContract(db, actor, params.id)),
  putServiceContract: async ({ db, actor, params, body, version }) => one(await putServiceContract(db, actor, params.id, version, body)),
  deleteServiceContract: async ({ db, actor, params, version }) => (await deleteServiceContract(db, actor, params.id, version), {}),
  listServiceContracts: async ({ db, actor, query }) => ({ body: await listServiceContracts(db, actor, query) }),
};
