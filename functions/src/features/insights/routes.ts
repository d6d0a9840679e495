// HTTP handlers of the insights: the account's figures and the team's key figures, readable by every role, goals and segment lists.
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { changeGoal, createGoal, readGoal, removeGoal, searchGoals } from './goals';
import { servedAccountInsights, servedTeamAnswer } from './current';
import { noneMatchHolds } from '../../core/http/request-input';
import { negotiateEncoding } from '../../core/http/negotiation';
import { TEAM_CODINGS } from './team-answer';
import { insightTrend } from './snapshots';
import { employeeInsights } from './employee-figures';
import { createSegmentList, searchSegmentLists, segmentMembers } from './segment-lists';
import { recordReads } from '../../core/audit/read-audit';
import { exportSegment } from './segment-export';

export const insightsRoutes: RouteTable<'accountInsights' | 'teamInsights' | 'insightTrend' | 'employeeInsights' | 'listGoals' | 'createGoal' | 'getGoal' | 'updateGoal' | 'deleteGoal' | 'listSegments' | 'createSegment' | 'segmentMembers' | 'exportSegment'> = {
  // From the precomputed analysis, with how old it is (current.ts).
  accountInsights: async ({ db, actor, params, query }) => ({ body: await servedAccountInsights(db, actor, params.id, query.period) }),
  // The same body for every user of the tenant until the next refresh: a client that holds it gets 304. Compressed when
  // the client accepts it, from bytes held with the answer; a compressed body is another representation, so its ETag is
  // weak (as nginx makes its own), which If-None-Match's weak comparison still matches.
  teamInsights: async ({ db, actor, query, request }) => {
    const answer = await servedTeamAnswer(db, actor, query.period);
    const coding = negotiateEncoding(request.headers.get('accept-encoding'), TEAM_CODINGS);
    const etag = coding ? `W/${answer.etag}` : answer.etag;
    const headers: Record<string, string> = { vary: 'Accept-Encoding' };
    if (noneMatchHolds(request, etag)) return { status: 304, etag, headers };
    if (!coding) return { body: answer.body, etag, headers };
    return { body: answer.encoded(coding), etag, headers: { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-encoding': coding } };
  },
  insightTrend: async ({ db, actor, query }) => ({ body: await insightTrend(db, actor, query.months) }),
  employeeInsights: async ({ db, actor, query }) => ({ body: await employeeInsights(db, actor, query.period) }),
  listGoals: async ({ db, actor, query }) => ({ body: await searchGoals(db, actor, query) }),
  createGoal: async ({ db, actor, body }) => created('goals', await createGoal(db, actor, body)),
  getGoal: async ({ db, actor, params }) => one(await readGoal(db, actor, params.id)),
  updateGoal: async ({ db, actor, params, body, version }) => one(await changeGoal(db, actor, params.id, version, body)),
  deleteGoal: async ({ db, actor, params, version }) => (await removeGoal(db, actor, params.id, version), {}),
  listSegments: async ({ db, actor, query }) => ({ body: await searchSegmentLists(db, actor, query) }),
  createSegment: async ({ db, actor, body }) => created('segments', await createSegmentList(db, actor, body)),
  segmentMembers: async ({ db, actor, params, query }) => {
    const members = await segmentMembers(db, actor, params.id, query);
    // A list of people is a read of their data; an export for a purpose is recorded as one.
    const people = members.items.flatMap((m) => (m.contact ? [{ entity: 'contact' as const, id: m.contact.id }] : []));
    if (people.length > 0) recordReads(db, actor, query.purpose ? 'export' : 'list', people);
    return { body: members };
  },
  exportSegment: async ({ db, actor, params, query }) => {
    const { file, contactIds } = await exportSegment(db, actor, params.id, query);
    if (contactIds.length > 0) recordReads(db, actor, 'export', contactIds.map((id) => ({ entity: 'contact' as const, id })));
    return { body: file.body, headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"` } };
  },
};
