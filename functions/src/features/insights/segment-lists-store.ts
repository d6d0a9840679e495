// Segment lists as stored, and the facts their members are computed from that the analysis does not carry.
import { SegmentFilter, type ConsentAction, type SegmentList, type SegmentListCreate, type SegmentListQuery } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { decodeCursor, pageFrom } from '../../core/db/paging';
import { str, strOrNull, versionedFields, type Row } from '../../core/db/rows';
import { SqlParams } from '../../core/db/sql-builder';
import { notRestrictedSql } from '../privacy';

const toSegmentList = (row: Row): SegmentList => ({
  ...versionedFields(row),
  name: str(row, 'name'),
  description: strOrNull(row, 'description'),
  target: str(row, 'target') as SegmentList['target'],
  // Parsed, not cast: a list saved before a filter field existed reads with its default.
  filter: SegmentFilter.parse(row.filter),
  createdBy: strOrNull(row, 'created_by'),
});

export async function getSegmentList(db: Queryable, tenantId: string, id: string): Promise<SegmentList | null> {
  const rows = await db.query(`SELECT * FROM segment_lists WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  return rows[0] ? toSegmentList(rows[0]) : null;
}

export async function insertSegmentList(tx: Queryable, tenantId: string, createdBy: string, input: SegmentListCreate) {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO segment_lists (tenant_id, id, name, description, target, filter, created_by)
     VALUES ($1, COALESCE($2, gen_random_uuid()), $3, $4, $5, $6::jsonb, $7)
     ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`,
    [tenantId, input.id ?? null, input.name, input.description ?? null, input.target, JSON.stringify(input.filter), createdBy],
  );
  const list = await getSegmentList(tx, tenantId, inserted[0]?.id ?? input.id ?? '');
  if (!list) throw new Error('the segment list just written is not readable');
  return { list, created: Boolean(inserted[0]) };
}

export async function listSegmentLists(db: Queryable, tenantId: string, query: SegmentListQuery) {
  const params = new SqlParams();
  const where = [`tenant_id = ${params.add(tenantId)}`];
  const after = decodeCursor(query.cursor, ['text', 'uuid']);
  if (after) where.push(`(lower(name), id) > (${params.add(after[0])}, ${params.add(after[1])}::uuid)`);
  const rows = await db.query(
    `SELECT *, lower(name) AS name_key FROM segment_lists WHERE ${where.join(' AND ')} ORDER BY lower(name), id LIMIT ${query.limit + 1}`,
    params.values,
  );
  const page = pageFrom(rows, query.limit, (row) => [row.name_key, row.id]);
  return { items: page.rows.map(toSegmentList), nextCursor: page.nextCursor };
}

/** What decides whether a contact of a matching account is in the list, and in an export: no name, no address. */
export interface MemberPersonRow {
  id: string;
  accountId: string;
  hasEmail: boolean;
  /** The row's version (xmin): any write of the contact, whoever made it, gives it another. */
  rowVersion: string;
  /** The latest ledger entry per channel and purpose; empty when not asked for. */
  current: Array<{ channel: string; purpose: string; action: ConsentAction }>;
}

/**
 * The contacts of these accounts by last and first name, with their current consents when a consent decides (a
 * consent filter or an export for a purpose): there each page reads them all, to count it and to know where it is.
 */
export const memberPeople = (db: Queryable, tenantId: string, accountIds: readonly string[], withConsents: boolean) =>
  readMemberPeople(db, tenantId, accountIds, withConsents ? 'all' : 'none') as Promise<MemberPersonRow[]>;

/** The same people with the current consents of those on `consentsOf` alone: the others' `current` is null, not read. */
export const memberPeopleConsentsOf = (db: Queryable, tenantId: string, accountIds: readonly string[], consentsOf: readonly string[]) =>
  readMemberPeople(db, tenantId, accountIds, consentsOf);

const CURRENT_CONSENTS = `COALESCE((
         SELECT json_agg(json_build_object('channel', k.channel, 'purpose', k.purpose, 'action', k.action))
         FROM (
           SELECT DISTINCT ON (channel, purpose) channel, purpose, action FROM consents
           WHERE tenant_id = c.tenant_id AND contact_id = c.id
           ORDER BY channel, purpose, captured_at DESC, recorded_at DESC
         ) k
       ), '[]'::json)`;

const toMemberPerson = (row: Row) => ({
  id: str(row, 'id'),
  accountId: str(row, 'account_id'),
  hasEmail: row.has_email === true,
  rowVersion: str(row, 'row_version'),
  current: row.current as MemberPersonRow['current'] | null,
});

