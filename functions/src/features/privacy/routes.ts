// HTTP handlers of the data subject rights endpoints; access (CRM.Privacy, CRM.Admin) is checked by the catalogue.
import { negotiateLanguage } from '../../core/http/negotiation';
import type { RouteTable } from '../../core/http/typed-routes';
import { personalData } from './personal-data';
import { personalDataPdf } from './personal-data-pdf';
import { PDF_LANGUAGES } from './personal-data-pdf-text';
import { liftRestriction, restrictContact } from './restriction';
import { eraseContact } from './service';

export const privacyRoutes: RouteTable<'eraseContact' | 'restrictContact' | 'liftRestriction' | 'contactPersonalData'> = {
  eraseContact: async ({ db, actor, params, body, version }) => ({ body: await eraseContact(db, actor, params.id, version, body.reason) }),
  restrictContact: async ({ db, actor, params, body }) => ({ body: await restrictContact(db, actor, params.id, body.reason) }),
  liftRestriction: async ({ db, actor, params, body }) => ({ body: await liftRestriction(db, actor, params.id, body.reason) }),
  contactPersonalData: async ({ db, actor, params, query, mediaType, request }) => {
    const data = await personalData(db, actor, params.id);
    if (mediaType !== 'application/pdf') return { body: data };
    const lang = query.lang ?? negotiateLanguage(request.headers.get('accept-language'), PDF_LANGUAGES);
    return {
      body: personalDataPdf(data, lang),
      headers: {
        'content-type': 'application/pdf',
        'content-language': lang,
        'content-disposition': `attachment; filename="personal-data-${params.id}-${lang}.pdf"`,
      },
    };
  },
};
