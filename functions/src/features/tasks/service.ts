// Follow-ups and tasks: assigned to the creator unless said otherwise; "me" lists the caller's own.
import type { Task, TaskCreate, TaskListQuery, TaskPatch } from '@crm/common';
import type { Db } from '../../core/db/db';
import { getTask, insertTask, listTasks, updateTask } from './store';
import type { Actor } from '../../core/actor';
import { createRecord, deleteRecord, readRecord, updateRecord, type Created } from '../../core/records';

export const createTask = (db: Db, actor: Actor, input: TaskCreate): Promise<Created<Task>> =>
  createRecord(db, actor, 'task', async (tx) => {
    const assigneeId = input.assigneeId === undefined ? actor.userId : input.assigneeId;
    const { task, created } = await insertTask(tx, actor.tenantId, actor.userId, { ...input, assigneeId });
    return { value: task, created };
  });

export const readTask = (db: Db, actor: Actor, id: string) => readRecord('task', () => getTask(db, actor.tenantId, id));

export const searchTasks = (db: Db, actor: Actor, query: TaskListQuery) =>
  listTasks(db, actor.tenantId, { ...query, assigneeId: query.assigneeId === 'me' ? actor.userId : query.assigneeId });

export const changeTask = (db: Db, actor: Actor, id: string, expectedVersion: number, patch: TaskPatch) =>
  updateRecord(db, actor, 'task', id, (tx) => updateTask(tx, actor.tenantId, id, expectedVersion, patch));

export const removeTask = (db: Db, actor: Actor, id: string, expectedVersion: number) => deleteRecord(db, actor, 'task', 'tasks', id, expectedVersion);
