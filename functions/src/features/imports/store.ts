// The imports feature's SQL: imports, their rows and changes, the mapping template, and the candidate search over the
// CRM's accounts and contacts. Every statement filters by tenant_id.
import type { ColumnMapping, DetectedImportFormat, ImportKind, ImportReadOptions, ImportStatus, ImportUndoReport } from '@crm/common';
import type { Db, Queryable } from '../../core/db/db';
import { parseCompanyName } from './company-names';
import { numberKey, type ExistingAccount, type ExistingContact } from './match-rules';
import { TrigramIndex, trigramCounts } from './similar-names';
import { trigrams } from './trigram';

export interface ImportRecordRow {
  id: string;
  file_name: string;
  file_hash: string;
  file_size: number;
  read_options: ImportReadOptions;
  format: DetectedImportFormat;
  mapping: ColumnMapping;
  kind: ImportKind;
  status: ImportStatus;
  row_count: number;
  committed_rows: number;
  lease_until: Date | string | null;
  undo_report: ImportUndoReport | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  committed_at: Date | string | null;
  undone_at: Date | string | null;
}

const IMPORT_COLUMNS = `id, file_name, file_hash, octet_length(file_bytes) AS file_size, read_options, format, mapping, kind, status, row_count,
  committed_rows, lease_until, undo_report, version, created_at, updated_at, committed_at, undone_at`;

export interface NewImport {
  fileName: string;
  fileHash: string;
  bytes: Uint8Array;
  readOptions: ImportReadOptions;
  format: DetectedImportFormat;
  mapping: ColumnMapping;
  kind: ImportKind;
  rowCount: number;
}

/** Null when the tenant has a live import of the same file already (the unique index on the hash). */
export async function insertImport(tx: Queryable, tenantId: string, userId: string, input: NewImport): Promise<string | null> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO imports (tenant_id, file_name, file_hash, file_bytes, read_options, format, mapping, kind, row_count, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (tenant_id, file_hash) WHERE status <> 'undone' DO NOTHING RETURNING id`,
    [
      tenantId,
      input.fileName,
      input.fileHash,
      input.bytes,
      JSON.stringify(input.readOptions),
      JSON.stringify(input.format),
      JSON.stringify(input.mapping),
      input.kind,
      input.rowCount,
      userId,
    ],
  );
  return rows[0]?.id ?? null;
}

export async function importByHash(db: Queryable, tenantId: string, fileHash: string): Promise<ImportRecordRow | null> {
  const rows = await db.query<ImportRecordRow>(`SELECT ${IMPORT_COLUMNS} FROM imports WHERE tenant_id = $1 AND file_hash = $2 AND status <> 'undone'`, [
    tenantId,
    fileHash,
  ]);
  return rows[0] ?? null;
}

export async function getImport(db: Queryable, tenantId: string, id: string, lock = false): Promise<ImportRecordRow | null> {
  const rows = await db.query<ImportRecordRow>(`SELECT ${IMPORT_COLUMNS} FROM imports WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [
    tenantId,
    id,
  ]);
  return rows[0] ?? null;
}

/** The tenant's imports, newest first, one page after the (created_at, id) of the cursor. */
export async function listImportRows(db: Queryable, tenantId: string, after: readonly [string, string] | null, limit: number) {
  return db.query<ImportRecordRow & { cursor_at: string }>(
    `SELECT ${IMPORT_COLUMNS}, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at FROM imports
     WHERE tenant_id = $1 ${after ? `AND (created_at, id) < ($2::timestamptz, $3::uuid)` : ''}
     ORDER BY created_at DESC, id DESC LIMIT ${limit}`,
    after ? [tenantId, after[0], after[1]] : [tenantId],
  );
}

