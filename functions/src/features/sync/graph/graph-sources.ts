// The Microsoft Graph implementation of the sync's mailbox sources.
import type { MailboxSources } from '../sources';
import { calendarDeltaStart, readCalendarPage } from './calendar-driver';
import {
  contactsDeltaStart,
  createFolderContact,
  deleteFolderContact,
  ensureCrmFolder,
  listFolderContacts,
  readContactsPage,
  updateFolderContact,
} from './contacts-driver';
import type { GraphApi } from './graph-api';

export function graphSources(api: GraphApi, pageSize: number): MailboxSources {
  return {
    calendarStart: calendarDeltaStart,
    readCalendar: (tenantId, cursor) => readCalendarPage(api, tenantId, cursor, pageSize),
    contactsStart: contactsDeltaStart,
    readContacts: (tenantId, cursor) => readContactsPage(api, tenantId, cursor, pageSize),
    ensureCrmFolder: (tenantId, mailbox) => ensureCrmFolder(api, tenantId, mailbox),
    listCrmFolder: (tenantId, mailbox, folderId) => listFolderContacts(api, tenantId, mailbox, folderId, pageSize),
    createInCrmFolder: (tenantId, mailbox, folderId, contact) => createFolderContact(api, tenantId, mailbox, folderId, contact),
    updateInCrmFolder: async (tenantId, mailbox, folderId, graphId, contact) =>
      void (await updateFolderContact(api, tenantId, mailbox, folderId, graphId, contact)),
    deleteFromCrmFolder: (tenantId, mailbox, folderId, graphId) => deleteFolderContact(api, tenantId, mailbox, folderId, graphId),
    requestCount: (mailbox) => api.stats.requests.get(mailbox.toLowerCase()) ?? 0,
  };
}
