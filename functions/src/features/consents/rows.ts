// How a consent row becomes the API's record: pure mapping, shared with the features that read consents in their own queries.
import type { ConsentEntry } from '@crm/common';
import { iso, str, strOrNull, type Row } from '../../core/db/rows';

export const CONSENT_SELECT = `SELECT k.*, u.display_name AS captured_by_name FROM consents k
  LEFT JOIN users u ON u.tenant_id = k.tenant_id AND u.id = k.captured_by`;

export const toConsentEntry = (row: Row): ConsentEntry => ({
  id: str(row, 'id'),
  contactId: str(row, 'contact_id'),
  channel: str(row, 'channel') as ConsentEntry['channel'],
  purpose: str(row, 'purpose') as ConsentEntry['purpose'],
  legalBasis: str(row, 'legal_basis') as ConsentEntry['legalBasis'],
  action: str(row, 'action') as ConsentEntry['action'],
  source: str(row, 'source'),
  note: strOrNull(row, 'note'),
  capturedBy: strOrNull(row, 'captured_by'),
  capturedByName: strOrNull(row, 'captured_by_name'),
  capturedAt: iso(row.captured_at),
  recordedAt: iso(row.recorded_at),
});