async function readMemberPeople(db: Queryable, tenantId: string, accountIds: readonly string[], consentsOf: 'all' | 'none' | readonly string[]) {
  if (accountIds.length === 0) return [];
  const current =
    consentsOf === 'all' ? CURRENT_CONSENTS : consentsOf === 'none' ? `'[]'::json` : `CASE WHEN c.account_id = ANY($3::uuid[]) THEN ${CURRENT_CONSENTS} END`;
  const rows = await db.query(
    `SELECT c.id, c.account_id, c.emails[1] IS NOT NULL AS has_email, c.xmin::text AS row_version, ${current} AS current
     FROM contacts c
     WHERE c.tenant_id = $1 AND c.account_id = ANY($2::uuid[])
     ORDER BY lower(c.last_name), lower(c.first_name), c.id`,
    typeof consentsOf === 'string' ? [tenantId, [...accountIds]] : [tenantId, [...accountIds], [...consentsOf]],
  );
  return rows.map(toMemberPerson);
}

/** The contacts of these accounts alone, in no order, with their current consents when asked. */
export async function accountsPeople(db: Queryable, tenantId: string, accountIds: readonly string[], withConsents: boolean): Promise<MemberPersonRow[]> {
  const rows = await db.query(
    `SELECT c.id, c.account_id, c.emails[1] IS NOT NULL AS has_email, c.xmin::text AS row_version, ${withConsents ? CURRENT_CONSENTS : `'[]'::json`} AS current
     FROM contacts c WHERE c.tenant_id = $1 AND c.account_id = ANY($2::uuid[])`,
    [tenantId, [...accountIds]],
  );
  return rows.map(toMemberPerson) as MemberPersonRow[];
}

export interface MemberContactDetails {
  firstName: string;
  lastName: string;
  email: string | null;
  jobTitle: string | null;
}

const contactDetails = (row: Row): MemberContactDetails => ({
  firstName: str(row, 'first_name'),
  lastName: str(row, 'last_name'),
  email: strOrNull(row, 'email'),
  jobTitle: strOrNull(row, 'job_title'),
});

/** What a page shows of its people, read for that page alone. */
export async function memberContactDetails(db: Queryable, tenantId: string, ids: readonly string[]): Promise<Map<string, MemberContactDetails>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query(
    `SELECT id, first_name, last_name, emails[1] AS email, job_title FROM contacts WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
    [tenantId, [...ids]],
  );
  return new Map(
    rows.map((row) => [str(row, 'id'), contactDetails(row)]),
  );
}

export interface MemberContact extends MemberContactDetails {
  id: string;
  accountId: string;
}

/**
 * A page of these accounts' contacts by last and first name, and how many there are, where no consent decides: the
 * database counts and finds the page (by the name index) instead of sending every contact to be counted.
 */
export async function memberContactsPage(
  db: Queryable,
  tenantId: string,
  accountIds: readonly string[],
  options: { hideRestricted: boolean; limit: number; cursor: string | undefined },
): Promise<{ rows: MemberContact[]; total: number; nextCursor: string | null }> {
  const after = decodeCursor(options.cursor, ['text', 'text', 'uuid']);
  if (accountIds.length === 0) return { rows: [], total: 0, nextCursor: null };
  const values = [tenantId, [...accountIds]];
  const filter = `c.tenant_id = $1 AND c.account_id = ANY($2::uuid[])${options.hideRestricted ? ` AND ${notRestrictedSql('c')}` : ''}`;
  const keyset = after ? ` AND (lower(c.last_name), lower(c.first_name), c.id) > ($3, $4, $5::uuid)` : '';
  const [counted, rows] = await Promise.all([
    db.query<{ total: string }>(`SELECT count(*) AS total FROM contacts c WHERE ${filter}`, values),
    db.query(
      `SELECT c.id, c.account_id, c.first_name, c.last_name, c.emails[1] AS email, c.job_title, lower(c.last_name) AS last_key, lower(c.first_name) AS first_key
       FROM contacts c WHERE ${filter}${keyset}
       ORDER BY lower(c.last_name), lower(c.first_name), c.id LIMIT ${options.limit + 1}`,
      after ? [...values, ...after] : values,
    ),
  ]);
  const page = pageFrom(rows, options.limit, (row) => [row.last_key, row.first_key, row.id]);
  return {
    rows: page.rows.map((row) => ({ id: str(row, 'id'), accountId: str(row, 'account_id'), ...contactDetails(row) })),
    total: Number(counted[0]!.total),
    nextCursor: page.nextCursor,
  };
}
