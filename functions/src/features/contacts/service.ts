// Contact use cases; an email address already used by another contact is a 409 naming that contact.
import type { Contact, ContactCreate, ContactListQuery, ContactPatch } from '@crm/common';
import type { Db, Queryable } from '../../core/db/db';
import { getContact, insertContact, insertContacts, listContacts, updateContact } from './store';
import type { Actor } from '../../core/actor';
import { createRecord, deleteRecord, readRecord, updateRecord, type Created } from '../../core/records';
import { conflict, notFound } from '../../core/errors';
import { erasedAddresses, notRestrictedSql, restrictedAmong, seesRestricted } from '../privacy';
import { linkFollowUpsToSender } from '../tasks';
import { linkInteractionsToNewContact } from '../interactions';

/** An address erased at its owner's request stays out; the problem names the reason and the field, not the address. */
async function refuseErased(db: Queryable, tenantId: string, emails: readonly string[] | undefined): Promise<void> {
  if (!emails?.length) return;
  const erased = new Set(await erasedAddresses(db, tenantId, emails));
  const index = emails.findIndex((email) => erased.has(email));
  if (index < 0) return;
  throw conflict('this address belongs to a person whose data was erased at their request (GDPR Art. 17), so it may not be stored again', `emails[${index}]`, {
    reason: 'erased',
  });
}

/**
 * A restricted person (Art. 18) is read-only for everyone; whoever may not see them gets the same 404 as for a contact
 * that does not exist, so nothing of them shows.
 */
async function guardRestricted(db: Queryable, actor: Actor, id: string, change: boolean): Promise<void> {
  if ((await restrictedAmong(db, actor.tenantId, [id])).size === 0) return;
  if (!seesRestricted(actor)) throw notFound('contact');
  if (change) {
    throw conflict('processing of this person is restricted (GDPR Art. 18): the record is read-only until the restriction is lifted', undefined, {
      reason: 'restricted',
    });
  }
}

export const createContact = (db: Db, actor: Actor, input: ContactCreate): Promise<Created<Contact>> =>
  createRecord(db, actor, 'contact', async (tx) => {
    await refuseErased(tx, actor.tenantId, input.emails);
    const { contact, created } = await insertContact(tx, actor.tenantId, input);
    if (created) {
      await linkFollowUpsToSender(tx, actor.tenantId, contact);
      await linkInteractionsToNewContact(tx, actor.tenantId, contact);
    }
    return { value: contact, created };
  });

export const readContact = async (db: Db, actor: Actor, id: string) => {
  const contact = await readRecord('contact', () => getContact(db, actor.tenantId, id));
  await guardRestricted(db, actor, id, false);
  return contact;
};

export const searchContacts = (db: Db, actor: Actor, query: ContactListQuery) =>
  listContacts(db, actor.tenantId, query, seesRestricted(actor) ? undefined : notRestrictedSql('c'));

export const changeContact = (db: Db, actor: Actor, id: string, expectedVersion: number, patch: ContactPatch) =>
  updateRecord(db, actor, 'contact', id, async (tx) => {
    await guardRestricted(tx, actor, id, true);
    await refuseErased(tx, actor.tenantId, patch.emails);
    return updateContact(tx, actor.tenantId, id, expectedVersion, patch);
  });

export const removeContact = async (db: Db, actor: Actor, id: string, expectedVersion: number) => {
  await guardRestricted(db, actor, id, true);
  await deleteRecord(db, actor, 'contact', 'contacts', id, expectedVersion);
};

/** Bulk processing such as exports: restricted persons (Art. 18) are left out whoever asks, since it is processing too. */
export const unrestrictedContacts = (db: Queryable, tenantId: string, query: ContactListQuery) => listContacts(db, tenantId, query, notRestrictedSql('c'));

/** For other features' reads and transactions: the tenant's contact, or null. */
export const contactById = (db: Queryable, tenantId: string, id: string) => getContact(db, tenantId, id);

/** Inserts inside the caller's transaction (Graph contact sync). */
export const insertContactIn = (tx: Queryable, tenantId: string, input: ContactCreate) => insertContact(tx, tenantId, input);

/** Many new contacts with ids chosen by the caller, inside its transaction (an import's batch). */
export const insertContactsIn = (tx: Queryable, tenantId: string, inputs: readonly (ContactCreate & { id: string })[]) => insertContacts(tx, tenantId, inputs);

/** Updates inside the caller's transaction, guarded by the version the caller read. */
export const updateContactIn = (tx: Queryable, tenantId: string, id: string, expectedVersion: number, patch: ContactPatch) =>
  updateContact(tx, tenantId, id, expectedVersion, patch);
