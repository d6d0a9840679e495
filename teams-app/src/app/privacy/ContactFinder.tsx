// Finds a contact by name or address for the privacy tab's sections; restricted persons are listed too, since the officer
// (CRM.Privacy, CRM.Admin) sees them. Its texts come with the person view's (person-texts.ts).
import { Button, Field, Input, Text } from '@fluentui/react-components';
import type { Contact } from '@crm/common';
import { ErrorNotice, useSubmit, useTexts } from '@crm/common/web';
import { useId, useState } from 'react';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import type { PersonKey } from './person/person-texts';

const FOUND = 20;

export function ContactFinder({ onPick, label }: { onPick: (contact: Contact) => void; label?: string }) {
  const styles = useTabStyles();
  const { t } = useTexts<PersonKey>();
  const { api } = useServices();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<{ q: string; items: Contact[] } | null>(null);
  const [tooShort, setTooShort] = useState(false);
  const resultsId = useId();
  const { busy, error, submit } = useSubmit(
    async () => ({ q: q.trim(), items: (await api('listContacts', { query: { q: q.trim(), limit: FOUND } })).data.items }),
    setFound,
  );
  return (
    <div className={styles.form}>
      <form
        role="search"
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          setTooShort(q.trim().length < 2);
          if (q.trim().length >= 2) void submit();
        }}
      >
        <Field
          label={label ?? t('person.find')}
          hint={tooShort ? undefined : t('person.findHint')}
          validationMessage={tooShort ? t('person.tooShort') : undefined}
        >
          <Input type="search" value={q} onChange={(_e, d) => setQ(d.value)} maxLength={200} aria-controls={resultsId} />
        </Field>
        <Button type="submit" disabled={busy}>
          {t('person.search')}
        </Button>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
      <div id={resultsId} aria-live="polite">
        {found && found.items.length === 0 ? <Text className={styles.muted}>{t('person.noMatch', { q: found.q })}</Text> : null}
        {found && found.items.length > 0 ? (
          <ul className={styles.list} aria-label={t('person.results')} data-testid="person-results">
            {found.items.map((contact) => (
              <li key={contact.id} className={styles.row}>
                <Button appearance="subtle" onClick={() => onPick(contact)} aria-label={t('person.open', { name: contact.displayName })}>
                  {contact.displayName}
                </Button>
                <Text size={200} className={styles.muted}>
                  {[contact.emails[0], contact.accountName].filter(Boolean).join(' · ')}
                </Text>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
