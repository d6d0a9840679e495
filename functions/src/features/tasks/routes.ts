// HTTP handlers of the tasks (follow-ups) endpoints; the list and one follow-up viewed are recorded in the read audit
// with the people and accounts they name.
import type { Task } from '@crm/common';
import { recordReads, type ReadRecord } from '../../core/audit/read-audit';
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { changeTask, createTask, readTask, removeTask, searchTasks } from './service';

/** Each follow-up, and each person and account they name once: all of it is in the answer, nothing is looked up. */
function readRecordsOfTasks(tasks: readonly Task[]): ReadRecord[] {
  const ids = (pick: (t: Task) => string | null) => [...new Set(tasks.map(pick).filter((id): id is string => id !== null))];
  return [
    ...tasks.map((t) => ({ entity: 'task' as const, id: t.id })),
    ...ids((t) => t.contactId).map((id) => ({ entity: 'contact' as const, id })),
    ...ids((t) => t.accountId).map((id) => ({ entity: 'account' as const, id })),
  ];
}

export const taskRoutes: RouteTable<'listTasks' | 'createTask' | 'getTask' | 'updateTask' | 'deleteTask'> = {
  listTasks: async ({ db, actor, query }) => {
    const page = await searchTasks(db, actor, query);
    recordReads(db, actor, 'list', readRecordsOfTasks(page.items));
    return { body: page };
  },
  createTask: async ({ db, actor, body }) => created('tasks', await createTask(db, actor, body)),
  getTask: async ({ db, actor, params }) => {
    const task = await readTask(db, actor, params.id);
    recordReads(db, actor, 'view', readRecordsOfTasks([task]));
    return one(task);
  },
  updateTask: async ({ db, actor, params, body, version }) => one(await changeTask(db, actor, params.id, version, body)),
  deleteTask: async ({ db, actor, params, version }) => (await removeTask(db, actor, params.id, version), {}),
};
