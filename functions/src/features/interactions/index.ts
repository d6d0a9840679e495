// The interactions feature's public entry: what other features may use.
export { findLoggedInteractions, logInteraction } from './service';
