// The cases feature's public entry: the escalation run the hosts' timer calls.
export { escalateDue } from './service';
