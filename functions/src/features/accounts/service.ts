// Account use cases: create (idempotent by client id), read, search, change and delete.
import type { Account, AccountCreate, AccountListQuery, AccountPatch } from '@crm/common';
import type { Db, Queryable } from '../../core/db/db';
import { getAccount, insertAccount, insertAccounts, listAccounts, updateAccount } from './store';
import type { Actor } from '../../core/actor';
import { createRecord, deleteRecord, readRecord, updateRecord, type Created } from '../../core/records';

export const createAccount = (db: Db, actor: Actor, input: AccountCreate): Promise<Created<Account>> =>
  createRecord(db, actor, 'account', async (tx) => {
    const { account, created } = await insertAccount(tx, actor.tenantId, input);
    return { value: account, created };
  });

export const readAccount = (db: Db, actor: Actor, id: string) => readRecord('account', () => getAccount(db, actor.tenantId, id));

export const searchAccounts = (db: Db, actor: Actor, query: AccountListQuery) => listAccounts(db, actor.tenantId, query);

export const changeAccount = (db: Db, actor: Actor, id: string, expectedVersion: number, patch: AccountPatch) =>
  updateRecord(db, actor, 'account', id, (tx) => updateAccount(tx, actor.tenantId, id, expectedVersion, patch));

export const removeAccount = (db: Db, actor: Actor, id: string, expectedVersion: number) => deleteRecord(db, actor, 'account', 'accounts', id, expectedVersion);

/** For other features' reads and transactions: the tenant's account, or null. */
export const accountById = (db: Queryable, tenantId: string, id: string) => getAccount(db, tenantId, id);

/** Inserts inside the caller's transaction (Graph contact sync creates the account of a new sender's domain). */
export const insertAccountIn = (tx: Queryable, tenantId: string, input: AccountCreate) => insertAccount(tx, tenantId, input);

/** Many new accounts with ids chosen by the caller, inside its transaction (an import's batch). */
export const insertAccountsIn = (tx: Queryable, tenantId: string, inputs: readonly (AccountCreate & { id: string })[]) => insertAccounts(tx, tenantId, inputs);
