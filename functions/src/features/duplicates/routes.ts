// HTTP handlers of the duplicates endpoints: the lists of possible duplicates, merging two records, undoing a merge.
import type { RouteTable } from '../../core/http/typed-routes';
import { mergeAccounts, mergeContacts, undoMerge } from './merge';
import { accountDuplicates, contactDuplicates } from './service';

const merged = <T extends { survivorEtag: string }>(merge: T) => ({ body: merge, etag: merge.survivorEtag });

export const duplicateRoutes: RouteTable<'contactDuplicates' | 'accountDuplicates' | 'mergeContacts' | 'mergeAccounts' | 'undoMerge'> = {
  contactDuplicates: async ({ db, actor, query }) => ({ body: await contactDuplicates(db, actor, query) }),
  accountDuplicates: async ({ db, actor, query }) => ({ body: await accountDuplicates(db, actor, query) }),
  mergeContacts: async ({ db, actor, params, body, version }) => merged(await mergeContacts(db, actor, params.id, version, body)),
  mergeAccounts: async ({ db, actor, params, body, version }) => merged(await mergeAccounts(db, actor, params.id, version, body)),
  undoMerge: async ({ db, actor, params }) => merged(await undoMerge(db, actor, params.id)),
};
