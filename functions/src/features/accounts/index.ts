// The accounts feature's public entry: what other features may use.
export { toAccount } from './rows';
export { accountById, createAccount, insertAccountIn, insertAccountsIn, searchAccounts } from './service';
