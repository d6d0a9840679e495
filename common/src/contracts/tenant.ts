// Tenant-level settings (admins only) and the signed-in user's profile.
import { z } from 'zod';
import { Domain, NonEmptyText, Uuid } from './primitives';
import { AppRole } from './enums';
import { GraphSyncSettings } from './sync';
import { InsightsSettings, StoredInsightsSettings } from './insights-settings';
import { LeadScoringSettings } from './leads';
import { ServiceLevelSettings } from './cases';

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

const StageModel = z
  .array(Stage)
  .min(1)
  .max(20)
  .refine((stages) => new Set(stages.map((s) => s.key)).size === stages.length, 'stage keys must be unique');
const SleepingAfterDays = z.number().int().min(7).max(3650);
const Currency = z.string().regex(/^[A-Z]{3}$/);
/**
 * The tenant's own mail domains: people there are colleagues, never offered as contacts. Empty means the domains of the
 * tenant users' own addresses.
 */
const InternalDomains = z.array(Domain).max(50);

/** The body of PUT /api/settings: the whole document, only graphSync, internalDomains and insights may be left out (they then take their defaults). */
export const TenantSettings = z.object({
  stages: StageModel,
  sleepingAfterDays: SleepingAfterDays,
  defaultCurrency: Currency,
  graphSync: GraphSyncSettings.default(GraphSyncSettings.parse({})),
  // Optional rather than defaulted, so that clients typed before it existed still build a whole document.
  internalDomains: InternalDomains.optional(),
  // Optional like internalDomains; left out, the analytics settings (issue 15) read as their defaults.
  insights: InsightsSettings.optional(),
  // Optional too; left out, the lead score (issue 18) weighs with its defaults.
  leads: LeadScoringSettings.optional(),
  // Optional too; left out, service cases take the default service levels.
  serviceLevels: ServiceLevelSettings.optional(),
  /** The compose pane's "Log when sent" starts switched on for an email to a contact of the CRM (issue 13). */
  logWhenSentToCustomers: z.boolean().optional(),
});
export type TenantSettings = z.infer<typeof TenantSettings>;

/** The sales stage model of a tenant that has not changed it. */
const defaultStages: readonly Stage[] = [
  { key: 'lead', label: { de: 'Lead', en: 'Lead' }, probability: 10 },
  { key: 'qualified', label: { de: 'Qualifiziert', en: 'Qualified' }, probability: 25 },
  { key: 'proposal', label: { de: 'Angebot', en: 'Proposal' }, probability: 50 },
  { key: 'negotiation', label: { de: 'Verhandlung', en: 'Negotiation' }, probability: 75 },
  { key: 'commit', label: { de: 'Abschluss in Sicht', en: 'Commit' }, probability: 90 },
];

/**
 * The settings document as stored, read back. Every field has its default, nested ones too, so a new
 * tenant's '{}' and a document saved before a field existed read complete. Keys the schema no longer
 * has are dropped at every level, even inside graphSync, whose PUT body refuses unknown keys: what a
 * GET returns can always be sent back with PUT.
 */
export const StoredTenantSettings = z.object({
  stages: StageModel.default(() => defaultStages.map((stage) => ({ ...stage, label: { ...stage.label } }))),
  sleepingAfterDays: SleepingAfterDays.default(90),
  defaultCurrency: Currency.default('EUR'),
  graphSync: z.object(GraphSyncSettings.shape).prefault({}),
  internalDomains: InternalDomains.default([]),
  insights: StoredInsightsSettings.prefault({}),
  leads: LeadScoringSettings.prefault({}),
  serviceLevels: ServiceLevelSettings.prefault({}),
  logWhenSentToCustomers: z.boolean().default(false),
});

export const TenantSettingsResponse = TenantSettings.extend({ etag: z.string() });
export type TenantSettingsResponse = z.infer<typeof TenantSettingsResponse>;

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
