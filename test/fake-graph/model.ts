// In-memory mailboxes with events and contacts; every mutation bumps the mailbox's change sequence that delta tokens encode.
import { createHash } from 'node:crypto';
import { addDaysToWallClock, fromUtcMs, toUtcMs, type DateTimeTimeZone } from './time-zones';
import type { Attendee, ChangeType, ContactFolder, EmailAddress, GraphContact, GraphEvent, ModelChange, ResourceKind } from './types';

export interface StoredEvent {
  event: GraphEvent;
  /** Sequence number of the last change; a delta since S returns every record with seq > S. */
  seq: number;
  removed: boolean;
  startMs: number;
  endMs: number;
  /** Where the event was before its last change, so moving out of a calendarView window can be reported as removed. */
  prevRange: [number, number] | null;
}

export interface StoredContact {
  contact: GraphContact;
  seq: number;
  removed: boolean;
}

export interface Mailbox {
  id: string;
  userPrincipalName: string;
  mail: string;
  displayName: string;
  permissions: { calendar: boolean; contacts: boolean };
  seq: number;
  /** Delta tokens from an older generation answer 410, as after Exchange drops sync state. */
  generation: number;
  events: Map<string, StoredEvent>;
  series: Map<string, GraphEvent>;
  contacts: Map<string, StoredContact>;
  folders: Map<string, ContactFolder>;
  defaultFolderId: string;
  idCounter: number;
  /** Documented Graph behaviours a test can switch on per mailbox; see README.md. */
  calendarQuirks: CalendarQuirks;
  /** Whether the Teams app is installed for the user: activity feed notifications to them need it. */
  teamsAppInstalled: boolean;
}

/** An activity feed notification the fake accepted: to whom, the request body as sent, and when. */
export interface ActivityNotificationRecord {
  userId: string;
  body: Record<string, unknown>;
  at: number;
}

export interface CalendarQuirks {
  /** Answers in each event's own (Windows) zone whatever Prefer: outlook.timezone asks for. */
  ignoresTimeZonePreference: boolean;
  /** The first page of a full calendarView delta pass is empty and only carries a nextLink. */
  emptyFirstDeltaPage: boolean;
}

export interface MailboxInput {
  email: string;
  id?: string;
  displayName?: string;
}

export interface EventInput {
  subject: string;
  /** An ISO instant (stored in `timeZone`, default UTC) or a Graph dateTimeTimeZone. */
  start: string | DateTimeTimeZone;
  end: string | DateTimeTimeZone;
  timeZone?: string;
  organizer?: string | EmailAddress;
  attendees?: (string | EmailAddress | Attendee)[];
  sensitivity?: GraphEvent['sensitivity'];
  isCancelled?: boolean;
  /** start and end are then dates: midnight in `timeZone` (default UTC) of the day the ISO instant falls on there. */
  isAllDay?: boolean;
  location?: string;
  bodyPreview?: string;
  id?: string;
  iCalUId?: string;
}

export interface SeriesInput extends EventInput {
  recurrence: { type: 'daily' | 'weekly'; interval?: number; occurrences: number };
}

export type ContactInput = Partial<
  Omit<GraphContact, 'id' | 'parentFolderId' | 'createdDateTime' | 'lastModifiedDateTime' | 'changeKey' | 'emailAddresses'>
> & {
  id?: string;
  emailAddresses?: (string | EmailAddress)[];
};

