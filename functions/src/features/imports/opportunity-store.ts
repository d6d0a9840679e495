// The SQL of opportunity lists: the opportunities and users the preview compares with, the commit's set-wise writes of
// opportunities (one statement for the batch's new ones, one for its updates, each guarded by the version the preview
// saw) and the undo's reads and restores. Every statement filters by tenant_id. The opportunities feature writes one
// opportunity per request; an import's batch of hundreds is written here in one statement, as revenue-store.ts does for
// account_revenue, with the audit entries the service writes beside them.
import type { Queryable } from '../../core/db/db';
import type { OpportunityFields, OpportunityStatus, StoredOpportunity } from './opportunity-rows';

interface OpportunityRow {
  id: string;
  account_id: string;
  name: string;
  stage: string;
  amount: string;
  currency: string;
  close_date: string | null;
  owner_id: string | null;
  product_line: string | null;
  status: OpportunityStatus;
  external_id: string | null;
  version: number;
}

const COLUMNS = `id, account_id, name, stage, amount::text AS amount, currency, to_char(expected_close, 'YYYY-MM-DD') AS close_date, owner_id, product_line, status,
  external_id, version`;
const toStored = (row: OpportunityRow): StoredOpportunity => ({
  id: row.id,
  accountId: row.account_id,
  name: row.name,
  stage: row.stage,
  amount: row.amount,
  currency: row.currency,
  closeDate: row.close_date,
  ownerId: row.owner_id,
  productLine: row.product_line,
  status: row.status,
  externalId: row.external_id,
  version: row.version,
});

/** The opportunities of these accounts, and those with one of these external ids, whichever account has them. */
export async function storedOpportunities(
  db: Queryable,
  tenantId: string,
  accountIds: readonly string[],
  externalIds: readonly string[],
): Promise<StoredOpportunity[]> {
  if (accountIds.length === 0 && externalIds.length === 0) return [];
  const rows = await db.query<OpportunityRow>(
    `SELECT ${COLUMNS} FROM opportunities WHERE tenant_id = $1 AND (account_id = ANY($2::uuid[]) OR external_id = ANY($3::text[]))`,
    [tenantId, accountIds, externalIds],
  );
  return rows.map(toStored);
}

/** The tenant's users with one of these addresses (lower-cased), and the addresses of these users. */
export async function usersOf(db: Queryable, tenantId: string, emails: readonly string[], ids: readonly string[]) {
  const rows = await db.query<{ id: string; email: string }>(
    `SELECT id, lower(email) AS email FROM users WHERE tenant_id = $1 AND email IS NOT NULL AND (lower(email) = ANY($2::text[]) OR id = ANY($3::uuid[]))`,
    [tenantId, emails, ids],
  );
  return rows;
}

export interface OpportunityInsert {
  id: string;
  accountId: string;
  fields: Required<OpportunityFields>;
}

/**
 * The batch's new opportunities in one statement; one whose account was deleted since the preview is left out, and so is
 * one whose external id another opportunity took since.
 */
