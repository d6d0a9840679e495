// HTTP handlers of the interactions endpoints; one interaction viewed and the account timeline are recorded in the read audit, with the people concerned.
import { recordReads } from '../../core/audit/read-audit';
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { changeInteraction, logInteraction, lookupInteractions, readInteraction, timeline, type InteractionHooks } from './service';

/** `hooks`: the steps of other features when an interaction changes, from the composition root. */
export const interactionRoutes = (
  hooks: InteractionHooks,
): RouteTable<'logInteraction' | 'findInteractions' | 'getInteraction' | 'updateInteraction' | 'accountTimeline'> => ({
  logInteraction: async ({ db, actor, body }) => created('interactions', await logInteraction(db, actor, body)),
  findInteractions: async ({ db, actor, query }) => ({ body: await lookupInteractions(db, actor, query) }),
  getInteraction: async ({ db, actor, params }) => {
    const interaction = await readInteraction(db, actor, params.id);
    recordReads(db, actor, 'view', [
      ...interaction.contactIds.map((id) => ({ entity: 'contact' as const, id })),
      ...interaction.accountIds.map((id) => ({ entity: 'account' as const, id })),
    ]);
    return one(interaction);
  },
  updateInteraction: async ({ db, actor, params, body, version }) => one(await changeInteraction(db, actor, params.id, version, body, hooks)),
  accountTimeline: async ({ db, actor, params, query }) => {
    const page = await timeline(db, actor, params.id, query);
    const people = [...new Set(page.items.flatMap((i) => i.contactIds))];
    recordReads(db, actor, 'timeline', [{ entity: 'account', id: params.id }, ...people.map((id) => ({ entity: 'contact' as const, id }))]);
    return { body: page };
  },
});
