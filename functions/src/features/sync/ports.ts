// What sync needs from a mail provider, in sync's own terms. Drivers (graph/ for Microsoft Graph) implement these
// ports and import this file; sync's state machine imports only this file, so a second provider changes no runner code.
import type { SyncResource } from '@crm/common';

/** A calendar entry reduced to what a meeting interaction needs, times in UTC. */
export interface CalendarEvent {
  /** The provider's id of the event in this mailbox; removals name it. */
  providerId: string;
  /** The meeting's identity across mailboxes; occurrences of a series get one each. */
  meetingKey: string;
  subject: string;
  startsAt: Date;
  endsAt: Date;
  participants: string[];
  isPrivate: boolean;
  isCancelled: boolean;
}

/** The fields both sides keep in step; the email addresses are the matching keys and are not rewritten. */
export interface ContactFields {
  firstName: string;
  lastName: string;
  jobTitle: string;
  phone: string;
}
export const CONTACT_FIELDS = ['firstName', 'lastName', 'jobTitle', 'phone'] as const satisfies readonly (keyof ContactFields)[];

/** A contact as the mailbox holds it. */
export interface MailboxContact extends ContactFields {
  providerId: string;
  /** Every address the contact holds, in the mailbox's order, trimmed and lower-cased; any of them can match. */
  emails: string[];
  companyName: string;
  displayName: string;
  modifiedAt: Date;
}

/** A contact the sync writes to the mailbox's CRM folder. */
export interface FolderContact extends ContactFields {
  emails: string[];
  companyName: string;
}

/**
 * One page of changes. Cursors are opaque to sync: it stores them and hands them back, so a run
 * resumes from `nextCursor` after a crash and the next round starts from `deltaCursor`.
 */
export type DeltaPage<T> = {
  items: T[];
  removed: string[];
  /** Entries the driver could not read (an unknown time zone, say): reported in the sync status, never dropped silently. */
  unreadable?: UnreadableItem[];
} & ({ nextCursor: string; deltaCursor?: undefined } | { nextCursor?: undefined; deltaCursor: string });

export interface UnreadableItem {
  providerId: string;
  /** Why, in words without personal data (no subject, no addresses). */
  reason: string;
}

/** Failures in the terms the sync acts on. */
export type SyncFailure =
  /** The provider refused access: an admin must grant a permission; retrying sooner is pointless. */
  | { kind: 'permission'; status: number | null; message: string }
  /** The provider lost the change-tracking state: the cursor is useless, start a full pass. */
  | { kind: 'reset'; status: number | null; message: string }
  /** Busy, throttled or unreachable: try again later, after `retryAfterSeconds` when the provider said so. */
  | { kind: 'temporary'; status: number | null; message: string; retryAfterSeconds?: number }
  /** The addressed item or subscription does not exist (any more). */
  | { kind: 'not_found'; status: number | null; message: string }
  | { kind: 'fatal'; status: number | null; message: string };

/** What a driver throws for any failure of the provider; anything else reaching the runner is this side's fault. */
export class SyncProviderError extends Error {
  constructor(readonly failure: SyncFailure) {
    super(failure.message);
    this.name = 'SyncProviderError';
  }
}

export interface CalendarPort {
  /** The cursor of a full pass over the window. */
  start(mailbox: string, from: Date, to: Date): string;
  read(tenantId: string, cursor: string): Promise<DeltaPage<CalendarEvent>>;
}

export interface ContactsPort {
  /** The cursor of a full pass over the mailbox's own contacts. */
  start(mailbox: string): string;
  read(tenantId: string, cursor: string): Promise<DeltaPage<MailboxContact>>;
}

/** The mailbox's "CRM" contact folder, which the sync fills with the contacts of the user's accounts. */
export interface CrmFolderPort {
  /** The folder's id, made on first use. */
  ensure(tenantId: string, mailbox: string): Promise<string>;
  list(tenantId: string, mailbox: string, folderId: string): Promise<MailboxContact[]>;
  create(tenantId: string, mailbox: string, folderId: string, contact: FolderContact): Promise<string>;
  update(tenantId: string, mailbox: string, folderId: string, providerId: string, contact: FolderContact): Promise<void>;
  /** Deleting what is already gone succeeds. */
  delete(tenantId: string, mailbox: string, folderId: string, providerId: string): Promise<void>;
}

export interface SubscriptionRequest {
  mailbox: string;
  resource: SyncResource;
  notificationUrl: string;
  lifecycleNotificationUrl: string;
  /** The secret every genuine notification carries back. */
  clientState: string;
  expiresAt: Date;
}

/** Change notifications per mailbox and resource. */
export interface SubscriptionPort {
  /** How long a new or renewed subscription lives. */
  readonly lifetimeMs: number;
  create(tenantId: string, request: SubscriptionRequest): Promise<{ id: string; expiresAt: Date }>;
  /** Fails with `not_found` when the provider no longer knows the subscription. */
  renew(tenantId: string, id: string, expiresAt: Date): Promise<{ expiresAt: Date }>;
  /** Deleting what is already gone succeeds. */
  delete(tenantId: string, id: string): Promise<void>;
}

export interface SyncProvider {
  /** Named in the statuses users read, e.g. "Microsoft Graph refused access". */
  readonly name: string;
  /** The permission an admin grants when the provider refuses a resource (kept in the sync state). */
  requiredPermission(resource: SyncResource): string;
  /** What an admin does about a refusal, in a sentence for the status. */
  permissionAdvice(resource: SyncResource): string;
  readonly calendar: CalendarPort;
  readonly contacts: ContactsPort;
  readonly crmFolder: CrmFolderPort;
  /** Absent for a provider without change notifications: the timer's rounds still find every change. */
  readonly subscriptions?: SubscriptionPort;
  /** Requests sent for a mailbox so far, retries included (for run summaries and the benchmark). */
  requestCount(mailbox: string): number;
}