export async function insertOpportunities(tx: Queryable, tenantId: string, rows: readonly OpportunityInsert[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const written = await tx.query<{ id: string }>(
    `INSERT INTO opportunities (tenant_id, id, account_id, name, stage, amount, currency, probability, expected_close, owner_id, product_line, status, closed_at,
       external_id)
     SELECT $1, t.id, t.account_id, t.name, t.stage, t.amount, t.currency, t.probability, t.close_date, u.id, t.product_line, t.status,
       CASE WHEN t.status = 'open' THEN NULL ELSE now() END, t.external_id
     FROM jsonb_to_recordset($2::jsonb) AS t(id uuid, account_id uuid, name text, stage text, amount numeric, currency text, probability int,
       close_date date, owner_id uuid, product_line text, status text, external_id text)
     JOIN accounts a ON a.tenant_id = $1 AND a.id = t.account_id
     LEFT JOIN users u ON u.tenant_id = $1 AND u.id = t.owner_id
     ON CONFLICT (tenant_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
     RETURNING id`,
    [
      tenantId,
      JSON.stringify(
        rows.map(({ id, accountId, fields }) => ({
          id,
          account_id: accountId,
          name: fields.name,
          stage: fields.stage,
          amount: fields.amount,
          currency: fields.currency,
          probability: fields.probability,
          close_date: fields.closeDate,
          owner_id: fields.ownerId,
          product_line: fields.productLine,
          status: fields.status,
          external_id: fields.externalId,
        })),
      ),
    ],
  );
  return new Set(written.map((row) => row.id));
}

/** What an update or an undo changes: the columns, as stored (closed_at follows the status). */
export interface OpportunityColumns {
  name?: string;
  stage?: string;
  probability?: number;
  status?: OpportunityStatus;
  amount?: string;
  currency?: string;
  expected_close?: string | null;
  owner_id?: string | null;
  product_line?: string | null;
  external_id?: string | null;
  closed_at?: string | null;
}

export const columnsOf = (fields: OpportunityFields): OpportunityColumns => {
  const columns: OpportunityColumns = {};
  if (fields.name !== undefined) columns.name = fields.name;
  if (fields.stage !== undefined) columns.stage = fields.stage;
  if (fields.probability !== undefined) columns.probability = fields.probability;
  if (fields.status !== undefined) columns.status = fields.status;
  if (fields.amount !== undefined) columns.amount = fields.amount;
  if (fields.currency !== undefined) columns.currency = fields.currency;
  if (fields.closeDate !== undefined) columns.expected_close = fields.closeDate;
  if (fields.ownerId !== undefined) columns.owner_id = fields.ownerId;
  if (fields.productLine !== undefined) columns.product_line = fields.productLine;
  if (fields.externalId !== undefined) columns.external_id = fields.externalId;
  return columns;
};

export interface OpportunityState extends Required<Omit<OpportunityColumns, 'closed_at'>> {
  id: string;
  version: number;
  closed_at: string | null;
}

/** The opportunities a batch or an undo changes, as they are now, locked until the transaction ends. */
export async function lockOpportunities(tx: Queryable, tenantId: string, ids: readonly string[]): Promise<Map<string, OpportunityState>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query<OpportunityState>(
    `SELECT id, version, name, external_id, stage, probability, status, amount::text AS amount, currency, to_char(expected_close, 'YYYY-MM-DD') AS expected_close, owner_id, product_line,
       to_char(closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS closed_at
     FROM opportunities WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
    [tenantId, ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Writes each opportunity's columns in one statement, where its version is still the one given; a column the row does
 * not name keeps its value. A status set here stamps closed_at as the opportunities feature does (once, cleared on
 * reopening) unless the columns carry closed_at themselves (the undo's restore). Answers the ids written.
 */
export async function updateOpportunities(
  tx: Queryable,
  tenantId: string,
  rows: readonly { id: string; version: number; columns: OpportunityColumns }[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const written = await tx.query<{ id: string }>(
    `UPDATE opportunities o SET
       name = CASE WHEN t.c ? 'name' THEN t.c->>'name' ELSE o.name END,
       external_id = CASE WHEN t.c ? 'external_id' THEN t.c->>'external_id' ELSE o.external_id END,
       stage = CASE WHEN t.c ? 'stage' THEN t.c->>'stage' ELSE o.stage END,
       probability = CASE WHEN t.c ? 'probability' THEN (t.c->>'probability')::int ELSE o.probability END,
       status = CASE WHEN t.c ? 'status' THEN t.c->>'status' ELSE o.status END,
       amount = CASE WHEN t.c ? 'amount' THEN (t.c->>'amount')::numeric ELSE o.amount END,
       currency = CASE WHEN t.c ? 'currency' THEN t.c->>'currency' ELSE o.currency END,
       expected_close = CASE WHEN t.c ? 'expected_close' THEN (t.c->>'expected_close')::date ELSE o.expected_close END,
       owner_id = CASE WHEN t.c ? 'owner_id' THEN (t.c->>'owner_id')::uuid ELSE o.owner_id END,
       product_line = CASE WHEN t.c ? 'product_line' THEN t.c->>'product_line' ELSE o.product_line END,
       closed_at = CASE WHEN t.c ? 'closed_at' THEN (t.c->>'closed_at')::timestamptz
         WHEN t.c ? 'status' THEN CASE WHEN t.c->>'status' = 'open' THEN NULL ELSE COALESCE(o.closed_at, now()) END
         ELSE o.closed_at END,
       version = o.version + 1, updated_at = now()
     FROM jsonb_to_recordset($2::jsonb) AS t(id uuid, version int, c jsonb)
     WHERE o.tenant_id = $1 AND o.id = t.id AND o.version = t.version
     RETURNING o.id`,
    [tenantId, JSON.stringify(rows.map(({ id, version, columns }) => ({ id, version, c: columns })))],
  );
  return new Set(written.map((row) => row.id));
}

/** What else uses the opportunities an import created, per opportunity the first use found. */
export async function opportunityUses(tx: Queryable, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const uses = new Map<string, string>();
  if (ids.length === 0) return uses;
  for (const [use, sql] of [
    ['interactions', `SELECT opportunity_id AS id FROM interaction_opportunities WHERE tenant_id = $1 AND opportunity_id = ANY($2::uuid[])`],
    ['follow-ups', `SELECT opportunity_id AS id FROM tasks WHERE tenant_id = $1 AND opportunity_id = ANY($2::uuid[])`],
    ['contacts', `SELECT opportunity_id AS id FROM opportunity_contacts WHERE tenant_id = $1 AND opportunity_id = ANY($2::uuid[])`],
    ['a lead converted into it', `SELECT opportunity_id AS id FROM leads WHERE tenant_id = $1 AND opportunity_id = ANY($2::uuid[])`],
  ] as const) {
    for (const row of await tx.query<{ id: string }>(sql, [tenantId, ids])) if (!uses.has(row.id)) uses.set(row.id, use);
  }
  return uses;
}

export async function deleteOpportunities(tx: Queryable, tenantId: string, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await tx.query(`DELETE FROM opportunities WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenantId, ids]);
}
