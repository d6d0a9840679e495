// HTTP handlers of the service case endpoints. The list (My CRM's cases) and one case viewed are recorded in the read
// audit with the accounts and the people the complaints are about; those are looked up only while the audit is on.
import { readAuditEnabled, recordReads } from '../../core/audit/read-audit';
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { deleteServiceContract, listServiceContracts, putServiceContract, readServiceContract } from './contracts';
import { changeCase, openCase, readCase, readRecordsOfCases, searchCases } from './service';

export const caseRoutes: RouteTable<
  'listCases' | 'createCase' | 'getCase' | 'updateCase' | 'getServiceContract' | 'putServiceContract' | 'deleteServiceContract' | 'listServiceContracts'
> = {
  listCases: async ({ db, actor, query }) => {
    const page = await searchCases(db, actor, query);
    if (readAuditEnabled()) recordReads(db, actor, 'list', await readRecordsOfCases(db, actor.tenantId, page.items));
    return { body: page };
  },
  createCase: async ({ db, actor, body }) => created('cases', await openCase(db, actor, body)),
  getCase: async ({ db, actor, params }) => {
    const found = await readCase(db, actor, params.id);
    if (readAuditEnabled()) recordReads(db, actor, 'view', await readRecordsOfCases(db, actor.tenantId, [found]));
    return one(found);
  },
  updateCase: async ({ db, actor, params, body, version }) => one(await changeCase(db, actor, params.id, version, body)),
  getServiceContract: async ({ db, actor, params }) => one(await readServiceContract(db, actor, params.id)),
  putServiceContract: async ({ db, actor, params, body, version }) => one(await putServiceContract(db, actor, params.id, version, body)),
  deleteServiceContract: async ({ db, actor, params, version }) => (await deleteServiceContract(db, actor, params.id, version), {}),
  listServiceContracts: async ({ db, actor, query }) => ({ body: await listServiceContracts(db, actor, query) }),
};
