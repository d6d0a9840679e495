// The privacy feature's SQL: the tenant key, the erasure blocklist, the erasure itself, restrictions and the export.
// Erasure and export reach into every table that can hold a person; each statement filters by tenant_id.
import type { Queryable } from '../../core/db/db';

export async function readHmacKey(db: Queryable, tenantId: string): Promise<string | null> {
  const rows = await db.query<{ key: string }>(`SELECT encode(hmac_key, 'hex') AS key FROM privacy_keys WHERE tenant_id = $1`, [tenantId]);
  return rows[0]?.key ?? null;
}

/** The tenant's key, made on the first erasure; a concurrent first erasure waits for the other's key and uses it. */
export async function ensureHmacKey(tx: Queryable, tenantId: string, candidate: string): Promise<string> {
  await tx.query(`INSERT INTO privacy_keys (tenant_id, hmac_key) VALUES ($1, decode($2, 'hex')) ON CONFLICT (tenant_id) DO NOTHING`, [tenantId, candidate]);
  return (await readHmacKey(tx, tenantId))!;
}

/** Which of the given hashes (hex) are on the tenant's blocklist. */
export async function blockedHashes(db: Queryable, tenantId: string, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db.query<{ hash: string }>(
    `SELECT encode(address_hash, 'hex') AS hash FROM erased_addresses
     WHERE tenant_id = $1 AND address_hash IN (SELECT decode(h, 'hex') FROM unnest($2::text[]) AS h)`,
    [tenantId, [...hashes]],
  );
  return new Set(rows.map((r) => r.hash));
}

export interface ErasureSubject {
  version: number;
  firstName: string;
  lastName: string;
  emails: string[];
}

/** The contact, locked until the erasure commits, with every address it has (array and claim table). */
export async function lockErasureSubject(tx: Queryable, tenantId: string, id: string): Promise<ErasureSubject | null> {
  const rows = await tx.query<{ version: number; first_name: string; last_name: string; emails: string[] }>(
    `SELECT c.version, c.first_name, c.last_name,
       ARRAY(SELECT e FROM unnest(c.emails) AS e UNION SELECT ce.email FROM contact_emails ce WHERE ce.tenant_id = $1 AND ce.contact_id = $2) AS emails
     FROM contacts c WHERE c.tenant_id = $1 AND c.id = $2 FOR UPDATE`,
    [tenantId, id],
  );
  const row = rows[0];
  return row ? { version: Number(row.version), firstName: row.first_name, lastName: row.last_name, emails: row.emails ?? [] } : null;
}

const count = async (tx: Queryable, sql: string, params: readonly unknown[]): Promise<number> =>
  Number((await tx.query<{ n: number }>(sql, params))[0]?.n ?? 0);

export async function insertErasure(tx: Queryable, tenantId: string, contactId: string, actorId: string, reason: string) {
  const rows = await tx.query<{ id: string; erased_at: Date }>(
    `INSERT INTO erasures (tenant_id, contact_id, erased_by, reason) VALUES ($1, $2, $3, $4) RETURNING id, erased_at`,
    [tenantId, contactId, actorId, reason],
  );
  return rows[0]!;
}

/** An earlier erasure of this contact id, so a retried request gets the first answer instead of a 404. */
export async function erasureOfContact(db: Queryable, tenantId: string, contactId: string) {
  const rows = await db.query<{ id: string; erased_at: Date; counts: Record<string, number> | string }>(
    `SELECT id, erased_at, counts FROM erasures WHERE tenant_id = $1 AND contact_id = $2 ORDER BY erased_at LIMIT 1`,
    [tenantId, contactId],
  );
  const row = rows[0];
  if (!row) return null;
  return { id: row.id, erased_at: row.erased_at, counts: (typeof row.counts === 'string' ? JSON.parse(row.counts) : row.counts) as Record<string, number> };
}

export const blockHashes = (tx: Queryable, tenantId: string, erasureId: string, hashes: readonly string[]) =>
  count(
    tx,
    `WITH added AS (
       INSERT INTO erased_addresses (tenant_id, address_hash, erasure_id) SELECT $1, decode(h, 'hex'), $2 FROM unnest($3::text[]) AS h
       ON CONFLICT (tenant_id, address_hash) DO UPDATE SET erasure_id = EXCLUDED.erasure_id RETURNING 1)
     SELECT count(*)::int AS n FROM added`,
    [tenantId, erasureId, [...hashes]],
  );

