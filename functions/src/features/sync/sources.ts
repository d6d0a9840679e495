// What the sync needs from a mail provider; Microsoft Graph implements it in graph/graph-sources.ts.
import type { CalendarEvent } from './graph/calendar-driver';
import type { FolderContact, OutlookContact } from './graph/contacts-driver';
import type { DeltaPage } from './graph/delta-pages';

export interface MailboxSources {
  calendarStart(mailbox: string, from: Date, to: Date): string;
  readCalendar(tenantId: string, cursor: string): Promise<DeltaPage<CalendarEvent>>;
  contactsStart(mailbox: string): string;
  readContacts(tenantId: string, cursor: string): Promise<DeltaPage<OutlookContact>>;
  ensureCrmFolder(tenantId: string, mailbox: string): Promise<string>;
  listCrmFolder(tenantId: string, mailbox: string, folderId: string): Promise<OutlookContact[]>;
  createInCrmFolder(tenantId: string, mailbox: string, folderId: string, contact: FolderContact): Promise<string>;
  updateInCrmFolder(tenantId: string, mailbox: string, folderId: string, graphId: string, contact: FolderContact): Promise<void>;
  deleteFromCrmFolder(tenantId: string, mailbox: string, folderId: string, graphId: string): Promise<void>;
  /** Requests sent for a mailbox so far (for run summaries and the benchmark). */
  requestCount(mailbox: string): number;
}
