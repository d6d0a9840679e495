// HTTP handlers of the consent ledger endpoints.
import type { RouteTable } from '../../core/http/typed-routes';
import { contactConsents, recordConsent } from './service';

export const consentRoutes: RouteTable<'recordConsent' | 'contactConsents'> = {
  recordConsent: async ({ db, actor, body }) => {
    const result = await recordConsent(db, actor, body);
    return { status: result.created ? 201 : 200, body: result.value };
  },
  contactConsents: async ({ db, actor, params }) => ({ body: await contactConsents(db, actor, params.id) }),
};
