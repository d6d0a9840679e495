// A complaint an erasure or a retention run deletes takes its service case with it (a cascade). The case's deletion is
// audited like any other, which puts case.deleted into the webhook outbox in the same transaction: the event names the
// case only, never the complaint's text or the person it was about.
import { writeAudits } from '../../core/audit/audit-store';
import type { Queryable } from '../../core/db/db';

export const auditDeletedCases = (tx: Queryable, tenantId: string, actorId: string | null, caseIds: readonly string[]) =>
  writeAudits(
    tx,
    caseIds.map((entityId) => ({ tenantId, actorId, action: 'delete' as const, entity: 'case' as const, entityId })),
  );
