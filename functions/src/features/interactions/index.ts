// The interactions feature's public entry: what other features may use.
export { changeInteraction, findLoggedInteractions, interactionsOnlyAboutHidden, linkInteractionsToNewContact, logInteraction, logKeyCounts, peopleOfInteractions, resolveInteractionWith } from './service';
export type { InteractionHooks } from './service';
export { carryLeadHistory, leadEngagement, leadTimeline, linkLoggedToLead, type LeadEngagementTally } from './lead-history';
export { firstResponseSql, firstResponsesSql } from './first-response';
