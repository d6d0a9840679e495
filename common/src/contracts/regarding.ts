// What an email or meeting can be logged regarding, found by type-ahead over all of the tenant's records: accounts,
// open opportunities and open complaints.
import { z } from 'zod';
import { IsoDateTime, Text, Uuid } from './primitives';

export const RegardingKind = z.enum(['account', 'opportunity', 'complaint']);
export type RegardingKind = z.infer<typeof RegardingKind>;

export const RegardingQuery = z.object({
  /** Matched anywhere in the name (an account's, an opportunity's or its account's, a complaint's subject or its account's). */
  q: Text.trim().min(2).max(200),
  /** Per kind. */
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
export type RegardingQuery = z.infer<typeof RegardingQuery>;

export const RegardingRecord = z.object({
  kind: RegardingKind,
  id: Uuid,
  /** The account's or opportunity's name, the complaint's subject. */
  name: z.string(),
  /** The account it belongs to (itself for an account); a complaint linked to no account has none. */
  accountId: Uuid.nullable(),
  accountName: z.string().nullable(),
  /** When a complaint came in; null for the other kinds. */
  occurredAt: IsoDateTime.nullable(),
});
export type RegardingRecord = z.infer<typeof RegardingRecord>;

export const RegardingResults = z.object({ items: z.array(RegardingRecord) });
export type RegardingResults = z.infer<typeof RegardingResults>;
