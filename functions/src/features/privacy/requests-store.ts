// The register of data subject requests, their actions and the audit entries a rectification links.
import type { PrivacyRequestAction, PrivacyRequestListQuery, PrivacyRequestStatus, PrivacyRequestType } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { decodeCursor, pageFrom } from '../../core/db/paging';
import type { Row } from '../../core/db/rows';
import { SqlParams } from '../../core/db/sql-builder';
import { updateVersioned, type UpdateOutcome } from '../../core/db/versioned';

// Dates as text: a date column read through a JS Date would shift by the client's time zone.
const REQUEST_SELECT = `SELECT r.tenant_id, r.id, r.version, r.type, r.contact_id, r.email, r.status, r.answer, r.created_by, r.created_at, r.updated_at,
  r.extension_reason, r.extended_by, r.extended_at,
  to_char(r.received_on, 'YYYY-MM-DD') AS received_on, to_char(r.due_on, 'YYYY-MM-DD') AS due_on,
  to_char(r.extended_due_on, 'YYYY-MM-DD') AS extended_due_on, to_char(r.answer_sent_on, 'YYYY-MM-DD') AS answer_sent_on,
  to_char(COALESCE(r.extended_due_on, r.due_on), 'YYYY-MM-DD') AS effective_due_on
  FROM privacy_requests r`;

export interface NewRequest {
  id?: string;
  type: PrivacyRequestType;
  contactId: string | null;
  email: string | null;
  receivedOn: string;
  dueOn: string;
  createdBy: string;
}

