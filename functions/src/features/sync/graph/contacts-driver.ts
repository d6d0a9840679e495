// Outlook contacts: delta reads of the default folder, and the "CRM" folder the sync writes owned accounts' contacts to.
// Graph documents contact delta per folder only: GET /users/{id}/contactFolders/{id}/contacts/delta (Learn: "contact: delta").
import type { DeltaPage, FolderContact, MailboxContact } from '../ports';
import type { GraphApi } from './graph-api';
import { readDeltaPage } from './delta-pages';
import { ignoreNotFound } from './graph-errors';

interface RawContact {
  id: string;
  givenName?: string | null;
  surname?: string | null;
  displayName?: string | null;
  emailAddresses?: { address?: string | null; name?: string | null }[] | null;
  companyName?: string | null;
  jobTitle?: string | null;
  businessPhones?: string[] | null;
  mobilePhone?: string | null;
  lastModifiedDateTime?: string;
}

export const CRM_FOLDER_NAME = 'CRM';
const SELECT = 'id,givenName,surname,displayName,emailAddresses,companyName,jobTitle,businessPhones,mobilePhone,lastModifiedDateTime';
const user = (mailbox: string) => `/users/${encodeURIComponent(mailbox)}`;

/** A start cursor names the mailbox only; the folder id it stands for is looked up on the first read of a pass. */
const DEFAULT_FOLDER_START = 'default-contacts-folder:';
export const contactsDeltaStart = (mailbox: string) => `${DEFAULT_FOLDER_START}${mailbox}`;

/** Trimmed, lower-cased and without repeats, in the contact's own order. */
const addressesOf = (raw: RawContact): string[] => [
  ...new Set((raw.emailAddresses ?? []).map((e) => e.address?.trim().toLowerCase() ?? '').filter((address) => address !== '')),
];

function toMailboxContact(raw: RawContact): MailboxContact {
  return {
    providerId: raw.id,
    emails: addressesOf(raw),
    firstName: raw.givenName?.trim() ?? '',
    lastName: raw.surname?.trim() ?? '',
    jobTitle: raw.jobTitle?.trim() ?? '',
    phone: (raw.businessPhones?.[0] ?? raw.mobilePhone ?? '').trim(),
    companyName: raw.companyName?.trim() ?? '',
    displayName: raw.displayName?.trim() ?? '',
    modifiedAt: raw.lastModifiedDateTime ? new Date(raw.lastModifiedDateTime) : new Date(0),
  };
}

interface RawFolder {
  id: string;
  displayName: string;
  parentFolderId: string;
}

/** The mailbox's CRM folder, made on first use under the default Contacts folder (Learn: "Create contactFolder"). */
async function crmFolder(api: GraphApi, tenantId: string, mailbox: string): Promise<RawFolder> {
  // Lists the folders directly under the default Contacts folder (Learn: "List contactFolders").
  const found = await api.get<{ value: RawFolder[] }>(
    tenantId,
    `${user(mailbox)}/contactFolders?$filter=displayName eq '${CRM_FOLDER_NAME}'&$select=id,displayName,parentFolderId`,
  );
  return found.value.find((f) => f.displayName === CRM_FOLDER_NAME) ?? (await api.post<RawFolder>(tenantId, `${user(mailbox)}/contactFolders`, { displayName: CRM_FOLDER_NAME }));
}

/**
 * The default Contacts folder has no documented alias, but the CRM folder lives directly under it, so its parentFolderId
 * is the default folder's id. Only a full pass pays this request; later rounds continue from Graph's deltaLink.
 */
async function defaultFolderDelta(api: GraphApi, tenantId: string, mailbox: string): Promise<string> {
  const folder = await crmFolder(api, tenantId, mailbox);
  return `${user(mailbox)}/contactFolders/${encodeURIComponent(folder.parentFolderId)}/contacts/delta?$select=${SELECT}`;
}

export async function readContactsPage(api: GraphApi, tenantId: string, cursor: string, pageSize: number): Promise<DeltaPage<MailboxContact>> {
  const url = cursor.startsWith(DEFAULT_FOLDER_START) ? await defaultFolderDelta(api, tenantId, cursor.slice(DEFAULT_FOLDER_START.length)) : cursor;
  const page = await readDeltaPage<RawContact>(api, tenantId, url, pageSize);
  return { ...page, items: page.items.map(toMailboxContact) };
}

/** The id of the mailbox's CRM contact folder, made on first use. */
export const ensureCrmFolder = async (api: GraphApi, tenantId: string, mailbox: string): Promise<string> => (await crmFolder(api, tenantId, mailbox)).id;

/** Every contact in the CRM folder (after a crash mid-push, to adopt what was written but not recorded). */
export async function listFolderContacts(api: GraphApi, tenantId: string, mailbox: string, folderId: string, pageSize: number): Promise<MailboxContact[]> {
  const all: MailboxContact[] = [];
  let url: string | undefined = `${user(mailbox)}/contactFolders/${encodeURIComponent(folderId)}/contacts?$select=${SELECT}&$top=${pageSize}`;
  while (url) {
    const page: { value: RawContact[]; '@odata.nextLink'?: string } = await api.get(tenantId, url);
    all.push(...page.value.map(toMailboxContact));
    url = page['@odata.nextLink'];
  }
  return all;
}

/** An Outlook contact has three email slots (Email1 to Email3); the CRM keeps any further addresses to itself. */
const OUTLOOK_EMAIL_SLOTS = 3;

const toGraphContact = (c: FolderContact) => {
  const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
  return {
    givenName: c.firstName,
    surname: c.lastName,
    displayName: name,
    emailAddresses: c.emails.slice(0, OUTLOOK_EMAIL_SLOTS).map((address) => ({ address, name })),
    companyName: c.companyName,
    jobTitle: c.jobTitle,
    businessPhones: c.phone ? [c.phone] : [],
  };
};

export async function createFolderContact(api: GraphApi, tenantId: string, mailbox: string, folderId: string, contact: FolderContact): Promise<string> {
  const created = await api.post<{ id: string }>(tenantId, `${user(mailbox)}/contactFolders/${encodeURIComponent(folderId)}/contacts`, toGraphContact(contact));
  return created.id;
}

const folderItem = (mailbox: string, folderId: string, graphId: string) =>
  `${user(mailbox)}/contactFolders/${encodeURIComponent(folderId)}/contacts/${encodeURIComponent(graphId)}`;

export const updateFolderContact = (api: GraphApi, tenantId: string, mailbox: string, folderId: string, graphId: string, contact: FolderContact) =>
  api.patch(tenantId, folderItem(mailbox, folderId, graphId), toGraphContact(contact));

/** Already gone (the user deleted it) reaches the goal too. */
export const deleteFolderContact = (api: GraphApi, tenantId: string, mailbox: string, folderId: string, graphId: string) =>
  ignoreNotFound(() => api.delete(tenantId, folderItem(mailbox, folderId, graphId)));
