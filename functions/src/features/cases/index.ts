// The cases feature's public entry: the escalation run the hosts' timer calls, and the open cases the pane's banner shows.
export { escalateDue, openCasesOf } from './service';