export const nameFromEmail = (address: string): string =>
  address
    .split('@')[0]!
    .split(/[._-]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');

const hash = (text: string) => createHash('sha256').update(text).digest('base64url');

const toEmail = (value: string | EmailAddress): EmailAddress => (typeof value === 'string' ? { address: value, name: nameFromEmail(value) } : value);

const toAttendee = (value: string | EmailAddress | Attendee): Attendee =>
  typeof value === 'object' && 'emailAddress' in value ? value : { emailAddress: toEmail(value), type: 'required' };

export class FakeGraphModel {
  readonly mailboxes = new Map<string, Mailbox>();
  /** Every activity feed notification accepted, in order. */
  readonly activityNotifications: ActivityNotificationRecord[] = [];
  private readonly byAddress = new Map<string, Mailbox>();
  private readonly listeners = new Set<(change: ModelChange) => void>();
  readonly now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.now = options.now ?? Date.now;
  }

  addMailbox(input: MailboxInput): Mailbox {
    const mail = input.email.toLowerCase();
    if (this.byAddress.has(mail)) throw new Error(`fake-graph: mailbox ${mail} exists`);
    const id = input.id ?? uuidFrom(mail);
    const defaultFolderId = `AQMkContacts${hash(`${id}:contacts`).slice(0, 24)}`;
    const mailbox: Mailbox = {
      id,
      userPrincipalName: mail,
      mail,
      displayName: input.displayName ?? nameFromEmail(mail),
      permissions: { calendar: true, contacts: true },
      seq: 0,
      generation: 0,
      events: new Map(),
      series: new Map(),
      contacts: new Map(),
      folders: new Map([[defaultFolderId, { id: defaultFolderId, displayName: 'Contacts', parentFolderId: `AQMkRoot${id.slice(0, 8)}` }]]),
      defaultFolderId,
      idCounter: 0,
      calendarQuirks: { ignoresTimeZonePreference: false, emptyFirstDeltaPage: false },
      teamsAppInstalled: true,
    };
    this.mailboxes.set(id, mailbox);
    this.byAddress.set(mail, mailbox);
    return mailbox;
  }

  /** By user id or UPN/email, case-insensitive, as Graph's /users/{id | userPrincipalName}. */
  findMailbox(key: string): Mailbox | undefined {
    return (
      this.mailboxes.get(key) ?? this.byAddress.get(key.toLowerCase()) ?? [...this.mailboxes.values()].find((m) => m.id.toLowerCase() === key.toLowerCase())
    );
  }

  mailbox(key: string): Mailbox {
    const found = this.findMailbox(key);
    if (!found) throw new Error(`fake-graph: no mailbox ${key}`);
    return found;
  }

  setPermissions(key: string, permissions: Partial<Mailbox['permissions']>): void {
    Object.assign(this.mailbox(key).permissions, permissions);
  }

  setCalendarQuirks(key: string, quirks: Partial<CalendarQuirks>): void {
    Object.assign(this.mailbox(key).calendarQuirks, quirks);
  }

  /** Makes every delta and skip token issued so far for the mailbox answer 410 SyncStateNotFound. */
  invalidateDeltaTokens(key: string): void {
    this.mailbox(key).generation += 1;
  }

  onChange(listener: (change: ModelChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  newId(mailbox: Mailbox, prefix = 'AAMkAG'): string {
    mailbox.idCounter += 1;
    return `${prefix}${hash(`${mailbox.id}:${mailbox.idCounter}`).slice(0, 40)}`;
  }

  private stamp(mailbox: Mailbox): { seq: number; iso: string; changeKey: string } {
    mailbox.seq += 1;
    return { seq: mailbox.seq, iso: new Date(this.now()).toISOString(), changeKey: hash(`${mailbox.id}:ck:${mailbox.seq}`).slice(0, 22) };
  }

  private emit(mailbox: Mailbox, resource: ResourceKind, changeType: ChangeType, id: string): void {
    for (const listener of this.listeners) listener({ mailboxId: mailbox.id, resource, changeType, id });
  }

  // ---- events ----

  private buildEvent(mailbox: Mailbox, input: EventInput, type: GraphEvent['type'], seriesMasterId: string | null): GraphEvent {
    const zone = input.timeZone ?? 'UTC';
    const midnight = (v: DateTimeTimeZone): DateTimeTimeZone => ({ dateTime: `${v.dateTime.slice(0, 10)}T00:00:00.0000000`, timeZone: v.timeZone });
    const dt = (v: string | DateTimeTimeZone) => {
      const value = typeof v === 'string' ? fromUtcMs(Date.parse(v), zone) : v;
      return input.isAllDay ? midnight(value) : value;
    };
    const iso = new Date(this.now()).toISOString();
    return {
      id: input.id ?? this.newId(mailbox),
      iCalUId: input.iCalUId ?? `040000008200E00074C5B7101A82E008${hash(`${mailbox.id}:ical:${mailbox.idCounter}`).slice(0, 32)}`,
      subject: input.subject,
      start: dt(input.start),
      end: dt(input.end),
      organizer: { emailAddress: toEmail(input.organizer ?? { address: mailbox.mail, name: mailbox.displayName }) },
      attendees: (input.attendees ?? []).map(toAttendee),
      sensitivity: input.sensitivity ?? 'normal',
      isCancelled: input.isCancelled ?? false,
      isAllDay: input.isAllDay ?? false,
      type,
      originalStart: null,
      seriesMasterId,
      recurrence: null,
      location: { displayName: input.location ?? '' },
      bodyPreview: input.bodyPreview ?? '',
      createdDateTime: iso,
      lastModifiedDateTime: iso,
      changeKey: '',
    };
  }

  private putEvent(mailbox: Mailbox, event: GraphEvent, changeType: ChangeType, removed = false): GraphEvent {
    const { seq, iso, changeKey } = this.stamp(mailbox);
    const previous = mailbox.events.get(event.id);
    const next: GraphEvent = { ...event, lastModifiedDateTime: iso, changeKey };
    mailbox.events.set(event.id, {
      event: next,
      seq,
      removed,
      startMs: toUtcMs(next.start),
      endMs: toUtcMs(next.end),
      prevRange: previous && !previous.removed ? [previous.startMs, previous.endMs] : null,
    });
    this.emit(mailbox, 'events', changeType, event.id);
    return next;
  }

  addEvent(key: string, input: EventInput): GraphEvent {
    const mailbox = this.mailbox(key);
    return this.putEvent(mailbox, this.buildEvent(mailbox, input, 'singleInstance', null), 'created');
  }

  /** The same meeting in several mailboxes: one iCalUId, a different event id per mailbox. */
  addSharedEvent(keys: string[], input: EventInput): GraphEvent[] {
    const iCalUId =
      input.iCalUId ?? `040000008200E00074C5B7101A82E008${hash(`shared:${keys.join(',')}:${input.subject}:${JSON.stringify(input.start)}`).slice(0, 32)}`;
    return keys.map((key) => this.addEvent(key, { ...input, id: undefined, iCalUId }));
  }

  /** A series master (not part of calendarView) and its occurrences, stepped in wall-clock days so DST keeps local time. */
  addSeries(key: string, input: SeriesInput): { master: GraphEvent; occurrences: GraphEvent[] } {
    const mailbox = this.mailbox(key);
    const base = this.buildEvent(mailbox, input, 'seriesMaster', null);
    const step = (input.recurrence.type === 'weekly' ? 7 : 1) * (input.recurrence.interval ?? 1);
    const master: GraphEvent = {
      ...base,
      recurrence: {
        pattern: { type: input.recurrence.type, interval: input.recurrence.interval ?? 1 },
        range: { type: 'numbered', startDate: base.start.dateTime.slice(0, 10), numberOfOccurrences: input.recurrence.occurrences },
      },
    };
    mailbox.series.set(master.id, master);
    const occurrences: GraphEvent[] = [];
    for (let i = 0; i < input.recurrence.occurrences; i += 1) {
      const start = addDaysToWallClock(master.start, i * step);
      occurrences.push(
        this.putEvent(
          mailbox,
          {
            ...master,
            id: `${master.id}_${start.dateTime.slice(0, 10).replaceAll('-', '')}`,
            iCalUId: `${master.iCalUId}${start.dateTime.slice(0, 10).replaceAll('-', '')}`,
            type: 'occurrence',
            seriesMasterId: master.id,
            recurrence: null,
            originalStart: new Date(toUtcMs(start)).toISOString().replace('.000Z', 'Z'),
            start,
            end: addDaysToWallClock(master.end, i * step),
          },
          'created',
        ),
      );
    }
    return { master, occurrences };
  }

  private liveEvent(mailbox: Mailbox, id: string): StoredEvent {
    const stored = mailbox.events.get(id);
    if (!stored || stored.removed) throw new Error(`fake-graph: no event ${id} in ${mailbox.mail}`);
    return stored;
  }

  private seriesOrSelf(mailbox: Mailbox, id: string): StoredEvent[] {
    if (!mailbox.series.has(id)) return [this.liveEvent(mailbox, id)];
    return [...mailbox.events.values()].filter((s) => s.event.seriesMasterId === id && !s.removed);
  }

  /** Updating one occurrence turns it into an exception, as Outlook does. */
  updateEvent(key: string, id: string, patch: Partial<EventInput>): GraphEvent {
    const mailbox = this.mailbox(key);
    const current = this.liveEvent(mailbox, id).event;
    const merged = this.buildEvent(
      mailbox,
      {
        ...current,
        ...patch,
        organizer: patch.organizer ?? current.organizer.emailAddress,
        attendees: patch.attendees ?? current.attendees,
        location: patch.location ?? current.location.displayName,
        timeZone: patch.timeZone ?? current.start.timeZone,
      },
      current.type,
      current.seriesMasterId,
    );
    const next: GraphEvent = {
      ...merged,
      id,
      iCalUId: current.iCalUId,
      createdDateTime: current.createdDateTime,
      type: current.type === 'occurrence' ? 'exception' : current.type,
      // An exception keeps the start its occurrence had in the series, however far it moves.
      originalStart: current.originalStart,
    };
    return this.putEvent(mailbox, next, 'updated');
  }

  /** keep: the attendee's copy stays with isCancelled (delta shows it updated); otherwise it is removed (delta shows @removed). */
  cancelEvent(key: string, id: string, options: { keep?: boolean } = {}): void {
    const mailbox = this.mailbox(key);
    for (const stored of this.seriesOrSelf(mailbox, id)) {
      const e = stored.event;
      if (options.keep)
        this.putEvent(mailbox, { ...e, isCancelled: true, subject: e.subject.startsWith('Canceled: ') ? e.subject : `Canceled: ${e.subject}` }, 'updated');
      else this.putEvent(mailbox, { ...e, isCancelled: true }, 'deleted', true);
    }
  }

  deleteEvent(key: string, id: string): void {
    const mailbox = this.mailbox(key);
    for (const stored of this.seriesOrSelf(mailbox, id)) this.putEvent(mailbox, stored.event, 'deleted', true);
    mailbox.series.delete(id);
  }

  /** Live events as calendarView would list them (occurrences, exceptions and single instances; no series masters). */
  events(key: string): GraphEvent[] {
    return [...this.mailbox(key).events.values()].filter((s) => !s.removed).map((s) => s.event);
  }

  // ---- contacts ----

  addContactFolder(key: string, displayName: string): ContactFolder {
    const mailbox = this.mailbox(key);
    const folder = { id: this.newId(mailbox, 'AAMkFolder'), displayName, parentFolderId: mailbox.defaultFolderId };
    mailbox.folders.set(folder.id, folder);
    return folder;
  }

  private putContact(mailbox: Mailbox, contact: GraphContact, changeType: ChangeType, removed = false): GraphContact {
    const { seq, iso, changeKey } = this.stamp(mailbox);
    const next = { ...contact, lastModifiedDateTime: iso, changeKey };
    mailbox.contacts.set(contact.id, { contact: next, seq, removed });
    this.emit(mailbox, 'contacts', changeType, contact.id);
    return next;
  }

  addContact(key: string, input: ContactInput, folderId?: string): GraphContact {
    const mailbox = this.mailbox(key);
    const parentFolderId = folderId ?? mailbox.defaultFolderId;
    if (!mailbox.folders.has(parentFolderId)) throw new Error(`fake-graph: no contact folder ${parentFolderId}`);
    const emails = (input.emailAddresses ?? []).map(toEmail);
    const givenName = input.givenName ?? null;
    const surname = input.surname ?? null;
    const iso = new Date(this.now()).toISOString();
    const contact: GraphContact = {
      id: input.id ?? this.newId(mailbox, 'AAMkContact'),
      parentFolderId,
      givenName,
      surname,
      displayName: input.displayName === undefined ? [givenName, surname].filter(Boolean).join(' ') || emails[0]?.name || null : input.displayName,
      emailAddresses: emails,
      companyName: input.companyName ?? null,
      jobTitle: input.jobTitle ?? null,
      businessPhones: input.businessPhones ?? [],
      mobilePhone: input.mobilePhone ?? null,
      createdDateTime: iso,
      lastModifiedDateTime: iso,
      changeKey: '',
    };
    return this.putContact(mailbox, contact, 'created');
  }

  updateContact(key: string, id: string, patch: ContactInput): GraphContact {
    const mailbox = this.mailbox(key);
    const stored = mailbox.contacts.get(id);
    if (!stored || stored.removed) throw new Error(`fake-graph: no contact ${id}`);
    const { emailAddresses, id: _immutableId, ...rest } = patch;
    const next: GraphContact = { ...stored.contact, ...rest, ...(emailAddresses ? { emailAddresses: emailAddresses.map(toEmail) } : {}) };
    return this.putContact(mailbox, next, 'updated');
  }

  deleteContact(key: string, id: string): void {
    const mailbox = this.mailbox(key);
    const stored = mailbox.contacts.get(id);
    if (!stored || stored.removed) throw new Error(`fake-graph: no contact ${id}`);
    this.putContact(mailbox, stored.contact, 'deleted', true);
  }

  contacts(key: string, folderId?: string): GraphContact[] {
    const mailbox = this.mailbox(key);
    const folder = folderId ?? mailbox.defaultFolderId;
    return [...mailbox.contacts.values()].filter((s) => !s.removed && s.contact.parentFolderId === folder).map((s) => s.contact);
  }
}

function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
