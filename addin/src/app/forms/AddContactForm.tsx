// Creates a contact from an unknown sender: name from the display name, company from the domain, duplicates flagged.
import { Field, Input, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Contact } from '@crm/common';
import { ApiError, ErrorNotice, FormActions, useSubmit } from '@crm/common/web';
import { useServices } from '../services';
import { usePaneStyles } from '../styles';
import { useT } from '../texts';

/** "Lena Vogt" -> Lena / Vogt; "Vogt, Lena" -> Lena / Vogt; an address alone -> its local part as the last name. */
export function splitName(displayName: string, email: string): { firstName: string; lastName: string } {
  const name = displayName.trim() && displayName.trim() !== email ? displayName.trim() : '';
  if (!name) return { firstName: '', lastName: email.split('@')[0] ?? email };
  if (name.includes(',')) {
    const [last, first] = name.split(',', 2);
    return { firstName: first!.trim(), lastName: last!.trim() };
  }
  const parts = name.split(/\s+/);
  return parts.length === 1 ? { firstName: '', lastName: parts[0]! } : { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1]! };
}

export interface AddContactFormProps {
  email: string;
  displayName: string;
  accounts: ReadonlyArray<{ id: string; name: string }>;
  suggestedAccountId: string | null;
  onCreated: (contact: Contact) => void;
  onCancel: () => void;
}

export default function AddContactForm({ email, displayName, accounts, suggestedAccountId, onCreated, onCancel }: AddContactFormProps) {
  const styles = usePaneStyles();
  const { t } = useT();
  const { api } = useServices();
  const initial = splitName(displayName, email);
  const [firstName, setFirstName] = useState(initial.firstName);
  const [lastName, setLastName] = useState(initial.lastName);
  const [jobTitle, setJobTitle] = useState('');
  const [accountId, setAccountId] = useState(suggestedAccountId ?? '');
  const [similar, setSimilar] = useState<string[]>([]);

  // Duplicate check before saving: same last name at the same company (or anywhere, without a company).
  useEffect(() => {
    if (lastName.trim().length < 2) return setSimilar([]);
    const abort = new AbortController();
    const timer = setTimeout(() => {
      api('listContacts', { query: { q: lastName.trim(), limit: 5, ...(accountId ? { accountId } : {}) }, signal: abort.signal }).then(
        (r) => setSimilar(r.data.items.map((c) => c.displayName)),
        () => setSimilar([]),
      );
    }, 250);
    return () => (clearTimeout(timer), abort.abort());
  }, [api, lastName, accountId]);

  const { busy, error, submit } = useSubmit(
    async (id) =>
      (
        await api('createContact', {
          body: { id, firstName, lastName, emails: [email], jobTitle: jobTitle || null, accountId: accountId || null },
        })
      ).data,
    onCreated,
  );
  const duplicateEmail = error instanceof ApiError && error.kind === 'conflict';

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label={t('person.add')}
    >
      <Field label={t('contact.email')}>
        <Input value={email} readOnly />
      </Field>
      <Field label={t('contact.firstName')}>
        <Input value={firstName} onChange={(_e, data) => setFirstName(data.value)} maxLength={100} autoFocus />
      </Field>
      <Field label={t('contact.lastName')} required>
        <Input value={lastName} onChange={(_e, data) => setLastName(data.value)} maxLength={100} required />
      </Field>
      <Field label={t('contact.jobTitle')}>
        <Input value={jobTitle} onChange={(_e, data) => setJobTitle(data.value)} maxLength={200} />
      </Field>
      <Field label={t('contact.account')}>
        <Select value={accountId} onChange={(_e, data) => setAccountId(data.value)}>
          <option value="">{t('contact.noAccount')}</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </Select>
      </Field>
      {similar.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('contact.similar', { names: similar.join(', ') })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {duplicateEmail ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('contact.exists')}</MessageBarBody>
        </MessageBar>
      ) : error ? (
        <ErrorNotice error={error} />
      ) : null}
      <FormActions busy={busy} submitLabel={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
