// Opportunities: a stage model per tenant, amount, probability and the weighted value.
import { z } from 'zod';
import { IsoDate, IsoDateTime, NonEmptyText, OptionalText, PageQuery, Text, Uuid, Versioned } from './primitives';
import { OpportunityStatus } from './enums';

export const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');
// The column is numeric(14, 2): twelve digits before the point.
const Amount = z.number().min(0).max(999_999_999_999.99).multipleOf(0.01);
const Probability = z.number().int().min(0).max(100);
/**
 * What the tenant sells in it, in its own words ("Ersatzteile", "Service"); optional, and a blank one is none. The
 * cross-selling rate compares lines case-insensitively.
 */
const ProductLine = OptionalText(100).transform((value) => (value === '' ? null : value));
/**
 * The opportunity's number in another system (the ERP's offer number); unique in the tenant, optional, a blank one is
 * none. An opportunity list imported again finds its deals by it.
 */
const ExternalId = OptionalText(100).transform((value) => (value === '' ? null : value));

export const OpportunityCreate = z
  .object({
    id: Uuid.optional(),
    accountId: Uuid,
    name: NonEmptyText(200),
    stage: Text.trim().min(1).max(50).optional(),
    amount: Amount.default(0),
    currency: Currency.default('EUR'),
    probability: Probability.optional(),
    expectedCloseDate: IsoDate.nullable().optional(),
    ownerId: Uuid.nullable().optional(),
    productLine: ProductLine,
    externalId: ExternalId,
    contactIds: z.array(Uuid).max(50).default([]),
  })
  .strict();
export type OpportunityCreate = z.infer<typeof OpportunityCreate>;

export const OpportunityPatch = z
  .object({
    name: NonEmptyText(200),
    stage: Text.trim().min(1).max(50),
    amount: Amount,
    currency: Currency,
    probability: Probability,
    expectedCloseDate: IsoDate.nullable(),
    ownerId: Uuid.nullable(),
    productLine: ProductLine,
    externalId: ExternalId,
    status: OpportunityStatus,
    closeReason: OptionalText(500),
  })
  .partial()
  .strict();
export type OpportunityPatch = z.infer<typeof OpportunityPatch>;

export const Opportunity = Versioned.extend({
  accountId: Uuid,
  accountName: z.string().nullable(),
  name: z.string(),
  stage: z.string(),
  amount: z.number(),
  currency: z.string(),
  probability: z.number(),
  weightedAmount: z.number(),
  expectedCloseDate: IsoDate.nullable(),
  ownerId: Uuid.nullable(),
  productLine: z.string().nullable(),
  externalId: z.string().nullable(),
  status: OpportunityStatus,
  closeReason: z.string().nullable(),
  closedAt: IsoDateTime.nullable(),
});
export type Opportunity = z.infer<typeof Opportunity>;

export const OpportunityListQuery = PageQuery.extend({
  q: Text.trim().max(200).optional(),
  accountId: Uuid.optional(),
  ownerId: Uuid.optional(),
  stage: Text.max(50).optional(),
  status: OpportunityStatus.optional(),
});
export type OpportunityListQuery = z.infer<typeof OpportunityListQuery>;
