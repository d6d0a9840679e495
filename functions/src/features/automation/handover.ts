// A lead or case handed to a colleague: a follow-up in their My CRM, and a Teams activity feed notification through the
// queue the rule follow-ups use (sent by the notification timer, switched off per user like those).
import { TaskCreate } from '@crm/common';
import type { Actor } from '../../core/actor';
import type { Queryable } from '../../core/db/db';
import { nameBasedId } from '../../core/name-based-id';
import { createSystemTask } from '../tasks';
import { queueNotification } from './notifications-store';

export const HANDOVER_ACTIVITY = 'handedOver';

export interface Handover {
  /** What was handed over and the version the handover made it: a retry of the same change adds nothing. */
  entity: 'lead' | 'case';
  entityId: string;
  version: number;
  assigneeId: string;
  title: string;
  accountId?: string | null;
  interactionId?: string | null;
}

/** Called in the transaction that changes the owner, so the follow-up and its notification exist exactly when the change does. */
export async function notifyHandover(tx: Queryable, actor: Actor, handover: Handover, today = new Date()): Promise<void> {
  // Taking a lead or case oneself needs no notice.
  if (handover.assigneeId === actor.userId) return;
  const id = nameBasedId(`${handover.entity}:${handover.entityId}:handover:${handover.version}`);
  const { value, created } = await createSystemTask(tx, actor.tenantId, {
    ...TaskCreate.parse({
      title: handover.title.slice(0, 300),
      dueDate: today.toISOString().slice(0, 10),
      accountId: handover.accountId ?? null,
      interactionId: handover.interactionId ?? null,
    }),
    id,
    assigneeId: handover.assigneeId,
  });
  if (created) await queueNotification(tx, actor.tenantId, value.id, handover.assigneeId, HANDOVER_ACTIVITY);
}
