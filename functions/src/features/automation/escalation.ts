// A service case escalated because a due time passed: its follow-up (made by the cases feature) is announced in the
// Teams activity feed of the one it went to, through the queue the rule follow-ups and handovers use (sent by the
// notification timer, switched off per user like those).
import type { Queryable } from '../../core/db/db';
import { queueNotification } from './notifications-store';

export const CASE_ESCALATED_ACTIVITY = 'caseEscalated';

/** Called in the transaction that raises the case's level and makes the follow-up; once per follow-up and person. */
export async function notifyEscalation(tx: Queryable, tenantId: string, taskId: string, userId: string | null): Promise<void> {
  if (userId) await queueNotification(tx, tenantId, taskId, userId, CASE_ESCALATED_ACTIVITY);
}