export async function importBytes(db: Queryable, tenantId: string, id: string): Promise<Uint8Array> {
  const rows = await db.query<{ file_bytes: Uint8Array }>(`SELECT file_bytes FROM imports WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  return rows[0]!.file_bytes;
}

export async function saveAnalysis(
  tx: Queryable,
  tenantId: string,
  id: string,
  analysis: { readOptions: ImportReadOptions; format: DetectedImportFormat; mapping: ColumnMapping; kind: ImportKind; rowCount: number },
): Promise<void> {
  await tx.query(
    `UPDATE imports SET read_options = $3, format = $4, mapping = $5, kind = $6, row_count = $7, version = version + 1, updated_at = now()
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, JSON.stringify(analysis.readOptions), JSON.stringify(analysis.format), JSON.stringify(analysis.mapping), analysis.kind, analysis.rowCount],
  );
}

export const bumpVersion = (tx: Queryable, tenantId: string, id: string) =>
  tx.query(`UPDATE imports SET version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);

export interface StoredRow {
  row: number;
  values: Record<string, unknown>;
  proposal: Record<string, unknown>;
  plan: Record<string, unknown>;
  accountAction: string | null;
  contactAction: string | null;
  /** The revenue period or opportunity of a row of those kinds. */
  recordAction?: string | null;
}

const CHUNK = 2000;

/** Ids per statement of the undo's set-wise reads and deletes. */
const ID_CHUNK = 10_000;
const chunks = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / ID_CHUNK) }, (_, i) => items.slice(i * ID_CHUNK, (i + 1) * ID_CHUNK));

/**
 * Replaces every row of the import (a new analysis resets the user's choices). The rows go as one JSON document per
 * chunk: as text arrays of JSON, node-postgres escaped every quote of every value, about a tenth of the 100,000-row
 * preview.s process CPU (docs/BENCHMARKS.md).
 */
export async function replaceRows(tx: Queryable, tenantId: string, importId: string, rows: readonly StoredRow[]): Promise<void> {
  await tx.query(`DELETE FROM import_rows WHERE tenant_id = $1 AND import_id = $2`, [tenantId, importId]);
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK).map((row) => ({
      r: row.row,
      v: row.values,
      p: row.proposal,
      pl: row.plan,
      aa: row.accountAction,
      ca: row.contactAction,
      ra: row.recordAction ?? null,
    }));
    await tx.query(
      `INSERT INTO import_rows (tenant_id, import_id, row_number, "values", proposal, plan, account_action, contact_action, record_action)
       SELECT $1, $2, r, v, p, pl, aa, ca, ra
       FROM jsonb_to_recordset($3::jsonb) AS t(r int, v jsonb, p jsonb, pl jsonb, aa text, ca text, ra text)`,
      [tenantId, importId, JSON.stringify(chunk)],
    );
  }
}

export interface ImportRowRecord {
  row_number: number;
  values: Record<string, unknown>;
  proposal: Record<string, unknown>;
  plan: Record<string, unknown>;
  choice: Record<string, unknown>;
  account_action: string | null;
  contact_action: string | null;
  record_action: string | null;
  outcome: Record<string, unknown> | null;
  account_id: string | null;
  contact_id: string | null;
}

const ROW_COLUMNS = `row_number, "values", proposal, plan, choice, account_action, contact_action, record_action, outcome, account_id, contact_id`;

export async function listRows(
  db: Queryable,
  tenantId: string,
  importId: string,
  page: { afterRow: number; limit: number; action?: string },
): Promise<ImportRowRecord[]> {
  const filter = page.action ? `AND (account_action = $5 OR contact_action = $5 OR record_action = $5)` : '';
  return db.query<ImportRowRecord>(
    `SELECT ${ROW_COLUMNS} FROM import_rows WHERE tenant_id = $1 AND import_id = $2 AND row_number > $3 ${filter} ORDER BY row_number LIMIT $4`,
    [tenantId, importId, page.afterRow, page.limit, ...(page.action ? [page.action] : [])],
  );
}

export const rowsByNumber = (db: Queryable, tenantId: string, importId: string, rows: readonly number[]) =>
  db.query<ImportRowRecord>(
    `SELECT ${ROW_COLUMNS} FROM import_rows WHERE tenant_id = $1 AND import_id = $2 AND row_number = ANY($3::int[]) ORDER BY row_number`,
    [tenantId, importId, rows],
  );

export const allRows = (db: Queryable, tenantId: string, importId: string) =>
  db.query<ImportRowRecord>(`SELECT ${ROW_COLUMNS} FROM import_rows WHERE tenant_id = $1 AND import_id = $2 ORDER BY row_number`, [tenantId, importId]);

export async function saveChoices(
  tx: Queryable,
  tenantId: string,
  importId: string,
  choices: readonly { row: number; choice: Record<string, unknown>; accountAction: string | null; contactAction: string | null; recordAction: string | null }[],
): Promise<void> {
  for (let start = 0; start < choices.length; start += CHUNK) {
    const chunk = choices.slice(start, start + CHUNK);
    const numbers = chunk.map((c) => c.row);
    await tx.query(
      `UPDATE import_rows r SET choice = t.c::jsonb, account_action = t.aa, contact_action = t.ca, record_action = t.ra
       FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $9::text[]) AS t(n, c, aa, ca, ra)
       WHERE r.tenant_id = $1 AND r.import_id = $2 AND r.row_number BETWEEN $7 AND $8 AND r.row_number = t.n`,
      [
        tenantId,
        importId,
        numbers,
        chunk.map((c) => JSON.stringify(c.choice)),
        chunk.map((c) => c.accountAction),
        chunk.map((c) => c.contactAction),
        Math.min(...numbers),
        Math.max(...numbers),
        chunk.map((c) => c.recordAction),
      ],
    );
  }
}

export interface SummaryCounts {
  part: 'account' | 'contact' | 'record';
  action: string;
  count: number;
}

export async function actionCounts(db: Queryable, tenantId: string, importId: string): Promise<SummaryCounts[]> {
  return db.query<SummaryCounts>(
    `SELECT 'account' AS part, account_action AS action, count(*)::int AS count FROM import_rows
       WHERE tenant_id = $1 AND import_id = $2 AND account_action IS NOT NULL GROUP BY account_action
     UNION ALL
     SELECT 'contact', contact_action, count(*)::int FROM import_rows
       WHERE tenant_id = $1 AND import_id = $2 AND contact_action IS NOT NULL GROUP BY contact_action
     UNION ALL
     SELECT 'record', record_action, count(*)::int FROM import_rows
       WHERE tenant_id = $1 AND import_id = $2 AND record_action IS NOT NULL GROUP BY record_action`,
    [tenantId, importId],
  );
}

/** Parts still under review whose candidates include a CRM record: with the updates, the matches against the CRM. */
export async function crmReviewCount(db: Queryable, tenantId: string, importId: string): Promise<number> {
  const rows = await db.query<{ count: number }>(
    `SELECT (count(*) FILTER (WHERE account_action = 'review' AND jsonb_path_exists(proposal, '$.account.candidates[*] ? (@.existingId != null)'))
           + count(*) FILTER (WHERE contact_action = 'review' AND jsonb_path_exists(proposal, '$.contact.candidates[*] ? (@.existingId != null)')))::int AS count
     FROM import_rows WHERE tenant_id = $1 AND import_id = $2`,
    [tenantId, importId],
  );
  return rows[0]?.count ?? 0;
}

// The commit's lease: one worker at a time; a dead one's lease expires and the next call resumes where it stopped.
export async function claimCommit(tx: Queryable, tenantId: string, id: string, now: Date, leaseMs: number): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE imports SET status = 'committing', lease_until = $3::timestamptz + make_interval(secs => $4), version = version + 1, updated_at = now()
     WHERE tenant_id = $1 AND id = $2 AND status IN ('preview', 'committing') AND (lease_until IS NULL OR lease_until < $3::timestamptz) RETURNING id`,
    [tenantId, id, now.toISOString(), leaseMs / 1000],
  );
  return rows.length > 0;
}

