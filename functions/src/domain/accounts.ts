// Account use cases: create (idempotent by client id), read, search, change and delete.
import type { Account, AccountCreate, AccountListQuery, AccountPatch } from '@crm/common';
import type { Db } from '../store/db';
import { getAccount, insertAccount, listAccounts, updateAccount } from '../store/accounts-store';
import type { Actor } from './actor';
import { createRecord, deleteRecord, readRecord, updateRecord, type Created } from './records';

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
