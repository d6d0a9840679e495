// Completes or reschedules an open follow-up from the pane, on the version it was read at (If-Match). When a colleague
// changed it in between, the pane says who, when and what it holds now; the user reloads it or overwrites knowingly. A
// move to a day before today is asked about first, as creating one is.
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { Task, TaskPatch } from '@crm/common';
import { ErrorNotice, FormActions, usePastDueGuard } from '@crm/common/web';
import { ChangedNotice, useVersionedSave } from '@crm/common/web/versioned-edit';
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
  // What the user asked for last, so "overwrite" repeats exactly that on the colleague's version.
  const [intent, setIntent] = useState<TaskPatch>({});
  const { busy, error, conflict, save, dropConflict } = useVersionedSave(async () => (await api('getTask', { params: { id: task.id } })).data);
  const write = (patch: TaskPatch, base: Task) => {
    setIntent(patch);
    void save(
      async (on) => (await api('updateTask', { params: { id: on.id }, body: patch, ifMatch: on.etag })).data,
      base,
      (saved) =>
        onSaved(
          saved,
          saved.status === 'done' ? e('followUpCompleted', { title: saved.title }) : e('followUpSaved', { title: saved.title, date: date(saved.dueDate) }),
        ),
    );
  };
  const base = conflict?.current ?? task;
  const guard = usePastDueGuard({ dueDate, action: 'move', unchangedFrom: base.dueDate, send: () => write({ dueDate }, base) });
  const fieldLabel = (field: string) => ({ dueDate: t('followUp.due'), status: e('status'), title: t('followUp.title') })[field] ?? field;
  const summary = (current: Task) =>
    [t('account.due', { date: date(current.dueDate) }), current.status === 'done' ? e('doneState') : null].filter(Boolean).join(' · ');

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
        <Button type="button" onClick={() => write({ status: 'done' }, base)} disabled={busy}>
          {e('markDone')}
        </Button>
      </div>
      {conflict ? (
        <ChangedNotice
          change={conflict.change}
          current={summary(conflict.current)}
          fieldLabel={fieldLabel}
          busy={busy}
          onReload={() => {
            setDueDate(conflict.current.dueDate);
            dropConflict();
          }}
          onOverwrite={() => write(intent, conflict.current)}
        />
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <FormActions busy={busy} submitLabel={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
