// Contact use cases; an email address already used by another contact is a 409 naming that contact.
import type { Contact, ContactCreate, ContactListQuery, ContactPatch } from '@crm/common';
import type { Db, Queryable } from '../../core/db/db';
import { getContact, insertContact, listContacts, updateContact } from './store';
import type { Actor } from '../../core/actor';
import { createRecord, deleteRecord, readRecord, updateRecord, type Created } from '../../core/records';

export const createContact = (db: Db, actor: Actor, input: ContactCreate): Promise<Created<Contact>> =>
  createRecord(db, actor, 'contact', async (tx) => {
    const { contact, created } = await insertContact(tx, actor.tenantId, input);
    return { value: contact, created };
  });

export const readContact = (db: Db, actor: Actor, id: string) => readRecord('contact', () => getContact(db, actor.tenantId, id));

export const searchContacts = (db: Db, actor: Actor, query: ContactListQuery) => listContacts(db, actor.tenantId, query);

export const changeContact = (db: Db, actor: Actor, id: string, expectedVersion: number, patch: ContactPatch) =>
  updateRecord(db, actor, 'contact', id, (tx) => updateContact(tx, actor.tenantId, id, expectedVersion, patch));

export const removeContact = (db: Db, actor: Actor, id: string, expectedVersion: number) => deleteRecord(db, actor, 'contact', 'contacts', id, expectedVersion);

/** For other features' reads and transactions: the tenant's contact, or null. */
export const contactById = (db: Queryable, tenantId: string, id: string) => getContact(db, tenantId, id);

/** Inserts inside the caller's transaction (Graph contact sync). */
export const insertContactIn = (tx: Queryable, tenantId: string, input: ContactCreate) => insertContact(tx, tenantId, input);

/** Updates inside the caller's transaction, guarded by the version the caller read. */
export const updateContactIn = (tx: Queryable, tenantId: string, id: string, expectedVersion: number, patch: ContactPatch) =>
  updateContact(tx, tenantId, id, expectedVersion, patch);