export async function advanceCommit(tx: Queryable, tenantId: string, id: string, rows: number, now: Date, leaseMs: number): Promise<void> {
  await tx.query(
    `UPDATE imports SET committed_rows = committed_rows + $3, lease_until = $4::timestamptz + make_interval(secs => $5), updated_at = now()
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, rows, now.toISOString(), leaseMs / 1000],
  );
}

/** `at` is the commit's clock, which the 30 days of the undo count from. */
export async function finishCommit(tx: Queryable, tenantId: string, id: string, done: boolean, at: Date): Promise<void> {
  await tx.query(
    `UPDATE imports SET lease_until = NULL, version = version + 1, updated_at = now(),
       status = CASE WHEN $3 THEN 'committed' ELSE status END, committed_at = CASE WHEN $3 THEN $4::timestamptz ELSE committed_at END
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, done, at],
  );
}

/** afterRow: the last row this commit call carried out, so a batch does not walk past every row committed before it. */
export const pendingRows = (tx: Queryable, tenantId: string, importId: string, limit: number, afterRow = 0) =>
  tx.query<ImportRowRecord>(
    `SELECT ${ROW_COLUMNS} FROM import_rows WHERE tenant_id = $1 AND import_id = $2 AND row_number > $4 AND outcome IS NULL ORDER BY row_number LIMIT $3`,
    [tenantId, importId, limit, afterRow],
  );

