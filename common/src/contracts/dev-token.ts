// The local host's development token request: who to be, for trying the product without Entra ID.
import { z } from 'zod';
import { AppRole } from './enums';
import { Text, Uuid } from './primitives';

export const DevTokenRequest = z
  .object({
    tenantId: Uuid.optional(),
    /** The Entra object id to act as; a demo user's id fills in their name, email and roles. */
    userId: Uuid.optional(),
    name: Text.trim().min(1).max(200).optional(),
    email: z.email().max(254).optional(),
    roles: z.array(AppRole).max(4).optional(),
  })
  .strict();
export type DevTokenRequest = z.infer<typeof DevTokenRequest>;

export const DevTokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
});
export type DevTokenResponse = z.infer<typeof DevTokenResponse>;
