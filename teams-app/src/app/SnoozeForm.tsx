// The snooze of a rule's follow-up (TaskActions opens it): its own chunk, loaded when first opened.
import { Field, Input, Textarea } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Task } from '@crm/common';
import { ApiError, ErrorNotice, fillIn, FormActions, localDay } from '@crm/common/web';
import { TaskChangedNotice, useTaskUpdate } from '@crm/common/web/task-edit';
import { useServices } from './services';
import { useTabStyles } from './styles';
import { useT } from './texts';

/** The form's own texts travel with it, out of the tabs' first download. */
const FORM_TEXTS = {
  en: {
    until: 'Snooze until',
    reason: 'Reason',
    reasonRequired: 'Enter a reason.',
    untilLater: 'Pick a day after today.',
    submit: 'Snooze',
    done: 'Follow-up "{title}" snoozed until {date}. Reason: {reason}',
  },
  de: {
    until: 'Zurückstellen bis',
    reason: 'Grund',
    reasonRequired: 'Bitte einen Grund angeben.',
    untilLater: 'Bitte einen Tag nach heute wählen.',
    submit: 'Zurückstellen',
    done: 'Wiedervorlage „{title}“ bis zum {date} zurückgestellt. Grund: {reason}',
  },
} as const;

/** A week from today, the user's calendar day. */
const inAWeek = () => {
  const day = new Date();
  day.setDate(day.getDate() + 7);
  return localDay(day);
};

/**
 * The snooze of a rule's follow-up: a later day and a required reason, checked here first and then by the API, whose
 * problem document names the field; a colleague's change in between (412) is named as for a move.
 */
export default function SnoozeForm({
  task,
  onSnoozed,
  onCancel,
  onStale,
}: {
  task: Task;
  /** With what the snooze did, in words. */
  onSnoozed: (message: string) => void;
  onCancel: () => void;
  onStale: () => void;
}) {
  const styles = useTabStyles();
  const { t, date, language } = useT();
  const texts = FORM_TEXTS[language];
  const { api } = useServices();
  const [until, setUntil] = useState(inAWeek);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const untilInput = useRef<HTMLInputElement>(null);
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  const { busy, error, conflict, snooze, overwrite, dropConflict } = useTaskUpdate(api, task.id);
  const base = conflict?.current ?? task;
  const local = {
    until: until > localDay(new Date()) ? undefined : texts.untilLater,
    reason: reason.trim() ? undefined : texts.reasonRequired,
  };
  const server = (field: 'until' | 'reason') => (error instanceof ApiError ? error.fieldReason(field) : undefined);
  const message = (field: 'until' | 'reason') => (checked ? local[field] : undefined) ?? server(field);
  const saved = (result: Task) => onSnoozed(fillIn(texts.done, { title: result.title, date: date(result.dueDate), reason: reason.trim() }));
  return (
    <form
      className={styles.form}
      aria-label={t('followUps.snoozeLabel', { title: task.title })}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setChecked(true);
        if (local.until) return untilInput.current?.focus();
        if (local.reason) return reasonInput.current?.focus();
        snooze({ until, reason: reason.trim() }, base, saved);
      }}
    >
      <Field label={texts.until} required validationMessage={message('until')}>
        <Input ref={untilInput} type="date" value={until} onChange={(_e, d) => setUntil(d.value)} required autoFocus />
      </Field>
      <Field label={texts.reason} required validationMessage={message('reason')}>
        <Textarea ref={reasonInput} value={reason} onChange={(_e, d) => setReason(d.value)} maxLength={500} required resize="vertical" />
      </Field>
      <FormActions busy={busy} submitLabel={texts.submit} onCancel={() => (dropConflict(), onCancel())} />
      {conflict ? (
        <TaskChangedNotice
          conflict={conflict}
          busy={busy}
          onReload={() => {
            // The colleague's version: the list shows it once reloaded.
            dropConflict();
            onStale();
          }}
          onOverwrite={() => overwrite(saved)}
        />
      ) : null}
      {error && !server('until') && !server('reason') ? <ErrorNotice error={error} onRetry={onStale} /> : null}
    </form>
  );
}
