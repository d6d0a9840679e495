// How a account row becomes the API's record: pure mapping, shared with the features that read accounts in their own queries.
import type { Account } from '@crm/common';
import { strOrNull, versionedFields, type Row } from '../../core/db/rows';

export const toAccount = (row: Row): Account => ({
  ...versionedFields(row),
  name: String(row.name),
  domains: (row.domains as string[]) ?? [],
  parentAccountId: strOrNull(row, 'parent_account_id'),
  industry: strOrNull(row, 'industry'),
  segment: strOrNull(row, 'segment'),
  rating: strOrNull(row, 'rating') as Account['rating'],
  ownerId: strOrNull(row, 'owner_id'),
  ownerName: strOrNull(row, 'owner_name'),
  address: (row.address as Account['address']) ?? null,
  customFields: (row.custom_fields as Record<string, unknown>) ?? {},
});
