// A complaint from the email: an open complaint interaction on the account, linked to the people on the email the CRM
// knows, dated when the email came. The subject is required (the API refuses a blank one too); it starts as the email's.
// Its texts load with the form, not in the pane's first download.
import { Field, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { Interaction } from '@crm/common';
import { ErrorNotice, FormActions, useSubmit } from '@crm/common/web';
import { useServices } from '../services';
import { usePaneStyles } from '../styles';
import { useT } from '../texts';

const texts = {
  en: { form: 'Create complaint', subject: 'Subject', subjectRequired: 'Enter a subject.', details: 'What went wrong (optional)', save: 'Create complaint' },
  de: {
    form: 'Reklamation anlegen',
    subject: 'Betreff',
    subjectRequired: 'Geben Sie einen Betreff ein.',
    details: 'Was ist schiefgegangen (optional)',
    save: 'Reklamation anlegen',
  },
};

export interface ComplaintFormProps {
  subject: string;
  /** When the email came: the complaint was raised then. */
  when: Date;
  accountId: string;
  contactIds: readonly string[];
  onCreated: (complaint: Interaction) => void;
  onCancel: () => void;
}

export default function ComplaintForm({ subject: emailSubject, when, accountId, contactIds, onCreated, onCancel }: ComplaintFormProps) {
  const styles = usePaneStyles();
  const { language } = useT();
  const c = texts[language];
  const { api } = useServices();
  const [subject, setSubject] = useState(emailSubject.slice(0, 1000));
  const [details, setDetails] = useState('');
  const [blank, setBlank] = useState(false);
  const { busy, error, submit } = useSubmit(
    async (id) =>
      (
        await api('logInteraction', {
          body: {
            id,
            type: 'complaint',
            direction: 'inbound',
            status: 'open',
            occurredAt: when.toISOString(),
            subject: subject.trim(),
            ...(details.trim() ? { summary: details } : {}),
            source: 'addin',
            accountIds: [accountId],
            contactIds: [...contactIds],
          },
        })
      ).data,
    onCreated,
  );
  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!subject.trim()) setBlank(true);
        else void submit();
      }}
      aria-label={c.form}
    >
      <Field label={c.subject} required validationState={blank ? 'error' : 'none'} validationMessage={blank ? c.subjectRequired : undefined}>
        <Input
          value={subject}
          onChange={(_e, data) => {
            setSubject(data.value);
            setBlank(false);
          }}
          maxLength={1000}
          required
          autoFocus
        />
      </Field>
      <Field label={c.details}>
        <Textarea value={details} onChange={(_e, data) => setDetails(data.value)} maxLength={20_000} resize="vertical" />
      </Field>
      {error ? <ErrorNotice error={error} /> : null}
      <FormActions busy={busy} submitLabel={c.save} onCancel={onCancel} />
    </form>
  );
}
