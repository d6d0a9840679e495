// Segment lists: saved by users who write, read by every role. The members are read from the tenant's precomputed
// analysis of the list's period, as the other insights are (current.ts); the contacts and their consents as they are
// now. Restricted people are hidden from those who may not see them (Art. 18) and never exported.
import { InsightsSettings } from '@crm/common';
import type { ConsentPurpose, SegmentList, SegmentListCreate, SegmentListQuery, SegmentMember, SegmentMembers, SegmentMembersQuery } from '@crm/common';
import type { Actor } from '../../core/actor';
import type { Db } from '../../core/db/db';
import { isListCursor, pageOfList } from '../../core/db/paging';
import { invalid } from '../../core/errors';
import { createRecord, readRecord, type Created } from '../../core/records';
import { restrictedAmong, seesRestricted } from '../privacy';
import { getSettings } from '../settings';
import { servedSegmentAccounts } from './current';
import { HeldPeople } from './held-people';
import { decidedFor, heldMembers, patchedInPlace, positionsOf, type HeldMembers } from './segment-decisions';
import { matchesAccount, revenueTrendOf } from './segment-rules';
import type { StoredSegmentFacts } from './current-store';
import { accountsPeople, getSegmentList, insertSegmentList, listSegmentLists, memberContactDetails, memberContactsPage, memberPeople, memberPeopleConsentsOf, type MemberPersonRow } from './segment-lists-store';

const heldPeople = new HeldPeople<HeldMembers>();

export const createSegmentList = (db: Db, actor: Actor, input: SegmentListCreate): Promise<Created<SegmentList>> =>
  createRecord(db, actor, 'segment_list', async (tx) => {
    const { list, created } = await insertSegmentList(tx, actor.tenantId, actor.userId, input);
    return { value: list, created };
  });

export const searchSegmentLists = (db: Db, actor: Actor, query: SegmentListQuery) => listSegmentLists(db, actor.tenantId, query);

type MembersOptions = Partial<Pick<SegmentMembersQuery, 'purpose' | 'limit' | 'cursor'>>;

/** A page of the list's members (100 unless asked), with their number on all pages and, for a purpose, who was left out. */
export async function segmentMembers(db: Db, actor: Actor, id: string, query: MembersOptions, now = new Date()): Promise<SegmentMembers> {
  const limit = query.limit ?? 100;
  const { list, base, matching } = await matchingAccounts(db, actor, id, query.purpose, now);
  const { accounts } = matching;
  if (list.target === 'accounts') {
    const page = pageOfList(accounts, (a) => a.id, limit, query.cursor);
    return { ...base, items: page.rows.map((account) => ({ account, contact: null })), total: accounts.length, nextCursor: page.nextCursor, leftOut: null };
  }
  const decided =
    list.filter.consentPurpose || query.purpose ? await peopleOf(db, actor, list, matching, query.purpose) : await plainListHeld(db, actor, list, matching, query.cursor);
  if (!decided) {
    const options = { hideRestricted: !seesRestricted(actor), limit, cursor: query.cursor };
    const page = await memberContactsPage(db, actor.tenantId, matching.ids, options);
    const items = page.rows.map(({ accountId, ...contact }) => ({ account: matching.byId.get(accountId)!, contact }));
    return { ...base, items, total: page.total, nextCursor: page.nextCursor, leftOut: null };
  }
  const page = pageOfList(decided.people, (p) => p.id, limit, query.cursor);
  const items = await withDetails(db, actor.tenantId, page.rows, matching);
  return { ...base, items, total: decided.people.length, nextCursor: page.nextCursor, leftOut: decided.leftOut };
}

/**
 * A list where no consent decides, from the held people while they are good; else undefined: the database counts and
 * pages, and the people are read beside it for the next call. Later pages go the way the first was answered (the
 * kind of cursor says which).
 */
async function plainListHeld(db: Db, actor: Actor, list: SegmentList, matching: Matching, cursor: string | undefined) {
  const members = membersOf(db, actor, list, matching, false);
  const held = cursor === undefined ? await heldPeople.peek(db, ...members) : isListCursor(cursor) ? await heldPeople.get(db, ...members) : undefined;
  return held && decidedFor(held, seesRestricted(actor), undefined, undefined);
}

