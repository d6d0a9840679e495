// Possible duplicates already in the CRM (the import's matching rules), merging two of them with all their history, and
// undoing a merge.
import { z } from 'zod';
import { IsoDateTime, PageQuery, Text, Uuid } from './primitives';

export const DuplicateQuery = PageQuery.extend({
  /** Pairs scoring below this are left out; 0.45 is the import's similar-name threshold. */
  minScore: z.coerce.number().min(0).max(1).default(0.45),
});
export type DuplicateQuery = z.infer<typeof DuplicateQuery>;

export const DuplicateContactRef = z.object({
  id: Uuid,
  etag: z.string(),
  displayName: z.string(),
  emails: z.array(z.string()),
  accountId: Uuid.nullable(),
  accountName: z.string().nullable(),
});

export const ContactDuplicateKind = z.enum(['same_name_same_account', 'similar_name_same_account', 'same_name_other_account']);

export const ContactDuplicate = z.object({
  first: DuplicateContactRef,
  second: DuplicateContactRef,
  score: z.number(),
  kind: ContactDuplicateKind,
  reason: z.string(),
});
export type ContactDuplicate = z.infer<typeof ContactDuplicate>;

export const DuplicateAccountRef = z.object({
  id: Uuid,
  etag: z.string(),
  name: z.string(),
  legalForm: z.string().nullable(),
  customerNumber: z.string().nullable(),
  domains: z.array(z.string()),
});

export const AccountDuplicateKind = z.enum(['customer_number', 'email_domain', 'same_name', 'legal_form_differs', 'similar_name']);

export const AccountDuplicate = z.object({
  first: DuplicateAccountRef,
  second: DuplicateAccountRef,
  score: z.number(),
  kind: AccountDuplicateKind,
  /** The names are the same but the legal forms differ ("Müller GmbH" / "Müller AG"): two companies unless a person knows better. */
  differentLegalEntities: z.boolean(),
  reason: z.string(),
});
export type AccountDuplicate = z.infer<typeof AccountDuplicate>;

/** Where the two records differ, which one's value the merged record keeps; unnamed fields keep the surviving record's. */
const Pick = z.enum(['survivor', 'merged']);

const mergeBase = {
  /** The record merged into the one in the path and then removed. */
  mergedId: Uuid,
  /** The ETag of the merged record as read; the path's record is guarded by If-Match. */
  mergedEtag: Text.max(20),
  /** Custom field name -> whose value to keep, where both have the field with different values. */
  customFields: z.record(Text.min(1).max(100), Pick).default({}),
};

export const ContactMergeRequest = z
  .object({
    ...mergeBase,
    fields: z
      .object({ firstName: Pick, lastName: Pick, jobTitle: Pick, buyingRole: Pick, ownerId: Pick, accountId: Pick, communicationPreferences: Pick })
      .partial()
      .strict()
      .default({}),
  })
  .strict();
export type ContactMergeRequest = z.infer<typeof ContactMergeRequest>;

export const AccountMergeRequest = z
  .object({
    ...mergeBase,
    fields: z
      .object({ name: Pick, industry: Pick, segment: Pick, rating: Pick, ownerId: Pick, parentAccountId: Pick, address: Pick })
      .partial()
      .strict()
      .default({}),
  })
  .strict();
export type AccountMergeRequest = z.infer<typeof AccountMergeRequest>;

export const Merge = z.object({
  id: Uuid,
  entity: z.enum(['contact', 'account']),
  survivorId: Uuid,
  mergedId: Uuid,
  /** How many rows of each kind moved to the survivor (interactions, consents, tasks, opportunities, sync items, ...). */
  moved: z.record(z.string(), z.number()),
  mergedAt: IsoDateTime,
  mergedBy: Uuid.nullable(),
  undoneAt: IsoDateTime.nullable(),
  /** The survivor's ETag after the merge (or the undo). */
  survivorEtag: z.string(),
});
export type Merge = z.infer<typeof Merge>;
