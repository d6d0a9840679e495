// The service_contracts table: one contract per account, versioned for If-Match.
import type { ServiceContract, ServiceContractPut } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { decodeCursor, pageFrom } from '../../core/db/paging';

export interface ContractRow {
  name: string;
  levels: ServiceContract['levels'] | string;
  valid_until: string | null;
  version: number;
  updated_at: unknown;
}

const SELECT = `SELECT name, levels, to_char(valid_until, 'YYYY-MM-DD') AS valid_until, version, updated_at FROM service_contracts`;

export async function contractRow(db: Queryable, tenantId: string, accountId: string, lock = false): Promise<ContractRow | null> {
  const rows = await db.query<ContractRow>(`${SELECT} WHERE tenant_id = $1 AND account_id = $2${lock ? ' FOR UPDATE' : ''}`, [tenantId, accountId]);
  return rows[0] ?? null;
}

const values = (tenantId: string, accountId: string, input: ServiceContractPut) => [
  tenantId,
  accountId,
  input.name ?? '',
  JSON.stringify(input.levels),
  input.validUntil,
];

export async function updateContract(tx: Queryable, tenantId: string, accountId: string, input: ServiceContractPut): Promise<void> {
  await tx.query(
    `UPDATE service_contracts SET name = $3, levels = $4::jsonb, valid_until = $5::date, version = version + 1, updated_at = now()
     WHERE tenant_id = $1 AND account_id = $2`,
    values(tenantId, accountId, input),
  );
}

/** False when a contract for the account exists already. */
export async function insertContract(tx: Queryable, tenantId: string, accountId: string, input: ServiceContractPut): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO service_contracts (tenant_id, account_id, name, levels, valid_until) VALUES ($1, $2, $3, $4::jsonb, $5::date)
     ON CONFLICT (tenant_id, account_id) DO NOTHING RETURNING account_id`,
    values(tenantId, accountId, input),
  );
  return inserted.length > 0;
}

/** False when the account has no contract (any more) or another version. */
export async function deleteContract(tx: Queryable, tenantId: string, accountId: string, expectedVersion: number): Promise<boolean> {
  const deleted = await tx.query(`DELETE FROM service_contracts WHERE tenant_id = $1 AND account_id = $2 AND version = $3 RETURNING account_id`, [
    tenantId,
    accountId,
    expectedVersion,
  ]);
  return deleted.length > 0;
}

export type ListedContractRow = ContractRow & { account_id: string; account_name: string };

/** By account name, then id, so two accounts of the same name page stably. */
export async function listContractRows(db: Queryable, tenantId: string, query: { limit: number; cursor?: string }) {
  const after = decodeCursor(query.cursor, ['text', 'uuid']);
  const rows = await db.query<ListedContractRow>(
    `SELECT sc.account_id, a.name AS account_name, sc.name, sc.levels, to_char(sc.valid_until, 'YYYY-MM-DD') AS valid_until, sc.version, sc.updated_at
     FROM service_contracts sc JOIN accounts a ON a.tenant_id = sc.tenant_id AND a.id = sc.account_id
     WHERE sc.tenant_id = $1${after ? ' AND (a.name, a.id) > ($2, $3::uuid)' : ''}
     ORDER BY a.name, a.id LIMIT ${query.limit + 1}`,
    after ? [tenantId, after[0], after[1]] : [tenantId],
  );
  return pageFrom(rows, query.limit, (row) => [row.account_name, row.account_id]);
}
