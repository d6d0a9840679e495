// The send check's SQL: every recipient with its contact, open restriction and email consent ledger, in one statement.
import { prepared, type Queryable } from '../../core/db/db';
import type { Row } from '../../core/db/rows';

// One row per recipient and email ledger entry (one row with nulls when there is none), reached through the
// tenant-prefixed primary key of contact_emails and the consents_by_contact index, so 50 or 500 recipients
// stay one round trip whatever the tenant's size. A restricted person's consents are not read at all.
export const COMPOSE_CHECK_SQL = prepared(
  'compose-check',
  /* sql */ `
WITH recipients AS (
  SELECT DISTINCT e.email FROM unnest($2::text[]) AS e(email)
), matched AS (
  SELECT r.email, ce.contact_id AS matched_contact_id,
    EXISTS (SELECT 1 FROM contact_restrictions x WHERE x.tenant_id = $1 AND x.contact_id = ce.contact_id AND x.lifted_at IS NULL) AS restricted
  FROM recipients r
  LEFT JOIN contact_emails ce ON ce.tenant_id = $1 AND ce.email = r.email
)
SELECT m.email, m.matched_contact_id, m.restricted, k.*, NULL::text AS captured_by_name
FROM matched m
LEFT JOIN consents k ON k.tenant_id = $1 AND k.contact_id = m.matched_contact_id AND k.channel = 'email' AND NOT m.restricted
`,
);

export interface RecipientRow extends Row {
  email: string;
  matched_contact_id: string | null;
  restricted: boolean;
}

/** Emails must already be normalised (the contract lower-cases them). */
export const recipientRows = (db: Queryable, tenantId: string, emails: readonly string[]): Promise<RecipientRow[]> =>
  db.query<RecipientRow>(COMPOSE_CHECK_SQL, [tenantId, [...emails]]);