export async function insertRequest(tx: Queryable, tenantId: string, input: NewRequest): Promise<{ id: string; created: boolean }> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO privacy_requests (tenant_id, id, type, contact_id, email, received_on, due_on, created_by)
     VALUES ($1, COALESCE($2, gen_random_uuid()), $3, $4, $5, $6, $7, $8)
     ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`,
    [tenantId, input.id ?? null, input.type, input.contactId, input.email, input.receivedOn, input.dueOn, input.createdBy],
  );
  return rows[0] ? { id: rows[0].id, created: true } : { id: input.id!, created: false };
}

export async function requestRow(db: Queryable, tenantId: string, id: string, lock = false): Promise<Row | null> {
  const rows = await db.query(`${REQUEST_SELECT} WHERE r.tenant_id = $1 AND r.id = $2${lock ? ' FOR UPDATE' : ''}`, [tenantId, id]);
  return rows[0] ?? null;
}

const OPEN = ['received', 'in_progress'];

export async function listRequestRows(db: Queryable, tenantId: string, query: PrivacyRequestListQuery) {
  const params = new SqlParams();
  const where = [`r.tenant_id = ${params.add(tenantId)}`];
  if (query.status === 'open') where.push(`r.status = ANY(${params.add(OPEN)}::text[])`);
  else if (query.status) where.push(`r.status = ${params.add(query.status)}`);
  if (query.type) where.push(`r.type = ${params.add(query.type)}`);
  if (query.contactId) where.push(`r.contact_id = ${params.add(query.contactId)}`);
  // Open requests first, each group by the deadline in force: the register reads as a to-do list.
  const closedKey = `(r.status NOT IN ('received', 'in_progress'))::int`;
  const dueKey = `COALESCE(r.extended_due_on, r.due_on)`;
  const after = decodeCursor(query.cursor, ['text', 'date', 'uuid']);
  if (after) {
    where.push(`(${closedKey}, ${dueKey}, r.id) > (${params.add(Number(after[0] === '1'))}, ${params.add(after[1])}::date, ${params.add(after[2])}::uuid)`);
  }
  const rows = await db.query(`${REQUEST_SELECT} WHERE ${where.join(' AND ')} ORDER BY ${closedKey}, ${dueKey}, r.id LIMIT ${query.limit + 1}`, params.values);
  return pageFrom(rows, query.limit, (row) => [OPEN.includes(String(row.status)) ? '0' : '1', row.effective_due_on, row.id]);
}

export interface RequestChange {
  status?: PrivacyRequestStatus;
  contactId?: string;
  extension?: { dueOn: string; reason: string; by: string };
  answer?: { sentOn: string; text: string };
}

export async function updateRequest(tx: Queryable, tenantId: string, id: string, expectedVersion: number, change: RequestChange): Promise<UpdateOutcome<null>> {
  const params = new SqlParams();
  const sets: string[] = [];
  const fields: string[] = [];
  if (change.status) {
    sets.push(`status = ${params.add(change.status)}`);
    fields.push('status');
  }
  if (change.contactId) {
    // Linked to the contact, the request no longer needs its own copy of the address.
    sets.push(`contact_id = ${params.add(change.contactId)}`, 'email = NULL');
    fields.push('contactId');
  }
  if (change.extension) {
    sets.push(
      `extended_due_on = ${params.add(change.extension.dueOn)}::date`,
      `extension_reason = ${params.add(change.extension.reason)}`,
      `extended_by = ${params.add(change.extension.by)}`,
      'extended_at = now()',
    );
    fields.push('extension');
  }
  if (change.answer) {
    sets.push(`answer_sent_on = ${params.add(change.answer.sentOn)}::date`, `answer = ${params.add(change.answer.text)}`);
    fields.push('answer');
  }
  const outcome = await updateVersioned(tx, 'privacy_requests', tenantId, id, expectedVersion, { sql: sets.join(', '), fields }, params);
  return outcome.status === 'ok' ? { status: 'ok', value: null, fields } : outcome;
}

export async function insertActions(
  tx: Queryable,
  tenantId: string,
  requestId: string,
  actorId: string,
  actions: readonly { kind: PrivacyRequestAction['kind']; detail: string }[],
): Promise<void> {
  if (actions.length === 0) return;
  await tx.query(
    `INSERT INTO privacy_request_actions (tenant_id, request_id, actor_id, kind, detail)
     SELECT $1, $2, $3, k, d FROM unnest($4::text[], $5::text[]) WITH ORDINALITY AS t(k, d, n) ORDER BY n`,
    [tenantId, requestId, actorId, actions.map((a) => a.kind), actions.map((a) => a.detail)],
  );
}

export const actionRows = (db: Queryable, tenantId: string, requestId: string) =>
  db.query(
    `SELECT a.at, a.actor_id, u.display_name AS actor_name, a.kind, a.detail FROM privacy_request_actions a
     LEFT JOIN users u ON u.tenant_id = a.tenant_id AND u.id = a.actor_id
     WHERE a.tenant_id = $1 AND a.request_id = $2 ORDER BY a.id`,
    [tenantId, requestId],
  );

/** Audit log entries of the tenant among the ids, with what they changed; the caller checks they fit the request. */
export const changeEntries = (db: Queryable, tenantId: string, auditIds: readonly number[]) =>
  db.query<{ id: string; at: Date; actor_id: string | null; action: string; entity: string; entity_id: string | null; changed_fields: string[] }>(
    `SELECT id, at, actor_id, action, entity, entity_id, changed_fields FROM audit_log WHERE tenant_id = $1 AND id = ANY($2::bigint[]) ORDER BY id`,
    [tenantId, auditIds.map(String)],
  );

export async function linkChanges(tx: Queryable, tenantId: string, requestId: string, auditIds: readonly number[]): Promise<void> {
  await tx.query(
    `INSERT INTO privacy_request_changes (tenant_id, request_id, audit_id) SELECT $1, $2, a FROM unnest($3::bigint[]) AS a ON CONFLICT DO NOTHING`,
    [tenantId, requestId, auditIds.map(String)],
  );
}

export const linkedChangeRows = (db: Queryable, tenantId: string, requestId: string) =>
  db.query<{ id: string; at: Date; actor_id: string | null; actor_name: string | null; action: string; entity: string; entity_id: string | null; changed_fields: string[] }>(
    `SELECT l.id, l.at, l.actor_id, u.display_name AS actor_name, l.action, l.entity, l.entity_id, l.changed_fields FROM privacy_request_changes c
     JOIN audit_log l ON l.tenant_id = c.tenant_id AND l.id = c.audit_id
     LEFT JOIN users u ON u.tenant_id = l.tenant_id AND u.id = l.actor_id
     WHERE c.tenant_id = $1 AND c.request_id = $2 ORDER BY l.id`,
    [tenantId, requestId],
  );