// The UPDATEs joining a batch's numbers to import_rows name the batch's first and last row too: the rows of an import
// are written just before it is previewed or committed, when the table's statistics still believe the import holds a
// handful of rows, and without the range the planner hashed every row of the import for each batch (100,000 rows:
// 360 ms per 500-row batch, more than half the commit's database time). With it, the primary key reads the batch only.

/** The outcomes of a batch's rows in one statement, written at the end of the batch's transaction. */
export async function setOutcomes(
  tx: Queryable,
  tenantId: string,
  importId: string,
  outcomes: readonly { row: number; outcome: Record<string, unknown>; accountId: string | null; contactId: string | null }[],
): Promise<void> {
  if (outcomes.length === 0) return;
  const numbers = outcomes.map((o) => o.row);
  await tx.query(
    `UPDATE import_rows r SET outcome = o.outcome, account_id = o.account_id, contact_id = o.contact_id
     FROM unnest($3::int[], $4::jsonb[], $5::uuid[], $6::uuid[]) AS o(row_number, outcome, account_id, contact_id)
     WHERE r.tenant_id = $1 AND r.import_id = $2 AND r.row_number BETWEEN $7 AND $8 AND r.row_number = o.row_number`,
    [
      tenantId,
      importId,
      numbers,
      outcomes.map((o) => JSON.stringify(o.outcome)),
      outcomes.map((o) => o.accountId),
      outcomes.map((o) => o.contactId),
      Math.min(...numbers),
      Math.max(...numbers),
    ],
  );
}

/** The committed rows that hold a record, in row order, with the rows they were proposed or chosen to merge into. */
export const committedRecords = (tx: Queryable, tenantId: string, importId: string) =>
  tx.query<{ row_number: number; account_id: string | null; contact_id: string | null; account_into: (number | null)[]; contact_into: (number | null)[] }>(
    `SELECT row_number, account_id, contact_id,
       ARRAY[(proposal -> 'account' ->> 'intoRow')::int, (choice -> 'account' ->> 'intoRow')::int] AS account_into,
       ARRAY[(proposal -> 'contact' ->> 'intoRow')::int, (choice -> 'contact' ->> 'intoRow')::int] AS contact_into
     FROM import_rows WHERE tenant_id = $1 AND import_id = $2 AND outcome IS NOT NULL AND (account_id IS NOT NULL OR contact_id IS NOT NULL)
     ORDER BY row_number`,
    [tenantId, importId],
  );

export interface ChangeRow {
  entity: 'account' | 'contact' | 'consent' | 'revenue' | 'opportunity';
  entity_id: string;
  change: 'created' | 'updated';
  before: Record<string, unknown> | null;
  version_after: number | null;
  row_number: number;
}

