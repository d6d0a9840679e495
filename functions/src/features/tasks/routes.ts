// HTTP handlers of the tasks (follow-ups) endpoints.
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { changeTask, createTask, readTask, removeTask, searchTasks } from './service';

export const taskRoutes: RouteTable<'listTasks' | 'createTask' | 'getTask' | 'updateTask' | 'deleteTask'> = {
  listTasks: async ({ db, actor, query }) => ({ body: await searchTasks(db, actor, query) }),
  createTask: async ({ db, actor, body }) => created('tasks', await createTask(db, actor, body)),
  getTask: async ({ db, actor, params }) => one(await readTask(db, actor, params.id)),
  updateTask: async ({ db, actor, params, body, version }) => one(await changeTask(db, actor, params.id, version, body)),
  deleteTask: async ({ db, actor, params, version }) => (await removeTask(db, actor, params.id, version), {}),
};
