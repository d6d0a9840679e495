// Opportunities with their stage, amount and probability; weighted value is derived on read.
import type { Opportunity, OpportunityListQuery, OpportunityPatch } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { decodeCursor, pageFrom } from '../../core/db/paging';
import { likePattern } from '../../core/db/rows';
import { setClause, SqlParams } from '../../core/db/sql-builder';
import { updateVersioned, type UpdateOutcome } from '../../core/db/versioned';
import { OPPORTUNITY_SELECT, toOpportunity } from './rows';

export interface OpportunityRecord {
  id?: string;
  accountId: string;
  name: string;
  stage: string;
  amount: number;
  currency: string;
  probability: number;
  expectedCloseDate: string | null;
  ownerId: string | null;
  productLine: string | null;
  externalId: string | null;
  contactIds: readonly string[];
}

export async function getOpportunity(db: Queryable, tenantId: string, id: string): Promise<Opportunity | null> {
  const rows = await db.query(`${OPPORTUNITY_SELECT} WHERE o.tenant_id = $1 AND o.id = $2`, [tenantId, id]);
  return rows[0] ? toOpportunity(rows[0]) : null;
}

/** The people these opportunities name (their buying centres), each once, in one query. */
export async function opportunitiesContactIds(db: Queryable, tenantId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<{ contact_id: string }>(
    `SELECT DISTINCT contact_id FROM opportunity_contacts WHERE tenant_id = $1 AND opportunity_id = ANY($2::uuid[]) ORDER BY contact_id`,
    [tenantId, [...ids]],
  );
  return rows.map((r) => r.contact_id);
}

export async function insertOpportunity(tx: Queryable, tenantId: string, record: OpportunityRecord): Promise<{ opportunity: Opportunity; created: boolean }> {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO opportunities (tenant_id, id, account_id, name, stage, amount, currency, probability, expected_close, owner_id, product_line, external_id)
     VALUES ($1, COALESCE($2, gen_random_uuid()), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`,
    [
      tenantId,
      record.id ?? null,
      record.accountId,
      record.name,
      record.stage,
      record.amount,
      record.currency,
      record.probability,
      record.expectedCloseDate,
      record.ownerId,
      record.productLine,
      record.externalId,
    ],
  );
  const id = inserted[0]?.id ?? record.id!;
  if (inserted[0] && record.contactIds.length > 0) {
    await tx.query(
      `INSERT INTO opportunity_contacts (tenant_id, opportunity_id, contact_id) SELECT $1, $2, c FROM unnest($3::uuid[]) AS c ON CONFLICT DO NOTHING`,
      [tenantId, id, [...new Set(record.contactIds)]],
    );
  }
  return { opportunity: (await getOpportunity(tx, tenantId, id))!, created: Boolean(inserted[0]) };
}

export async function listOpportunities(db: Queryable, tenantId: string, query: OpportunityListQuery) {
  const params = new SqlParams();
  const where = [`o.tenant_id = ${params.add(tenantId)}`];
  if (query.q) where.push(`lower(o.name) LIKE ${params.add(likePattern(query.q.toLowerCase()))}`);
  if (query.accountId) where.push(`o.account_id = ${params.add(query.accountId)}`);
  if (query.ownerId) where.push(`o.owner_id = ${params.add(query.ownerId)}`);
  if (query.stage) where.push(`o.stage = ${params.add(query.stage)}`);
  if (query.status) where.push(`o.status = ${params.add(query.status)}`);
  const after = decodeCursor(query.cursor, ['text', 'uuid']);
  if (after) where.push(`(lower(o.name), o.id) > (${params.add(after[0])}, ${params.add(after[1])}::uuid)`);
  const rows = await db.query(`${OPPORTUNITY_SELECT} WHERE ${where.join(' AND ')} ORDER BY lower(o.name), o.id LIMIT ${query.limit + 1}`, params.values);
  const page = pageFrom(rows, query.limit, (row) => [String(row.name).toLowerCase(), row.id]);
  return { items: page.rows.map(toOpportunity), nextCursor: page.nextCursor };
}

const columns = {
  name: { column: 'name' },
  stage: { column: 'stage' },
  amount: { column: 'amount' },
  currency: { column: 'currency' },
  probability: { column: 'probability' },
  expectedCloseDate: { column: 'expected_close' },
  ownerId: { column: 'owner_id' },
  productLine: { column: 'product_line' },
  externalId: { column: 'external_id' },
  status: { column: 'status' },
  closeReason: { column: 'close_reason' },
};

export async function updateOpportunity(
  tx: Queryable,
  tenantId: string,
  id: string,
  expectedVersion: number,
  patch: OpportunityPatch,
): Promise<UpdateOutcome<Opportunity>> {
  const params = new SqlParams();
  const set = setClause(patch, columns, params);
  if (patch.status) {
    // Closing stamps the time once; reopening clears it so reports never count a reopened deal as closed.
    set.sql = [set.sql, `closed_at = CASE WHEN ${params.add(patch.status)} = 'open' THEN NULL ELSE COALESCE(closed_at, now()) END`].join(', ');
  }
  const outcome = await updateVersioned(tx, 'opportunities', tenantId, id, expectedVersion, set, params);
  if (outcome.status !== 'ok') return outcome;
  return { status: 'ok', value: (await getOpportunity(tx, tenantId, id))!, fields: outcome.fields };
}
