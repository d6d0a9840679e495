// Outlook contacts into the CRM (link, create under policy, two-way field merge) and owned accounts' contacts out to the CRM folder.
import { AccountCreate, ContactCreate, ContactPatch, Email, type Contact, type GraphSyncSettings } from '@crm/common';
import { CONTACT_FIELDS, type ContactFields, type CrmFolderPort, type DeltaPage, type FolderContact, type MailboxContact } from './ports';
import { insertAccountIn } from '../accounts';
import { writeAudit } from '../../core/audit/audit-store';
import { insertContactIn, updateContactIn } from '../contacts';
import type { Db, Queryable } from '../../core/db/db';
import { allLinks, deleteLinks, linksByGraphId, recordConflicts, saveLink, type GraphItemLink } from './store/graph-items-store';
import { accountByDomain, contactsById, contactsOfOwnedAccounts, sameNameContact } from './store/synced-contacts-store';
import { contactsByEmail, type PageOutcome } from './store/synced-meetings-store';
import { addedAddresses, mergeContact, type SyncedSnapshot } from './contact-merge';
import { isFreeMail } from './free-mail';
import { erasedAddresses, restrictedAmong } from '../privacy';

export const crmFields = (c: Contact): ContactFields => ({
  firstName: c.firstName,
  lastName: c.lastName,
  jobTitle: c.jobTitle ?? '',
  phone: c.phones[0]?.number ?? '',
});

const pick = (o: MailboxContact): ContactFields => ({ firstName: o.firstName, lastName: o.lastName, jobTitle: o.jobTitle, phone: o.phone });

/** At most as many addresses as a CRM contact holds (the contract's limit). */
const MAX_CONTACT_EMAILS = 10;

/** Outlook values as a CRM patch; values the CRM would refuse (a malformed phone number) are left out, not forced in. */
function crmPatch(current: Contact, fields: Partial<ContactFields>, newEmails: readonly string[]): ContactPatch {
  const patch: Record<string, unknown> = {};
  if (fields.firstName !== undefined) patch.firstName = fields.firstName;
  if (fields.lastName !== undefined && fields.lastName !== '') patch.lastName = fields.lastName;
  if (fields.jobTitle !== undefined) patch.jobTitle = fields.jobTitle || null;
  if (fields.phone !== undefined) {
    const rest = current.phones.slice(1);
    patch.phones = fields.phone ? [{ type: current.phones[0]?.type ?? 'work', number: fields.phone }, ...rest] : rest;
  }
  const fitting = newEmails.slice(0, Math.max(0, MAX_CONTACT_EMAILS - current.emails.length));
  if (fitting.length > 0) patch.emails = [...current.emails, ...fitting];
  const result: ContactPatch = {};
  for (const [key, value] of Object.entries(patch)) {
    const parsed = ContactPatch.safeParse({ [key]: value });
    if (parsed.success) Object.assign(result, parsed.data);
  }
  return result;
}

/** Outlook addresses the CRM accepts as contact emails, in Outlook's order. */
const validEmails = (emails: readonly string[]): string[] =>
  emails.flatMap((address) => {
    const parsed = Email.safeParse(address);
    return parsed.success ? [parsed.data] : [];
  });

interface PullContext {
  tenantId: string;
  userId: string;
  policy: GraphSyncSettings['contactCreation'];
}

/**
 * The account a new contact belongs to: the first address at a domain an account owns, else (policy "all") a new
 * account for the first address not at a free-mail provider. A private address first in the list does not hide the business one.
 */
async function accountFor(tx: Queryable, ctx: PullContext, o: MailboxContact, emails: readonly string[]): Promise<{ accountId: string | null } | null> {
  const domains = [...new Set(emails.map((e) => e.split('@')[1] ?? ''))].filter(Boolean);
  for (const domain of domains) {
    const accountId = await accountByDomain(tx, ctx.tenantId, domain);
    if (accountId) return { accountId };
  }
  if (ctx.policy !== 'all') return null;
  const domain = domains.find((d) => !isFreeMail(d));
  if (!domain) return { accountId: null };
  const input = AccountCreate.safeParse({ name: o.companyName || domain, domains: [domain], ownerId: ctx.userId });
  if (!input.success) return null;
  const { account, created } = await insertAccountIn(tx, ctx.tenantId, input.data);
  if (created) await writeAudit(tx, { tenantId: ctx.tenantId, actorId: ctx.userId, action: 'sync', entity: 'account', entityId: account.id });
  return { accountId: account.id };
}

