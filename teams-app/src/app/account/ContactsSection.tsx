// The people at the customer with their role in the buying center and whether they may be emailed.
import { Badge, Text } from '@fluentui/react-components';
import { memo } from 'react';
import type { OverviewContact } from '@crm/common';
import { ConsentBadge } from '@crm/common/web';
import { useTabStyles } from '../styles';
import { useT } from '../texts';
import { Card } from '../Card';

export const ContactsSection = memo(function ContactsSection({ contacts }: { contacts: readonly OverviewContact[] }) {
  const styles = useTabStyles();
  const { t } = useT();
  return (
    <Card headingId="contacts-heading" heading={t('contacts.heading')}>
      {contacts.length === 0 ? <Text className={styles.muted}>{t('contacts.none')}</Text> : null}
      <ul className={styles.list}>
        {contacts.map(({ contact, emailConsent }) => (
          <li key={contact.id} className={styles.item} data-contact-id={contact.id}>
            <div className={styles.row}>
              <Text weight="semibold">{contact.displayName}</Text>
              {contact.buyingRole ? <Badge appearance="tint">{t(`role.${contact.buyingRole}`)}</Badge> : null}
              <ConsentBadge status={emailConsent} />
            </div>
            {contact.jobTitle || contact.emails[0] ? (
              <Text size={200} className={styles.muted}>
                {[contact.jobTitle, contact.emails[0]].filter(Boolean).join(' · ')}
              </Text>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
});
