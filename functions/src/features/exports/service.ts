// Export use cases: the same filters as the list endpoints, every page, one file. Restricted persons are left out
// whoever asks (an export is processing, Art. 18 GDPR).
import type { AccountExportQuery, ContactExportQuery, InteractionExportQuery, OpportunityExportQuery } from '@crm/common';
import type { Actor } from '../../core/actor';
import { readAuditEnabled, recordReads, type ReadRecord } from '../../core/audit/read-audit';
import type { Db } from '../../core/db/db';
import { searchAccounts } from '../accounts';
import { unrestrictedContacts } from '../contacts';
import { readRecordsOfOpportunities, searchOpportunities } from '../opportunities';
import { accountColumns, contactColumns, interactionColumns, opportunityColumns } from './columns';
import { allPages, exportFile, type ExportFile } from './export-file';
import { interactionPage } from './store';

/** Rows per database round trip: large enough to keep 100,000 rows at 100 queries, small enough to stay a few MB. */
export const EXPORT_PAGE_SIZE = 1000;

type Fetch<T> = (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>;

/** Every page sent is recorded in the read audit as an export of the persons and accounts on it. */
const audited =
  <T>(db: Db, actor: Actor, fetch: Fetch<T>, records: (item: T) => ReadRecord[]): Fetch<T> =>
  async (cursor) => {
    const page = await fetch(cursor);
    recordReads(db, actor, 'export', page.items.flatMap(records));
    return page;
  };

/** The same for rows whose people are not on the page: looked up once per page, and not at all while the audit is off. */
const auditedByPage =
  <T>(db: Db, actor: Actor, fetch: Fetch<T>, records: (items: readonly T[]) => Promise<ReadRecord[]>): Fetch<T> =>
  async (cursor) => {
    const page = await fetch(cursor);
    if (readAuditEnabled()) recordReads(db, actor, 'export', await records(page.items));
    return page;
  };

const split = <Q extends { format: unknown; decimal: unknown }>(query: Q) => {
  const { format, decimal, ...filters } = query;
  return { options: { format, decimal } as Pick<Q, 'format' | 'decimal'>, filters };
};

export async function exportAccounts(db: Db, actor: Actor, query: AccountExportQuery, pageSize = EXPORT_PAGE_SIZE): Promise<ExportFile> {
  const { options, filters } = split(query);
  const pages = await allPages(
    audited(
      db,
      actor,
      (cursor) => searchAccounts(db, actor, { ...filters, limit: pageSize, cursor }),
      (a) => [{ entity: 'account', id: a.id }],
    ),
  );
  return exportFile('accounts', accountColumns, pages, options);
}

export async function exportContacts(db: Db, actor: Actor, query: ContactExportQuery, pageSize = EXPORT_PAGE_SIZE): Promise<ExportFile> {
  const { options, filters } = split(query);
  const pages = await allPages(
    audited(
      db,
      actor,
      (cursor) => unrestrictedContacts(db, actor.tenantId, { ...filters, limit: pageSize, cursor }),
      (c) => [{ entity: 'contact', id: c.id }],
    ),
  );
  return exportFile('contacts', contactColumns, pages, options);
}

export async function exportOpportunities(db: Db, actor: Actor, query: OpportunityExportQuery, pageSize = EXPORT_PAGE_SIZE): Promise<ExportFile> {
  const { options, filters } = split(query);
  const pages = await allPages(
    auditedByPage(
      db,
      actor,
      (cursor) => searchOpportunities(db, actor, { ...filters, limit: pageSize, cursor }),
      (items) => readRecordsOfOpportunities(db, actor.tenantId, items),
    ),
  );
  return exportFile('opportunities', opportunityColumns, pages, options);
}

export async function exportInteractions(db: Db, actor: Actor, query: InteractionExportQuery, pageSize = EXPORT_PAGE_SIZE): Promise<ExportFile> {
  const { options, filters } = split(query);
  const pages = await allPages(
    audited(
      db,
      actor,
      (cursor) => interactionPage(db, actor.tenantId, filters, pageSize, cursor),
      (i) => i.contactIds.map((id) => ({ entity: 'contact' as const, id })),
    ),
  );
  return exportFile('interactions', interactionColumns, pages, options);
}
