// Outlook contacts: delta reads of the default folder, and the "CRM" folder the sync writes owned accounts' contacts to.
import type { DeltaPage, FolderContact, MailboxContact } from '../ports';
import type { GraphApi } from './graph-api';
import { readDeltaPage } from './delta-pages';
import { ignoreNotFound } from './graph-errors';

interface RawContact {
  id: string;
  givenName?: string | null;
  surname?: string | null;
  displayName?: string | null;
  emailAddresses?: { address?: string; name?: string }[];
  companyName?: string | null;
  jobTitle?: string | null;
  businessPhones?: string[];
  mobilePhone?: string | null;
  lastModifiedDateTime?: string;
}

export const CRM_FOLDER_NAME = 'CRM';
const SELECT = 'id,givenName,surname,displayName,emailAddresses,companyName,jobTitle,businessPhones,mobilePhone,lastModifiedDateTime';
const user = (mailbox: string) => `/users/${encodeURIComponent(mailbox)}`;

export const contactsDeltaStart = (mailbox: string) => `${user(mailbox)}/contacts/delta?$select=${SELECT}`;

function toMailboxContact(raw: RawContact): MailboxContact {
  const email = raw.emailAddresses?.map((e) => e.address?.trim().toLowerCase()).find(Boolean) ?? null;
  return {
    providerId: raw.id,
    email,
    firstName: raw.givenName?.trim() ?? '',
    lastName: raw.surname?.trim() ?? '',
    jobTitle: raw.jobTitle?.trim() ?? '',
    phone: (raw.businessPhones?.[0] ?? raw.mobilePhone ?? '').trim(),
    companyName: raw.companyName?.trim() ?? '',
    displayName: raw.displayName?.trim() ?? '',
    modifiedAt: raw.lastModifiedDateTime ? new Date(raw.lastModifiedDateTime) : new Date(0),
  };
}

export async function readContactsPage(api: GraphApi, tenantId: string, url: string, pageSize: number): Promise<DeltaPage<MailboxContact>> {
  const page = await readDeltaPage<RawContact>(api, tenantId, url, pageSize);
  return { ...page, items: page.items.map(toMailboxContact) };
}

/** The id of the mailbox's CRM contact folder, made on first use. */
export async function ensureCrmFolder(api: GraphApi, tenantId: string, mailbox: string): Promise<string> {
  const found = await api.get<{ value: { id: string; displayName: string }[] }>(
    tenantId,
    `${user(mailbox)}/contactFolders?$filter=displayName eq '${CRM_FOLDER_NAME}'&$select=id,displayName`,
  );
  const existing = found.value.find((f) => f.displayName === CRM_FOLDER_NAME);
  if (existing) return existing.id;
  const created = await api.post<{ id: string }>(tenantId, `${user(mailbox)}/contactFolders`, { displayName: CRM_FOLDER_NAME });
  return created.id;
}

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

const toGraphContact = (c: FolderContact) => ({
  givenName: c.firstName,
  surname: c.lastName,
  displayName: [c.firstName, c.lastName].filter(Boolean).join(' '),
  emailAddresses: [{ address: c.email, name: [c.firstName, c.lastName].filter(Boolean).join(' ') }],
  companyName: c.companyName,
  jobTitle: c.jobTitle,
  businessPhones: c.phone ? [c.phone] : [],
});

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
