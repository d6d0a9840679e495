// Completes or reschedules an open follow-up from the pane, on the version it was read at (If-Match). When a colleague
// changed it in between, the pane says who, when and what it holds now; the user reloads it or overwrites knowingly. A
// move to a day before today is asked about first, as creating one is.
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { Task } from '@crm/common';
import { ErrorNotice, FormActions, usePastDueGuard } from '@crm/common/web';
import { TaskChangedNotice, useTaskUpdate } from '@crm/common/web/task-edit';
import { useServices } from '../services';
import { usePaneStyles } from '../styles';
import { useEditTexts } from './edit-texts';
import { DueDateField } from '@crm/common/web/due-date';

export interface FollowUpEditFormProps {
  task: Task;
  /** Saved, with the notice that says so. */
  onSaved: (task: Task, notice: string) => void;
  onCancel: () => void;
}

export default function FollowUpEditForm({ task, onSaved, onCancel }: FollowUpEditFormProps) {
  const styles = usePaneStyles();
  const { t, e, date } = useEditTexts();
  const { api } = useServices();
  const [dueDate, setDueDate] = useState(task.dueDate);
  const { busy, error, conflict, update, overwrite, dropConflict } = useTaskUpdate(api, task.id);
  const saved = (current: Task) =>
    onSaved(
      current,
      current.status === 'done' ? e('followUpCompleted', { title: current.title }) : e('followUpSaved', { title: current.title, date: date(current.dueDate) }),
    );
  const base = conflict?.current ?? task;
  const guard = usePastDueGuard({ dueDate, action: 'move', unchangedFrom: base.dueDate, send: () => update({ dueDate }, base, saved) });

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        guard.submit();
      }}
      aria-label={t('followUp.edit', { title: task.title })}
    >
      <DueDateField label={t('followUp.due')} value={dueDate} onChange={setDueDate} guard={guard} autoFocus />
      {guard.confirm}
      <div>
        <Button type="button" onClick={() => update({ status: 'done' }, base, saved)} disabled={busy}>
          {e('markDone')}
        </Button>
      </div>
      {conflict ? (
        <TaskChangedNotice
          conflict={conflict}
          busy={busy}
          onReload={() => {
            setDueDate(conflict.current.dueDate);
            dropConflict();
          }}
          onOverwrite={() => overwrite(saved)}
        />
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <FormActions busy={busy} submitLabel={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
