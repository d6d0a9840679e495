// HTTP handlers of the import endpoints. The upload reads its body itself: the file, up to 20 MiB for this endpoint
// only (every other body keeps the 1 MiB of core/http).
import { answeredInLanguage, negotiateLanguage } from '../../core/http/negotiation';
import { readLimitedBody } from '../../core/http/request-input';
import { one, type RouteTable } from '../../core/http/typed-routes';
import { invalid } from '../../core/errors';
import { REASON_LANGUAGES } from './reasons';
import { changeImport, commitImport, importReport, listImports, MAX_IMPORT_BYTES, readImport, undoImport, uploadImport } from './service';

// The reasons of the preview and the report in the language the client asks for; English when it asks for neither.
const languageOf = (request: Request) => negotiateLanguage(request.headers.get('accept-language'), REASON_LANGUAGES);

export const importRoutes: RouteTable<'uploadImport' | 'listImports' | 'getImport' | 'updateImport' | 'commitImport' | 'undoImport' | 'importReport'> = {
  uploadImport: async ({ db, actor, query, request }) => {
    const bytes = await readLimitedBody(request, MAX_IMPORT_BYTES);
    if (bytes.length === 0) throw invalid('body', 'is empty: send the file itself as the request body');
    const { fileName, ...readOptions } = query;
    const lang = languageOf(request);
    const result = await uploadImport(db, actor, { fileName, readOptions, bytes }, lang);
    return {
      status: result.created ? 201 : 200,
      body: result.value,
      etag: result.value.etag,
      location: `/api/imports/${result.value.id}`,
      headers: answeredInLanguage(lang),
    };
  },
  listImports: async ({ db, actor, query, request }) => {
    const lang = languageOf(request);
    return { body: await listImports(db, actor, query, lang), headers: answeredInLanguage(lang) };
  },
  getImport: async ({ db, actor, params, query, request }) => {
    const lang = languageOf(request);
    return { ...one(await readImport(db, actor, params.id, query, lang)), headers: answeredInLanguage(lang) };
  },
  updateImport: async ({ db, actor, params, body, version, request }) => {
    const lang = languageOf(request);
    return { ...one(await changeImport(db, actor, params.id, version, body, lang)), headers: answeredInLanguage(lang) };
  },
  commitImport: async ({ db, actor, params, request }) => {
    const lang = languageOf(request);
    // A budget below the hosts' request timeouts (230 s on Azure): a large list answers 202 and the client calls again.
    const { value, done } = await commitImport(db, actor, params.id, { budgetMs: 20_000, lang });
    return { status: done ? 200 : 202, body: value, etag: value.etag, headers: answeredInLanguage(lang) };
  },
  undoImport: async ({ db, actor, params, request }) => {
    const lang = languageOf(request);
    return { ...one(await undoImport(db, actor, params.id, undefined, lang)), headers: answeredInLanguage(lang) };
  },
  importReport: async ({ db, actor, params, request }) => {
    const lang = languageOf(request);
    const { fileName, csv } = await importReport(db, actor, params.id, lang);
    return {
      body: csv,
      headers: {
        ...answeredInLanguage(lang),
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
      },
    };
  },
};
