// Graph resource shapes the fake stores and serves (the subset of event and contact properties the CRM reads).
import type { DateTimeTimeZone } from './time-zones';

export interface EmailAddress {
  address: string;
  name: string;
}

export interface Attendee {
  emailAddress: EmailAddress;
  type: 'required' | 'optional' | 'resource';
}

export type EventType = 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';

export interface Recurrence {
  pattern: { type: 'daily' | 'weekly'; interval: number };
  range: { type: 'numbered'; startDate: string; numberOfOccurrences: number };
}

export interface GraphEvent {
  id: string;
  iCalUId: string;
  subject: string;
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  organizer: { emailAddress: EmailAddress };
  attendees: Attendee[];
  sensitivity: 'normal' | 'personal' | 'private' | 'confidential';
  isCancelled: boolean;
  /** Start and end are midnights in the event's own zone (Learn: event resource type). */
  isAllDay: boolean;
  type: EventType;
  /** UTC start an occurrence or exception had in its series; Graph does not return it for single instances (Learn: event resource type). */
  originalStart: string | null;
  seriesMasterId: string | null;
  recurrence: Recurrence | null;
  location: { displayName: string };
  bodyPreview: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
}

export interface GraphContact {
  id: string;
  parentFolderId: string;
  /** null when unset, as Graph returns it; Outlook allows a contact with no name at all. */
  givenName: string | null;
  surname: string | null;
  displayName: string | null;
  emailAddresses: EmailAddress[];
  companyName: string | null;
  jobTitle: string | null;
  businessPhones: string[];
  mobilePhone: string | null;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
}

export interface ContactFolder {
  id: string;
  displayName: string;
  parentFolderId: string;
}

export type ResourceKind = 'events' | 'contacts';
export type ChangeType = 'created' | 'updated' | 'deleted';

export interface ModelChange {
  mailboxId: string;
  resource: ResourceKind;
  changeType: ChangeType;
  id: string;
}
