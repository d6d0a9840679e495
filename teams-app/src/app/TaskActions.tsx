// What can be done with an open follow-up wherever it is listed (the account tab, My CRM): mark it done, or move its due
// date. Both send the version last read (If-Match), so a colleague's change in between is reported, not overwritten. A
// move to a day before today is asked about first, as creating one is.
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { Task, TaskPatch } from '@crm/common';
import { ApiError, ErrorNotice, FormActions, usePastDueGuard, useSubmit, type UserAccess } from '@crm/common/web';
import { useServices } from './services';
import { useTabStyles } from './styles';
import { useT } from './texts';
import { DueDateField } from '@crm/common/web/due-date';

export function TaskActions({
  task,
  onChanged,
  gate,
}: {
  task: Task;
  /** The follow-up changed (or changed meanwhile): the list is out of date. */
  onChanged: () => void;
  /** Props that disable the actions for a role that may not change data. */
  gate: ReturnType<UserAccess['gate']>;
}) {
  const styles = useTabStyles();
  const { t } = useT();
  const { api } = useServices();
  const [rescheduling, setRescheduling] = useState(false);
  const [dueDate, setDueDate] = useState(task.dueDate);
  const update = (body: TaskPatch) => api('updateTask', { params: { id: task.id }, body, ifMatch: task.etag });
  const done = useSubmit(() => update({ status: 'done' }), onChanged);
  const moved = useSubmit(
    () => update({ dueDate }),
    () => (setRescheduling(false), onChanged()),
  );
  const guard = usePastDueGuard({ dueDate, action: 'move', unchangedFrom: task.dueDate, send: () => void moved.submit() });
  const error = done.error ?? moved.error;
  return (
    <div className={styles.form}>
      {!rescheduling ? (
        <div className={styles.row}>
          <Button size="small" onClick={() => void done.submit()} disabled={done.busy} aria-label={t('followUps.complete', { title: task.title })} {...gate}>
            {t('followUps.done')}
          </Button>
          <Button size="small" onClick={() => setRescheduling(true)} aria-label={t('followUps.rescheduleLabel', { title: task.title })} {...gate}>
            {t('followUps.reschedule')}
          </Button>
        </div>
      ) : (
        <form
          className={styles.form}
          aria-label={t('followUps.rescheduleLabel', { title: task.title })}
          onSubmit={(e) => {
            e.preventDefault();
            guard.submit();
          }}
        >
          <DueDateField label={t('followUps.newDue')} value={dueDate} onChange={setDueDate} guard={guard} autoFocus />
          {guard.confirm}
          <FormActions busy={moved.busy} submitLabel={t('common.save')} onCancel={() => (setRescheduling(false), guard.dismiss())} />
        </form>
      )}
      {error ? <ErrorNotice error={error} onRetry={onChanged} /> : null}
      {error instanceof ApiError && error.kind === 'changed' ? (
        <div>
          <Button size="small" onClick={onChanged}>
            {t('followUps.reload')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
