// Microsoft Graph as sync's provider: the ports of ../ports.ts over one GraphApi.
import type { SyncResource } from '@crm/common';
import type { GraphConfig } from '../../../core/config';
import type { Clock, Sleep } from '../clock';
import type { SyncProvider } from '../ports';
import { msalAppTokens } from './app-tokens';
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
import { createGraphApi, type GraphApi } from './graph-api';
import { graphSubscriptions } from './subscriptions-driver';

/** The application permission each resource needs; named in the status when Graph refuses. */
const REQUIRED_PERMISSION: Record<SyncResource, string> = { calendar: 'Calendars.Read', contacts: 'Contacts.ReadWrite' };

function graphProvider(api: GraphApi, pageSize: number): SyncProvider {
  return {
    name: 'Microsoft Graph',
    requiredPermission: (resource) => REQUIRED_PERMISSION[resource],
    permissionAdvice: (resource) =>
      `The app needs the application permission ${REQUIRED_PERMISSION[resource]} with admin consent, and the mailbox must be inside its application access policy.`,
    calendar: {
      start: calendarDeltaStart,
      read: (tenantId, cursor) => readCalendarPage(api, tenantId, cursor, pageSize),
    },
    contacts: {
      start: contactsDeltaStart,
      read: (tenantId, cursor) => readContactsPage(api, tenantId, cursor, pageSize),
    },
    crmFolder: {
      ensure: (tenantId, mailbox) => ensureCrmFolder(api, tenantId, mailbox),
      list: (tenantId, mailbox, folderId) => listFolderContacts(api, tenantId, mailbox, folderId, pageSize),
      create: (tenantId, mailbox, folderId, contact) => createFolderContact(api, tenantId, mailbox, folderId, contact),
      update: async (tenantId, mailbox, folderId, id, contact) => void (await updateFolderContact(api, tenantId, mailbox, folderId, id, contact)),
      delete: (tenantId, mailbox, folderId, id) => deleteFolderContact(api, tenantId, mailbox, folderId, id),
    },
    subscriptions: graphSubscriptions(api),
    requestCount: (mailbox) => api.stats.requests.get(mailbox.toLowerCase()) ?? 0,
  };
}

/** The provider for a configured tenant app: MSAL app tokens, retries and the per-mailbox limit. */
export const createGraphProvider = (config: GraphConfig, time: { sleep?: Sleep; clock?: Clock } = {}): SyncProvider =>
  graphProvider(createGraphApi(config, msalAppTokens(config), time), config.pageSize);
