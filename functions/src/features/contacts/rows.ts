// How a contact row becomes the API's record: pure mapping, shared with the features that read contacts in their own queries.
import type { Contact } from '@crm/common';
import { strOrNull, versionedFields, type Row } from '../../core/db/rows';

export const CONTACT_SELECT = `SELECT c.*, a.name AS account_name FROM contacts c
  LEFT JOIN accounts a ON a.tenant_id = c.tenant_id AND a.id = c.account_id`;

export const toContact = (row: Row): Contact => {
  const firstName = String(row.first_name ?? '');
  const lastName = String(row.last_name);
  return {
    ...versionedFields(row),
    firstName,
    lastName,
    displayName: [firstName, lastName].filter(Boolean).join(' '),
    emails: (row.emails as string[]) ?? [],
    phones: (row.phones as Contact['phones']) ?? [],
    jobTitle: strOrNull(row, 'job_title'),
    buyingRole: strOrNull(row, 'buying_role') as Contact['buyingRole'],
    accountId: strOrNull(row, 'account_id'),
    accountName: strOrNull(row, 'account_name'),
    ownerId: strOrNull(row, 'owner_id'),
    communicationPreferences: (row.communication_preferences as Contact['communicationPreferences']) ?? {},
    customFields: (row.custom_fields as Record<string, unknown>) ?? {},
  };
};
