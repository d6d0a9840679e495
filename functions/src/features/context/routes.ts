// HTTP handler of the customer context lookup the Outlook pane calls for every item. The read audit gets the addresses
// looked up and the contacts they matched, not the answer; recording only buffers, so the lookup does not wait for it.
import { recordReads } from '../../core/audit/read-audit';
import type { RouteTable } from '../../core/http/typed-routes';
import { customerContext, regardingSearch } from './service';

export const contextRoutes: RouteTable<'context' | 'searchRegarding'> = {
  context: async ({ db, actor, query }) => {
    const body = await customerContext(db, actor, query.email, { internetMessageId: query.internetMessageId, logKey: query.logKey, sender: query.sender, conversationId: query.conversationId });
    recordReads(
      db,
      actor,
      'context',
      body.people.map((p) => (p.status === 'known' ? { entity: 'contact', id: p.contact.id, address: p.email } : { entity: 'address', address: p.email })),
    );
    return { body };
  },
  searchRegarding: async ({ db, actor, query }) => ({ body: await regardingSearch(db, actor, query) }),
};
