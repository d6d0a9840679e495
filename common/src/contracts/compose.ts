// The consent check before an email leaves: per recipient, may this message go out for the chosen purpose?
// The rule is here, beside its contract, because the API (for Outlook's send check) and the compose pane
// (which already holds the recipients' consent state) must answer alike.
import { z } from 'zod';
import { Email, IsoDateTime } from './primitives';
import { ConsentPurpose } from './enums';
import { COMPOSE_PURPOSES, DEFAULT_COMPOSE_PURPOSE } from './compose-rule';

/** To, Cc and Bcc together; a message to more people than this is a mailing, not an email from Outlook. */
export const MAX_COMPOSE_RECIPIENTS = 500;

export const ComposePurpose = z.enum(COMPOSE_PURPOSES);
export type ComposePurpose = z.infer<typeof ComposePurpose>;
export { DEFAULT_COMPOSE_PURPOSE };
// The log-key header comes with the rule rather than through interactions.ts, whose contracts the rule's types reach.
export { composeVerdict, factsOfPerson, isComposePurpose, LOG_KEY_HEADER, type RecipientFacts } from './compose-rule';

export const ComposeCheckRequest = z
  .object({
    purpose: ComposePurpose.default(DEFAULT_COMPOSE_PURPOSE),
    recipients: z.array(Email).min(1).max(MAX_COMPOSE_RECIPIENTS),
    /** The version of a verdict the caller already holds (an earlier answer's); still current, the answer leaves the recipients out. */
    knownVersion: z.string().trim().min(1).max(64).optional(),
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
  /**
   * Names this verdict: it changes whenever any recipient's verdict, reason, date or source would (a consent, objection,
   * withdrawal or restriction recorded or lifted, an address becoming a contact or a colleague).
   */
  version: z.string(),
  /** The caller's knownVersion is still current: recipients is empty and the verdict the caller holds stands. */
  unchanged: z.boolean(),
  /** One per distinct recipient, in the order given; empty when unchanged. */
  recipients: z.array(RecipientVerdict),
});
export type ComposeCheckResponse = z.infer<typeof ComposeCheckResponse>;
