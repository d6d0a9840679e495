// Service contracts per account: the account's own hours for the priorities it names, in force for cases opened up to
// its last day; the tenant's service levels for the rest.
import type { ServiceContract, ServiceContractListed, ServiceContractListQuery, ServiceContractPut, ServiceLevelSettings } from '@crm/common';
import type { Actor } from '../../core/actor';
import { writeAudit } from '../../core/audit/audit-store';
import type { Db, Queryable } from '../../core/db/db';
import { inTransaction } from '../../core/db/pg-errors';
import { iso } from '../../core/db/rows';
import { notFound, staleVersion } from '../../core/errors';
import { accountById } from '../accounts';
import { contractRow, deleteContract, insertContract, listContractRows, updateContract, type ContractRow } from './contracts-store';

function toContract(accountId: string, row: ContractRow | null): ServiceContract {
  if (!row) return { accountId, name: null, levels: {}, validUntil: null, etag: '"0"', updatedAt: null };
  return {
    accountId,
    name: row.name || null,
    levels: typeof row.levels === 'string' ? JSON.parse(row.levels) : row.levels,
    validUntil: row.valid_until,
    etag: `"${row.version}"`,
    updatedAt: iso(row.updated_at),
  };
}

export async function readServiceContract(db: Db, actor: Actor, accountId: string): Promise<ServiceContract> {
  if (!(await accountById(db, actor.tenantId, accountId))) throw notFound('account');
  return toContract(accountId, await contractRow(db, actor.tenantId, accountId));
}

/** Version 0 is "no contract yet", so creating one is guarded like changing it: two admins do not both create one. */
export async function putServiceContract(
  db: Db,
  actor: Actor,
  accountId: string,
  expectedVersion: number,
  input: ServiceContractPut,
): Promise<ServiceContract> {
  if (!(await accountById(db, actor.tenantId, accountId))) throw notFound('account');
  await inTransaction(db, async (tx) => {
    const current = await contractRow(tx, actor.tenantId, accountId, true);
    if ((current?.version ?? 0) !== expectedVersion) throw staleVersion('service contract');
    if (current) {
      await updateContract(tx, actor.tenantId, accountId, input);
    } else if (!(await insertContract(tx, actor.tenantId, accountId, input))) {
      // Someone created it between the read and the insert: their version is not the one this request saw.
      throw staleVersion('service contract');
    }
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: current ? 'update' : 'create',
      entity: 'service_contract',
      entityId: accountId,
      changedFields: Object.keys(input),
    });
  });
  return toContract(accountId, await contractRow(db, actor.tenantId, accountId));
}

/** Ending a contract needs the version read, like changing it; cases opened before keep their due times. */
export async function deleteServiceContract(db: Db, actor: Actor, accountId: string, expectedVersion: number): Promise<void> {
  if (!(await accountById(db, actor.tenantId, accountId))) throw notFound('account');
  await inTransaction(db, async (tx) => {
    const current = await contractRow(tx, actor.tenantId, accountId, true);
    if (!current) throw notFound('service contract');
    if (!(await deleteContract(tx, actor.tenantId, accountId, expectedVersion))) throw staleVersion('service contract');
    await writeAudit(tx, { tenantId: actor.tenantId, actorId: actor.userId, action: 'delete', entity: 'service_contract', entityId: accountId });
  });
}

export async function listServiceContracts(
  db: Db,
  actor: Actor,
  query: ServiceContractListQuery,
): Promise<{ items: ServiceContractListed[]; nextCursor: string | null }> {
  const page = await listContractRows(db, actor.tenantId, query);
  return { items: page.rows.map((row) => ({ ...toContract(row.account_id, row), accountName: row.account_name })), nextCursor: page.nextCursor };
}

/** The tenant's levels with the account's contract laid over them, if it has one in force on the day the case opened. */
export async function levelsForAccount(
  db: Queryable,
  tenantId: string,
  accountId: string | null,
  openedAt: Date,
  levels: ServiceLevelSettings,
): Promise<ServiceLevelSettings> {
  if (!accountId) return levels;
  const row = await contractRow(db, tenantId, accountId);
  if (!row || (row.valid_until !== null && row.valid_until < openedAt.toISOString().slice(0, 10))) return levels;
  return { ...levels, ...toContract(accountId, row).levels };
}