/**
 * A batch's ledger lines in one statement (one line per record: the caller merges a record's lines). A record an
 * earlier batch changed already keeps that batch's "before" and takes the new version.
 */
export async function recordChanges(tx: Queryable, tenantId: string, importId: string, changes: readonly ChangeRow[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(
    `INSERT INTO import_changes (tenant_id, import_id, entity, entity_id, change, before, version_after, row_number)
     SELECT $1, $2, entity, entity_id, change, before, version_after, row_number
     FROM jsonb_to_recordset($3::jsonb) AS t(entity text, entity_id uuid, change text, before jsonb, version_after int, row_number int)
     ON CONFLICT (tenant_id, import_id, entity, entity_id) DO UPDATE SET version_after = EXCLUDED.version_after`,
    [tenantId, importId, JSON.stringify(changes)],
  );
}

export const changesOf = (tx: Queryable, tenantId: string, importId: string) =>
  tx.query<ChangeRow>(
    `SELECT entity, entity_id, change, before, version_after, row_number FROM import_changes WHERE tenant_id = $1 AND import_id = $2
     ORDER BY CASE entity WHEN 'contact' THEN 0 WHEN 'consent' THEN 1 ELSE 2 END, row_number DESC`,
    [tenantId, importId],
  );

export async function markUndone(tx: Queryable, tenantId: string, id: string, report: ImportUndoReport): Promise<void> {
  await tx.query(
    `UPDATE imports SET status = 'undone', undone_at = now(), undo_report = $3, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, JSON.stringify(report)],
  );
}

const TEMPLATE = 'last';

export async function loadTemplate(db: Queryable, tenantId: string): Promise<ColumnMapping | null> {
  const rows = await db.query<{ mapping: ColumnMapping }>(`SELECT mapping FROM import_templates WHERE tenant_id = $1 AND name = $2`, [tenantId, TEMPLATE]);
  return rows[0]?.mapping ?? null;
}

export async function saveTemplate(tx: Queryable, tenantId: string, userId: string, mapping: ColumnMapping): Promise<void> {
  await tx.query(
    `INSERT INTO import_templates (tenant_id, name, mapping, saved_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, name) DO UPDATE SET mapping = EXCLUDED.mapping, saved_by = EXCLUDED.saved_by, saved_at = now()`,
    [tenantId, TEMPLATE, JSON.stringify(mapping), userId],
  );
}

/** Brings the match keys of accounts created or changed since the last preview up to date, with the file's own folding. */
/** Key rows written at once after which the table's statistics are renewed. */
const REANALYSE_AFTER = 1_000;

export async function refreshAccountKeys(tx: Queryable, tenantId: string): Promise<void> {
  const stale = await tx.query<{ id: string; version: number; name: string; customer_number: string | null }>(
    `SELECT a.id, a.version, a.name, a.custom_fields ->> 'customerNumber' AS customer_number FROM accounts a
     LEFT JOIN import_account_keys k ON k.tenant_id = a.tenant_id AND k.account_id = a.id
     WHERE a.tenant_id = $1 AND (k.account_id IS NULL OR k.account_version <> a.version)`,
    [tenantId],
  );
  for (let start = 0; start < stale.length; start += CHUNK) {
    const chunk = stale.slice(start, start + CHUNK);
    await tx.query(
      `INSERT INTO import_account_keys (tenant_id, account_id, account_version, name_key, number_key)
       SELECT $1, id, v, k, n FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[]) AS t(id, v, k, n)
       ON CONFLICT (tenant_id, account_id) DO UPDATE SET account_version = EXCLUDED.account_version, name_key = EXCLUDED.name_key, number_key = EXCLUDED.number_key`,
      [
        tenantId,
        chunk.map((a) => a.id),
        chunk.map((a) => a.version),
        chunk.map((a) => parseCompanyName(a.name).key),
        chunk.map((a) => (a.customer_number ? numberKey(a.customer_number) : null)),
      ],
    );
  }
  // The first preview in a tenant fills the table at once; until autovacuum gets to it the planner believes it nearly
  // empty and joins the file's names to it by scanning it once per name (a 100,000-row list against 10,000 accounts
  // ran for over ten minutes) instead of through the trigram index.
  if (stale.length >= REANALYSE_AFTER) await tx.exec('ANALYZE import_account_keys');
}

/** Account keys read per statement by the similar-name search. */
const NAME_KEY_PAGE = 20_000;

/**
 * The CRM accounts a list may mean: the same customer number, one of the email domains, or a name key scoring at least
 * the rules' threshold with one of the list's keys in pg_trgm's similarity (the same folded key included). The list's
 * keys are indexed in process and the tenant's keys read past them in pages of pageSize, in the order of the primary
 * key: the score is trigram.ts's, which gives pg_trgm's similarity() on both databases (trigram-sql.test.ts), so the
 * accounts found are those `name_key % key AND similarity(name_key, key) >= 0.45` finds. That search in pg_trgm's GIN
 * index cost several milliseconds per list key (19,804 keys of the 100,000-row list against 10,000 accounts: about
 * 100 s of the preview, two statements at a time; docs/BENCHMARKS.md); here the memory held is the list's own keys,
 * whatever the size of the tenant.
 */
export async function accountCandidates(
  db: Db,
  tenantId: string,
  keys: { numbers: readonly string[]; names: readonly string[]; domains: readonly string[] },
  pageSize = NAME_KEY_PAGE,
): Promise<ExistingAccount[]> {
  const byKeys = db.query<{ account_id: string }>(
    `SELECT account_id FROM import_account_keys WHERE tenant_id = $1 AND number_key = ANY($2::text[])
     UNION SELECT account_id FROM account_domains WHERE tenant_id = $1 AND domain = ANY($3::text[])`,
    [tenantId, keys.numbers, keys.domains],
  );
  const listedTrigrams = keys.names.map((key) => trigrams(key));
  const listed = new TrigramIndex(trigramCounts(listedTrigrams));
  for (const set of listedTrigrams) listed.add(set);
  const similar: string[] = [];
  let after: string | null = null;
  while (listed.size > 0) {
    const page: { account_id: string; name_key: string }[] = await db.query<{ account_id: string; name_key: string }>(
      `SELECT account_id, name_key FROM import_account_keys WHERE tenant_id = $1 ${after ? 'AND account_id > $3' : ''} ORDER BY account_id LIMIT $2`,
      after ? [tenantId, pageSize, after] : [tenantId, pageSize],
    );
    for (const row of page) if (listed.similar(trigrams(row.name_key), 1).length > 0) similar.push(row.account_id);
    if (page.length < pageSize) break;
    after = page.at(-1)!.account_id;
  }
  const ids = [...new Set([...(await byKeys).map((row) => row.account_id), ...similar])];
  const rows = await db.query<{ id: string; name: string; customer_number: string | null; domains: string[] }>(
    `SELECT id, name, custom_fields ->> 'customerNumber' AS customer_number, domains FROM accounts WHERE tenant_id = $1 AND id = ANY($2::uuid[])
     ORDER BY name, id`,
    [tenantId, ids],
  );
  return rows.map((row) => ({ id: row.id, name: row.name, customerNumber: row.customer_number, domains: row.domains }));
}

/** The contacts a list may mean: by email address, and every contact of the candidate accounts (names within an account). */
export async function contactCandidates(db: Queryable, tenantId: string, emails: readonly string[], accountIds: readonly string[]): Promise<ExistingContact[]> {
  const rows = await db.query<{ id: string; first_name: string; last_name: string; emails: string[]; account_id: string | null }>(
    `SELECT c.id, c.first_name, c.last_name, c.emails, c.account_id FROM contacts c
     WHERE c.tenant_id = $1 AND (c.account_id = ANY($2::uuid[])
       OR c.id IN (SELECT contact_id FROM contact_emails WHERE tenant_id = $1 AND email = ANY($3::text[])))`,
    [tenantId, accountIds, emails],
  );
  return rows.map((row) => ({ id: row.id, firstName: row.first_name, lastName: row.last_name, emails: row.emails, accountId: row.account_id }));
}

export async function domainOwners(tx: Queryable, tenantId: string, domains: readonly string[]): Promise<Map<string, string>> {
  const rows = await tx.query<{ domain: string; account_id: string }>(
    `SELECT domain, account_id FROM account_domains WHERE tenant_id = $1 AND domain = ANY($2::text[])`,
    [tenantId, domains],
  );
  return new Map(rows.map((row) => [row.domain, row.account_id]));
}

/** Which of the addresses belong to a contact. */
export async function ownedEmails(tx: Queryable, tenantId: string, emails: readonly string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await tx.query<{ email: string }>(`SELECT email FROM contact_emails WHERE tenant_id = $1 AND email = ANY($2::text[])`, [tenantId, emails]);
  return new Set(rows.map((row) => row.email));
}

export interface AccountState {
  id: string;
  version: number;
  industry: string | null;
  address: Record<string, unknown> | null;
  domains: string[];
  custom_fields: Record<string, unknown>;
}

export async function accountState(tx: Queryable, tenantId: string, id: string): Promise<AccountState | null> {
  const rows = await tx.query<AccountState>(`SELECT id, version, industry, address, domains, custom_fields FROM accounts WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    id,
  ]);
  return rows[0] ?? null;
}