export const keepWithdrawalProofs = (tx: Queryable, tenantId: string, contactId: string, erasureId: string) =>
  count(
    tx,
    `WITH kept AS (
       INSERT INTO erased_consent_proofs (tenant_id, erasure_id, channel, purpose, action, captured_at)
       SELECT tenant_id, $3, channel, purpose, action, captured_at FROM consents
       WHERE tenant_id = $1 AND contact_id = $2 AND action IN ('withdrawn', 'objected') RETURNING 1)
     SELECT count(*)::int AS n FROM kept`,
    [tenantId, contactId, erasureId],
  );

export const deleteConsents = (tx: Queryable, tenantId: string, contactId: string) =>
  count(tx, `WITH gone AS (DELETE FROM consents WHERE tenant_id = $1 AND contact_id = $2 RETURNING 1) SELECT count(*)::int AS n FROM gone`, [
    tenantId,
    contactId,
  ]);

/**
 * Interactions linked to this contact and to no other: deleted with their links and their Graph event ids. A complaint's
 * case goes with it (a cascade); its id is returned for the case.deleted event, read from the snapshot before the delete.
 */
export async function deleteOwnInteractions(
  tx: Queryable,
  tenantId: string,
  contactId: string,
): Promise<{ interactions: number; syncLinks: number; cases: string[] }> {
  const rows = await tx.query<{ interactions: number; sync_links: number; cases: string[] | null }>(
    `WITH own AS (
       SELECT ic.interaction_id FROM interaction_contacts ic
       WHERE ic.tenant_id = $1 AND ic.contact_id = $2
         AND NOT EXISTS (SELECT 1 FROM interaction_contacts o WHERE o.tenant_id = $1 AND o.interaction_id = ic.interaction_id AND o.contact_id <> $2)
     ), links AS (
       DELETE FROM graph_items g USING own WHERE g.tenant_id = $1 AND g.kind = 'event' AND g.record_id = own.interaction_id RETURNING 1
     ), gone AS (
       DELETE FROM interactions i USING own WHERE i.tenant_id = $1 AND i.id = own.interaction_id AND i.retained_until IS NULL RETURNING i.id
     )
     SELECT (SELECT count(*) FROM gone)::int AS interactions, (SELECT count(*) FROM links)::int AS sync_links,
       (SELECT array_agg(c.id ORDER BY c.id) FROM cases c JOIN gone ON c.tenant_id = $1 AND c.interaction_id = gone.id) AS cases`,
    [tenantId, contactId],
  );
  return { interactions: Number(rows[0]!.interactions), syncLinks: Number(rows[0]!.sync_links), cases: rows[0]!.cases ?? [] };
}

/** Why a logged business email outlives its erased correspondent, in the answer's language: the answer to the person quotes it. */
export const COMMERCIAL_LETTER_BASIS: Record<'de' | 'en', string> = {
  de: 'HGB §257 Abs. 1 Nr. 2 und 3, Abs. 4; AO §147 Abs. 1 Nr. 2 und 3, Abs. 3: empfangene und abgesandte Handels- und Geschäftsbriefe, 6 Jahre',
  en: 'HGB s.257(1) no. 2 and 3, (4); AO s.147(1) no. 2 and 3, (3): commercial and business letters received and sent, 6 years',
};

/**
 * The person's own logged emails with a company (their account links make them business correspondence) whose six
 * years, counted from the end of the calendar year of sending (HGB s.257(5)), have not run out: kept restricted and
 * unlinked instead of deleted. Their timeline links go so no list shows them; the contact link goes with the contact.
 */
