// Interactions: emails, meetings, calls, notes, chats, complaints and more, with their natural keys.
import { z } from 'zod';
import { Email, IsoDateTime, NonEmptyText, OptionalText, PageQuery, QueryList, Text, Uuid, Versioned } from './primitives';
import { Direction, InteractionSource, InteractionStatus, InteractionType } from './enums';

const NaturalKey = Text.trim().min(1).max(1000);

/** The value of the x-crm-log-key header (LOG_KEY_HEADER): a UUID the add-in makes per draft, so it says nothing about the email or its sender. */
export const LogKey = Uuid;

/**
 * What people write themselves needs a subject, or the timeline shows a blank row; emails and meetings take Outlook's
 * subject as it is, which may be empty.
 */
const SUBJECT_REQUIRED: ReadonlySet<string> = new Set(['note', 'call', 'complaint']);

/**
 * A call is logged once it has happened (a planned one is a follow-up), or it would count as the account's last contact
 * before it took place. The margin lets a device clock run a little ahead of the server's.
 */
export const CALL_CLOCK_MARGIN_MS = 5 * 60_000;

export const TeamsOrigin = z
  .object({
    channelId: Text.max(500).optional(),
    chatId: Text.max(500).optional(),
    meetingId: Text.max(1000).optional(),
    teamId: Text.max(500).optional(),
    /** The channel's or meeting's name when Teams tells it, so the timeline can say where a record came from. */
    name: Text.max(500).optional(),
    /** A message saved from Teams: the link back to it, and who wrote it (the Teams display name). */
    messageUrl: z.url({ protocol: /^https$/ }).max(4000).optional(),
    author: Text.max(500).optional(),
  })
  .strict();

export const InteractionCreate = z
  .object({
    id: Uuid.optional(),
    type: InteractionType,
    direction: Direction.nullable().optional(),
    occurredAt: IsoDateTime,
    subject: Text.trim().max(1000).default(''),
    summary: OptionalText(20_000),
    source: InteractionSource.default('api'),
    internetMessageId: NaturalKey.optional(),
    /** The email's x-crm-log-key header: logged at send time before the internet message id exists, found again on every copy. */
    logKey: LogKey.optional(),
    /**
     * The email's sender (From). Anyone can write the log-key header into an email, so the key of an inbound email counts
     * only when its sender is a colleague (a tenant user or one of the tenant's own domains); an outbound email is the
     * caller's own. Not stored.
     */
    sender: Email.optional(),
    iCalUId: NaturalKey.optional(),
    teamsMessageId: NaturalKey.optional(),
    conversationId: NaturalKey.optional(),
    status: InteractionStatus.optional(),
    accountIds: z.array(Uuid).max(20).default([]),
    contactIds: z.array(Uuid).max(200).default([]),
    opportunityIds: z.array(Uuid).max(20).default([]),
    /** The open complaint this is about (an answer to it, a meeting on it); its accounts are linked too. */
    complaintId: Uuid.optional(),
    /**
     * Addresses on the email that are no contact yet (at a company the CRM knows by its domain, say): each waits beside
     * the interaction and is linked to it once a contact with that address is created.
     */
    pendingEmails: z.array(Email).max(200).optional(),
    teamsOrigin: TeamsOrigin.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (SUBJECT_REQUIRED.has(value.type) && value.subject === '') {
      ctx.addIssue({ code: 'custom', path: ['subject'], message: `must not be blank for type ${value.type}` });
    }
    if (value.type === 'call' && Date.parse(value.occurredAt) > Date.now() + CALL_CLOCK_MARGIN_MS) {
      ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: 'must not be in the future for a call; plan a call as a follow-up' });
    }
    if (value.internetMessageId && value.type !== 'email') {
      ctx.addIssue({ code: 'custom', path: ['internetMessageId'], message: 'is only allowed for type email' });
    }
    if (value.logKey && value.type !== 'email') {
      ctx.addIssue({ code: 'custom', path: ['logKey'], message: 'is only allowed for type email' });
    }
    if (value.complaintId && value.type === 'complaint') {
      ctx.addIssue({ code: 'custom', path: ['complaintId'], message: 'a complaint cannot be regarding another complaint' });
    }
    if (value.iCalUId && value.type !== 'meeting') {
      ctx.addIssue({ code: 'custom', path: ['iCalUId'], message: 'is only allowed for type meeting' });
    }
  });
export type InteractionCreate = z.infer<typeof InteractionCreate>;

export const InteractionPatch = z
  .object({
    // A patch does not know the type; no logged record is meant to lose its subject.
    subject: NonEmptyText(1000),
    summary: OptionalText(20_000),
    occurredAt: IsoDateTime,
    status: InteractionStatus,
    resolution: OptionalText(5000),
  })
  .partial()
  .strict();
export type InteractionPatch = z.infer<typeof InteractionPatch>;

export const Logger = z.object({ userId: Uuid, displayName: z.string(), loggedAt: IsoDateTime });

export const Interaction = Versioned.extend({
  type: InteractionType,
  direction: Direction.nullable(),
  occurredAt: IsoDateTime,
  subject: z.string(),
  summary: z.string().nullable(),
  source: InteractionSource,
  internetMessageId: z.string().nullable(),
  logKey: z.string().nullable(),
  iCalUId: z.string().nullable(),
  teamsMessageId: z.string().nullable(),
  conversationId: z.string().nullable(),
  status: InteractionStatus.nullable(),
  resolution: z.string().nullable(),
  resolvedAt: IsoDateTime.nullable(),
  accountIds: z.array(Uuid),
  contactIds: z.array(Uuid),
  opportunityIds: z.array(Uuid),
  /** The complaint this interaction is regarding, if any. */
  complaintId: Uuid.nullable(),
  teamsOrigin: TeamsOrigin.nullable(),
  createdBy: Uuid.nullable(),
  loggedBy: z.array(Logger),
});
export type Interaction = z.infer<typeof Interaction>;

export const TimelineQuery = PageQuery.extend({
  type: QueryList(InteractionType),
  contactId: Uuid.optional(),
  /** Words in the subject, the note or the resolution, case-insensitive. */
  q: Text.trim().max(200).optional(),
  /** count=true adds `total`, how many match the filters across all pages; a client asks once, with the first page. */
  count: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const TimelinePage = z.object({
  items: z.array(Interaction),
  nextCursor: z.string().nullable(),
  total: z.number().int().min(0).optional(),
});
export type TimelinePage = z.infer<typeof TimelinePage>;

export const InteractionLookupQuery = z.object({
  internetMessageId: NaturalKey.optional(),
  logKey: LogKey.optional(),
  iCalUId: NaturalKey.optional(),
  conversationId: NaturalKey.optional(),
});
