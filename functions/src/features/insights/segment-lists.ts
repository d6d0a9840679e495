// Segment lists: saved by users who write, read by every role. The members are read from the tenant's precomputed
// analysis of the list's period, as the other insights are (current.ts); the contacts and their consents as they are
// now. Restricted people are hidden from those who may not see them (Art. 18) and never exported.
import { InsightsSettings } from '@crm/common';
import type { ExportLeftOutReason, SegmentList, SegmentListCreate, SegmentListQuery, SegmentMember, SegmentMembers, SegmentMembersQuery } from '@crm/common';
import type { Actor } from '../../core/actor';
import type { Db } from '../../core/db/db';
import { invalid } from '../../core/errors';
import { createRecord, readRecord, type Created } from '../../core/records';
import { restrictedAmong, seesRestricted } from '../privacy';
import { getSettings } from '../settings';
import { servedSegmentAccounts } from './current';
import { exportLeftOutReason, matchesAccount, revenueTrendOf } from './segment-rules';
import { contactsOfAccounts, getSegmentList, insertSegmentList, listSegmentLists } from './segment-lists-store';

const REASONS: readonly ExportLeftOutReason[] = ['restricted', 'objected', 'withdrawn', 'no_consent', 'no_email'];

export const createSegmentList = (db: Db, actor: Actor, input: SegmentListCreate): Promise<Created<SegmentList>> =>
  createRecord(db, actor, 'segment_list', async (tx) => {
    const { list, created } = await insertSegmentList(tx, actor.tenantId, actor.userId, input);
    return { value: list, created };
  });

export const searchSegmentLists = (db: Db, actor: Actor, query: SegmentListQuery) => listSegmentLists(db, actor.tenantId, query);

export async function segmentMembers(db: Db, actor: Actor, id: string, query: SegmentMembersQuery, now = new Date()): Promise<SegmentMembers> {
  const list = await readRecord('segment list', () => getSegmentList(db, actor.tenantId, id));
  if (query.purpose && list.target !== 'contacts') throw invalid('purpose', 'a marketing export lists people, and this segment list is of accounts', 'query');
  const [{ accounts: stored, range, currency, asOf }, settings] = await Promise.all([
    servedSegmentAccounts(db, actor.tenantId, list.filter.period, { now }),
    getSettings(db, actor.tenantId),
  ]);
  const config = (settings.insights ?? InsightsSettings.parse({})).segments;
  const accounts = stored
    .filter((a) => matchesAccount(a, a.industry, list.filter, config))
    .map((a): SegmentMember['account'] => ({
      id: a.id,
      name: a.name,
      industry: a.industry,
      ownerId: a.ownerId,
      abcClass: a.abcClass as SegmentMember['account']['abcClass'],
      segment: a.segment as SegmentMember['account']['segment'],
      revenue: a.revenueCents / 100,
      previousRevenue: a.previousRevenueCents / 100,
      revenueTrend: revenueTrendOf(a.revenueCents, a.previousRevenueCents, config),
      lastContactAt: a.lastContactAt,
    }));
  const base = { segmentId: list.id, target: list.target, currency, range, asOf, purpose: query.purpose ?? null };
  if (list.target === 'accounts') return { ...base, items: accounts.map((account) => ({ account, contact: null })), leftOut: null };

  const accountOf = new Map(accounts.map((a) => [a.id, a]));
  const contacts = await contactsOfAccounts(db, actor.tenantId, [...accountOf.keys()]);
  const restricted = await restrictedAmong(db, actor.tenantId, contacts.map((c) => c.id));
  const visible = seesRestricted(actor) ? contacts : contacts.filter((c) => !restricted.has(c.id));
  const facts = (c: (typeof contacts)[number]) => ({ restricted: restricted.has(c.id), hasEmail: c.email !== null, current: c.current });
  const inList = list.filter.consentPurpose ? visible.filter((c) => exportLeftOutReason(facts(c), list.filter.consentPurpose!) === null) : visible;
  const counts = new Map<ExportLeftOutReason, number>();
  const members = inList.filter((c) => {
    if (!query.purpose) return true;
    const reason = exportLeftOutReason(facts(c), query.purpose);
    if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    return reason === null;
  });
  const items = members.map((c) => ({
    account: accountOf.get(c.accountId)!,
    contact: { id: c.id, firstName: c.firstName, lastName: c.lastName, email: c.email, jobTitle: c.jobTitle },
  }));
  const leftOut = query.purpose
    ? {
        total: inList.length - members.length,
        byReason: REASONS.filter((reason) => counts.has(reason)).map((reason) => ({ reason, count: counts.get(reason)! })),
      }
    : null;
  return { ...base, items, leftOut };
}
