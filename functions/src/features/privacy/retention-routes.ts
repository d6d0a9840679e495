// HTTP handlers of retention: policies, preview, run and the run history; access (CRM.Privacy, CRM.Admin) by the catalogue.
import { negotiateLanguage } from '../../core/http/negotiation';
import type { RouteTable } from '../../core/http/typed-routes';
import { previewRetention, retentionPolicies, retentionRun, retentionRuns, runRetention, updateRetentionPolicies } from './retention';

/** How long one HTTP call works on a run before answering "paused" with its progress; calling run again resumes it. */
const RUN_BUDGET_MS = 20_000;

/** English unless asked for German, as the API answered before it spoke German. */
const languageOf = (lang: 'de' | 'en' | undefined, request: Request) =>
  lang ?? negotiateLanguage(request.headers.get('accept-language'), ['en', 'de'] as const);

export const retentionRoutes: RouteTable<
  'getRetentionPolicies' | 'putRetentionPolicies' | 'previewRetention' | 'runRetention' | 'listRetentionRuns' | 'getRetentionRun'
> = {
  getRetentionPolicies: async ({ db, actor, query, request }) => {
    const policies = await retentionPolicies(db, actor.tenantId, languageOf(query.lang, request));
    return { body: policies, etag: policies.etag };
  },
  putRetentionPolicies: async ({ db, actor, body, version, query, request }) => {
    const policies = await updateRetentionPolicies(db, actor, version, body, languageOf(query.lang, request));
    return { body: policies, etag: policies.etag };
  },
  previewRetention: async ({ db, actor }) => {
    const preview = await previewRetention(db, actor.tenantId, actor.userId);
    return { body: preview, location: `/api/privacy/retention/runs/${preview.runId}` };
  },
  runRetention: async ({ db, actor, body }) => ({ body: await runRetention(db, actor.tenantId, body.runId, { deadline: Date.now() + RUN_BUDGET_MS }) }),
  listRetentionRuns: async ({ db, actor, query }) => ({ body: await retentionRuns(db, actor.tenantId, query) }),
  getRetentionRun: async ({ db, actor, params }) => ({ body: await retentionRun(db, actor.tenantId, params.id) }),
};
