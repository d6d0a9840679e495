// HTTP handler of the consent check before sending. Like the context lookup, the read audit gets the addresses checked
// and the contacts they matched, not the verdicts; recording only buffers, so the send check does not wait for it.
import { recordReads } from '../../core/audit/read-audit';
import type { RouteTable } from '../../core/http/typed-routes';
import { checkRecipients } from './service';

export const composeRoutes: RouteTable<'composeCheck'> = {
  composeCheck: async ({ db, actor, body }) => {
    const { response, checked } = await checkRecipients(db, actor, body.purpose, body.recipients, body.knownVersion);
    recordReads(db, actor, 'compose', checked);
    return { body: response };
  },
};