export async function retainCommercialLetters(tx: Queryable, tenantId: string, contactId: string): Promise<{ letters: number; untilYear: number | null }> {
  const rows = await tx.query<{ until_year: number }>(
    `WITH own AS (
       SELECT ic.interaction_id FROM interaction_contacts ic
       WHERE ic.tenant_id = $1 AND ic.contact_id = $2
         AND NOT EXISTS (SELECT 1 FROM interaction_contacts o WHERE o.tenant_id = $1 AND o.interaction_id = ic.interaction_id AND o.contact_id <> $2)
     ), kept AS (
       UPDATE interactions i
       SET retained_until = make_date(extract(year FROM i.occurred_at AT TIME ZONE 'Europe/Berlin')::int + 6, 12, 31),
           retention_basis = $3,
           retained_account_ids = ARRAY(SELECT ia.account_id FROM interaction_accounts ia WHERE ia.tenant_id = $1 AND ia.interaction_id = i.id ORDER BY ia.account_id),
           version = i.version + 1, updated_at = now()
       FROM own
       WHERE i.tenant_id = $1 AND i.id = own.interaction_id AND i.type = 'email' AND i.retained_until IS NULL
         AND EXISTS (SELECT 1 FROM interaction_accounts ia WHERE ia.tenant_id = $1 AND ia.interaction_id = i.id)
         AND make_date(extract(year FROM i.occurred_at AT TIME ZONE 'Europe/Berlin')::int + 6, 12, 31) >= (now() AT TIME ZONE 'Europe/Berlin')::date
       RETURNING i.id, i.retained_until
     ), unlinked AS (
       -- A data-modifying CTE runs whether or not the query reads it.
       DELETE FROM interaction_accounts ia USING kept WHERE ia.tenant_id = $1 AND ia.interaction_id = kept.id
     )
     SELECT extract(year FROM retained_until)::int AS until_year FROM kept`,
    [tenantId, contactId, COMMERCIAL_LETTER_BASIS],
  );
  return { letters: rows.length, untilYear: rows.length > 0 ? Math.max(...rows.map((r) => Number(r.until_year))) : null };
}

/** Which of the given interactions an erasure keeps under a retention duty (readable by CRM.Privacy and CRM.Admin only). */
export async function retainedInteractionIds(db: Queryable, tenantId: string, interactionIds: readonly string[]): Promise<Set<string>> {
  if (interactionIds.length === 0) return new Set();
  const rows = await db.query<{ id: string }>(`SELECT id FROM interactions WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND retained_until IS NOT NULL`, [
    tenantId,
    [...interactionIds],
  ]);
  return new Set(rows.map((r) => r.id));
}

/**
 * The interactions that concern other people too keep their record but lose this person: the link goes with the
 * contact, and every copy of the person's addresses and full name in subject and summary becomes "[erased]".
 * pattern is a case-insensitive POSIX regular expression of those strings, already escaped.
 */
export async function scrubSharedInteractions(tx: Queryable, tenantId: string, contactId: string, pattern: string | null): Promise<number> {
  // A commercial letter kept under its retention duty is still linked until the contact row goes; it concerns only the
  // person and the answer counts it as kept, not as shared with others.
  const shared = await count(
    tx,
    `SELECT count(*)::int AS n FROM interaction_contacts ic JOIN interactions i ON i.tenant_id = $1 AND i.id = ic.interaction_id
     WHERE ic.tenant_id = $1 AND ic.contact_id = $2 AND i.retained_until IS NULL`,
    [tenantId, contactId],
  );
  if (pattern && shared > 0) {
    await tx.query(
      `UPDATE interactions i
       SET subject = regexp_replace(i.subject, $3, '[erased]', 'gi'), summary = regexp_replace(i.summary, $3, '[erased]', 'gi'),
           version = i.version + 1, updated_at = now()
       FROM interaction_contacts ic
       WHERE ic.tenant_id = $1 AND ic.contact_id = $2 AND i.tenant_id = $1 AND i.id = ic.interaction_id
         AND (i.subject ~* $3 OR i.summary ~* $3)`,
      [tenantId, contactId, pattern],
    );
  }
  return shared;
}

/** Follow-ups about the person (they name them in title and description, so they go). */
export const deleteTasks = (tx: Queryable, tenantId: string, contactId: string) =>
  count(tx, `WITH gone AS (DELETE FROM tasks WHERE tenant_id = $1 AND contact_id = $2 RETURNING 1) SELECT count(*)::int AS n FROM gone`, [tenantId, contactId]);

/**
 * Leads about the person: the one converted into this contact and any other with one of their addresses. A lead holds
 * the name, address, phone and notes the contact was made from, so it goes with them.
 */
