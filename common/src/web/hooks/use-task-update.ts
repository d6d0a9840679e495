// Changing a follow-up (done, new due date, a rule's follow-up snoozed with a reason) on the version it was read at, in
// the pane's edit form and the tabs' follow-up actions alike: a colleague's change in between is re-read and kept for
// the notice, and overwriting repeats exactly what the user asked for last on the colleague's version.
import { useState } from 'react';
import type { FollowUpSnooze } from '../../contracts/automation';
import type { Task, TaskPatch } from '../../contracts/tasks';
import type { ApiClient } from '../api/api-client';
import { useVersionedSave } from './use-versioned-save';

type Intent = { patch: TaskPatch } | { snooze: FollowUpSnooze };

export function useTaskUpdate(api: ApiClient, taskId: string) {
  const [intent, setIntent] = useState<Intent>({ patch: {} });
  const versioned = useVersionedSave(async () => (await api('getTask', { params: { id: taskId } })).data);
  const send = (next: Intent, base: Task, onSaved: (saved: Task) => void) => {
    setIntent(next);
    void versioned.save(
      async (on) =>
        'snooze' in next
          ? (await api('snoozeFollowUp', { params: { id: on.id }, body: next.snooze, ifMatch: on.etag })).data.task
          : (await api('updateTask', { params: { id: on.id }, body: next.patch, ifMatch: on.etag })).data,
      base,
      onSaved,
    );
  };
  const update = (patch: TaskPatch, base: Task, onSaved: (saved: Task) => void) => send({ patch }, base, onSaved);
  /** A rule's follow-up to a later day with a reason (POST …/snooze); answers the changed task. */
  const snooze = (input: FollowUpSnooze, base: Task, onSaved: (saved: Task) => void) => send({ snooze: input }, base, onSaved);
  /** The last change asked for, again, on the version the colleague left. */
  const overwrite = (onSaved: (saved: Task) => void) => {
    if (versioned.conflict) send(intent, versioned.conflict.current, onSaved);
  };
  return { ...versioned, update, snooze, overwrite };
}
