// A follow-up ("Wiedervorlage") from the email: prefilled title, due in three working days, linked to the customer.
import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import type { Task, TaskOrigin } from '@crm/common';
import { defaultDueDate, ErrorNotice, FormActions, usePastDueGuard, useSubmit } from '@crm/common/web';
import { useServices } from '../services';
import { usePaneStyles } from '../styles';
import { useT } from '../texts';
import { DueDateField } from '@crm/common/web/due-date';

export interface FollowUpFormProps {
  subject: string;
  accountId: string | null;
  contactId: string | null;
  /** The email it is created from, so it is never an orphan even when nobody on it is in the CRM yet. */
  origin: TaskOrigin | null;
  onCreated: (task: Task) => void;
  onCancel: () => void;
}

export default function FollowUpForm({ subject, accountId, contactId, origin, onCreated, onCancel }: FollowUpFormProps) {
  const styles = usePaneStyles();
  const { t } = useT();
  const { api } = useServices();
  const [title, setTitle] = useState(t('followUp.defaultTitle', { subject }).slice(0, 300));
  const [dueDate, setDueDate] = useState(defaultDueDate());
  // A due date before today is usually a slip of the date picker; it is created only once the user confirms it.
  const { busy, error, submit } = useSubmit(
    async (id) => (await api('createTask', { body: { id, kind: 'follow_up', title, dueDate, accountId, contactId, origin } })).data,
    onCreated,
  );
  const guard = usePastDueGuard({ dueDate, action: 'create', send: () => void submit() });
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        guard.submit();
      }}
      aria-label={t('action.followUp')}
    >
      <Field label={t('followUp.title')} required>
        <Input value={title} onChange={(_e, data) => setTitle(data.value)} maxLength={300} required autoFocus />
      </Field>
      <DueDateField label={t('followUp.due')} value={dueDate} onChange={setDueDate} guard={guard} />
      {guard.confirm}
      {error ? <ErrorNotice error={error} /> : null}
      <FormActions busy={busy} submitLabel={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
