// HTTP handlers of the contacts endpoints.
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { changeContact, createContact, readContact, removeContact, searchContacts } from './service';

export const contactRoutes: RouteTable<'listContacts' | 'createContact' | 'getContact' | 'updateContact' | 'deleteContact'> = {
  listContacts: async ({ db, actor, query }) => ({ body: await searchContacts(db, actor, query) }),
  createContact: async ({ db, actor, body }) => created('contacts', await createContact(db, actor, body)),
  getContact: async ({ db, actor, params }) => one(await readContact(db, actor, params.id)),
  updateContact: async ({ db, actor, params, body, version }) => one(await changeContact(db, actor, params.id, version, body)),
  deleteContact: async ({ db, actor, params, version }) => (await removeContact(db, actor, params.id, version), {}),
};
