// HTTP handlers of the export endpoints: the file streams as the answer's body, offered for download.
import type { Reply } from '../../core/http/endpoint-handler';
import type { RouteTable } from '../../core/http/typed-routes';
import type { ExportFile } from './export-file';
import { exportAccounts, exportContacts, exportInteractions, exportOpportunities } from './service';

const download = (file: ExportFile): Reply => ({
  body: file.body,
  headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"` },
});

export const exportRoutes: RouteTable<'exportAccounts' | 'exportContacts' | 'exportOpportunities' | 'exportInteractions'> = {
  exportAccounts: async ({ db, actor, query }) => download(await exportAccounts(db, actor, query)),
  exportContacts: async ({ db, actor, query }) => download(await exportContacts(db, actor, query)),
  exportOpportunities: async ({ db, actor, query }) => download(await exportOpportunities(db, actor, query)),
  exportInteractions: async ({ db, actor, query }) => download(await exportInteractions(db, actor, query)),
};
