// What can be done with an open follow-up wherever it is listed (the account tab, My CRM): mark it done, move its due
// date, or, for a follow-up an automation rule made, snooze it to a later day with a reason. Each sends the version
// last read (If-Match); when a colleague changed it in between, the shared notice says who, when, what and what it
// holds now, and the user shows their version or overwrites it knowingly. A move to a day before today is asked about
// first, as creating one is.
import { Button } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import type { Task } from '@crm/common';
import { DoneNotice, ErrorNotice, FormActions, useOpenerFocus, usePastDueGuard, type UserAccess } from '@crm/common/web';
import { TaskChangedNotice, useTaskUpdate } from '@crm/common/web/task-edit';
import { useServices } from './services';
import { useTabStyles } from './styles';
import { useT } from './texts';
import { DueDateField } from '@crm/common/web/due-date';

// The snooze form and its fields load when it is first opened: they kept the account tab's first download over 150 KB.
const SnoozeForm = lazy(() => import('./SnoozeForm'));

export function TaskActions({
  task,
  onChanged,
  gate,
}: {
  task: Task;
  /** The follow-up changed (saved: the user's change went through) or changed meanwhile: the list is out of date. */
  onChanged: (saved?: Task) => void;
  /** Props that disable the actions for a role that may not change data. */
  gate: ReturnType<UserAccess['gate']>;
}) {
  const styles = useTabStyles();
  const { t } = useT();
  const { api } = useServices();
  const [rescheduling, setRescheduling] = useState(false);
  const [snoozing, setSnoozing] = useState(false);
  // What the snooze did, in words; it takes the focus as the form goes away.
  const [snoozed, setSnoozed] = useState<string | null>(null);
  const snoozeOpener = useOpenerFocus();
  const [dueDate, setDueDate] = useState(task.dueDate);
  const { busy, error, conflict, update, overwrite, dropConflict } = useTaskUpdate(api, task.id);
  // A cancelled move, or the colleague's version taken, hands the focus back to Reschedule instead of the page's body; after
  // a saved change the list's own notice or button takes it (a done follow-up leaves the list).
  const opener = useOpenerFocus();
  const closeForm = () => (setRescheduling(false), opener.restore());
  const saved = (result: Task) => (setRescheduling(false), onChanged(result));
  // After a colleague's change the next try goes on their version, so the list need not be reloaded first.
  const base = conflict?.current ?? task;
  const guard = usePastDueGuard({ dueDate, action: 'move', unchangedFrom: task.dueDate, send: () => update({ dueDate }, base, saved) });
  return (
    <div className={styles.form}>
      {snoozed ? <DoneNotice text={snoozed} testId="snoozed-notice" /> : null}
      {snoozing ? (
        <Suspense fallback={null}>
          <SnoozeForm
            task={task}
            onCancel={() => (setSnoozing(false), snoozeOpener.restore())}
            onStale={() => (setSnoozing(false), snoozeOpener.restore(), onChanged())}
            onSnoozed={(message) => {
              setSnoozing(false);
              setSnoozed(message);
              onChanged();
            }}
          />
        </Suspense>
      ) : !rescheduling ? (
        <div className={styles.row}>
          <Button
            size="small"
            onClick={() => update({ status: 'done' }, base, saved)}
            disabled={busy}
            aria-label={t('followUps.complete', { title: task.title })}
            {...gate}
          >
            {t('followUps.done')}
          </Button>
          <Button
            ref={opener.ref}
            size="small"
            onClick={() => setRescheduling(true)}
            aria-label={t('followUps.rescheduleLabel', { title: task.title })}
            {...gate}
          >
            {t('followUps.reschedule')}
          </Button>
          {task.rule ? (
            <Button
              ref={snoozeOpener.ref}
              size="small"
              onClick={() => (setSnoozed(null), setSnoozing(true))}
              aria-label={t('followUps.snoozeLabel', { title: task.title })}
              {...gate}
            >
              {t('followUps.snooze')}
            </Button>
          ) : null}
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
          <FormActions busy={busy} submitLabel={t('common.save')} onCancel={() => (closeForm(), guard.dismiss(), dropConflict())} />
        </form>
      )}
      {conflict ? (
        <TaskChangedNotice
          conflict={conflict}
          busy={busy}
          onReload={() => {
            // The colleague's version: the list shows it once reloaded, and the date field starts from it.
            setDueDate(conflict.current.dueDate);
            closeForm();
            dropConflict();
            onChanged();
          }}
          onOverwrite={() => overwrite(saved)}
        />
      ) : null}
      {error ? <ErrorNotice error={error} onRetry={onChanged} /> : null}
    </div>
  );
}
