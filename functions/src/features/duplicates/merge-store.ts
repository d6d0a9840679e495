// The SQL of a merge and its undo: links moved from the merged record to the survivor (and back), rows snapshotted as
// JSON and put back with jsonb_populate_record, so a column added later is restored too. Every statement filters by
// tenant_id.
import type { Queryable } from '../../core/db/db';

export type Row = Record<string, unknown> & { id: string; version: number };

/** Both rows, locked for the rest of the transaction, as JSON of every column. */
export async function lockRows(tx: Queryable, table: 'contacts' | 'accounts', tenantId: string, ids: readonly string[]): Promise<Map<string, Row>> {
  const rows = await tx.query<{ row: Row }>(`SELECT to_jsonb(t) AS row FROM ${table} t WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`, [
    tenantId,
    [...ids],
  ]);
  return new Map(rows.map((r) => [r.row.id, r.row]));
}

/** A link table keyed by (tenant, key, ref): rows the survivor has too are removed, the others re-pointed. */
export interface LinkTable {
  table: string;
  key: string;
  ref: string;
}

export interface MovedLinks {
  moved: string[];
  shared: string[];
}

export async function moveLinks(tx: Queryable, link: LinkTable, tenantId: string, from: string, to: string): Promise<MovedLinks> {
  const { table, key, ref } = link;
  const shared = await tx.query<{ k: string }>(
    `DELETE FROM ${table} t WHERE t.tenant_id = $1 AND t.${ref} = $2
       AND EXISTS (SELECT 1 FROM ${table} s WHERE s.tenant_id = $1 AND s.${ref} = $3 AND s.${key} = t.${key})
     RETURNING t.${key} AS k`,
    [tenantId, from, to],
  );
  const moved = await tx.query<{ k: string }>(`UPDATE ${table} SET ${ref} = $3 WHERE tenant_id = $1 AND ${ref} = $2 RETURNING ${key} AS k`, [
    tenantId,
    from,
    to,
  ]);
  return { moved: moved.map((r) => r.k), shared: shared.map((r) => r.k) };
}

/** Puts moved links back where they were, as far as they still point at the survivor. */
export async function moveLinksBack(
  tx: Queryable,
  link: LinkTable,
  tenantId: string,
  survivor: string,
  merged: string,
  moved: readonly string[],
): Promise<void> {
  if (moved.length === 0) return;
  await tx.query(`UPDATE ${link.table} SET ${link.ref} = $3 WHERE tenant_id = $1 AND ${link.ref} = $2 AND ${link.key} = ANY($4::uuid[])`, [
    tenantId,
    survivor,
    merged,
    [...moved],
  ]);
}

/** Re-points a reference of rows keyed by id; a versioned record's version goes up, since its ETag must change with its content. */
async function repointRows(
  tx: Queryable,
  target: { table: string; column: string; versioned: boolean },
  tenantId: string,
  from: string,
  to: string,
  only?: readonly string[],
): Promise<string[]> {
  const { table, column } = target;
  const rows = await tx.query<{ id: string }>(
    `UPDATE ${table} SET ${column} = $3${target.versioned ? ', version = version + 1, updated_at = now()' : ''}
     WHERE tenant_id = $1 AND ${column} = $2 ${only ? 'AND id = ANY($4::uuid[])' : ''} RETURNING id`,
    only ? [tenantId, from, to, [...only]] : [tenantId, from, to],
  );
  return rows.map((r) => r.id);
}

/** Contacts, opportunities, follow-ups and child accounts: versioned records. */
export const repoint = (tx: Queryable, table: string, column: string, tenantId: string, from: string, to: string, only?: readonly string[]) =>
  repointRows(tx, { table, column, versioned: true }, tenantId, from, to, only);

/** Rows without a version whose reference moves: sync conflicts, the history of lifted restrictions, revenue figures. */
export const repointPlain = (tx: Queryable, table: string, column: string, tenantId: string, from: string, to: string, only?: readonly string[]) =>
  repointRows(tx, { table, column, versioned: false }, tenantId, from, to, only);

export const interactionContacts: LinkTable = { table: 'interaction_contacts', key: 'interaction_id', ref: 'contact_id' };
export const opportunityContacts: LinkTable = { table: 'opportunity_contacts', key: 'opportunity_id', ref: 'contact_id' };
export const interactionAccounts: LinkTable = { table: 'interaction_accounts', key: 'interaction_id', ref: 'account_id' };

