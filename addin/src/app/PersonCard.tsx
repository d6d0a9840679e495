// One person on the email: a known contact with role, company and consent, a colleague, or an unknown address to add.
import { Badge } from '@fluentui/react-badge';
import { Button } from '@fluentui/react-button';
import { Text } from '@fluentui/react-text';
import { ConsentBadge, LeadScore, type UserAccess } from '@crm/common/web';
import type { Lead, Person } from '@crm/common';
import type { ReactNode } from 'react';
import { usePaneStyles } from './styles';
import { useT } from './texts';

export function PersonCard({
  person,
  displayName,
  lead,
  onAdd,
  onAddLead,
  addGate,
}: {
  person: Person;
  displayName: string;
  /** The open lead of an unknown address, from the context or just created in the pane. */
  lead: Lead | undefined;
  onAdd: (person: Person) => void;
  onAddLead: (person: Person) => void;
  /** Props that disable "Add as contact" for a role that cannot create contacts. */
  addGate: ReturnType<UserAccess['gate']>;
}) {
  const styles = usePaneStyles();
  const { t } = useT();
  if (person.status === 'restricted') {
    return (
      <li className={styles.card} data-person={person.email} data-status="restricted">
        <Text size={200} className={styles.clip}>
          {person.email}
        </Text>
        <Text size={200} className={styles.muted}>
          {t('person.restricted')}
        </Text>
      </li>
    );
  }
  // The API marks tenant users and the tenant's own domains: a colleague is never offered as a contact.
  if (person.status === 'unknown' && person.internal) {
    return <AddressCard status="internal" displayName={displayName} email={person.email} note={t('person.colleague')} />;
  }
  if (person.status === 'unknown') {
    return (
      <AddressCard
        status="unknown"
        displayName={displayName}
        email={person.email}
        note={person.suggestedAccount ? t('person.suggested', { name: person.suggestedAccount.name }) : t('person.unknown')}
      >
        {person.erased ? (
          <Text size={200} className={styles.muted}>
            {t('person.erased')}
          </Text>
        ) : (
          <>
            {lead ? (
              <div data-testid="sender-lead" data-lead-id={lead.id}>
                <Text size={200} weight="semibold">
                  {t('person.lead', { status: t(`lead.status.${lead.status}`) })}
                </Text>
                {lead.status === 'disqualified' && lead.disqualifyReason ? (
                  <Text size={200} className={styles.muted}>
                    {' '}
                    ({lead.disqualifyReason})
                  </Text>
                ) : null}
                <LeadScore lead={lead} />
              </div>
            ) : null}
            <div className={styles.row}>
              <Button size="small" onClick={() => onAdd(person)} {...addGate}>
                {t('person.add')}
              </Button>
              {lead ? null : (
                <Button size="small" data-action="add-lead" onClick={() => onAddLead(person)} {...addGate}>
                  {t('person.addLead')}
                </Button>
              )}
            </div>
          </>
        )}
      </AddressCard>
    );
  }
  const { contact } = person;
  // Only CRM.Privacy and CRM.Admin get a restricted person's data: marked, and never linked to what the pane logs.
  const restricted = person.restricted === true;
  return (
    <li className={styles.card} data-person={person.email} data-status="known" data-restricted={restricted || undefined}>
      <div className={styles.row}>
        <Text weight="semibold">{contact.displayName}</Text>
        {contact.buyingRole ? <Badge appearance="outline">{t(`role.${contact.buyingRole}`)}</Badge> : null}
      </div>
      {restricted ? (
        <div className={styles.row}>
          <Badge color="danger">{t('person.restricted')}</Badge>
          <Text size={200} className={styles.muted}>
            {t('person.restrictedNoLog')}
          </Text>
        </div>
      ) : null}
      {contact.accountName ? (
        <Text size={200} className={styles.muted}>
          {contact.jobTitle ? t('person.at', { title: contact.jobTitle, account: contact.accountName }) : contact.accountName}
        </Text>
      ) : null}
      <div>
        <ConsentBadge status={person.consent.channels.email} />
      </div>
    </li>
  );
}

/** A person known only by name and address on the email: a colleague or someone not in the CRM. */
function AddressCard({
  status,
  displayName,
  email,
  note,
  children,
}: {
  status: 'internal' | 'unknown';
  displayName: string;
  email: string;
  note: string;
  children?: ReactNode;
}) {
  const styles = usePaneStyles();
  return (
    <li className={styles.card} data-person={email} data-status={status}>
      <Text weight="semibold" className={styles.clip} title={displayName}>
        {displayName}
      </Text>
      <Text size={200} className={styles.clip}>
        {email}
      </Text>
      <Text size={200} className={styles.muted}>
        {note}
      </Text>
      {children}
    </li>
  );
}
