// The closed vocabularies of the CRM domain, shared by API, store and front-ends.
import { z } from 'zod';

// CRM.Privacy is the data protection officer: reads the CRM and answers data subject requests (erasure, restriction, access).
export const AppRole = z.enum(['CRM.Admin', 'CRM.Manager', 'CRM.User', 'CRM.Reader', 'CRM.Privacy']);
export type AppRole = z.infer<typeof AppRole>;

export const InteractionType = z.enum(['email', 'meeting', 'call', 'note', 'chat', 'complaint', 'service_request', 'web_form']);
export type InteractionType = z.infer<typeof InteractionType>;

export const Direction = z.enum(['inbound', 'outbound', 'internal']);
export const InteractionSource = z.enum(['addin', 'teams', 'graph-sync', 'api', 'import']);
export const InteractionStatus = z.enum(['open', 'resolved', 'cancelled']);

export const BuyingRole = z.enum(['decision_maker', 'influencer', 'user', 'gatekeeper', 'champion', 'other']);

export const ConsentChannel = z.enum(['email', 'phone', 'post', 'sms', 'messenger']);
export type ConsentChannel = z.infer<typeof ConsentChannel>;
export const ConsentPurpose = z.enum(['marketing', 'newsletter', 'events', 'surveys']);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;
export const LegalBasis = z.enum(['consent', 'contract', 'legitimate_interest']);
export const ConsentAction = z.enum(['granted', 'withdrawn', 'objected']);
export type ConsentAction = z.infer<typeof ConsentAction>;

export const OpportunityStatus = z.enum(['open', 'won', 'lost']);
export const TaskStatus = z.enum(['open', 'done', 'cancelled']);
export const Rating = z.enum(['A', 'B', 'C']);

/** The automation rules (issue 15); here rather than in automation.ts so a task can say which rule made it. */
export const AutomationRuleName = z.enum(['contactRhythm', 'noAnswer', 'stuckOpportunities', 'openComplaints', 'atRisk']);
export type AutomationRuleName = z.infer<typeof AutomationRuleName>;
