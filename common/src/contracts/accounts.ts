// Accounts (organisations): the company a contact works for, with domains for email matching.
import { z } from 'zod';
import { CustomFields, Domain, NonEmptyText, OptionalText, PageQuery, Text, Uuid, Versioned } from './primitives';
import { Rating } from './enums';

export const Address = z.object({
  street: OptionalText(200),
  postalCode: OptionalText(20),
  city: OptionalText(100),
  country: Text.trim().length(2).toUpperCase().nullable().optional(),
});

const accountFields = {
  name: NonEmptyText(200),
  domains: z.array(Domain).max(20).default([]),
  parentAccountId: Uuid.nullable().optional(),
  industry: OptionalText(100),
  segment: OptionalText(100),
  rating: Rating.nullable().optional(),
  ownerId: Uuid.nullable().optional(),
  address: Address.nullable().optional(),
  customFields: CustomFields.default({}),
};

/** A client may choose the id itself so that a retried create never makes a second account. */
export const AccountCreate = z.object({ id: Uuid.optional(), ...accountFields }).strict();
export type AccountCreate = z.infer<typeof AccountCreate>;

export const AccountPatch = z
  .object({
    name: accountFields.name,
    domains: z.array(Domain).max(20),
    parentAccountId: accountFields.parentAccountId,
    industry: accountFields.industry,
    segment: accountFields.segment,
    rating: accountFields.rating,
    ownerId: accountFields.ownerId,
    address: accountFields.address,
    customFields: CustomFields,
  })
  .partial()
  .strict();
export type AccountPatch = z.infer<typeof AccountPatch>;

export const Account = Versioned.extend({
  name: z.string(),
  domains: z.array(z.string()),
  parentAccountId: Uuid.nullable(),
  industry: z.string().nullable(),
  segment: z.string().nullable(),
  rating: Rating.nullable(),
  ownerId: Uuid.nullable(),
  ownerName: z.string().nullable(),
  address: Address.nullable(),
  customFields: z.record(z.string(), z.unknown()),
});
export type Account = z.infer<typeof Account>;

export const AccountListQuery = PageQuery.extend({
  q: Text.trim().max(200).optional(),
  ownerId: Uuid.optional(),
  segment: Text.max(100).optional(),
  industry: Text.max(100).optional(),
  domain: Domain.optional(),
});
export type AccountListQuery = z.infer<typeof AccountListQuery>;