const DETAILS_BATCH = 1000;

/** Every member, for a file: the people's details read a thousand at a time. */
export async function everySegmentMember(db: Db, actor: Actor, id: string, purpose: ConsentPurpose | undefined, now = new Date()) {
  const { list, base, matching } = await matchingAccounts(db, actor, id, purpose, now);
  const people = list.target === 'contacts' ? (await peopleOf(db, actor, list, matching, purpose)).people : null;
  const pages = people
    ? (async function* () {
        for (let i = 0; i < people.length; i += DETAILS_BATCH) yield withDetails(db, actor.tenantId, people.slice(i, i + DETAILS_BATCH), matching);
      })()
    : (async function* () {
        yield matching.accounts.map((account) => ({ account, contact: null }));
      })();
  return { purpose: base.purpose, target: base.target, pages, contactIds: people?.map((p) => p.id) ?? [] };
}

async function withDetails(db: Db, tenantId: string, people: readonly MemberPersonRow[], matching: Matching): Promise<SegmentMember[]> {
  const details = await memberContactDetails(db, tenantId, people.map((p) => p.id));
  // A contact erased between the two reads is gone from the page rather than shown without a name.
  return people.flatMap((p) => {
    const contact = details.get(p.id);
    return contact ? [{ account: matching.byId.get(p.accountId)!, contact: { id: p.id, ...contact } }] : [];
  });
}

async function matchingAccounts(db: Db, actor: Actor, id: string, purpose: ConsentPurpose | undefined, now: Date) {
  // Each read waits its turn on a busy host: the settings are read beside the list rather than after it.
  const [list, settings] = await Promise.all([readRecord('segment list', () => getSegmentList(db, actor.tenantId, id)), getSettings(db, actor.tenantId)]);
  if (purpose && list.target !== 'contacts') throw invalid('purpose', 'a marketing export lists people, and this segment list is of accounts', 'query');
  const { accounts: stored, range, currency, asOf } = await servedSegmentAccounts(db, actor.tenantId, list.filter.period, { now });
  const matching = matchedAccounts(stored, list.filter, (settings.insights ?? InsightsSettings.parse({})).segments);
  const base = { segmentId: list.id, target: list.target, currency, range, asOf, purpose: purpose ?? null };
  return { list, base, matching };
}

interface Matching {
  accounts: readonly SegmentMember['account'][];
  ids: readonly string[];
  byId: ReadonlyMap<string, SegmentMember['account']>;
}

/** Per held analysis (its array of accounts stays the same until it is read again), by filter and segment settings. */
const matched = new WeakMap<readonly StoredSegmentFacts[], Map<string, Matching>>();
const MATCHED_PER_ANALYSIS = 32;

/**
 * The analysis' accounts a filter matches, made once per analysis read and filter: filtering and shaping 10,000
 * accounts on every call cost a third of a held list's answer, and the same array lets the held people skip
 * comparing its ids one by one. The answers never change what they are given.
 */
function matchedAccounts(stored: readonly StoredSegmentFacts[], filter: SegmentList['filter'], config: InsightsSettings['segments']): Matching {
  let byFilter = matched.get(stored);
  if (!byFilter) matched.set(stored, (byFilter = new Map()));
  const key = JSON.stringify([filter, config]);
  const found = byFilter.get(key);
  if (found) return found;
  const accounts = stored
    .filter((a) => matchesAccount(a, a.industry, filter, config))
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
  const made = { accounts, ids: accounts.map((a) => a.id), byId: new Map(accounts.map((a) => [a.id, a])) };
  byFilter.set(key, made);
  if (byFilter.size > MATCHED_PER_ANALYSIS) byFilter.delete(byFilter.keys().next().value!);
  return made;
}

