// Links an address-only request to the contact found for it (the API then no longer keeps the address on the request),
// so the person view and a rectification's changes can be reached from the request.
import type { Contact } from '@crm/common';
import { useState } from 'react';
import { useTabStyles } from '../../styles';
import { ContactChoice } from './ContactChoice';
import { PatchForm, type WorkProps } from './PatchForm';
import { useRequestT } from './request-texts';

export function LinkContactForm(props: WorkProps) {
  const styles = useTabStyles();
  const { t } = useRequestT();
  const [contact, setContact] = useState<Contact | null>(null);
  return (
    <div className={styles.stack}>
      <ContactChoice contact={contact} onChange={setContact} testId="request-link-contact" />
      <PatchForm
        {...props}
        label={t('request.linkContactTitle')}
        submitLabel={t('request.linkContactSave')}
        makePatch={() => (contact ? { contactId: contact.id } : t('request.pickContact'))}
      >
        {null}
      </PatchForm>
    </div>
  );
}
