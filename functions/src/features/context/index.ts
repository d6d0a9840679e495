// The context feature's public entry: the customer context of a mail, and its query for the benchmark's SQL-only timing.
export { customerContext } from './service';
export { CONTEXT_SQL } from './store';
