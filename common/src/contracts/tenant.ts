// Tenant-level settings (admins only) and the signed-in user's profile.
import { z } from 'zod';
import { NonEmptyText, Uuid } from './primitives';
import { AppRole } from './enums';
import { GraphSyncSettings } from './sync';

export const Stage = z.object({
  key: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[a-z0-9_]+$/, 'must be lower-case letters, digits or _'),
  label: z.object({ de: NonEmptyText(100), en: NonEmptyText(100) }),
  probability: z.number().int().min(0).max(100),
});
export type Stage = z.infer<typeof Stage>;

export const TenantSettings = z.object({
  stages: z
    .array(Stage)
    .min(1)
    .max(20)
    .refine((stages) => new Set(stages.map((s) => s.key)).size === stages.length, 'stage keys must be unique'),
  sleepingAfterDays: z.number().int().min(7).max(3650),
  defaultCurrency: z.string().regex(/^[A-Z]{3}$/),
  graphSync: GraphSyncSettings.default(GraphSyncSettings.parse({})),
});
export type TenantSettings = z.infer<typeof TenantSettings>;

export const TenantSettingsResponse = TenantSettings.extend({ etag: z.string() });

export const Me = z.object({
  id: Uuid,
  tenantId: Uuid,
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(AppRole),
});
export type Me = z.infer<typeof Me>;

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  time: z.string(),
});
