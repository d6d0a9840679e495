// The consent check before an email leaves: per recipient, may this message go out for the chosen purpose?
// The rule is here, beside its contract, because the API (for Outlook's send check) and the compose pane
// (which already holds the recipients' consent state) must answer alike.
import { z } from 'zod';
import { Email, IsoDateTime } from './primitives';
import { ConsentPurpose } from './enums';
import type { ConsentEntry } from './consents';
import type { Person } from './context';

/** To, Cc and Bcc together; a message to more people than this is a mailing, not an email from Outlook. */
export const MAX_COMPOSE_RECIPIENTS = 500;

/** One-to-one business correspondence, or one of the consent ledger's purposes. */
export const ComposePurpose = z.enum(['correspondence', ...ConsentPurpose.options]);
export type ComposePurpose = z.infer<typeof ComposePurpose>;
export const DEFAULT_COMPOSE_PURPOSE: ComposePurpose = 'correspondence';

export const ComposeCheckRequest = z
  .object({
    purpose: ComposePurpose.default(DEFAULT_COMPOSE_PURPOSE),
    recipients: z.array(Email).min(1).max(MAX_COMPOSE_RECIPIENTS),
  })
  .strict();
export type ComposeCheckRequest = z.input<typeof ComposeCheckRequest>;

/** restricted: Art. 18; objected: Art. 21 objection to direct marketing; withdrawn: consent for this purpose withdrawn; no_consent: never granted. */
export const ComposeBlockReason = z.enum(['restricted', 'objected', 'withdrawn', 'no_consent']);
export type ComposeBlockReason = z.infer<typeof ComposeBlockReason>;

export const RecipientVerdict = z.object({
  email: z.string(),
  verdict: z.enum(['pass', 'block']),
  reason: ComposeBlockReason.nullable(),
  /** Whether the address belongs to a CRM contact (a restricted one counts as known). */
  known: z.boolean(),
  /** The ledger entry behind an objection or withdrawal: its purpose, when it was captured and from which source. */
  consentPurpose: ConsentPurpose.nullable(),
  since: IsoDateTime.nullable(),
  source: z.string().nullable(),
});
export type RecipientVerdict = z.infer<typeof RecipientVerdict>;

export const ComposeCheckResponse = z.object({
  purpose: ComposePurpose,
  blocked: z.boolean(),
  /** One per distinct recipient, in the order given. */
  recipients: z.array(RecipientVerdict),
});
export type ComposeCheckResponse = z.infer<typeof ComposeCheckResponse>;

/** What the rule needs to know of one recipient. */
export interface RecipientFacts {
  email: string;
  known: boolean;
  restricted: boolean;
  /** A colleague (tenant user or own domain): internal mail needs no marketing consent. */
  internal: boolean;
  /** The latest ledger entry per channel and purpose (ConsentState.current). */
  current: readonly Pick<ConsentEntry, 'channel' | 'purpose' | 'action' | 'capturedAt' | 'source'>[];
}

/**
 * Restriction blocks every purpose. Correspondence needs no consent, and an objection to direct marketing
 * does not reach it (Art. 21(2)-(3) GDPR concern direct marketing). Every other purpose is direct marketing:
 * an email objection recorded for any purpose blocks it, a withdrawal blocks the purpose it was for, and
 * without a current grant for the purpose it is blocked too, known to the CRM or not.
 */
export function composeVerdict(facts: RecipientFacts, purpose: ComposePurpose): RecipientVerdict {
  const base = { email: facts.email, known: facts.known, consentPurpose: null, since: null, source: null };
  if (facts.restricted) return { ...base, verdict: 'block', reason: 'restricted' };
  if (purpose === 'correspondence' || facts.internal) return { ...base, verdict: 'pass', reason: null };
  const email = facts.current.filter((entry) => entry.channel === 'email');
  const forPurpose = email.find((entry) => entry.purpose === purpose);
  const objection = forPurpose?.action === 'objected' ? forPurpose : email.find((entry) => entry.action === 'objected');
  const refusal = objection ?? (forPurpose?.action === 'withdrawn' ? forPurpose : undefined);
  if (refusal) {
    return { ...base, verdict: 'block', reason: refusal.action === 'objected' ? 'objected' : 'withdrawn', consentPurpose: refusal.purpose, since: refusal.capturedAt, source: refusal.source };
  }
  if (forPurpose?.action === 'granted') return { ...base, verdict: 'pass', reason: null };
  return { ...base, verdict: 'block', reason: 'no_consent' };
}

/** The pane's context lookup already says all the rule needs. */
export function factsOfPerson(person: Person): RecipientFacts {
  if (person.status === 'known') return { email: person.email, known: true, restricted: person.restricted === true, internal: false, current: person.consent.current };
  if (person.status === 'restricted') return { email: person.email, known: true, restricted: true, internal: false, current: [] };
  return { email: person.email, known: false, restricted: false, internal: person.internal === true, current: [] };
}