export const deleteLeads = (tx: Queryable, tenantId: string, contactId: string, emails: readonly string[]) =>
  count(
    tx,
    `WITH gone AS (DELETE FROM leads WHERE tenant_id = $1 AND (contact_id = $2 OR lower(email) = ANY($3::text[])) RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [tenantId, contactId, emails.map((e) => e.toLowerCase())],
  );

/** The Outlook contacts the Graph sync linked to this person, with the field values it last synced. */
export const deleteContactSyncLinks = (tx: Queryable, tenantId: string, contactId: string) =>
  count(
    tx,
    `WITH gone AS (DELETE FROM graph_items WHERE tenant_id = $1 AND kind IN ('contact', 'crm_folder_contact') AND record_id = $2 RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [tenantId, contactId],
  );

/**
 * The contact itself; its address claims, opportunity roles, links, restriction and sync conflicts cascade. An address
 * of theirs still waiting beside an interaction (added to the contact after the email was logged) goes too.
 */
export async function deleteContactRow(tx: Queryable, tenantId: string, contactId: string): Promise<void> {
  await tx.query(
    `DELETE FROM interaction_pending_contacts p USING contact_emails ce
     WHERE p.tenant_id = $1 AND ce.tenant_id = $1 AND ce.contact_id = $2 AND p.email = ce.email`,
    [tenantId, contactId],
  );
  await tx.query(`DELETE FROM contacts WHERE tenant_id = $1 AND id = $2`, [tenantId, contactId]);
}

export async function saveErasureCounts(tx: Queryable, tenantId: string, erasureId: string, counts: Record<string, number>): Promise<void> {
  await tx.query(`UPDATE erasures SET counts = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, erasureId, JSON.stringify(counts)]);
}

const RESTRICTION_COLUMNS = `contact_id, reason, restricted_by, restricted_at, lift_reason, lifted_by, lifted_at, lifted_at IS NULL AS open`;

export interface RestrictionRow {
  contact_id: string;
  reason: string;
  restricted_by: string | null;
  restricted_at: Date;
  lift_reason: string | null;
  lifted_by: string | null;
  lifted_at: Date | null;
  open: boolean;
}

export async function contactExists(db: Queryable, tenantId: string, contactId: string, lock = false): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM contacts WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [tenantId, contactId]);
  return rows.length > 0;
}

export async function latestRestriction(db: Queryable, tenantId: string, contactId: string): Promise<RestrictionRow | null> {
  const rows = await db.query<RestrictionRow>(
    `SELECT ${RESTRICTION_COLUMNS} FROM contact_restrictions WHERE tenant_id = $1 AND contact_id = $2
     ORDER BY lifted_at IS NULL DESC, restricted_at DESC, id DESC LIMIT 1`,
    [tenantId, contactId],
  );
  return rows[0] ?? null;
}

export async function insertRestriction(tx: Queryable, tenantId: string, contactId: string, actorId: string, reason: string): Promise<void> {
  await tx.query(`INSERT INTO contact_restrictions (tenant_id, contact_id, reason, restricted_by) VALUES ($1, $2, $3, $4)`, [
    tenantId,
    contactId,
    reason,
    actorId,
  ]);
}

/** Closes the open restriction; false when there was none. */
export async function closeRestriction(tx: Queryable, tenantId: string, contactId: string, actorId: string, reason: string): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE contact_restrictions SET lift_reason = $3, lifted_by = $4, lifted_at = now()
     WHERE tenant_id = $1 AND contact_id = $2 AND lifted_at IS NULL RETURNING 1`,
    [tenantId, contactId, reason, actorId],
  );
  return rows.length > 0;
}

/** The contacts among the given ones whose processing is restricted now. */
export async function restrictedContactIds(db: Queryable, tenantId: string, contactIds: readonly string[]): Promise<Set<string>> {
  if (contactIds.length === 0) return new Set();
  const rows = await db.query<{ contact_id: string }>(
    `SELECT contact_id FROM contact_restrictions WHERE tenant_id = $1 AND contact_id = ANY($2::uuid[]) AND lifted_at IS NULL`,
    [tenantId, [...contactIds]],
  );
  return new Set(rows.map((r) => r.contact_id));
}

/** Every contact of the tenant whose processing is restricted now; a handful at most, read through the partial index. */
export async function openRestrictedContactIds(db: Queryable, tenantId: string): Promise<string[]> {
  const rows = await db.query<{ contact_id: string }>(`SELECT contact_id FROM contact_restrictions WHERE tenant_id = $1 AND lifted_at IS NULL`, [tenantId]);
  return rows.map((r) => r.contact_id);
}

/** The addresses among the given (normalised) ones that belong to a restricted contact. */
export async function restrictedAddresses(db: Queryable, tenantId: string, emails: readonly string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db.query<{ email: string }>(
    `SELECT ce.email FROM contact_emails ce
     JOIN contact_restrictions r ON r.tenant_id = $1 AND r.contact_id = ce.contact_id AND r.lifted_at IS NULL
     WHERE ce.tenant_id = $1 AND ce.email = ANY($2::text[])`,
    [tenantId, [...emails]],
  );
  return new Set(rows.map((r) => r.email));
}

/** Everything stored about one contact, as rows; the export maps them without choosing columns, so nothing is left out. */
export async function personalDataRows(db: Queryable, tenantId: string, contactId: string) {
  const contact = (await db.query(`SELECT * FROM contacts WHERE tenant_id = $1 AND id = $2`, [tenantId, contactId]))[0];
  if (!contact) return null;
  const params = [tenantId, contactId];
  const [emails, account, interactions, consents, tasks, opportunities, graphItems, syncConflicts] = await Promise.all([
    db.query<{ email: string }>(`SELECT email FROM contact_emails WHERE tenant_id = $1 AND contact_id = $2 ORDER BY email`, params),
    db.query(`SELECT a.* FROM accounts a JOIN contacts c ON c.tenant_id = a.tenant_id AND c.account_id = a.id WHERE c.tenant_id = $1 AND c.id = $2`, params),
    db.query(
      `SELECT i.*,
         ARRAY(SELECT ia.account_id FROM interaction_accounts ia WHERE ia.tenant_id = $1 AND ia.interaction_id = i.id ORDER BY ia.account_id) AS account_ids,
         ARRAY(SELECT x.contact_id FROM interaction_contacts x WHERE x.tenant_id = $1 AND x.interaction_id = i.id ORDER BY x.contact_id) AS contact_ids,
         ARRAY(SELECT io.opportunity_id FROM interaction_opportunities io WHERE io.tenant_id = $1 AND io.interaction_id = i.id ORDER BY io.opportunity_id) AS opportunity_ids,
         ARRAY(SELECT u.display_name FROM interaction_loggers l JOIN users u ON u.tenant_id = l.tenant_id AND u.id = l.user_id
               WHERE l.tenant_id = $1 AND l.interaction_id = i.id ORDER BY l.logged_at) AS logged_by
       FROM interaction_contacts ic JOIN interactions i ON i.tenant_id = ic.tenant_id AND i.id = ic.interaction_id
       WHERE ic.tenant_id = $1 AND ic.contact_id = $2 ORDER BY i.occurred_at, i.id`,
      params,
    ),
    db.query(
      `SELECT k.*, u.display_name AS captured_by_name FROM consents k LEFT JOIN users u ON u.tenant_id = k.tenant_id AND u.id = k.captured_by
       WHERE k.tenant_id = $1 AND k.contact_id = $2 ORDER BY k.captured_at, k.recorded_at, k.id`,
      params,
    ),
    db.query(`SELECT * FROM tasks WHERE tenant_id = $1 AND contact_id = $2 ORDER BY due_date, id`, params),
    db.query(
      `SELECT o.* FROM opportunity_contacts oc JOIN opportunities o ON o.tenant_id = oc.tenant_id AND o.id = oc.opportunity_id
       WHERE oc.tenant_id = $1 AND oc.contact_id = $2 ORDER BY o.created_at, o.id`,
      params,
    ),
    db.query(
      `SELECT g.* FROM graph_items g WHERE g.tenant_id = $1
         AND (g.record_id = $2 OR g.record_id IN (SELECT ic.interaction_id FROM interaction_contacts ic WHERE ic.tenant_id = $1 AND ic.contact_id = $2))
       ORDER BY g.kind, g.synced_at, g.graph_id`,
      params,
    ),
    db.query(`SELECT * FROM sync_conflicts WHERE tenant_id = $1 AND contact_id = $2 ORDER BY detected_at, id`, params),
  ]);
  return { contact, emails: emails.map((e) => e.email), account: account[0] ?? null, interactions, consents, tasks, opportunities, graphItems, syncConflicts };
}
