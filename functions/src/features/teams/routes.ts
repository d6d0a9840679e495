// HTTP handlers of the Teams tabs' views: the account overview (recorded in the read audit with its contacts) and "my work"
// (recorded with the people its follow-ups name and the accounts it lists).
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
  myWork: async ({ db, actor }) => {
    const work = await myWork(db, actor);
    // The people my follow-ups name and the companies listed are what "My CRM" shows of personal data.
    const contacts = [...new Set(work.tasks.flatMap((t) => (t.contactId ? [t.contactId] : [])))];
    const accounts = [...new Set([...work.accounts, ...work.sleeping].map((a) => a.id))];
    recordReads(db, actor, 'my_work', [
      ...contacts.map((id) => ({ entity: 'contact' as const, id })),
      ...accounts.map((id) => ({ entity: 'account' as const, id })),
    ]);
    return { body: work };
  },
};
