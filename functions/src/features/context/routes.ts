// HTTP handler of the customer context lookup the Outlook pane calls for every item.
import type { RouteTable } from '../../core/http/typed-routes';
import { customerContext } from './service';

export const contextRoutes: RouteTable<'context'> = {
  context: async ({ db, actor, query }) => ({
    body: await customerContext(db, actor, query.email, { internetMessageId: query.internetMessageId, conversationId: query.conversationId }),
  }),
};