async function createFromOutlook(
  tx: Queryable,
  ctx: PullContext,
  o: MailboxContact,
  erased: ReadonlySet<string>,
): Promise<{ contact: Contact; created: boolean } | null> {
  if (ctx.policy === 'never') return null;
  // A person erased at their request stays erased, even while a colleague's address book still holds them.
  if (o.emails.some((address) => erased.has(address))) return null;
  const emails = validEmails(o.emails).slice(0, MAX_CONTACT_EMAILS);
  if (emails.length === 0) return null;
  const account = await accountFor(tx, ctx, o, emails);
  if (!account) return null;
  // Outlook allows a contact with no name at all: the display name or the address then names it.
  const lastName = o.lastName || o.displayName || emails[0]!.split('@')[0]!;
  // The duplicate check: the same name at the same account is linked, not created again.
  const twin = await sameNameContact(tx, ctx.tenantId, account.accountId, o.firstName, lastName);
  if (twin) return { contact: twin, created: false };
  const input = ContactCreate.safeParse({
    firstName: o.firstName,
    lastName,
    emails,
    jobTitle: o.jobTitle || null,
    accountId: account.accountId,
    ownerId: ctx.userId,
  });
  if (!input.success) return null;
  const withPhone = ContactCreate.safeParse({ ...input.data, phones: o.phone ? [{ type: 'work', number: o.phone }] : [] });
  const { contact, created } = await insertContactIn(tx, ctx.tenantId, withPhone.success ? withPhone.data : input.data);
  if (created) await writeAudit(tx, { tenantId: ctx.tenantId, actorId: ctx.userId, action: 'sync', entity: 'contact', entityId: contact.id });
  return { contact, created };
}

/**
 * Applies the merge result to the CRM contact and records conflicts; Outlook's own contacts are not written to.
 * `free` tells whether no other CRM contact holds an address, so an address Outlook added can join this contact.
 */
async function mergeIntoCrm(
  tx: Queryable,
  ctx: PullContext,
  crm: Contact,
  o: MailboxContact,
  last: SyncedSnapshot | null,
  free: (address: string) => boolean,
): Promise<{ contact: Contact; updated: boolean; snapshot: SyncedSnapshot }> {
  const merge = mergeContact(crmFields(crm), new Date(crm.updatedAt), pick(o), o.modifiedAt, last);
  await recordConflicts(
    tx,
    ctx.tenantId,
    merge.conflicts.map((c) => ({ ...c, userId: ctx.userId, contactId: crm.id, crmChangedAt: new Date(crm.updatedAt), outlookChangedAt: o.modifiedAt })),
  );
  let current = crm;
  const newEmails = addedAddresses(crm.emails, validEmails(o.emails), last).filter(free);
  const patch = crmPatch(crm, merge.toCrm, newEmails);
  if (Object.keys(patch).length > 0) {
    const outcome = await updateContactIn(tx, ctx.tenantId, crm.id, Number(crm.etag.replaceAll('"', '')), patch);
    if (outcome.status === 'ok') {
      current = outcome.value;
      await writeAudit(tx, { tenantId: ctx.tenantId, actorId: ctx.userId, action: 'sync', entity: 'contact', entityId: crm.id, changedFields: outcome.fields });
    }
  }
  // The snapshot records what each side really holds now.
  return { contact: current, updated: current !== crm, snapshot: { crm: crmFields(current), outlook: pick(o), outlookEmails: o.emails } };
}

export async function applyContactsPage(tx: Queryable, ctx: PullContext, page: DeltaPage<MailboxContact>): Promise<PageOutcome> {
  const outcome: PageOutcome = { created: 0, updated: 0, removed: 0 };
  const links = await linksByGraphId<SyncedSnapshot>(
    tx,
    ctx.tenantId,
    ctx.userId,
    'contact',
    page.items.map((o) => o.providerId),
  );
  // Every address of every contact on the page, looked up at once: a match on any of them links.
  const byEmail = await contactsByEmail(tx, ctx.tenantId, [...new Set(page.items.flatMap((o) => o.emails))]);
  const known = await contactsById(tx, ctx.tenantId, [...new Set([...[...links.values()].map((l) => l.recordId), ...byEmail.values()])]);
  const erased = new Set(await erasedAddresses(tx, ctx.tenantId, [...new Set(page.items.flatMap((o) => o.emails))]));
  for (const o of page.items) {
    const link = links.get(o.providerId);
    let crm: Contact | null | undefined = link ? known.get(link.recordId) : undefined;
    let last = link?.synced ?? null;
    if (!crm) {
      const id = o.emails.map((e) => byEmail.get(e)).find((found) => found !== undefined);
      crm = id ? known.get(id) : undefined;
      last = null;
      if (!crm) {
        const made = await createFromOutlook(tx, ctx, o, erased);
        crm = made?.contact;
        if (made?.created) outcome.created++;
      }
    }
    if (!crm) {
      if (link) await deleteLinks(tx, ctx.tenantId, ctx.userId, 'contact', [o.providerId]);
      continue;
    }
    const owner = crm.id;
    const merged = await mergeIntoCrm(tx, ctx, crm, o, last, (address) => !erased.has(address) && (byEmail.get(address) ?? owner) === owner);
    // Later contacts on the page (the same person twice in Outlook) find this one by any of its addresses.
    known.set(owner, merged.contact);
    for (const address of merged.contact.emails) byEmail.set(address, owner);
    if (merged.updated) outcome.updated++;
    await saveLink(tx, ctx.tenantId, ctx.userId, 'contact', { graphId: o.providerId, recordId: owner, synced: merged.snapshot });
  }
  // A contact deleted in Outlook only unlinks; the CRM keeps its record.
  outcome.removed = await deleteLinks(tx, ctx.tenantId, ctx.userId, 'contact', page.removed);
  return outcome;
}