/** Links the survivor had too, put back for the merged record (their copied columns come from the interaction). */
export async function restoreSharedLinks(tx: Queryable, link: LinkTable, tenantId: string, merged: string, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const sql: Record<string, string> = {
    interaction_contacts: `INSERT INTO interaction_contacts (tenant_id, interaction_id, contact_id, occurred_at)
      SELECT $1, i.id, $2, i.occurred_at FROM interactions i WHERE i.tenant_id = $1 AND i.id = ANY($3::uuid[]) ON CONFLICT DO NOTHING`,
    opportunity_contacts: `INSERT INTO opportunity_contacts (tenant_id, opportunity_id, contact_id)
      SELECT $1, o.id, $2 FROM opportunities o WHERE o.tenant_id = $1 AND o.id = ANY($3::uuid[]) ON CONFLICT DO NOTHING`,
    interaction_accounts: `INSERT INTO interaction_accounts (tenant_id, interaction_id, account_id, occurred_at, type, is_open)
      SELECT $1, i.id, $2, i.occurred_at, i.type, COALESCE(i.status = 'open', false) FROM interactions i WHERE i.tenant_id = $1 AND i.id = ANY($3::uuid[])
      ON CONFLICT DO NOTHING`,
  };
  await tx.query(sql[link.table]!, [tenantId, merged, [...keys]]);
}

/**
 * The consent ledger forbids updates (append-only), so an entry moves as a delete and an insert of the same row with
 * the other contact: id, channel, purpose, source, who and when all stay as they were.
 */
export async function moveConsents(tx: Queryable, tenantId: string, from: string, to: string, only?: readonly string[]): Promise<string[]> {
  const rows = await tx.query<{ row: Record<string, unknown> }>(
    `DELETE FROM consents WHERE tenant_id = $1 AND contact_id = $2 ${only ? 'AND id = ANY($3::uuid[])' : ''} RETURNING to_jsonb(consents) AS row`,
    only ? [tenantId, from, [...only]] : [tenantId, from],
  );
  if (rows.length === 0) return [];
  await tx.query(
    `INSERT INTO consents SELECT (jsonb_populate_record(NULL::consents, r || jsonb_build_object('contact_id', $2::uuid))).* FROM unnest($1::jsonb[]) AS r`,
    [rows.map((r) => JSON.stringify(r.row)), to],
  );
  return rows.map((r) => String(r.row.id));
}

export interface AppendedConsent {
  channel: string;
  purpose: string;
  legalBasis: string;
  action: 'withdrawn' | 'objected';
  note: string;
}

export async function appendConsents(
  tx: Queryable,
  tenantId: string,
  contactId: string,
  userId: string,
  entries: readonly AppendedConsent[],
): Promise<string[]> {
  if (entries.length === 0) return [];
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO consents (tenant_id, contact_id, channel, purpose, legal_basis, action, source, note, captured_by, captured_at)
     SELECT $1, $2, e.channel, e.purpose, e.legal_basis, e.action, 'merge', e.note, $3, now()
     FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS e(channel, purpose, legal_basis, action, note) RETURNING id`,
    [
      tenantId,
      contactId,
      userId,
      entries.map((e) => e.channel),
      entries.map((e) => e.purpose),
      entries.map((e) => e.legalBasis),
      entries.map((e) => e.action),
      entries.map((e) => e.note),
    ],
  );
  return rows.map((r) => r.id);
}

export async function deleteConsents(tx: Queryable, tenantId: string, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await tx.query(`DELETE FROM consents WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenantId, [...ids]]);
}

export interface GraphItemKey {
  userId: string;
  graphId: string;
}

/**
 * Outlook contacts synced into the CRM follow the person to the survivor. The merged record's copies in users' CRM
 * folders stay linked to it, so the next push deletes them as copies of a contact that is gone and refreshes the
 * survivor's.
 */
export async function moveSyncedContacts(tx: Queryable, tenantId: string, from: string, to: string, only?: readonly GraphItemKey[]): Promise<GraphItemKey[]> {
  const rows = await tx.query<{ user_id: string; graph_id: string }>(
    `UPDATE graph_items SET record_id = $3 WHERE tenant_id = $1 AND kind = 'contact' AND record_id = $2
       ${only ? 'AND (user_id, graph_id) IN (SELECT * FROM unnest($4::uuid[], $5::text[]))' : ''} RETURNING user_id, graph_id`,
    only ? [tenantId, from, to, only.map((k) => k.userId), only.map((k) => k.graphId)] : [tenantId, from, to],
  );
  return rows.map((r) => ({ userId: r.user_id, graphId: r.graph_id }));
}

