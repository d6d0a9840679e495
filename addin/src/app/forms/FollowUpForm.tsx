// A follow-up ("Wiedervorlage") from the email: prefilled title, due in three working days, linked to the customer.
import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import type { Task } from '@crm/common';
import { ErrorNotice } from '@crm/common/web';
import { useServices } from '../services';
import { usePaneStyles } from '../styles';
import { useT } from '../texts';
import { FormActions } from './FormActions';
import { useSubmit } from './use-submit';

/** Three working days ahead: a follow-up due on a Saturday would be overdue before anyone sees it. */
export function defaultDueDate(from = new Date()): string {
  const date = new Date(from);
  let added = 0;
  while (added < 3) {
    date.setDate(date.getDate() + 1);
    if (date.getDay() !== 0 && date.getDay() !== 6) added += 1;
  }
  // The user's calendar day, not UTC's: toISOString would shift it for anyone east of Greenwich.
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export interface FollowUpFormProps {
  subject: string;
  accountId: string | null;
  contactId: string | null;
  onCreated: (task: Task) => void;
  onCancel: () => void;
}

export default function FollowUpForm({ subject, accountId, contactId, onCreated, onCancel }: FollowUpFormProps) {
  const styles = usePaneStyles();
  const { t } = useT();
  const { api } = useServices();
  const [title, setTitle] = useState(t('followUp.defaultTitle', { subject }).slice(0, 300));
  const [dueDate, setDueDate] = useState(defaultDueDate());
  const { busy, error, submit } = useSubmit(
    async (id) => (await api('createTask', { body: { id, kind: 'follow_up', title, dueDate, accountId, contactId } })).data,
    onCreated,
  );
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label={t('action.followUp')}
    >
      <Field label={t('followUp.title')} required>
        <Input value={title} onChange={(_e, data) => setTitle(data.value)} maxLength={300} required />
      </Field>
      <Field label={t('followUp.due')} required>
        <Input type="date" value={dueDate} onChange={(_e, data) => setDueDate(data.value)} required />
      </Field>
      {error ? <ErrorNotice error={error} /> : null}
      <FormActions busy={busy} submitLabel={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
