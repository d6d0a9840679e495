// The one call the Outlook add-in makes per email: who are these addresses and what is going on.
import { z } from 'zod';
import { Email, QueryList, Text, Uuid } from './primitives';
import { Account } from './accounts';
import { Contact } from './contacts';
import { Opportunity } from './opportunities';
import { Task } from './tasks';
import { Interaction } from './interactions';
import { ConsentState } from './consents';
import { Lead } from './leads';
import { Case } from './cases';

export const MAX_CONTEXT_EMAILS = 100;

export const ContextQuery = z.object({
  email: QueryList(Email).pipe(z.array(z.string()).min(1).max(MAX_CONTEXT_EMAILS)),
  /** The open email's keys: the answer then also says whether it (or its conversation) is logged, saving a second call. */
  internetMessageId: Text.trim().min(1).max(1000).optional(),
  /** The email's x-crm-log-key header: finds the record logged when it was sent, which has no internet message id yet. */
  logKey: Uuid.optional(),
  /** The open email's sender (From): its logKey counts only when the sender is a colleague, as anyone can write the header. */
  sender: Email.optional(),
  conversationId: Text.trim().min(1).max(1000).optional(),
});

export const InteractionSummary = Interaction.pick({
  id: true,
  type: true,
  direction: true,
  occurredAt: true,
  subject: true,
  status: true,
  source: true,
});
export type InteractionSummary = z.infer<typeof InteractionSummary>;

export const KnownPerson = z.object({
  email: z.string(),
  status: z.literal('known'),
  contact: Contact,
  accountId: Uuid.nullable(),
  consent: ConsentState,
  /** Processing restricted (Art. 18); only CRM.Privacy and CRM.Admin get the person's data with this flag. */
  restricted: z.boolean().optional(),
});

/** A restricted person (Art. 18) as everyone but CRM.Privacy and CRM.Admin sees them: the address, nothing else. */
export const RestrictedPerson = z.object({
  email: z.string(),
  status: z.literal('restricted'),
  restricted: z.literal(true),
});

export const UnknownPerson = z.object({
  email: z.string(),
  status: z.literal('unknown'),
  suggestedAccount: z.object({ id: Uuid, name: z.string() }).nullable(),
  /** True when the address belonged to a person erased at their request: "Add as contact" would be refused. */
  erased: z.boolean().optional(),
  /** A colleague: a tenant user's address or one of the tenant's own domains, never offered as a contact. */
  internal: z.boolean().optional(),
  /** The address's open lead (not converted), with its score and status: the pane shows it instead of "Add as lead". */
  lead: Lead.optional(),
});

export const Person = z.discriminatedUnion('status', [KnownPerson, UnknownPerson, RestrictedPerson]);
export type Person = z.infer<typeof Person>;

/** What the complaint banner shows of a complaint's open service case: how urgent, what is due, and whether it escalated. */
export const CaseBrief = Case.pick({ id: true, priority: true, status: true, firstResponseDue: true, resolutionDue: true, firstResponseAt: true, escalationLevel: true, overdue: true });
export type CaseBrief = z.infer<typeof CaseBrief>;
export const OpenComplaint = InteractionSummary.extend({ case: CaseBrief.optional() });
export type OpenComplaint = z.infer<typeof OpenComplaint>;

export const AccountContext = z.object({
  account: Account,
  openOpportunities: z.array(Opportunity),
  openTasks: z.array(Task),
  /** What has happened, newest first; a meeting still ahead is in `upcoming` instead. */
  recentInteractions: z.array(InteractionSummary),
  /** What is planned with the account (meetings ahead, from logging or Graph sync), soonest first: the pane's "Next meeting". */
  upcoming: z.array(InteractionSummary),
  /** With the open case of each, if it has one. */
  openComplaints: z.array(OpenComplaint),
});
export type AccountContext = z.infer<typeof AccountContext>;

export const ContextResponse = z.object({
  people: z.array(Person),
  accounts: z.array(AccountContext),
  /** Interactions logged with the given internetMessageId, logKey or conversationId (empty when none were given). */
  logged: z.array(Interaction),
});
export type ContextResponse = z.infer<typeof ContextResponse>;
