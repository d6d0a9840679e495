// Interactions for export, newest first, keyset-paged. Restricted persons (Art. 18) never appear: an interaction about
// them alone is left out, and their names are left out of the others.
import type { InteractionExportQuery } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { decodeCursor, pageFrom } from '../../core/db/paging';
import { iso, likePattern, str, strOrNull } from '../../core/db/rows';
import { SqlParams } from '../../core/db/sql-builder';
import { notOnlyAboutRestrictedSql, notRestrictedSql } from '../privacy';
import type { InteractionExportRow } from './columns';

const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export async function interactionPage(
  db: Queryable,
  tenantId: string,
  query: Omit<InteractionExportQuery, 'format' | 'decimal'>,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: InteractionExportRow[]; nextCursor: string | null }> {
  const params = new SqlParams();
  const where = [`i.tenant_id = ${params.add(tenantId)}`];
  if (query.accountId) {
    where.push(
      `EXISTS (SELECT 1 FROM interaction_accounts x WHERE x.tenant_id = i.tenant_id AND x.interaction_id = i.id AND x.account_id = ${params.add(query.accountId)})`,
    );
  }
  if (query.contactId) {
    where.push(
      `EXISTS (SELECT 1 FROM interaction_contacts x WHERE x.tenant_id = i.tenant_id AND x.interaction_id = i.id AND x.contact_id = ${params.add(query.contactId)})`,
    );
  }
  if (query.type.length > 0) where.push(`i.type = ANY(${params.add(query.type)}::text[])`);
  if (query.q) {
    // The account timeline's search, so the file holds what the filtered timeline shows.
    const pattern = params.add(likePattern(query.q.toLowerCase()));
    where.push(`(lower(i.subject) LIKE ${pattern} OR lower(i.summary) LIKE ${pattern} OR lower(i.resolution) LIKE ${pattern})`);
  }
  where.push(notOnlyAboutRestrictedSql('i'));
  // A letter an erasure kept only under its retention duty is kept, not processed: it goes into no list.
  where.push('i.retained_until IS NULL');
  const after = decodeCursor(cursor, ['timestamp', 'uuid']);
  if (after) where.push(`(i.occurred_at, i.id) < (${params.add(after[0])}::timestamptz, ${params.add(after[1])}::uuid)`);
  const rows = await db.query(
    `SELECT i.id, i.occurred_at, i.type, i.direction, i.subject, i.summary, i.status, i.source, i.created_at,
       to_char(i.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
       ARRAY(SELECT a.name FROM interaction_accounts x JOIN accounts a ON a.tenant_id = x.tenant_id AND a.id = x.account_id
         WHERE x.tenant_id = i.tenant_id AND x.interaction_id = i.id ORDER BY lower(a.name), a.id) AS account_names,
       ARRAY(SELECT btrim(c.first_name || ' ' || c.last_name) FROM interaction_contacts x JOIN contacts c ON c.tenant_id = x.tenant_id AND c.id = x.contact_id
         WHERE x.tenant_id = i.tenant_id AND x.interaction_id = i.id AND ${notRestrictedSql('c')}
         ORDER BY lower(c.last_name), lower(c.first_name), c.id) AS contact_names,
       ARRAY(SELECT x.contact_id FROM interaction_contacts x JOIN contacts c ON c.tenant_id = x.tenant_id AND c.id = x.contact_id
         WHERE x.tenant_id = i.tenant_id AND x.interaction_id = i.id AND ${notRestrictedSql('c')}) AS contact_ids,
       ARRAY(SELECT u.display_name FROM interaction_loggers l JOIN users u ON u.tenant_id = l.tenant_id AND u.id = l.user_id
         WHERE l.tenant_id = i.tenant_id AND l.interaction_id = i.id ORDER BY l.logged_at, u.id) AS logger_names
     FROM interactions i WHERE ${where.join(' AND ')}
     ORDER BY i.occurred_at DESC, i.id DESC LIMIT ${limit + 1}`,
    params.values,
  );
  const page = pageFrom(rows, limit, (row) => [row.cursor_at, row.id]);
  return {
    items: page.rows.map((row) => ({
      id: str(row, 'id'),
      occurredAt: iso(row.occurred_at),
      type: str(row, 'type'),
      direction: strOrNull(row, 'direction'),
      subject: str(row, 'subject'),
      summary: strOrNull(row, 'summary'),
      status: strOrNull(row, 'status'),
      source: str(row, 'source'),
      accounts: texts(row.account_names),
      contacts: texts(row.contact_names),
      contactIds: texts(row.contact_ids),
      loggedBy: texts(row.logger_names),
      createdAt: iso(row.created_at),
    })),
    nextCursor: page.nextCursor,
  };
}