/** Sets the given account fields if the version is still the one read; the domains' claims follow the domains. */
export async function writeAccountFields(
  tx: Queryable,
  tenantId: string,
  id: string,
  expectedVersion: number,
  fields: { industry?: string | null; address?: Record<string, unknown> | null; domains?: string[]; custom_fields?: Record<string, unknown> },
): Promise<number | null> {
  const rows = await tx.query<{ version: number }>(
    `UPDATE accounts SET
       industry = CASE WHEN $4 THEN $5 ELSE industry END,
       address = CASE WHEN $6 THEN $7::jsonb ELSE address END,
       domains = CASE WHEN $8 THEN $9::text[] ELSE domains END,
       custom_fields = CASE WHEN $10 THEN $11::jsonb ELSE custom_fields END,
       version = version + 1, updated_at = now()
     WHERE tenant_id = $1 AND id = $2 AND version = $3 RETURNING version`,
    [
      tenantId,
      id,
      expectedVersion,
      'industry' in fields,
      fields.industry ?? null,
      'address' in fields,
      JSON.stringify(fields.address ?? null),
      'domains' in fields,
      fields.domains ?? [],
      'custom_fields' in fields,
      JSON.stringify(fields.custom_fields ?? {}),
    ],
  );
  if (!rows[0]) return null;
  if (fields.domains) {
    await tx.query(`DELETE FROM account_domains WHERE tenant_id = $1 AND account_id = $2 AND NOT (domain = ANY($3::text[]))`, [tenantId, id, fields.domains]);
    await tx.query(
      `INSERT INTO account_domains (tenant_id, domain, account_id) SELECT $1, d, $2 FROM unnest($3::text[]) AS d ON CONFLICT (tenant_id, domain) DO NOTHING`,
      [tenantId, id, fields.domains],
    );
  }
  return rows[0].version;
}

