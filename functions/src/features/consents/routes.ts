// HTTP handlers of the consent ledger endpoints; reading a person's ledger goes to the read audit.
import { recordReads } from '../../core/audit/read-audit';
import type { RouteTable } from '../../core/http/typed-routes';
import { contactConsents, recordConsent } from './service';

export const consentRoutes: RouteTable<'recordConsent' | 'contactConsents'> = {
  recordConsent: async ({ db, actor, body }) => {
    const result = await recordConsent(db, actor, body);
    return { status: result.created ? 201 : 200, body: result.value };
  },
  contactConsents: async ({ db, actor, params }) => {
    const history = await contactConsents(db, actor, params.id);
    recordReads(db, actor, 'consents', [{ entity: 'contact', id: params.id }]);
    return { body: history };
  },
};
