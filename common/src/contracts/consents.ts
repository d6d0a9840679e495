// Consents are a ledger: every grant, withdrawal and objection is a new entry, never an overwrite.
import { z } from 'zod';
import { IsoDateTime, OptionalText, Text, Uuid } from './primitives';
import { ConsentAction, ConsentChannel, ConsentPurpose, LegalBasis } from './enums';

export const ConsentEntryCreate = z
  .object({
    id: Uuid.optional(),
    contactId: Uuid,
    channel: ConsentChannel,
    purpose: ConsentPurpose,
    legalBasis: LegalBasis,
    action: ConsentAction,
    source: Text.trim().min(1).max(200),
    capturedAt: IsoDateTime.optional(),
    note: OptionalText(2000),
  })
  .strict();
export type ConsentEntryCreate = z.infer<typeof ConsentEntryCreate>;

export const ConsentEntry = z.object({
  id: Uuid,
  contactId: Uuid,
  channel: ConsentChannel,
  purpose: ConsentPurpose,
  legalBasis: LegalBasis,
  action: ConsentAction,
  source: z.string(),
  note: z.string().nullable(),
  capturedBy: Uuid.nullable(),
  capturedByName: z.string().nullable(),
  capturedAt: IsoDateTime,
  recordedAt: IsoDateTime,
});
export type ConsentEntry = z.infer<typeof ConsentEntry>;

/** "allowed" needs a current grant; withdrawn/objected block; "none" means never asked. */
export const ConsentStatus = z.enum(['granted', 'withdrawn', 'objected', 'none']);
export type ConsentStatus = z.infer<typeof ConsentStatus>;

export const ConsentState = z.object({
  /** The latest entry per channel and purpose. */
  current: z.array(ConsentEntry),
  /** Per channel: objected or withdrawn anywhere wins over granted, so warnings are never missed. */
  channels: z.record(ConsentChannel, ConsentStatus),
});
export type ConsentState = z.infer<typeof ConsentState>;

export const ConsentHistory = z.object({
  contactId: Uuid,
  state: ConsentState,
  history: z.array(ConsentEntry),
});
export type ConsentHistory = z.infer<typeof ConsentHistory>;
