// Data subject requests (DSGVO/GDPR Art. 12, 15-21): the register with its deadlines, and the audit search.
import { z } from 'zod';
import { AUDIT_ENTITIES } from './audit-values';
import { Email, IsoDate, IsoDateTime, NonEmptyText, PageQuery, Uuid, Versioned } from './primitives';

export const PrivacyRequestType = z.enum(['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection']);
export type PrivacyRequestType = z.infer<typeof PrivacyRequestType>;

/** completed and rejected close a request; both need the answer sent to the person (Art. 12(3), 12(4)). */
export const PrivacyRequestStatus = z.enum(['received', 'in_progress', 'completed', 'rejected']);
export type PrivacyRequestStatus = z.infer<typeof PrivacyRequestStatus>;

/** The officer's words; they should not repeat the person's data beyond what the request needs. */
const Note = NonEmptyText(2000);

export const PrivacyRequestCreate = z
  .object({
    /** Sent by the client, it makes the create idempotent: a retry answers 200 with the stored request. */
    id: Uuid.optional(),
    type: PrivacyRequestType,
    /** The person: an existing contact, or only the address the request came from; never both. */
    contactId: Uuid.optional(),
    email: Email.optional(),
    receivedOn: IsoDate,
    /** The first action, e.g. "received by letter, identity checked against the customer file". */
    note: Note.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.contactId && value.email) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'give either contactId or email, not both: the contact already holds the address' });
    } else if (!value.contactId && !value.email) {
      ctx.addIssue({ code: 'custom', path: ['contactId'], message: 'is required unless email names the person' });
    }
  });
export type PrivacyRequestCreate = z.infer<typeof PrivacyRequestCreate>;

export const PrivacyRequestPatch = z
  .object({
    status: PrivacyRequestStatus,
    /** Links an address-only request to the contact found for it; the address is then no longer kept on the request. */
    contactId: Uuid,
    /** Once per request, by one or two months, with the reason told to the person (Art. 12(3)). */
    extension: z.object({ months: z.union([z.literal(1), z.literal(2)]), reason: Note }).strict(),
    /** An action taken, appended with who and when. */
    action: Note,
    answer: z.object({ sentOn: IsoDate, text: NonEmptyText(4000) }).strict(),
    /** Audit log entries (GET /api/audit, kind change) of the edits a rectification request led to. */
    linkChanges: z.array(z.coerce.number().int().positive()).min(1).max(100),
  })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, 'must change at least one field');
export type PrivacyRequestPatch = z.infer<typeof PrivacyRequestPatch>;

export const PrivacyRequestSummary = Versioned.extend({
  type: PrivacyRequestType,
  contactId: Uuid.nullable(),
  email: z.string().nullable(),
  receivedOn: IsoDate,
  /** The deadline in force: the extended one when there is one. */
  dueOn: IsoDate,
  /** One month from receipt. */
  originalDueOn: IsoDate,
  extension: z.object({ dueOn: IsoDate, reason: z.string(), extendedBy: Uuid.nullable(), extendedAt: IsoDateTime }).nullable(),
  status: PrivacyRequestStatus,
  answer: z.object({ sentOn: IsoDate, text: z.string() }).nullable(),
  /** Open and past its deadline. */
  overdue: z.boolean(),
  /** Open and due within the next seven days, today included. */
  dueThisWeek: z.boolean(),
  createdBy: Uuid.nullable(),
});
export type PrivacyRequestSummary = z.infer<typeof PrivacyRequestSummary>;

export const PrivacyRequestActionKind = z.enum(['registered', 'note', 'status', 'extended', 'answered', 'contact_linked', 'changes_linked']);

/** detail: the note (note, registered), the new status, the new deadline (extended), the date sent (answered), the ids linked. */
export const PrivacyRequestAction = z.object({
  at: IsoDateTime,
  actorId: Uuid.nullable(),
  actorName: z.string().nullable(),
  kind: PrivacyRequestActionKind,
  detail: z.string(),
});
export type PrivacyRequestAction = z.infer<typeof PrivacyRequestAction>;

export const LinkedChange = z.object({
  auditId: z.number().int(),
  at: IsoDateTime,
  actorId: Uuid.nullable(),
  /** Null when the user was removed or never signed in with a name. */
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: Uuid.nullable(),
  changedFields: z.array(z.string()),
});

export const PrivacyRequest = PrivacyRequestSummary.extend({
  actions: z.array(PrivacyRequestAction),
  changes: z.array(LinkedChange),
});
export type PrivacyRequest = z.infer<typeof PrivacyRequest>;

export const PrivacyRequestListQuery = PageQuery.extend({
  /** open: received or in progress. */
  status: z.enum(['open', ...PrivacyRequestStatus.options]).optional(),
  type: PrivacyRequestType.optional(),
  contactId: Uuid.optional(),
});
export type PrivacyRequestListQuery = z.infer<typeof PrivacyRequestListQuery>;

export const AuditKind = z.enum(['read', 'change']);

export const AuditQuery = PageQuery.extend({
  /** The person: entries about the contact, and lookups of any of their current addresses. */
  contactId: Uuid.optional(),
  /** The record, e.g. entity=account&entityId=... */
  entity: z.enum(AUDIT_ENTITIES).optional(),
  entityId: Uuid.optional(),
  actorId: Uuid.optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  kind: AuditKind.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  kind: AuditKind,
  /** Unique per kind; a change's id is what linkChanges of a rectification request takes. */
  id: z.number().int(),
  at: IsoDateTime,
  actorId: Uuid.nullable(),
  actorName: z.string().nullable(),
  /** One of READ_ACTIONS for a read, of CHANGE_ACTIONS for a change. */
  action: z.string(),
  entity: z.string(),
  entityId: Uuid.nullable(),
  /** The address a context lookup asked about; never the lookup's answer. */
  address: z.string().nullable(),
  changedFields: z.array(z.string()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Who in the company read the person's data (Art. 15(1)(c)), per reader and kind of read. */
export const PersonalDataRead = z.object({
  actorId: Uuid.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  count: z.number().int(),
  firstAt: IsoDateTime,
  lastAt: IsoDateTime,
});
export type PersonalDataRead = z.infer<typeof PersonalDataRead>;