export async function deleteRow(tx: Queryable, table: 'contacts' | 'accounts', tenantId: string, id: string): Promise<void> {
  await tx.query(`DELETE FROM ${table} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
}

/** Inserts a snapshotted row again; its version goes up so an ETag read before the merge no longer matches. */
export async function restoreRow(tx: Queryable, table: 'contacts' | 'accounts', row: Row): Promise<void> {
  await tx.query(`INSERT INTO ${table} SELECT (jsonb_populate_record(NULL::${table}, $1::jsonb)).*`, [JSON.stringify({ ...row, version: row.version + 1 })]);
}

/** Sets every column of the survivor back to the snapshot except its identity, raising the version. */
export async function resetRow(tx: Queryable, table: 'contacts' | 'accounts', tenantId: string, row: Row, columns: readonly string[]): Promise<void> {
  const list = columns.join(', ');
  await tx.query(
    `UPDATE ${table} SET (${list}) = (SELECT ${list} FROM jsonb_populate_record(NULL::${table}, $3::jsonb)), version = version + 1, updated_at = now()
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, row.id, JSON.stringify(row)],
  );
}

export async function claimKeys(
  tx: Queryable,
  table: 'contact_emails' | 'account_domains',
  tenantId: string,
  id: string,
  values: readonly string[],
): Promise<void> {
  const [column, ref] = table === 'contact_emails' ? ['email', 'contact_id'] : ['domain', 'account_id'];
  await tx.query(`DELETE FROM ${table} WHERE tenant_id = $1 AND ${ref} = $2`, [tenantId, id]);
  if (values.length > 0) {
    await tx.query(`INSERT INTO ${table} (tenant_id, ${column}, ${ref}) SELECT $1, v, $2 FROM unnest($3::text[]) AS v`, [tenantId, id, [...values]]);
  }
}

export async function revenueOverlap(tx: Queryable, tenantId: string, a: string, b: string): Promise<string[]> {
  const rows = await tx.query<{ period: string }>(
    `SELECT x.period_kind || ' ' || x.period_start AS period FROM account_revenue x JOIN account_revenue y
       ON y.tenant_id = x.tenant_id AND y.account_id = $3 AND y.period_kind = x.period_kind AND y.period_start = x.period_start
     WHERE x.tenant_id = $1 AND x.account_id = $2 ORDER BY x.period_start`,
    [tenantId, a, b],
  );
  return rows.map((r) => r.period);
}

export interface MergeRow {
  id: string;
  entity: 'contact' | 'account';
  survivor_id: string;
  merged_id: string;
  undo: Record<string, unknown>;
  moved: Record<string, number>;
  survivor_version: number;
  merged_by: string | null;
  merged_at: Date | string;
  undone_at: Date | string | null;
}

export async function insertMerge(
  tx: Queryable,
  tenantId: string,
  merge: {
    entity: 'contact' | 'account';
    survivorId: string;
    mergedId: string;
    undo: unknown;
    moved: Record<string, number>;
    survivorVersion: number;
    by: string;
  },
): Promise<MergeRow> {
  const rows = await tx.query<MergeRow>(
    `INSERT INTO merges (tenant_id, entity, survivor_id, merged_id, undo, moved, survivor_version, merged_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [tenantId, merge.entity, merge.survivorId, merge.mergedId, JSON.stringify(merge.undo), JSON.stringify(merge.moved), merge.survivorVersion, merge.by],
  );
  return rows[0]!;
}

export async function lockMerge(tx: Queryable, tenantId: string, id: string): Promise<MergeRow | null> {
  const rows = await tx.query<MergeRow>(`SELECT * FROM merges WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
  return rows[0] ?? null;
}

export async function markUndone(tx: Queryable, tenantId: string, id: string, userId: string, survivorVersion: number): Promise<MergeRow> {
  const rows = await tx.query<MergeRow>(
    `UPDATE merges SET undone_at = now(), undone_by = $3, survivor_version = $4 WHERE tenant_id = $1 AND id = $2 RETURNING *`,
    [tenantId, id, userId, survivorVersion],
  );
  return rows[0]!;
}

export async function versionOf(tx: Queryable, table: 'contacts' | 'accounts', tenantId: string, id: string): Promise<number | null> {
  const rows = await tx.query<{ version: number }>(`SELECT version FROM ${table} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  return rows[0] ? Number(rows[0].version) : null;
}

export async function existsRow(tx: Queryable, table: 'contacts' | 'accounts', tenantId: string, id: string): Promise<boolean> {
  return (await versionOf(tx, table, tenantId, id)) !== null;
}
