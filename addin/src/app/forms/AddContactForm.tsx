// Creates a contact from an unknown sender: name from the display name, company from the domain, duplicates flagged;
// phone, job title and buying-center role, and a consent the person gave in this email, recorded with that as its source.
import { Field, Input, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Contact, ConsentPurpose } from '@crm/common';
import { ApiError, ErrorNotice, FormActions, useSubmit } from '@crm/common/web';
import { useServices } from '../services';
import { usePaneStyles } from '../styles';
import { useT } from '../texts';
import { similarContacts, type SimilarContact } from './similar-contacts';

type BuyingRole = NonNullable<Contact['buyingRole']>;

const ROLES = ['decision_maker', 'influencer', 'user', 'gatekeeper', 'champion', 'other'] as const satisfies readonly BuyingRole[];
const PURPOSES = ['marketing', 'newsletter', 'events', 'surveys'] as const satisfies readonly ConsentPurpose[];

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
  /** The open email's subject: a consent given in it names it as its source. */
  emailSubject: string;
  /** The consent recorded with the contact, if any. */
  onCreated: (contact: Contact, consent: ConsentPurpose | null) => void;
  onCancel: () => void;
}

export default function AddContactForm({ email, displayName, accounts, suggestedAccountId, emailSubject, onCreated, onCancel }: AddContactFormProps) {
  const styles = usePaneStyles();
  const { t } = useT();
  const { api } = useServices();
  const initial = splitName(displayName, email);
  const [firstName, setFirstName] = useState(initial.firstName);
  const [lastName, setLastName] = useState(initial.lastName);
  const [jobTitle, setJobTitle] = useState('');
  const [phone, setPhone] = useState('');
  const [buyingRole, setBuyingRole] = useState<BuyingRole | ''>('');
  const [consent, setConsent] = useState<ConsentPurpose | ''>('');
  // Like the contact's, the consent's id stays the same over retries, so a repeat after a failure records it once.
  const consentId = useRef(crypto.randomUUID());
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
    async (id) => {
      const body = {
        id,
        firstName,
        lastName,
        emails: [email],
        phones: phone.trim() ? [{ type: 'work' as const, number: phone.trim() }] : [],
        jobTitle: jobTitle || null,
        buyingRole: buyingRole || null,
        accountId: accountId || null,
      };
      const contact = (await api('createContact', { body })).data;
      if (consent) {
        const source = t('contact.consentSource', { subject: emailSubject.trim() || t('contact.noSubject') }).slice(0, 200);
        await api('recordConsent', {
          body: { id: consentId.current, contactId: contact.id, channel: 'email', purpose: consent, legalBasis: 'consent', action: 'granted', source },
        });
      }
      return { contact, consent: consent || null };
    },
    ({ contact, consent: given }) => onCreated(contact, given),
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
      <Field label={t('contact.phone')}>
        <Input type="tel" value={phone} onChange={(_e, data) => setPhone(data.value)} maxLength={40} />
      </Field>
      <Field label={t('contact.buyingRole')}>
        <Select value={buyingRole} onChange={(_e, data) => setBuyingRole(data.value as BuyingRole | '')}>
          <option value="">{t('contact.noRole')}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </Select>
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
      <Field label={t('contact.consent')} hint={t('contact.consentHint')}>
        <Select value={consent} onChange={(_e, data) => setConsent(data.value as ConsentPurpose | '')}>
          <option value="">{t('contact.noConsent')}</option>
          {PURPOSES.map((purpose) => (
            <option key={purpose} value={purpose}>
              {t(`consent.purpose.${purpose}`)}
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
