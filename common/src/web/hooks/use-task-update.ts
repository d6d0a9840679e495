// Changing a follow-up (done, new due date) on the version it was read at, in the pane's edit form and the tabs' follow-up
// actions alike: a colleague's change in between is re-read and kept for the notice, and overwriting repeats exactly
// what the user asked for last on the colleague's version.
import { useState } from 'react';
import type { Task, TaskPatch } from '../../contracts/tasks';
import type { ApiClient } from '../api/api-client';
import { useVersionedSave } from './use-versioned-save';

export function useTaskUpdate(api: ApiClient, taskId: string) {
  const [intent, setIntent] = useState<TaskPatch>({});
  const versioned = useVersionedSave(async () => (await api('getTask', { params: { id: taskId } })).data);
  const update = (patch: TaskPatch, base: Task, onSaved: (saved: Task) => void) => {
    setIntent(patch);
    void versioned.save(async (on) => (await api('updateTask', { params: { id: on.id }, body: patch, ifMatch: on.etag })).data, base, onSaved);
  };
  /** The last change asked for, again, on the version the colleague left. */
  const overwrite = (onSaved: (saved: Task) => void) => {
    if (versioned.conflict) update(intent, versioned.conflict.current, onSaved);
  };
  return { ...versioned, update, overwrite };
}
