// The consent ledger: entries are only ever appended (a trigger forbids updates).
import type { ConsentEntry, ConsentEntryCreate } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { CONSENT_SELECT, toConsentEntry } from './rows';

export async function appendConsent(
  tx: Queryable,
  tenantId: string,
  userId: string,
  input: ConsentEntryCreate,
): Promise<{ entry: ConsentEntry; created: boolean }> {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO consents (tenant_id, id, contact_id, channel, purpose, legal_basis, action, source, note, captured_by, captured_at)
     VALUES ($1, COALESCE($2, gen_random_uuid()), $3, $4, $5, $6, $7, $8, $9, $10, COALESCE($11::timestamptz, now()))
     ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`,
    [
      tenantId,
      input.id ?? null,
      input.contactId,
      input.channel,
      input.purpose,
      input.legalBasis,
      input.action,
      input.source,
      input.note ?? null,
      userId,
      input.capturedAt ?? null,
    ],
  );
  const id = inserted[0]?.id ?? input.id!;
  const rows = await tx.query(`${CONSENT_SELECT} WHERE k.tenant_id = $1 AND k.id = $2`, [tenantId, id]);
  return { entry: toConsentEntry(rows[0]!), created: Boolean(inserted[0]) };
}

export async function consentHistory(db: Queryable, tenantId: string, contactIds: readonly string[]): Promise<ConsentEntry[]> {
  if (contactIds.length === 0) return [];
  const rows = await db.query(`${CONSENT_SELECT} WHERE k.tenant_id = $1 AND k.contact_id = ANY($2::uuid[]) ORDER BY k.captured_at DESC, k.recorded_at DESC`, [
    tenantId,
    [...contactIds],
  ]);
  return rows.map(toConsentEntry);
}
