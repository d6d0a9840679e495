// Leads and the lookups their conversion makes; every query names the tenant.
import type { Lead, LeadCreate, LeadListQuery, LeadPatch, LeadScoringSettings } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { decodeCursor, pageFrom } from '../../core/db/paging';
import { isoOrNull, str, strOrNull, versionedFields, type Row } from '../../core/db/rows';
import { setClause, SqlParams } from '../../core/db/sql-builder';
import { updateVersioned, type UpdateOutcome } from '../../core/db/versioned';
import { NOTHING_LOGGED, scoreLead, type LoggedEngagement } from './score';

export const toLead = (row: Row, scoring: LeadScoringSettings, logged: LoggedEngagement = NOTHING_LOGGED): Lead => {
  const fields = {
    industry: strOrNull(row, 'industry'),
    employees: row.employees === null || row.employees === undefined ? null : Number(row.employees),
    budget: str(row, 'budget') as Lead['budget'],
    timing: str(row, 'timing') as Lead['timing'],
    engagement: str(row, 'engagement') as Lead['engagement'],
  };
  return {
    ...versionedFields(row),
    ...fields,
    source: str(row, 'source') as Lead['source'],
    status: str(row, 'status') as Lead['status'],
    disqualifyReason: strOrNull(row, 'disqualify_reason'),
    firstName: str(row, 'first_name'),
    lastName: strOrNull(row, 'last_name'),
    email: strOrNull(row, 'email'),
    company: strOrNull(row, 'company'),
    phone: strOrNull(row, 'phone'),
    ownerId: strOrNull(row, 'owner_id'),
    notes: strOrNull(row, 'notes'),
    score: scoreLead(fields, scoring, logged),
    convertedAt: isoOrNull(row.converted_at),
    accountId: strOrNull(row, 'account_id'),
    contactId: strOrNull(row, 'contact_id'),
    opportunityId: strOrNull(row, 'opportunity_id'),
  };
};

export async function insertLead(tx: Queryable, tenantId: string, actorId: string, input: LeadCreate & { ownerId: string | null }) {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO leads (tenant_id, id, source, first_name, last_name, email, company, phone, industry, employees, budget, timing, engagement,
       owner_id, notes, created_by)
     VALUES ($1, COALESCE($2, gen_random_uuid()), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`,
    [
      tenantId,
      input.id ?? null,
      input.source,
      input.firstName,
      input.lastName ?? null,
      input.email ?? null,
      input.company ?? null,
      input.phone ?? null,
      input.industry ?? null,
      input.employees ?? null,
      input.budget,
      input.timing,
      input.engagement,
      input.ownerId,
      input.notes ?? null,
      actorId,
    ],
  );
  return { id: inserted[0]?.id ?? input.id!, created: inserted.length > 0 };
}

export async function getLeadRow(db: Queryable, tenantId: string, id: string): Promise<Row | null> {
  return (await db.query(`SELECT * FROM leads WHERE tenant_id = $1 AND id = $2`, [tenantId, id]))[0] ?? null;
}

/** Newest first; `q` matches name, company and address. */
export async function listLeadRows(db: Queryable, tenantId: string, query: LeadListQuery & { ownerId?: string }) {
  const params = new SqlParams();
  const where = [`tenant_id = ${params.add(tenantId)}`];
  if (query.status) where.push(`status = ${params.add(query.status)}`);
  if (query.source) where.push(`source = ${params.add(query.source)}`);
  if (query.ownerId) where.push(`owner_id = ${params.add(query.ownerId)}`);
  if (query.q) {
    const like = params.add(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(first_name || ' ' || COALESCE(last_name, '') ILIKE ${like} OR company ILIKE ${like} OR email ILIKE ${like})`);
  }
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
  if (after) where.push(`(created_at, id) < (${params.add(after[0])}::timestamptz, ${params.add(after[1])}::uuid)`);
  const rows = await db.query(
    `SELECT *, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at FROM leads
     WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ${query.limit + 1}`,
    params.values,
  );
  return pageFrom(rows, query.limit, (row) => [row.cursor_at, row.id]);
}

const columns = {
  firstName: { column: 'first_name' },
  lastName: { column: 'last_name' },
  email: { column: 'email' },
  company: { column: 'company' },
  phone: { column: 'phone' },
  industry: { column: 'industry' },
  employees: { column: 'employees' },
  budget: { column: 'budget' },
  timing: { column: 'timing' },
  engagement: { column: 'engagement' },
  ownerId: { column: 'owner_id' },
  notes: { column: 'notes' },
  status: { column: 'status' },
  disqualifyReason: { column: 'disqualify_reason' },
};

