// GET /api/audit: the audit log of changes and reads for the data protection officer. It answers questions about a
// person or a record; it is not built, and must not be used, as a per-employee activity report (BetrVG s.87(1) no. 6).
import type { AuditEntry, AuditQuery, PersonalDataRead } from '@crm/common';
import type { Actor } from '../../core/actor';
import { flushReadAudit, recordReads, type ReadRecord } from '../../core/audit/read-audit';
import type { Db } from '../../core/db/db';
import { iso, strOrNull } from '../../core/db/rows';
import { invalid } from '../../core/errors';
import { auditRows, readsOfPerson } from './audit-search-store';

export async function searchAudit(db: Db, actor: Actor, query: AuditQuery): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  if (query.from && query.to && Date.parse(query.from) >= Date.parse(query.to)) throw invalid('to', 'must be after from', 'query');
  // What was recorded up to this request is in the answer, not only what the last interval wrote.
  await flushReadAudit(db);
  const page = await auditRows(db, actor.tenantId, query);
  const items = page.rows.map((row): AuditEntry => ({
    kind: row.kind as AuditEntry['kind'],
    id: Number(row.id),
    at: iso(row.at),
    actorId: strOrNull(row, 'actor_id'),
    actorName: strOrNull(row, 'actor_name'),
    action: String(row.action),
    entity: String(row.entity),
    entityId: strOrNull(row, 'entity_id'),
    address: strOrNull(row, 'address'),
    changedFields: (row.changed_fields as string[]) ?? [],
  }));
  // The search is a read too: of the person searched for and of each record and address the page names, once each. It
  // lands in the next search's answer, not in this one's.
  recordReads(db, actor, 'audit', auditedRecords(query, items));
  return { items, nextCursor: page.nextCursor };
}

const READ_ENTITIES = new Set<string>(['contact', 'account', 'lead', 'opportunity', 'task']);

function auditedRecords(query: AuditQuery, items: readonly AuditEntry[]): ReadRecord[] {
  const records = new Map<string, ReadRecord>();
  const add = (record: ReadRecord) => records.set(`${record.entity} ${record.id ?? ''} ${record.address ?? ''}`, record);
  if (query.contactId) add({ entity: 'contact', id: query.contactId });
  for (const entry of items) {
    if (entry.entityId && READ_ENTITIES.has(entry.entity)) add({ entity: entry.entity as ReadRecord['entity'], id: entry.entityId });
    else if (entry.entity === 'address' && entry.address) add({ entity: 'address', address: entry.address });
  }
  return [...records.values()];
}

/** For the personal-data export (Art. 15(1)(c)): everyone in the company who read the person's data, and how. */
export async function personReads(db: Db, tenantId: string, contactId: string, emails: readonly string[]): Promise<PersonalDataRead[]> {
  await flushReadAudit(db);
  const rows = await readsOfPerson(db, tenantId, contactId, emails);
  return rows.map((r) => ({
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    count: Number(r.count),
    firstAt: iso(r.first_at),
    lastAt: iso(r.last_at),
  }));
}
