// Links from Graph items in a mailbox to CRM records, with the snapshot the two-way merge compares against.
import type { Queryable } from '../../../core/db/db';
import { iso, str, type Row } from '../../../core/db/rows';

export type GraphItemKind = 'event' | 'contact' | 'crm_folder_contact';

export interface GraphItemLink<S> {
  graphId: string;
  recordId: string;
  synced: S | null;
}

const toLink = <S>(row: Row): GraphItemLink<S> => ({
  graphId: str(row, 'graph_id'),
  recordId: str(row, 'record_id'),
  synced: row.synced && Object.keys(row.synced as object).length > 0 ? (row.synced as S) : null,
});

export async function linksByGraphId<S>(db: Queryable, tenantId: string, userId: string, kind: GraphItemKind, graphIds: readonly string[]) {
  if (graphIds.length === 0) return new Map<string, GraphItemLink<S>>();
  const rows = await db.query<Row>(`SELECT * FROM graph_items WHERE tenant_id = $1 AND user_id = $2 AND kind = $3 AND graph_id = ANY($4::text[])`, [
    tenantId,
    userId,
    kind,
    [...graphIds],
  ]);
  return new Map(rows.map((r) => [str(r, 'graph_id'), toLink<S>(r)]));
}

export async function allLinks<S>(db: Queryable, tenantId: string, userId: string, kind: GraphItemKind): Promise<GraphItemLink<S>[]> {
  const rows = await db.query<Row>(`SELECT * FROM graph_items WHERE tenant_id = $1 AND user_id = $2 AND kind = $3`, [tenantId, userId, kind]);
  return rows.map((r) => toLink<S>(r));
}

export async function saveLink(tx: Queryable, tenantId: string, userId: string, kind: GraphItemKind, link: GraphItemLink<unknown>): Promise<void> {
  await tx.query(
    `INSERT INTO graph_items (tenant_id, user_id, kind, graph_id, record_id, synced) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, user_id, kind, graph_id) DO UPDATE SET record_id = EXCLUDED.record_id, synced = EXCLUDED.synced, synced_at = now()`,
    [tenantId, userId, kind, link.graphId, link.recordId, JSON.stringify(link.synced ?? {})],
  );
}

export async function deleteLinks(tx: Queryable, tenantId: string, userId: string, kind: GraphItemKind, graphIds: readonly string[]): Promise<number> {
  if (graphIds.length === 0) return 0;
  const rows = await tx.query(`DELETE FROM graph_items WHERE tenant_id = $1 AND user_id = $2 AND kind = $3 AND graph_id = ANY($4::text[]) RETURNING 1`, [
    tenantId,
    userId,
    kind,
    [...graphIds],
  ]);
  return rows.length;
}

export interface ConflictRecord {
  userId: string;
  contactId: string;
  field: string;
  crmValue: string;
  outlookValue: string;
  winner: 'crm' | 'outlook';
  crmChangedAt: Date;
  outlookChangedAt: Date;
}

export async function recordConflicts(tx: Queryable, tenantId: string, conflicts: readonly ConflictRecord[]): Promise<void> {
  for (const c of conflicts) {
    await tx.query(
      `INSERT INTO sync_conflicts (tenant_id, user_id, contact_id, field, crm_value, outlook_value, winner, crm_changed_at, outlook_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [tenantId, c.userId, c.contactId, c.field, c.crmValue, c.outlookValue, c.winner, c.crmChangedAt, c.outlookChangedAt],
    );
  }
}

export async function listConflicts(db: Queryable, tenantId: string, limit = 200) {
  const rows = await db.query<Row>(
    `SELECT s.*, trim(c.first_name || ' ' || c.last_name) AS contact_name FROM sync_conflicts s
     JOIN contacts c ON c.tenant_id = s.tenant_id AND c.id = s.contact_id
     WHERE s.tenant_id = $1 ORDER BY s.detected_at DESC LIMIT $2`,
    [tenantId, limit],
  );
  return rows.map((r) => ({
    id: str(r, 'id'),
    userId: str(r, 'user_id'),
    contactId: str(r, 'contact_id'),
    contactName: str(r, 'contact_name'),
    field: str(r, 'field'),
    crmValue: r.crm_value === null ? null : str(r, 'crm_value'),
    outlookValue: r.outlook_value === null ? null : str(r, 'outlook_value'),
    winner: str(r, 'winner') as 'crm' | 'outlook',
    detectedAt: iso(r.detected_at),
  }));
}
