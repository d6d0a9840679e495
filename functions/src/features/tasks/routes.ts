// HTTP handlers of the tasks (follow-ups) endpoints; one follow-up viewed is recorded in the read audit with the person
// and account it names.
import { recordReads } from '../../core/audit/read-audit';
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { changeTask, createTask, readTask, removeTask, searchTasks } from './service';

export const taskRoutes: RouteTable<'listTasks' | 'createTask' | 'getTask' | 'updateTask' | 'deleteTask'> = {
  listTasks: async ({ db, actor, query }) => ({ body: await searchTasks(db, actor, query) }),
  createTask: async ({ db, actor, body }) => created('tasks', await createTask(db, actor, body)),
  getTask: async ({ db, actor, params }) => {
    const task = await readTask(db, actor, params.id);
    recordReads(db, actor, 'view', [
      ...(task.contactId ? [{ entity: 'contact' as const, id: task.contactId }] : []),
      ...(task.accountId ? [{ entity: 'account' as const, id: task.accountId }] : []),
    ]);
    return one(task);
  },
  updateTask: async ({ db, actor, params, body, version }) => one(await changeTask(db, actor, params.id, version, body)),
  deleteTask: async ({ db, actor, params, version }) => (await removeTask(db, actor, params.id, version), {}),
};
