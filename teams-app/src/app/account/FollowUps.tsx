// Open follow-ups of the account: mark one done, or add a new one for the team.
import { Button, Field, Input, Text } from '@fluentui/react-components';
import { memo, useState } from 'react';
import type { Contact, Task } from '@crm/common';
import {
  defaultDueDate,
  ErrorNotice,
  FormActions,
  localDay,
  OptionalSelect,
  usePastDueGuard,
  useOpenerFocus,
  useSubmit,
  type UserAccess,
} from '@crm/common/web';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useT } from '../texts';
import { Card } from '../Card';
import { TaskActions } from '../TaskActions';
import { DueDateField } from '@crm/common/web/due-date';

function NewFollowUp({ accountId, contacts, onDone, onCancel }: { accountId: string; contacts: readonly Contact[]; onDone: () => void; onCancel: () => void }) {
  const styles = useTabStyles();
  const { t } = useT();
  const { api } = useServices();
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState(defaultDueDate());
  const [contactId, setContactId] = useState('');
  // A due date before today is usually a slip of the date picker; it is created only once the user confirms it.
  const { busy, error, submit } = useSubmit(
    async (id) => (await api('createTask', { body: { id, kind: 'follow_up', title, dueDate, accountId, contactId: contactId || null } })).data,
    onDone,
  );
  const guard = usePastDueGuard({ dueDate, action: 'create', send: () => void submit() });
  return (
    <form
      className={styles.form}
      aria-label={t('followUps.new')}
      onSubmit={(e) => {
        e.preventDefault();
        guard.submit();
      }}
    >
      <Field label={t('followUps.title')} required>
        <Input value={title} onChange={(_e, d) => setTitle(d.value)} maxLength={300} required autoFocus />
      </Field>
      <DueDateField label={t('followUps.due')} value={dueDate} onChange={setDueDate} guard={guard} />
      <OptionalSelect
        label={t('followUps.contact')}
        noneLabel={t('followUps.noContact')}
        value={contactId}
        options={contacts.map((c) => ({ id: c.id, label: c.displayName }))}
        onChange={setContactId}
      />
      {guard.confirm}
      {error ? <ErrorNotice error={error} /> : null}
      <FormActions busy={busy} submitLabel={t('common.save')} onCancel={onCancel} />
    </form>
  );
}

export const FollowUps = memo(function FollowUps({
  accountId,
  tasks,
  contacts,
  onChanged,
  access,
  roleNoticeId,
}: {
  accountId: string;
  tasks: readonly Task[];
  contacts: readonly Contact[];
  onChanged: () => void;
  access: UserAccess;
  /** The tab's notice that says which role the disabled actions need. */
  roleNoticeId: string;
}) {
  const styles = useTabStyles();
  const { t, date } = useT();
  const [adding, setAdding] = useState(false);
  // After a new follow-up, a cancelled one or a changed one (a completed row goes away), the focus goes to "New follow-up".
  const opener = useOpenerFocus();
  const today = localDay(new Date());
  return (
    <Card
      headingId="follow-ups-heading"
      heading={t('followUps.heading')}
      testId="follow-ups"
      aside={
        !adding ? (
          <Button ref={opener.ref} onClick={() => setAdding(true)} {...access.gate('write', roleNoticeId)}>
            {t('followUps.new')}
          </Button>
        ) : null
      }
    >
      {adding ? (
        <NewFollowUp
          accountId={accountId}
          contacts={contacts}
          onDone={() => {
            setAdding(false);
            opener.restore();
            onChanged();
          }}
          onCancel={() => (setAdding(false), opener.restore())}
        />
      ) : null}
      {tasks.length === 0 ? <Text className={styles.muted}>{t('followUps.none')}</Text> : null}
      <ul className={styles.list}>
        {tasks.map((task) => (
          <li key={task.id} className={styles.spread} data-task-id={task.id}>
            <div className={styles.item}>
              <Text className={styles.clip} title={task.title}>
                {task.title}
              </Text>
              <Text size={200} className={task.dueDate < today ? styles.danger : styles.muted}>
                {task.dueDate < today ? t('account.overdue', { date: date(task.dueDate) }) : t('account.due', { date: date(task.dueDate) })}
              </Text>
            </div>
            <TaskActions task={task} onChanged={() => (opener.restore(), onChanged())} gate={access.gate('write', roleNoticeId)} />
          </li>
        ))}
      </ul>
    </Card>
  );
});