/** The current versions of the records that still exist. */
export async function versionsOf(tx: Queryable, tenantId: string, table: 'accounts' | 'contacts', ids: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const chunk of chunks(ids)) {
    const rows = await tx.query<{ id: string; version: number }>(`SELECT id, version FROM ${table} WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [
      tenantId,
      chunk,
    ]);
    for (const row of rows) found.set(row.id, row.version);
  }
  return found;
}

/**
 * What else uses the records an import created, so that an undo does not delete them under them: per record the first
 * use found, in the order of the checks.
 */
export async function usesOf(
  tx: Queryable,
  tenantId: string,
  entity: 'account' | 'contact',
  ids: readonly string[],
  importId: string,
): Promise<Map<string, string>> {
  const checks =
    entity === 'contact'
      ? [
          ['interactions', `SELECT contact_id AS id FROM interaction_contacts WHERE tenant_id = $1 AND contact_id = ANY($2::uuid[])`],
          ['follow-ups', `SELECT contact_id AS id FROM tasks WHERE tenant_id = $1 AND contact_id = ANY($2::uuid[])`],
          ['opportunities', `SELECT contact_id AS id FROM opportunity_contacts WHERE tenant_id = $1 AND contact_id = ANY($2::uuid[])`],
          [
            'consents recorded since the import',
            `SELECT c.contact_id AS id FROM consents c WHERE c.tenant_id = $1 AND c.contact_id = ANY($2::uuid[]) AND NOT EXISTS (SELECT 1 FROM import_changes x WHERE x.tenant_id = $1 AND x.import_id = $3 AND x.entity = 'consent' AND x.entity_id = c.id)`,
          ],
        ]
      : [
          // Runs after the undo removed the contacts it could, so whatever contact is left stays.
          [
            'contacts that stay (added or edited since the import)',
            `SELECT account_id AS id FROM contacts WHERE tenant_id = $1 AND account_id = ANY($2::uuid[])`,
          ],
          ['opportunities', `SELECT account_id AS id FROM opportunities WHERE tenant_id = $1 AND account_id = ANY($2::uuid[])`],
          [
            'revenue from another import',
            `SELECT account_id AS id FROM account_revenue WHERE tenant_id = $1 AND account_id = ANY($2::uuid[]) AND import_id IS DISTINCT FROM $3::uuid`,
          ],
          ['interactions', `SELECT account_id AS id FROM interaction_accounts WHERE tenant_id = $1 AND account_id = ANY($2::uuid[])`],
          ['follow-ups', `SELECT account_id AS id FROM tasks WHERE tenant_id = $1 AND account_id = ANY($2::uuid[])`],
        ];
  const uses = new Map<string, string>();
  for (const [what, sql] of checks) {
    for (const chunk of chunks(ids.filter((id) => !uses.has(id)))) {
      const rows = await tx.query<{ id: string }>(
        `SELECT DISTINCT id FROM (${sql!}) AS used`,
        sql!.includes('$3') ? [tenantId, chunk, importId] : [tenantId, chunk],
      );
      for (const row of rows) if (!uses.has(row.id)) uses.set(row.id, what!);
    }
  }
  return uses;
}

export async function deleteRows(tx: Queryable, tenantId: string, table: 'accounts' | 'contacts' | 'consents', ids: readonly string[]): Promise<void> {
  for (const chunk of chunks(ids)) await tx.query(`DELETE FROM ${table} WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenantId, chunk]);
}

