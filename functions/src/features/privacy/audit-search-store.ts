// The audit search over both logs, changes (audit_log) and reads (read_audit), and the reads of one person.
import type { AuditQuery } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { decodeCursor, pageFrom } from '../../core/db/paging';
import { invalid } from '../../core/errors';
import type { Row } from '../../core/db/rows';
import { SqlParams } from '../../core/db/sql-builder';

const CURSOR_AT = (alias: string) => `to_char(${alias}.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function auditRows(db: Queryable, tenantId: string, query: AuditQuery): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const params = new SqlParams();
  const tenant = params.add(tenantId);
  const after = decodeCursor(query.cursor, ['timestamp', 'text', 'text']);
  if (after && (!['read', 'change'].includes(after[1]) || !/^\d{1,18}$/.test(after[2]))) throw invalid('cursor', 'is not a cursor this API returned', 'query');
  const contact = query.contactId ? params.add(query.contactId) : null;
  const entity = query.entity ? params.add(query.entity) : null;
  const entityId = query.entityId ? params.add(query.entityId) : null;
  const actor = query.actorId ? params.add(query.actorId) : null;
  const from = query.from ? params.add(query.from) : null;
  const to = query.to ? params.add(query.to) : null;
  const cursor = after ? [params.add(after[0]), params.add(after[1]), params.add(after[2])] : null;

  const branch = (kind: 'change' | 'read', table: string, alias: string) => {
    const where = [`${alias}.tenant_id = ${tenant}`];
    if (contact) {
      const byContact = `(${alias}.entity = 'contact' AND ${alias}.entity_id = ${contact}::uuid)`;
      // A lookup of one of the person's addresses concerns them even when it matched no contact (before they were one).
      where.push(
        kind === 'read'
          ? `(${byContact} OR ${alias}.address IN (SELECT email FROM contact_emails WHERE tenant_id = ${tenant} AND contact_id = ${contact}::uuid))`
          : byContact,
      );
    }
    if (entity) where.push(`${alias}.entity = ${entity}`);
    if (entityId) where.push(`${alias}.entity_id = ${entityId}::uuid`);
    if (actor) where.push(`${alias}.actor_id = ${actor}::uuid`);
    if (from) where.push(`${alias}.at >= ${from}::timestamptz`);
    if (to) where.push(`${alias}.at < ${to}::timestamptz`);
    if (cursor) where.push(`(${alias}.at, '${kind}', ${alias}.id) < (${cursor[0]}::timestamptz, ${cursor[1]}, ${cursor[2]}::bigint)`);
    const address = kind === 'read' ? `${alias}.address` : 'NULL::text';
    const fields = kind === 'change' ? `${alias}.changed_fields` : `'{}'::text[]`;
    return `SELECT '${kind}' AS kind, ${alias}.id, ${alias}.at, ${CURSOR_AT(alias)} AS cursor_at, ${alias}.actor_id, ${alias}.action, ${alias}.entity,
      ${alias}.entity_id, ${address} AS address, ${fields} AS changed_fields FROM ${table} ${alias} WHERE ${where.join(' AND ')}
      ORDER BY ${alias}.at DESC, ${alias}.id DESC LIMIT ${query.limit + 1}`;
  };
  const branches = [
    ...(query.kind !== 'read' ? [`(${branch('change', 'audit_log', 'l')})`] : []),
    ...(query.kind !== 'change' ? [`(${branch('read', 'read_audit', 'r')})`] : []),
  ];
  const rows = await db.query(
    `SELECT e.*, u.display_name AS actor_name FROM (${branches.join(' UNION ALL ')}) e
     LEFT JOIN users u ON u.tenant_id = ${tenant} AND u.id = e.actor_id
     ORDER BY e.at DESC, e.kind DESC, e.id DESC LIMIT ${query.limit + 1}`,
    params.values,
  );
  return pageFrom(rows, query.limit, (row) => [row.cursor_at, row.kind, String(row.id)]);
}

/** Who read the person's data, per reader and kind of read: reads of the contact and lookups of any of the addresses. */
export const readsOfPerson = (db: Queryable, tenantId: string, contactId: string, emails: readonly string[]) =>
  db.query<{ actor_id: string | null; actor_name: string | null; action: string; count: number; first_at: Date; last_at: Date }>(
    `SELECT r.actor_id, u.display_name AS actor_name, r.action, count(*)::int AS count, min(r.at) AS first_at, max(r.at) AS last_at
     FROM read_audit r LEFT JOIN users u ON u.tenant_id = r.tenant_id AND u.id = r.actor_id
     WHERE r.tenant_id = $1 AND ((r.entity = 'contact' AND r.entity_id = $2) OR r.address = ANY($3::text[]))
     GROUP BY r.actor_id, u.display_name, r.action ORDER BY max(r.at) DESC, r.action`,
    [tenantId, contactId, emails],
  );

/** Erasure: the lookups keep who looked and when, but no longer the erased addresses. */
export async function forgetAddresses(tx: Queryable, tenantId: string, emails: readonly string[]): Promise<void> {
  if (emails.length === 0) return;
  await tx.query(`UPDATE read_audit SET address = NULL WHERE tenant_id = $1 AND address = ANY($2::text[])`, [tenantId, emails]);
}
