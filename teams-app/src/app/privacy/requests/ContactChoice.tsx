// The person a request is about: the contact chosen, with a way to choose another, or the finder to choose one.
import { Button, Text } from '@fluentui/react-components';
import type { Contact } from '@crm/common';
import { useTabStyles } from '../../styles';
import { ContactFinder } from '../ContactFinder';
import { useRequestT } from './request-texts';

export function ContactChoice({ contact, onChange, testId }: { contact: Contact | null; onChange: (contact: Contact | null) => void; testId: string }) {
  const styles = useTabStyles();
  const { t } = useRequestT();
  if (!contact) return <ContactFinder label={t('request.findContact')} onPick={onChange} />;
  return (
    <div className={styles.row}>
      <Text data-testid={testId}>{t('request.contactChosen', { name: contact.displayName })}</Text>
      <Button size="small" onClick={() => onChange(null)}>
        {t('request.clearContact')}
      </Button>
    </div>
  );
}
