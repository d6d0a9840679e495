// The interactions feature's public entry: what other features may use.
export { changeInteraction, findLoggedInteractions, interactionsOnlyAboutHidden, linkInteractionsToNewContact, logInteraction, logKeyCounts, peopleOfInteractions } from './service';
export type { InteractionHooks } from './service';