/** The contact of each consent that still exists. */
export async function consentOwners(tx: Queryable, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const chunk of chunks(ids)) {
    const rows = await tx.query<{ id: string; contact_id: string }>(`SELECT id, contact_id FROM consents WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [
      tenantId,
      chunk,
    ]);
    for (const row of rows) owners.set(row.id, row.contact_id);
  }
  return owners;
}

export interface ImportedConsent {
  id: string;
  contactId: string;
  action: string;
  source: string;
  capturedAt: string;
  note: string;
}

/** The consents of contacts a batch created, in one statement, with ids chosen by the caller. */
export async function appendImportedConsents(tx: Queryable, tenantId: string, userId: string, entries: readonly ImportedConsent[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `INSERT INTO consents (tenant_id, id, contact_id, channel, purpose, legal_basis, action, source, note, captured_by, captured_at)
     SELECT $1, id, contact_id, 'email', 'marketing', 'consent', action, source, note, $2, captured_at
     FROM jsonb_to_recordset($3::jsonb) AS t(id uuid, contact_id uuid, action text, source text, note text, captured_at timestamptz)`,
    [
      tenantId,
      userId,
      JSON.stringify(entries.map((e) => ({ id: e.id, contact_id: e.contactId, action: e.action, source: e.source, note: e.note, captured_at: e.capturedAt }))),
    ],
  );
}
