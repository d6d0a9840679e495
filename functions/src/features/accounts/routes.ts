// HTTP handlers of the accounts endpoints: input is already parsed against the catalogue; views and lists go to the read
// audit.
import { recordReads } from '../../core/audit/read-audit';
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { changeAccount, createAccount, readAccount, removeAccount, searchAccounts } from './service';

export const accountRoutes: RouteTable<'listAccounts' | 'createAccount' | 'getAccount' | 'updateAccount' | 'deleteAccount'> = {
  listAccounts: async ({ db, actor, query }) => {
    const page = await searchAccounts(db, actor, query);
    recordReads(
      db,
      actor,
      'list',
      page.items.map((a) => ({ entity: 'account', id: a.id })),
    );
    return { body: page };
  },
  createAccount: async ({ db, actor, body }) => created('accounts', await createAccount(db, actor, body)),
  getAccount: async ({ db, actor, params }) => {
    const account = await readAccount(db, actor, params.id);
    recordReads(db, actor, 'view', [{ entity: 'account', id: account.id }]);
    return one(account);
  },
  updateAccount: async ({ db, actor, params, body, version }) => one(await changeAccount(db, actor, params.id, version, body)),
  deleteAccount: async ({ db, actor, params, version }) => (await removeAccount(db, actor, params.id, version), {}),
};
