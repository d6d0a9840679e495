// Contacts (persons): names, normalised emails for matching, buying-center role and preferences.
import { z } from 'zod';
import { CustomFields, Email, NonEmptyText, OptionalText, PageQuery, Text, Uuid, Versioned } from './primitives';
import { BuyingRole, ConsentChannel } from './enums';

export const Phone = z.object({
  type: z.enum(['work', 'mobile', 'home', 'other']).default('work'),
  number: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^[+0-9 ()/.-]+$/, 'may contain only digits, spaces and + ( ) / . -'),
});

export const CommunicationPreferences = z
  .object({
    preferredChannel: ConsentChannel.optional(),
    language: z.enum(['de', 'en']).optional(),
    doNotCall: z.boolean().optional(),
  })
  .strict();

const contactFields = {
  firstName: Text.trim().max(100).default(''),
  lastName: NonEmptyText(100),
  emails: z.array(Email).max(10).default([]),
  phones: z.array(Phone).max(10).default([]),
  jobTitle: OptionalText(200),
  buyingRole: BuyingRole.nullable().optional(),
  accountId: Uuid.nullable().optional(),
  ownerId: Uuid.nullable().optional(),
  communicationPreferences: CommunicationPreferences.default({}),
  customFields: CustomFields.default({}),
};

export const ContactCreate = z.object({ id: Uuid.optional(), ...contactFields }).strict();
export type ContactCreate = z.infer<typeof ContactCreate>;

export const ContactPatch = z
  .object({
    firstName: Text.trim().max(100),
    lastName: contactFields.lastName,
    emails: z.array(Email).max(10),
    phones: z.array(Phone).max(10),
    jobTitle: contactFields.jobTitle,
    buyingRole: contactFields.buyingRole,
    accountId: contactFields.accountId,
    ownerId: contactFields.ownerId,
    communicationPreferences: CommunicationPreferences,
    customFields: CustomFields,
  })
  .partial()
  .strict();
export type ContactPatch = z.infer<typeof ContactPatch>;

export const Contact = Versioned.extend({
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  emails: z.array(z.string()),
  phones: z.array(Phone),
  jobTitle: z.string().nullable(),
  buyingRole: BuyingRole.nullable(),
  accountId: Uuid.nullable(),
  accountName: z.string().nullable(),
  ownerId: Uuid.nullable(),
  communicationPreferences: CommunicationPreferences,
  customFields: z.record(z.string(), z.unknown()),
});
export type Contact = z.infer<typeof Contact>;

export const ContactListQuery = PageQuery.extend({
  q: Text.trim().max(200).optional(),
  accountId: Uuid.optional(),
  ownerId: Uuid.optional(),
  email: Email.optional(),
  buyingRole: BuyingRole.optional(),
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;