/** The people of a list where a consent decides (a consent filter, an export for a purpose), or for a file: all of them. */
async function peopleOf(db: Db, actor: Actor, list: SegmentList, matching: Matching, purpose: ConsentPurpose | undefined) {
  const consentPurpose = list.filter.consentPurpose;
  return decidedFor(await heldPeople.get(db, ...membersOf(db, actor, list, matching, Boolean(consentPurpose || purpose))), seesRestricted(actor), consentPurpose, purpose);
}

/** What the held people of a list are held by (tenant, list and kind, accounts), read with, and patched with. */
function membersOf(db: Db, actor: Actor, list: SegmentList, matching: Matching, withConsents: boolean) {
  const accountIds = matching.ids;
  const read = async (): Promise<HeldMembers> => {
    const contacts = await memberPeople(db, actor.tenantId, accountIds, withConsents);
    return heldMembers(contacts, await restrictedAmong(db, actor.tenantId, contacts.map((c) => c.id)));
  };
  // The changed accounts' people are read alone first. When they are the rows held (no one added, removed, moved or
  // written since: the same row versions), the order and the e-mail flags stand and only their consents are new.
  // Otherwise the order and the e-mail flags of all come from the database again (its collation orders them), and the
  // consents only of the changed accounts' people, as nothing else of theirs was written. Restrictions, either way,
  // only of the changed accounts' people.
  const inPlace = async (held: HeldMembers, changed: ReadonlySet<string>): Promise<HeldMembers | undefined> => {
    const positions = positionsOf(held);
    // In place they are the people held there, so their restrictions are read beside their rows.
    const ids = [...changed].flatMap((account) => (positions.get(account) ?? []).map((i) => held.contacts[i]!.id));
    const [rows, restricted] = await Promise.all([accountsPeople(db, actor.tenantId, [...changed], withConsents), restrictedAmong(db, actor.tenantId, ids)]);
    const fresh = new Map(rows.map((row) => [row.id, row]));
    const contacts = held.contacts.slice();
    const at: number[] = [];
    for (const account of changed)
      for (const i of positions.get(account) ?? []) {
        const person = contacts[i]!;
        const row = fresh.get(person.id);
        if (row?.accountId !== person.accountId || row.rowVersion !== person.rowVersion) return undefined;
        contacts[i] = row;
        at.push(i);
      }
    if (at.length !== fresh.size) return undefined;
    const onChanged = new Set(ids);
    for (const id of held.restricted) if (!onChanged.has(id)) restricted.add(id);
    return patchedInPlace(held, contacts, restricted, at);
  };
  const reordered = async (held: HeldMembers, changed: ReadonlySet<string>): Promise<MemberPersonRow[] | undefined> => {
    const rows = withConsents ? await memberPeopleConsentsOf(db, actor.tenantId, accountIds, [...changed]) : await memberPeople(db, actor.tenantId, accountIds, false);
    const before = new Map(held.contacts.map((c) => [c.id, c]));
    const contacts: MemberPersonRow[] = [];
    for (const row of rows) {
      const kept = changed.has(row.accountId) ? undefined : before.get(row.id);
      // Someone on an unchanged account that was not held there was written with the record of changes switched off
      // (a restore, say): the whole list is read instead.
      if (!changed.has(row.accountId) && kept?.accountId !== row.accountId) return undefined;
      contacts.push({ ...row, current: row.current ?? kept!.current });
    }
    return contacts;
  };
  const patch = async (held: HeldMembers, changedAccounts: readonly string[]): Promise<HeldMembers> => {
    const changed = new Set(changedAccounts);
    const placed = await inPlace(held, changed);
    if (placed) return placed;
    const contacts = await reordered(held, changed);
    if (!contacts) return read();
    const onChanged = (people: readonly MemberPersonRow[]) => new Set(people.filter((c) => changed.has(c.accountId)).map((c) => c.id));
    const restricted = await restrictedAmong(db, actor.tenantId, [...onChanged(contacts)]);
    const wereOnChanged = onChanged(held.contacts);
    for (const id of held.restricted) if (!wereOnChanged.has(id)) restricted.add(id);
    return heldMembers(contacts, restricted);
  };
  return [actor.tenantId, `${list.id}\n${withConsents}`, accountIds, read, patch] as const;
}
