// Creates a contact from an unknown sender: name from the display name, company from the domain, duplicates flagged.
import { Field, Input, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Contact } from '@crm/common';
import { ApiError, ErrorNotice, FormActions, useSubmit } from '@crm/common/web';
import { useServices } from '../services';
import { usePaneStyles } from '../styles';
import { useT } from '../texts';
import { similarContacts, type SimilarContact } from './similar-contacts';

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * "Lena Vogt" -> Lena / Vogt; "Vogt, Lena" -> Lena / Vogt; an address alone -> its local part: "j.hoffmann@" ->
 * J / Hoffmann, "info@" -> the last name "info".
 */
export function splitName(displayName: string, email: string): { firstName: string; lastName: string } {
  const name = displayName.trim() && displayName.trim() !== email ? displayName.trim() : '';
  if (!name) {
    const local = email.split('@')[0] ?? email;
    const parts = local.split(/[._-]+/).filter(Boolean);
    return parts.length === 2 ? { firstName: capitalized(parts[0]!), lastName: capitalized(parts[1]!) } : { firstName: '', lastName: local };
  }
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
  const [similar, setSimilar] = useState<SimilarContact[]>([]);

  // Duplicate check before saving, on the person (name, the address's name part), anywhere in the CRM: the search also
  // matches email domains, which name the company, so its answers are filtered and each kept one says why.
  useEffect(() => {
    if (lastName.trim().length < 2) return setSimilar([]);
    const abort = new AbortController();
    const local = email.split('@')[0] ?? '';
    const search = (q: string) => api('listContacts', { query: { q, limit: 50 }, signal: abort.signal }).then((r) => r.data.items);
    const timer = setTimeout(() => {
      Promise.all([search(lastName.trim()), ...(local.length > 2 ? [search(local)] : [])]).then(
        (pages) => setSimilar(similarContacts(pages.flat(), { firstName, lastName, email })),
        () => setSimilar([]),
      );
    }, 250);
    return () => (clearTimeout(timer), abort.abort());
  }, [api, firstName, lastName, email]);

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
          <MessageBarBody>
            {t('contact.similar')}
            <ul className={styles.list} data-testid="similar-contacts">
              {similar.map(({ contact, reason }) => (
                <li key={contact.id} data-contact-id={contact.id}>
                  {t(`contact.similar.${reason}`, {
                    name: contact.accountName ? `${contact.displayName} (${contact.accountName})` : contact.displayName,
                    emails: contact.emails.join(', '),
                  })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
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
