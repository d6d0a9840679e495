// Follow-ups and tasks: assigned to the creator unless said otherwise; "me" lists the caller's own.
import type { Contact, Task, TaskCreate, TaskListQuery, TaskPatch } from '@crm/common';
import { writeAudit } from '../../core/audit/audit-store';
import type { Db, Queryable } from '../../core/db/db';
import { getTask, insertTask, linkTasksToSender, listTasks, updateTask } from './store';
import type { Actor } from '../../core/actor';
import { createRecord, deleteRecord, readRecord, updateRecord, type Created } from '../../core/records';
import { conflict } from '../../core/errors';
import { erasedAddresses } from '../privacy';

export const createTask = (db: Db, actor: Actor, input: TaskCreate): Promise<Created<Task>> =>
  createRecord(db, actor, 'task', async (tx) => {
    // The sender's address is personal data: one erased at its owner's request is not stored again, here either.
    if (input.origin && (await erasedAddresses(tx, actor.tenantId, [input.origin.from])).length > 0) {
      throw conflict('the sender of this email was erased at their request (GDPR Art. 17), so their address may not be stored again', 'origin.from', {
        reason: 'erased',
      });
    }
    const assigneeId = input.assigneeId === undefined ? actor.userId : input.assigneeId;
    const { task, created } = await insertTask(tx, actor.tenantId, actor.userId, { ...input, assigneeId });
    return { value: task, created };
  });

export const readTask = (db: Db, actor: Actor, id: string) => readRecord('task', () => getTask(db, actor.tenantId, id));

export const searchTasks = (db: Db, actor: Actor, query: TaskListQuery) =>
  listTasks(db, actor.tenantId, { ...query, assigneeId: query.assigneeId === 'me' ? actor.userId : query.assigneeId });

/** `alongside` writes in the same transaction once the change holds, so a crash keeps both or neither. */
export const changeTask = (db: Db, actor: Actor, id: string, expectedVersion: number, patch: TaskPatch, alongside?: (tx: Queryable) => Promise<void>) =>
  updateRecord(db, actor, 'task', id, async (tx) => {
    const outcome = await updateTask(tx, actor.tenantId, id, expectedVersion, patch);
    if (outcome.status === 'ok' && alongside) await alongside(tx);
    return outcome;
  });

export const removeTask = (db: Db, actor: Actor, id: string, expectedVersion: number) => deleteRecord(db, actor, 'task', 'tasks', id, expectedVersion);

/** Inside the transaction that created the contact: follow-ups made from its emails before it existed now concern it. */
export const linkFollowUpsToSender = (tx: Queryable, tenantId: string, contact: Pick<Contact, 'id' | 'accountId' | 'emails'>) =>
  linkTasksToSender(tx, tenantId, contact.id, contact.accountId, contact.emails);

/**
 * Inside the caller's transaction, a follow-up no user asked for (an automation rule made it): created by nobody, its
 * audit entry without an actor. Idempotent by the id the caller derives, so a retried run finds the task it made.
 */
export async function createSystemTask(tx: Queryable, tenantId: string, input: TaskCreate & { id: string; assigneeId: string | null }): Promise<Created<Task>> {
  const { task, created } = await insertTask(tx, tenantId, null, input);
  if (created) await writeAudit(tx, { tenantId, actorId: null, action: 'create', entity: 'task', entityId: task.id });
  return { value: task, created };
}
