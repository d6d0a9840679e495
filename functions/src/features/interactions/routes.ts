// HTTP handlers of the interactions endpoints and the account timeline (recorded in the read audit, with the people on the page).
import { recordReads } from '../../core/audit/read-audit';
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { changeInteraction, logInteraction, lookupInteractions, readInteraction, timeline } from './service';

export const interactionRoutes: RouteTable<'logInteraction' | 'findInteractions' | 'getInteraction' | 'updateInteraction' | 'accountTimeline'> = {
  logInteraction: async ({ db, actor, body }) => created('interactions', await logInteraction(db, actor, body)),
  findInteractions: async ({ db, actor, query }) => ({ body: await lookupInteractions(db, actor, query) }),
  getInteraction: async ({ db, actor, params }) => one(await readInteraction(db, actor, params.id)),
  updateInteraction: async ({ db, actor, params, body, version }) => one(await changeInteraction(db, actor, params.id, version, body)),
  accountTimeline: async ({ db, actor, params, query }) => {
    const page = await timeline(db, actor, params.id, query);
    const people = [...new Set(page.items.flatMap((i) => i.contactIds))];
    recordReads(db, actor, 'timeline', [{ entity: 'account', id: params.id }, ...people.map((id) => ({ entity: 'contact' as const, id }))]);
    return { body: page };
  },
};
