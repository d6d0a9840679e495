// The cases feature's public entry: the escalation run the hosts' timer calls, the open cases the pane's banner shows, and
// the step the composition root hands to interactions for a complaint resolved on its own.
export { escalateDue, openCasesOf, resolveCaseOfInteraction } from './service';
