// The contacts feature's public entry: what other features may use.
export { CONTACT_SELECT, toContact } from './rows';
export { contactById, createContact, insertContactIn, insertContactsIn, unrestrictedContacts, updateContactIn } from './service';
