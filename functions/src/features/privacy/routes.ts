// HTTP handlers of the data subject rights endpoints; access (CRM.Privacy, CRM.Admin) is checked by the catalogue.
import { answeredInLanguage, negotiateLanguage } from '../../core/http/negotiation';
import type { RouteTable } from '../../core/http/typed-routes';
import { personalData } from './personal-data';
import { personalDataPdf } from './personal-data-pdf';
import { PDF_LANGUAGES, type PdfLanguage } from './personal-data-pdf-text';
import { liftRestriction, restrictContact } from './restriction';
import { eraseContact } from './service';

/** The language of an answer's words: ?lang=, else the best of Accept-Language among those offered, else the first offered. */
const languageOf = (lang: PdfLanguage | undefined, request: Request, offered: readonly [PdfLanguage, ...PdfLanguage[]]) =>
  lang ?? negotiateLanguage(request.headers.get('accept-language'), offered);

/** JSON answers are English unless asked for German, as the API answered before it spoke German. */
const JSON_LANGUAGES = ['en', 'de'] as const;

export const privacyRoutes: RouteTable<'eraseContact' | 'restrictContact' | 'liftRestriction' | 'contactPersonalData'> = {
  eraseContact: async ({ db, actor, params, query, body, version, request }) => {
    const lang = languageOf(query.lang, request, JSON_LANGUAGES);
    return { body: await eraseContact(db, actor, params.id, version, body.reason, lang), headers: answeredInLanguage(lang) };
  },
  restrictContact: async ({ db, actor, params, body }) => ({ body: await restrictContact(db, actor, params.id, body.reason) }),
  liftRestriction: async ({ db, actor, params, body }) => ({ body: await liftRestriction(db, actor, params.id, body.reason) }),
  contactPersonalData: async ({ db, actor, params, query, mediaType, request }) => {
    const pdf = mediaType === 'application/pdf';
    const lang = languageOf(query.lang, request, pdf ? PDF_LANGUAGES : JSON_LANGUAGES);
    const data = await personalData(db, actor, params.id, lang);
    const languageHeaders = answeredInLanguage(lang, 'Accept, Accept-Language');
    if (!pdf) return { body: data, headers: languageHeaders };
    return {
      body: personalDataPdf(data, lang),
      headers: {
        ...languageHeaders,
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="personal-data-${params.id}-${lang}.pdf"`,
      },
    };
  },
};
