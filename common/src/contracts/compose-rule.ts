// The consent rule of an email about to go out, free of zod: the compose pane and the send check run it in the browser
// (keeping zod and the API catalogue out of their first download), the API runs the same code for POST /api/compose/check.
import type { ConsentEntry } from './consents';
import type { Person } from './context';

/** One-to-one business correspondence, or one of the consent ledger's purposes (compose.ts checks they agree). */
export const COMPOSE_PURPOSES = ['correspondence', 'marketing', 'newsletter', 'events', 'surveys'] as const;
export type ComposePurpose = (typeof COMPOSE_PURPOSES)[number];
export const DEFAULT_COMPOSE_PURPOSE: ComposePurpose = 'correspondence';
export const isComposePurpose = (value: unknown): value is ComposePurpose => (COMPOSE_PURPOSES as readonly unknown[]).includes(value);

/**
 * The internet header the add-in sets on an email while composing it for "Log when sent" (Mailbox 1.8,
 * item.internetHeaders.setAsync); every copy of the sent email carries it, so they all log as one interaction.
 */
export const LOG_KEY_HEADER = 'x-crm-log-key';

/** restricted: Art. 18; objected: Art. 21 objection to direct marketing; withdrawn: consent for this purpose withdrawn; no_consent: never granted. */
export type ComposeBlockReason = 'restricted' | 'objected' | 'withdrawn' | 'no_consent';

export interface ComposeRuleVerdict {
  email: string;
  verdict: 'pass' | 'block';
  reason: ComposeBlockReason | null;
  known: boolean;
  consentPurpose: Exclude<ComposePurpose, 'correspondence'> | null;
  since: string | null;
  source: string | null;
}

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
export function composeVerdict(facts: RecipientFacts, purpose: ComposePurpose): ComposeRuleVerdict {
  const base = { email: facts.email, known: facts.known, consentPurpose: null, since: null, source: null };
  if (facts.restricted) return { ...base, verdict: 'block', reason: 'restricted' };
  if (purpose === 'correspondence' || facts.internal) return { ...base, verdict: 'pass', reason: null };
  const email = facts.current.filter((entry) => entry.channel === 'email');
  const forPurpose = email.find((entry) => entry.purpose === purpose);
  const objection = forPurpose?.action === 'objected' ? forPurpose : email.find((entry) => entry.action === 'objected');
  const refusal = objection ?? (forPurpose?.action === 'withdrawn' ? forPurpose : undefined);
  if (refusal) {
    return {
      ...base,
      verdict: 'block',
      reason: refusal.action === 'objected' ? 'objected' : 'withdrawn',
      consentPurpose: refusal.purpose,
      since: refusal.capturedAt,
      source: refusal.source,
    };
  }
  if (forPurpose?.action === 'granted') return { ...base, verdict: 'pass', reason: null };
  return { ...base, verdict: 'block', reason: 'no_consent' };
}

/** The pane's context lookup already says all the rule needs. */
export function factsOfPerson(person: Person): RecipientFacts {
  if (person.status === 'known')
    return { email: person.email, known: true, restricted: person.restricted === true, internal: false, current: person.consent.current };
  if (person.status === 'restricted') return { email: person.email, known: true, restricted: true, internal: false, current: [] };
  return { email: person.email, known: false, restricted: false, internal: person.internal === true, current: [] };
}
