// The service_contracts table: one contract per account, versioned for If-Match.
import type { ServiceContract, ServiceContractPut } from '@crm/common';
import type { Queryable } from '../../core/db/db';

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