const folderContact = (c: Contact): FolderContact => ({ ...crmFields(c), emails: c.emails, companyName: c.accountName ?? '' });
const sameFields = (a: ContactFields, b: ContactFields) => CONTACT_FIELDS.every((f) => a[f] === b[f]);
/** What the folder copy was last written with; a link from before addresses were recorded counts as different once. */
const sameAddresses = (written: readonly string[] | undefined, now: readonly string[]) =>
  written !== undefined && written.length === now.length && written.every((address, i) => address === now[i]);
const pushed = (c: Contact): SyncedSnapshot => ({ crm: crmFields(c), outlook: crmFields(c), outlookEmails: c.emails });

/** Runs up to `limit` jobs at once; the mailbox limiter underneath still caps requests per mailbox. */
async function inParallel<T>(items: readonly T[], limit: number, job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await job(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export interface PushTarget {
  tenantId: string;
  userId: string;
  mailbox: string;
  folderId: string;
  /** A previous push stopped midway: adopt what it wrote but did not record, instead of writing it twice. */
  recovering: boolean;
}

/**
 * Keeps the mailbox's CRM folder equal to the contacts of the accounts the user owns. Each Graph write
 * is recorded in its own transaction right after it succeeds; the recovery pass covers the gap between.
 */
export async function pushCrmFolder(db: Db, folder: CrmFolderPort, target: PushTarget): Promise<PageOutcome> {
  const { tenantId, userId, mailbox, folderId } = target;
  const outcome: PageOutcome = { created: 0, updated: 0, removed: 0 };
  const ofOwnedAccounts = await contactsOfOwnedAccounts(db, tenantId, userId);
  // Restricted processing (Art. 18) includes no copy in Outlook: their folder copies are deleted like those of contacts gone.
  const restricted = await restrictedAmong(
    db,
    tenantId,
    ofOwnedAccounts.map((c) => c.id),
  );
  const owned = ofOwnedAccounts.filter((c) => !restricted.has(c.id));
  const ownedById = new Map(owned.map((c) => [c.id, c]));
  let links = await allLinks<SyncedSnapshot>(db, tenantId, userId, 'crm_folder_contact');
  if (target.recovering) {
    const linkedGraphIds = new Set(links.map((l) => l.graphId));
    const linkedRecords = new Set(links.map((l) => l.recordId));
    const byEmail = new Map(owned.flatMap((c) => c.emails.map((address) => [address, c] as const)));
    for (const item of await folder.list(tenantId, mailbox, folderId)) {
      if (linkedGraphIds.has(item.providerId)) continue;
      const contact = item.emails.map((address) => byEmail.get(address)).find((found) => found !== undefined);
      if (contact && !linkedRecords.has(contact.id)) {
        const fields = crmFields(contact);
        await saveLink(db, tenantId, userId, 'crm_folder_contact', {
          graphId: item.providerId,
          recordId: contact.id,
          synced: { crm: fields, outlook: pick(item), outlookEmails: item.emails },
        });
        linkedRecords.add(contact.id);
      } else await folder.delete(tenantId, mailbox, folderId, item.providerId);
    }
    links = await allLinks<SyncedSnapshot>(db, tenantId, userId, 'crm_folder_contact');
  }
  const linkedRecords = new Set(links.map((l) => l.recordId));
  const toCreate = owned.filter((c) => !linkedRecords.has(c.id));
  const toUpdate = links.filter((l) => {
    const c = ownedById.get(l.recordId);
    return c && !(l.synced && sameFields(crmFields(c), l.synced.crm) && sameAddresses(l.synced.outlookEmails, c.emails));
  });
  const toDelete = links.filter((l) => !ownedById.has(l.recordId));
  await inParallel(toCreate, 4, async (c) => {
    const graphId = await folder.create(tenantId, mailbox, folderId, folderContact(c));
    await saveLink(db, tenantId, userId, 'crm_folder_contact', { graphId, recordId: c.id, synced: pushed(c) });
    outcome.created++;
  });
  await inParallel(toUpdate, 4, async (l: GraphItemLink<SyncedSnapshot>) => {
    const c = ownedById.get(l.recordId)!;
    await folder.update(tenantId, mailbox, folderId, l.graphId, folderContact(c));
    await saveLink(db, tenantId, userId, 'crm_folder_contact', { ...l, synced: pushed(c) });
    outcome.updated++;
  });
  await inParallel(toDelete, 4, async (l) => {
    await folder.delete(tenantId, mailbox, folderId, l.graphId);
    await deleteLinks(db, tenantId, userId, 'crm_folder_contact', [l.graphId]);
    outcome.removed++;
  });
  return outcome;
}