export async function updateLead(tx: Queryable, tenantId: string, id: string, expectedVersion: number, patch: LeadPatch): Promise<UpdateOutcome<Row>> {
  const params = new SqlParams();
  const set = setClause(patch, columns, params);
  const outcome = await updateVersioned(tx, 'leads', tenantId, id, expectedVersion, set, params);
  if (outcome.status !== 'ok') return outcome;
  return { ...outcome, value: (await getLeadRow(tx, tenantId, id))! };
}

/** The newest open (not converted) lead of each address: what the Outlook pane shows for a sender not in the CRM yet. */
export async function openLeadRowsByEmail(db: Queryable, tenantId: string, emails: readonly string[]): Promise<Row[]> {
  return db.query(
    `SELECT DISTINCT ON (email) * FROM leads WHERE tenant_id = $1 AND email = ANY($2::text[]) AND status <> 'converted'
     ORDER BY email, created_at DESC, id DESC`,
    [tenantId, [...emails]],
  );
}

/** Locks the lead for its conversion, so two converting at once agree on one account and contact. */
export async function lockLead(tx: Queryable, tenantId: string, id: string): Promise<Row | null> {
  return (await tx.query(`SELECT * FROM leads WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]))[0] ?? null;
}

export async function markConverted(
  tx: Queryable,
  tenantId: string,
  id: string,
  links: { accountId: string; contactId: string | null; opportunityId: string | null },
) {
  await tx.query(
    `UPDATE leads SET status = 'converted', converted_at = now(), account_id = $3, contact_id = $4, opportunity_id = $5, version = version + 1, updated_at = now()
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, links.accountId, links.contactId, links.opportunityId],
  );
}

/** The account that already holds the lead's mail domain. */
export async function accountByDomain(db: Queryable, tenantId: string, domain: string): Promise<string | null> {
  const rows = await db.query<{ account_id: string }>(`SELECT account_id FROM account_domains WHERE tenant_id = $1 AND domain = $2`, [tenantId, domain]);
  return rows[0]?.account_id ?? null;
}

/**
 * Accounts whose name starts with the same letter as the lead's company: the candidates the import's name rules then
 * judge (they fold umlauts, so "Mueller" finds "Müller"; a first letter that is itself an umlaut is asked both ways).
 */
export async function accountsStartingWith(db: Queryable, tenantId: string, letters: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  return db.query<{ id: string; name: string }>(
    `SELECT id, name FROM accounts WHERE tenant_id = $1 AND lower(left(name, 1)) = ANY($2::text[]) ORDER BY lower(name), id LIMIT 2000`,
    [tenantId, [...new Set(letters.map((l) => l.toLowerCase()))]],
  );
}

export async function contactByEmail(db: Queryable, tenantId: string, email: string): Promise<string | null> {
  const rows = await db.query<{ contact_id: string }>(`SELECT contact_id FROM contact_emails WHERE tenant_id = $1 AND email = $2`, [tenantId, email]);
  return rows[0]?.contact_id ?? null;
}

/** A span of time, from inclusive, to exclusive; null for all time. */
export type Span = { from: Date; to: Date } | null;

/**
 * Leads captured in the span by source and status (their status now), and the conversions made in the span with the
 * median days from capture to conversion.
 */
export async function leadFigures(db: Queryable, tenantId: string, span: Span) {
  const within = (column: string) => (span ? `AND ${column} >= $2::timestamptz AND ${column} < $3::timestamptz` : '');
  const params = span ? [tenantId, span.from.toISOString(), span.to.toISOString()] : [tenantId];
  const [groups, timing] = await Promise.all([
    db.query<{ source: string; status: string; n: number }>(
      `SELECT source, status, count(*)::int AS n FROM leads WHERE tenant_id = $1 ${within('created_at')} GROUP BY source, status ORDER BY source, status`,
      params,
    ),
    db.query<{ n: number; median_days: number | null }>(
      `SELECT count(*)::int AS n,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM converted_at - created_at) / 86400) AS median_days
       FROM leads WHERE tenant_id = $1 AND converted_at IS NOT NULL ${within('converted_at')}`,
      params,
    ),
  ]);
  return {
    groups: groups.map((g) => ({ source: g.source, status: g.status, count: Number(g.n) })),
    conversions: Number(timing[0]?.n ?? 0),
    medianDays: timing[0]?.median_days ?? null,
  };
}
