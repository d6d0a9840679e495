// The accounts feature's public entry: what other features may use.
export { toAccount } from './rows';
export { accountById, createAccount, insertAccountIn, searchAccounts } from './service';
