// HTTP handlers of the Teams tabs' views: the account overview (recorded in the read audit with its contacts) and "my work".
import { recordReads } from '../../core/audit/read-audit';
import type { RouteTable } from '../../core/http/typed-routes';
import { accountOverview } from './account-overview';
import { myWork } from './my-work';

export const teamsRoutes: RouteTable<'accountOverview' | 'myWork'> = {
  accountOverview: async ({ db, actor, params }) => {
    const overview = await accountOverview(db, actor, params.id);
    recordReads(db, actor, 'overview', [{ entity: 'account', id: params.id }, ...overview.contacts.map((c) => ({ entity: 'contact' as const, id: c.contact.id }))]);
    return { body: overview };
  },
  myWork: async ({ db, actor }) => ({ body: await myWork(db, actor) }),
};
