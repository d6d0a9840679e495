// Microsoft Graph sync: tenant policy, per-user switches, per-mailbox status, runs, conflicts and Graph's webhook payloads.
import { z } from 'zod';
import { IsoDateTime, Uuid } from './primitives';

export const SyncResource = z.enum(['calendar', 'contacts']);
export type SyncResource = z.infer<typeof SyncResource>;

/** What the user sees; the operational stage is separate. */
export const SyncStatus = z.enum(['not_synced', 'syncing', 'active', 'needs_permission', 'failed']);
export type SyncStatus = z.infer<typeof SyncStatus>;

export const ContactCreationPolicy = z.enum(['never', 'known_domains', 'all']);

export const GraphSyncSettings = z
  .object({
    /** Set by an admin once the app registration has admin consent for the tenant. */
    connected: z.boolean().default(false),
    contactCreation: ContactCreationPolicy.default('known_domains'),
    calendarDaysBack: z.number().int().min(0).max(3650).default(90),
    calendarDaysAhead: z.number().int().min(1).max(3650).default(365),
  })
  .strict();
export type GraphSyncSettings = z.infer<typeof GraphSyncSettings>;

export const MySyncSwitches = z.object({ calendar: z.boolean(), contacts: z.boolean() }).strict();
export type MySyncSwitches = z.infer<typeof MySyncSwitches>;

export const MailboxSyncState = z.object({
  userId: Uuid,
  displayName: z.string(),
  resource: SyncResource,
  enabled: z.boolean(),
  status: SyncStatus,
  stage: z.string(),
  pending: z.boolean(),
  pagesDone: z.number().int(),
  itemsDone: z.number().int(),
  lastSuccessAt: IsoDateTime.nullable(),
  lastError: z.string().nullable(),
  missingPermission: z.string().nullable(),
  failureCount: z.number().int(),
  /** Items the mailbox shows that the sync could not read (say, an event in a time zone no one knows), and why. */
  unreadable: z.array(z.object({ id: z.string(), reason: z.string() })).optional(),
});
export type MailboxSyncState = z.infer<typeof MailboxSyncState>;

export const SyncStatusResponse = z.object({
  /** The server has a Graph app registration configured. */
  configured: z.boolean(),
  /** An admin connected the tenant (admin consent given). */
  connected: z.boolean(),
  items: z.array(MailboxSyncState),
});
export type SyncStatusResponse = z.infer<typeof SyncStatusResponse>;

export const SyncRunRequest = z.object({ userId: Uuid.optional(), resource: SyncResource.optional(), full: z.boolean().default(false) }).strict();
export type SyncRunRequest = z.infer<typeof SyncRunRequest>;

export const SyncRunResult = z.object({
  userId: Uuid,
  resource: SyncResource,
  outcome: z.enum(['synced', 'busy', 'needs_permission', 'failed']),
  pages: z.number().int(),
  items: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  requests: z.number().int(),
  error: z.string().nullable(),
});
export type SyncRunResult = z.infer<typeof SyncRunResult>;
export const SyncRunResponse = z.object({ results: z.array(SyncRunResult) });

export const SyncConflict = z.object({
  id: Uuid,
  userId: Uuid,
  contactId: Uuid,
  contactName: z.string(),
  field: z.string(),
  crmValue: z.string().nullable(),
  outlookValue: z.string().nullable(),
  winner: z.enum(['crm', 'outlook']),
  detectedAt: IsoDateTime,
});
export const SyncConflictList = z.object({ items: z.array(SyncConflict) });

/**
 * Graph proves the URL once per subscription with POST ?validationToken=... (form-encoded in the query) and expects the
 * decoded token back as text/plain within 10 seconds (Learn: "Receive change notifications through webhooks").
 */
export const GraphWebhookQuery = z.object({ validationToken: z.string().min(1).max(1024).optional() });

/** Unpaired UTF-16 surrogates cannot be stored or compared as text; NUL is refused by PostgreSQL. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const GraphText = (max: number, min = 0) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((value) => !value.includes('\u0000') && !LONE_SURROGATE.test(value), 'must not contain NUL characters or unpaired surrogates');

/**
 * One changeNotification as Graph documents it (Learn: "changeNotification resource type"); fields the sync does not read
 * are dropped, the ones it reads are checked. Graph's tenant ids are GUIDs: anything else is not from Graph.
 */
const GraphNotificationItem = z.object({
  subscriptionId: GraphText(200, 1),
  /** null when the subscription was made without one (Learn: changeNotification); ours always have one. */
  clientState: GraphText(255).nullish(),
  tenantId: z.guid().optional(),
  changeType: z.enum(['created', 'updated', 'deleted']).optional(),
  resource: GraphText(2000).optional(),
  lifecycleEvent: z.enum(['reauthorizationRequired', 'subscriptionRemoved', 'missed']).optional(),
});
export const GraphNotificationBatch = z.object({ value: z.array(GraphNotificationItem).min(1).max(1000) });
export type GraphNotificationBatch = z.infer<typeof GraphNotificationBatch>;
