// HTTP handlers of the contacts endpoints; views and searches are recorded in the read audit.
import { recordReads } from '../../core/audit/read-audit';
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { changeContact, createContact, readContact, removeContact, searchContacts } from './service';

export const contactRoutes: RouteTable<'listContacts' | 'createContact' | 'getContact' | 'updateContact' | 'deleteContact'> = {
  listContacts: async ({ db, actor, query }) => {
    const page = await searchContacts(db, actor, query);
    recordReads(db, actor, 'list', page.items.map((c) => ({ entity: 'contact', id: c.id })));
    return { body: page };
  },
  createContact: async ({ db, actor, body }) => created('contacts', await createContact(db, actor, body)),
  getContact: async ({ db, actor, params }) => {
    const contact = await readContact(db, actor, params.id);
    recordReads(db, actor, 'view', [{ entity: 'contact', id: contact.id }]);
    return one(contact);
  },
  updateContact: async ({ db, actor, params, body, version }) => one(await changeContact(db, actor, params.id, version, body)),
  deleteContact: async ({ db, actor, params, version }) => (await removeContact(db, actor, params.id, version), {}),
};
