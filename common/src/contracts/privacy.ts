// Data subject rights (DSGVO/GDPR Art. 15-18, 20): erasure, restriction of processing, and the export of a person's data.
import { z } from 'zod';
import { IsoDate, IsoDateTime, NonEmptyText, Uuid } from './primitives';
import { PersonalDataRead } from './privacy-requests';
import { RetentionPolicySetting } from './retention';

/** Why the request is carried out, e.g. "Art. 17 request of 2 Dec 2026, ticket 4711"; names no personal data. */
const Reason = NonEmptyText(2000);

export const ErasureRequest = z.object({ reason: Reason }).strict();
export type ErasureRequest = z.infer<typeof ErasureRequest>;

/** ?lang= overrides Accept-Language for the words of the answer (the legal basis of what was kept); English otherwise. */
export const ErasureQuery = z.object({ lang: z.enum(['de', 'en']).optional() }).strict();
export type ErasureQuery = z.infer<typeof ErasureQuery>;

export const ErasureResult = z.object({
  erasureId: Uuid,
  erasedAt: IsoDateTime,
  /** Addresses whose keyed hash now blocks the person from being created again. */
  blockedAddresses: z.number().int(),
  deleted: z.object({
    /** Interactions linked to this person and to no other contact. */
    interactions: z.number().int(),
    consents: z.number().int(),
    tasks: z.number().int(),
    /** Leads the person was converted from or that carry one of their addresses. */
    leads: z.number().int(),
    syncLinks: z.number().int(),
  }),
  /** Interactions that concern other people too: they lost the link and any copy of the name or address. */
  unlinkedInteractions: z.number().int(),
  /** Withdrawals and objections kept as channel, purpose and date, without the person (see docs/API.md). */
  keptWithdrawalProofs: z.number().int(),
  /**
   * Logged business emails an erasure keeps instead of deleting, because they are commercial letters with a retention
   * duty: unlinked from the person, out of every list, readable by CRM.Privacy and CRM.Admin only, deleted when it ends.
   */
  retained: z.object({
    interactions: z.number().int(),
    until: IsoDate.nullable(),
    /** In the answer's language (Content-Language), with the provisions cited. */
    legalBasis: z.string().nullable(),
  }),
});
export type ErasureResult = z.infer<typeof ErasureResult>;

export const RestrictionRequest = z.object({ reason: Reason }).strict();
export type RestrictionRequest = z.infer<typeof RestrictionRequest>;

/** The person's latest restriction: open (restricted) or lifted; all null when there never was one. */
export const Restriction = z.object({
  contactId: Uuid,
  restricted: z.boolean(),
  reason: z.string().nullable(),
  restrictedBy: Uuid.nullable(),
  restrictedAt: IsoDateTime.nullable(),
  liftReason: z.string().nullable(),
  liftedBy: Uuid.nullable(),
  liftedAt: IsoDateTime.nullable(),
});
export type Restriction = z.infer<typeof Restriction>;

/** A stored row as it is kept, column names in camelCase: the export shows everything, not a curated view. */
const StoredRecord = z.record(z.string(), z.unknown());

export const PersonalData = z.object({
  generatedAt: IsoDateTime,
  contact: StoredRecord,
  emails: z.array(z.string()),
  account: StoredRecord.nullable(),
  restriction: Restriction,
  /** Each with how it came in (source: addin, teams, graph_sync, import, api, ...) and the other records it is linked to. */
  interactions: z.array(StoredRecord),
  /** The full ledger, oldest first. */
  consents: z.array(StoredRecord),
  tasks: z.array(StoredRecord),
  opportunities: z.array(StoredRecord),
  /** Outlook items (per mailbox) the Graph sync links to this person. */
  graphSyncItems: z.array(StoredRecord),
  syncConflicts: z.array(StoredRecord),
  /**
   * Why the person's data are processed: purpose and legal basis as codes (customer_relationship with
   * contract_or_legitimate_interest for the CRM itself, the consent ledger's for the rest), and the same in words of the
   * document's language (Content-Language) with the provisions cited.
   */
  processing: z.array(
    z.object({ purpose: z.string(), legalBasis: z.string(), channels: z.array(z.string()), purposeText: z.string(), legalBasisText: z.string() }),
  ),
  /** Who in the company read the person's data (Art. 15(1)(c)), from the read audit, per reader and kind of read; this export included. */
  reads: z.array(PersonalDataRead),
  /** How long the data are kept, in words, from the tenant's retention policies (Art. 15(1)(d)). */
  retention: z.string(),
  /** The same policies as data: saved false means the German defaults, which run only when the officer starts a run. */
  retentionPolicies: z.object({ saved: z.boolean(), dailyRun: z.boolean(), policies: z.array(RetentionPolicySetting) }),
});
export type PersonalData = z.infer<typeof PersonalData>;

/**
 * ?format=pdf asks for the readable document (as Accept: application/pdf does); ?lang= overrides Accept-Language for the
 * words of either (the PDF is German otherwise, the JSON document English).
 */
export const PersonalDataQuery = z.object({ format: z.enum(['json', 'pdf']).optional(), lang: z.enum(['de', 'en']).optional() }).strict();
export type PersonalDataQuery = z.infer<typeof PersonalDataQuery>;
