// Interactions and their links; natural keys (message id, iCalUId, Teams message id) make logging idempotent.
import { LOG_KEY_HEADER, type Interaction, type InteractionCreate, type InteractionPatch, type TimelineQuery } from '@crm/common';
import { prepared, type Queryable } from '../../core/db/db';
import { decodeCursor, pageFrom } from '../../core/db/paging';
import { iso, isoOrNull, likePattern, str, strOrNull, versionedFields, type Row } from '../../core/db/rows';
import { json, setClause, SqlParams } from '../../core/db/sql-builder';
import { updateVersioned, type UpdateOutcome } from '../../core/db/versioned';
import { conflict, invalid } from '../../core/errors';
import { linkToOpenLeads } from './lead-links-store';

const FULL_SELECT = `SELECT i.*,
  ARRAY(SELECT x.account_id FROM interaction_accounts x WHERE x.tenant_id = i.tenant_id AND x.interaction_id = i.id ORDER BY x.account_id) AS account_ids,
  ARRAY(SELECT x.contact_id FROM interaction_contacts x WHERE x.tenant_id = i.tenant_id AND x.interaction_id = i.id ORDER BY x.contact_id) AS contact_ids,
  ARRAY(SELECT x.opportunity_id FROM interaction_opportunities x WHERE x.tenant_id = i.tenant_id AND x.interaction_id = i.id ORDER BY x.opportunity_id) AS opportunity_ids,
  COALESCE((SELECT json_agg(json_build_object('userId', l.user_id, 'displayName', u.display_name, 'loggedAt', l.logged_at) ORDER BY l.logged_at)
    FROM interaction_loggers l JOIN users u ON u.tenant_id = l.tenant_id AND u.id = l.user_id
    WHERE l.tenant_id = i.tenant_id AND l.interaction_id = i.id), '[]'::json) AS logged_by
  FROM interactions i`;

const BY_IDS = prepared('interactions-by-ids', `${FULL_SELECT} WHERE i.tenant_id = $1 AND i.id = ANY($2::uuid[])`);

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export const toInteraction = (row: Row): Interaction => ({
  ...versionedFields(row),
  type: str(row, 'type') as Interaction['type'],
  direction: strOrNull(row, 'direction') as Interaction['direction'],
  occurredAt: iso(row.occurred_at),
  subject: str(row, 'subject'),
  summary: strOrNull(row, 'summary'),
  source: str(row, 'source') as Interaction['source'],
  internetMessageId: strOrNull(row, 'internet_message_id'),
  logKey: strOrNull(row, 'log_key'),
  iCalUId: strOrNull(row, 'ical_uid'),
  teamsMessageId: strOrNull(row, 'teams_message_id'),
  conversationId: strOrNull(row, 'conversation_id'),
  status: strOrNull(row, 'status') as Interaction['status'],
  resolution: strOrNull(row, 'resolution'),
  resolvedAt: isoOrNull(row.resolved_at),
  accountIds: ids(row.account_ids),
  contactIds: ids(row.contact_ids),
  opportunityIds: ids(row.opportunity_ids),
  complaintId: strOrNull(row, 'complaint_id'),
  teamsOrigin: (row.teams_origin as Interaction['teamsOrigin']) ?? null,
  createdBy: strOrNull(row, 'created_by'),
  loggedBy: ((typeof row.logged_by === 'string' ? JSON.parse(row.logged_by) : row.logged_by) as Array<Record<string, unknown>>).map((l) => ({
    userId: String(l.userId),
    displayName: String(l.displayName),
    loggedAt: iso(l.loggedAt),
  })),
});

export async function getInteractions(db: Queryable, tenantId: string, interactionIds: readonly string[]): Promise<Interaction[]> {
  if (interactionIds.length === 0) return [];
  const rows = await db.query(BY_IDS, [tenantId, [...interactionIds]]);
  const byId = new Map(rows.map((row) => [String(row.id), toInteraction(row)]));
  return interactionIds.map((id) => byId.get(id)).filter((i): i is Interaction => Boolean(i));
}

export async function getInteraction(db: Queryable, tenantId: string, id: string): Promise<Interaction | null> {
  return (await getInteractions(db, tenantId, [id]))[0] ?? null;
}

const FIND_EXISTING = prepared(
  'interactions-find-existing',
  `SELECT id, retained_until IS NOT NULL AS retained, internet_message_id, log_key FROM interactions WHERE tenant_id = $1 AND (
     id = $2::uuid OR internet_message_id = $3 OR ical_uid = $4 OR teams_message_id = $5 OR log_key = $6)
   ORDER BY (id = $2::uuid) IS TRUE DESC, (log_key = $6) IS TRUE DESC LIMIT 1`,
);

interface Existing {
  id: string;
  retained: boolean;
  internet_message_id: string | null;
  log_key: string | null;
}

/** The stored interaction that a create would duplicate: same client id or same natural key, the client id and the log key first. */
async function findExisting(tx: Queryable, tenantId: string, input: InteractionCreate): Promise<Existing | null> {
  const rows = await tx.query<Existing>(FIND_EXISTING, [
    tenantId,
    input.id ?? null,
    input.internetMessageId ?? null,
    input.iCalUId ?? null,
    input.teamsMessageId ?? null,
    input.logKey ?? null,
  ]);
  // Logging it again would tie a letter kept only for the retention duty back to people and lists.
  if (rows[0]?.retained) {
    throw conflict('this email belongs to a person whose data was erased and is kept only under a retention duty, so it cannot be logged again', undefined, {
      reason: 'retained',
    });
  }
  return rows[0] ?? null;
}

const ATTACH_KEYS = prepared(
  'interactions-attach-keys',
  `UPDATE interactions i SET internet_message_id = COALESCE(i.internet_message_id, $3), log_key = COALESCE(i.log_key, $4::text),
     version = i.version + 1, updated_at = now()
   WHERE i.tenant_id = $1 AND i.id = $2
     AND (($3::text IS NOT NULL AND i.internet_message_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM interactions o WHERE o.tenant_id = $1 AND o.internet_message_id = $3))
       OR ($4::text IS NOT NULL AND i.log_key IS NULL
           AND NOT EXISTS (SELECT 1 FROM interactions o WHERE o.tenant_id = $1 AND o.log_key = $4::text)))
   RETURNING (i.internet_message_id = $3) IS TRUE AS message_id, (i.log_key = $4::text) IS TRUE AS log_key`,
);

/**
 * An email logged at send time has its log key but no internet message id yet, which the first copy logged from a
 * mailbox brings; a key already on another record stays there (two records that existed before stay two). A log key
 * on a record of another email is refused rather than merging two emails: the header was copied into a second one.
 */
async function attachKeys(tx: Queryable, tenantId: string, existing: Existing, input: InteractionCreate): Promise<string[]> {
  const { internetMessageId, logKey } = input;
  if (logKey && existing.log_key === logKey && internetMessageId && existing.internet_message_id && existing.internet_message_id !== internetMessageId) {
    throw conflict(`the ${LOG_KEY_HEADER} header belongs to an email already logged with another internet message id`, 'logKey', {
      reason: 'log_key_taken',
    });
  }
  const missing = (internetMessageId && !existing.internet_message_id) || (logKey && !existing.log_key);
  if (!missing) return [];
  const rows = await tx.query<{ message_id: boolean; log_key: boolean }>(ATTACH_KEYS, [tenantId, existing.id, internetMessageId ?? null, logKey ?? null]);
  const row = rows[0];
  if (!row) return [];
  return [
    ...(row.message_id && !existing.internet_message_id ? ['internetMessageId'] : []),
    ...(row.log_key && !existing.log_key ? ['logKey'] : []),
  ];
}

/** Links are additive: a second logger's extra links are kept, existing ones stay untouched. */
async function addLinks(
  tx: Queryable,
  tenantId: string,
  interactionId: string,
  input: Pick<InteractionCreate, 'accountIds' | 'contactIds' | 'opportunityIds'>,
): Promise<void> {
  const contactIds = [...new Set(input.contactIds)];
  if (contactIds.length > 0) {
    await tx.query(
      prepared(
        'link-interaction-contacts',
        `INSERT INTO interaction_contacts (tenant_id, interaction_id, contact_id, occurred_at)
       SELECT $1, i.id, c, i.occurred_at FROM interactions i, unnest($3::uuid[]) AS c WHERE i.tenant_id = $1 AND i.id = $2
       ON CONFLICT DO NOTHING`,
      ),
      [tenantId, interactionId, contactIds],
    );
  }
  // An interaction with a contact also belongs on the timeline of the contact's account.
  await tx.query(
    prepared(
      'link-interaction-accounts',
      `INSERT INTO interaction_accounts (tenant_id, interaction_id, account_id, occurred_at, type, is_open)
     SELECT $1, i.id, a.account_id, i.occurred_at, i.type, COALESCE(i.status = 'open', false)
     FROM interactions i,
       (SELECT unnest($3::uuid[]) AS account_id
        UNION SELECT c.account_id FROM contacts c WHERE c.tenant_id = $1 AND c.id = ANY($4::uuid[]) AND c.account_id IS NOT NULL) a
     WHERE i.tenant_id = $1 AND i.id = $2
     ON CONFLICT DO NOTHING`,
    ),
    [tenantId, interactionId, [...new Set(input.accountIds)], contactIds],
  );
  const opportunityIds = [...new Set(input.opportunityIds)];
  if (opportunityIds.length > 0) {
    await tx.query(
      prepared(
        'link-interaction-opportunities',
        `INSERT INTO interaction_opportunities (tenant_id, interaction_id, opportunity_id) SELECT $1, $2, o FROM unnest($3::uuid[]) AS o ON CONFLICT DO NOTHING`,
      ),
      [tenantId, interactionId, opportunityIds],
    );
  }
}

/** What InteractionCreate and InteractionPatch accept as a summary; a combined note must stay editable. */
const SUMMARY_MAX = 20_000;

const ADD_LOGGER_NOTE = prepared(
  'add-interaction-logger-note',
  `UPDATE interactions i SET
     summary = CASE WHEN i.summary IS NULL OR i.summary = '' THEN n.entry ELSE i.summary || $4 || n.entry END,
     version = i.version + 1, updated_at = now()
   FROM (SELECT u.display_name || ': ' || $5 AS entry FROM users u WHERE u.tenant_id = $1 AND u.id = $3) n
   WHERE i.tenant_id = $1 AND i.id = $2 AND strpos(COALESCE(i.summary, ''), n.entry) = 0
   RETURNING length(i.summary) AS length`,
);

/**
 * The model has one summary per interaction, so a colleague's note on an email or meeting already logged is added to it
 * under their name instead of being dropped; a repeat of the same request finds its note there and adds nothing.
 */
async function addLoggerNote(tx: Queryable, tenantId: string, interactionId: string, userId: string, note: string): Promise<boolean> {
  const rows = await tx.query<{ length: number }>(ADD_LOGGER_NOTE, [tenantId, interactionId, userId, '\n\n', note]);
  if (!rows[0]) return false;
  const length = Number(rows[0].length);
  if (length > SUMMARY_MAX)
    throw invalid('summary', `together with the notes already on this interaction it would be ${length} characters, more than ${SUMMARY_MAX}`);
  return true;
}

export interface LogOptions {
  /**
   * The summary is the logged thing's own text (a Teams message), not the caller's note about it: when the record
   * exists already, it holds that text, so a second logger adds nothing to it.
   */
  summaryIsContent?: boolean;
}

export interface LogOutcome {
  interaction: Interaction;
  created: boolean;
  /** A repeat log added the caller's note to the summary. */
  noteAdded: boolean;
  /** A repeat log completed the record's keys (the internet message id of an email logged at send time). */
  keysAdded: string[];
}

/**
 * Inserts the interaction unless one with the same id or natural key exists; either way the caller
 * is recorded as a logger. ON CONFLICT DO NOTHING makes concurrent logs of one email wait for each
 * other and then agree on a single row.
 */
export async function logInteraction(
  tx: Queryable,
  tenantId: string,
  userId: string,
  input: InteractionCreate,
  options: LogOptions = {},
): Promise<LogOutcome> {
  const status = input.status ?? (input.type === 'complaint' || input.type === 'service_request' ? 'open' : null);
  const inserted = await tx.query<{ id: string }>(
    prepared(
      'insert-interaction',
      `INSERT INTO interactions (tenant_id, id, type, direction, occurred_at, subject, summary, source, internet_message_id, ical_uid,
       teams_message_id, conversation_id, status, teams_origin, created_by, log_key, complaint_id)
     VALUES ($1, COALESCE($2, gen_random_uuid()), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     ON CONFLICT DO NOTHING RETURNING id`,
    ),
    [
      tenantId,
      input.id ?? null,
      input.type,
      input.direction ?? null,
      input.occurredAt,
      input.subject,
      input.summary ?? null,
      input.source,
      input.internetMessageId ?? null,
      input.iCalUId ?? null,
      input.teamsMessageId ?? null,
      input.conversationId ?? null,
      status,
      input.teamsOrigin ? json(input.teamsOrigin) : null,
      userId,
      input.logKey ?? null,
      input.complaintId ?? null,
    ],
  );
  const existing = inserted[0] ? null : await findExisting(tx, tenantId, input);
  const keysAdded = existing ? await attachKeys(tx, tenantId, existing, input) : [];
  const id = inserted[0]?.id ?? existing?.id;
  if (!id) throw new Error('interaction neither inserted nor found; a unique key outside the natural keys conflicted');
  const noteAdded = !inserted[0] && input.summary && !options.summaryIsContent ? await addLoggerNote(tx, tenantId, id, userId, input.summary) : false;
  const complaintAdded = !inserted[0] && input.complaintId ? await addComplaint(tx, tenantId, id, input.complaintId) : false;
  const known = await addPendingEmails(tx, tenantId, id, input.pendingEmails ?? []);
  await linkToOpenLeads(tx, tenantId, id, input.pendingEmails ?? []);
  await addLinks(tx, tenantId, id, { ...input, contactIds: [...input.contactIds, ...known] });
  await tx.query(
    prepared('add-interaction-logger', `INSERT INTO interaction_loggers (tenant_id, interaction_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`),
    [tenantId, id, userId],
  );
  return {
    interaction: (await getInteraction(tx, tenantId, id))!,
    created: Boolean(inserted[0]),
    noteAdded,
    keysAdded: [...keysAdded, ...(complaintAdded ? ['complaintId'] : [])],
  };
}

const ADD_COMPLAINT = prepared(
  'interactions-add-complaint',
  `UPDATE interactions SET complaint_id = $3, version = version + 1, updated_at = now()
   WHERE tenant_id = $1 AND id = $2 AND complaint_id IS NULL RETURNING id`,
);

/** A colleague logging the same email regarding a complaint: the first one regarding a complaint keeps it. */
async function addComplaint(tx: Queryable, tenantId: string, interactionId: string, complaintId: string): Promise<boolean> {
  return (await tx.query(ADD_COMPLAINT, [tenantId, interactionId, complaintId])).length > 0;
}

const KNOWN_PENDING = prepared(
  'interactions-known-pending',
  `SELECT ce.contact_id FROM contact_emails ce WHERE ce.tenant_id = $1 AND ce.email = ANY($2::text[])`,
);

const ADD_PENDING = prepared(
  'interactions-add-pending',
  `INSERT INTO interaction_pending_contacts (tenant_id, interaction_id, email)
   SELECT $1, $2, e FROM unnest($3::text[]) AS e
   WHERE NOT EXISTS (SELECT 1 FROM contact_emails ce WHERE ce.tenant_id = $1 AND ce.email = e)
   ON CONFLICT DO NOTHING`,
);

/**
 * Addresses that are no contact yet wait beside the interaction; one that became a contact since the pane looked (a
 * colleague added them meanwhile) is linked at once instead. Returns the contacts of those.
 */
async function addPendingEmails(tx: Queryable, tenantId: string, interactionId: string, emails: readonly string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const unique = [...new Set(emails)];
  const known = await tx.query<{ contact_id: string }>(KNOWN_PENDING, [tenantId, unique]);
  await tx.query(ADD_PENDING, [tenantId, interactionId, unique]);
  return known.map((k) => k.contact_id);
}

const TAKE_PENDING = prepared(
  'interactions-take-pending',
  `DELETE FROM interaction_pending_contacts WHERE tenant_id = $1 AND email = ANY($2::text[]) RETURNING interaction_id`,
);

/**
 * A new contact takes over the interactions logged while their address was unknown: linked to them and, through them,
 * to their account, in the contact's transaction. Returns the interactions linked.
 */
export async function linkPendingToContact(tx: Queryable, tenantId: string, contact: { id: string; emails: readonly string[] }): Promise<string[]> {
  if (contact.emails.length === 0) return [];
  const taken = await tx.query<{ interaction_id: string }>(TAKE_PENDING, [tenantId, [...contact.emails]]);
  const interactionIds = [...new Set(taken.map((t) => t.interaction_id))];
  for (const interactionId of interactionIds) await addLinks(tx, tenantId, interactionId, { accountIds: [], contactIds: [contact.id], opportunityIds: [] });
  return interactionIds;
}

/** The addresses still waiting beside an interaction to become contacts. */
export async function pendingEmailsOf(db: Queryable, tenantId: string, interactionId: string): Promise<string[]> {
  const rows = await db.query<{ email: string }>(
    `SELECT email FROM interaction_pending_contacts WHERE tenant_id = $1 AND interaction_id = $2 ORDER BY email`,
    [tenantId, interactionId],
  );
  return rows.map((r) => r.email);
}

export interface InteractionKeys {
  internetMessageId?: string;
  logKey?: string;
  iCalUId?: string;
  conversationId?: string;
}

export async function findInteractions(db: Queryable, tenantId: string, keys: InteractionKeys) {
  const params = new SqlParams();
  const where: string[] = [];
  if (keys.internetMessageId) where.push(`internet_message_id = ${params.add(keys.internetMessageId)}`);
  if (keys.logKey) where.push(`log_key = ${params.add(keys.logKey)}`);
  if (keys.iCalUId) where.push(`ical_uid = ${params.add(keys.iCalUId)}`);
  if (keys.conversationId) where.push(`conversation_id = ${params.add(keys.conversationId)}`);
  if (where.length === 0) return [];
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM interactions WHERE tenant_id = ${params.add(tenantId)} AND (${where.join(' OR ')}) ORDER BY occurred_at DESC, id DESC LIMIT 50`,
    params.values,
  );
  return getInteractions(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
}

/** Links to some of `hidden` and to no one else: what a restricted person's interactions look like (SQL, alias ia). */
const onlyAboutSql = (alias: string, hidden: string) =>
  `(EXISTS (SELECT 1 FROM interaction_contacts ic WHERE ic.tenant_id = ${alias}.tenant_id AND ic.interaction_id = ${alias}.interaction_id AND ic.contact_id = ANY(${hidden}::uuid[]))
    AND NOT EXISTS (SELECT 1 FROM interaction_contacts ic WHERE ic.tenant_id = ${alias}.tenant_id AND ic.interaction_id = ${alias}.interaction_id AND ic.contact_id <> ALL(${hidden}::uuid[])))`;

/** The people linked to any of these interactions, each once. */
export async function contactIdsOf(db: Queryable, tenantId: string, interactionIds: readonly string[]): Promise<string[]> {
  if (interactionIds.length === 0) return [];
  const rows = await db.query<{ contact_id: string }>(
    `SELECT DISTINCT contact_id FROM interaction_contacts WHERE tenant_id = $1 AND interaction_id = ANY($2::uuid[]) ORDER BY contact_id`,
    [tenantId, [...interactionIds]],
  );
  return rows.map((r) => r.contact_id);
}

/** The interactions among the given ones that concern only contacts in `hidden` (restricted people). */
export async function interactionsOnlyAbout(db: Queryable, tenantId: string, interactionIds: readonly string[], hidden: readonly string[]): Promise<Set<string>> {
  if (interactionIds.length === 0 || hidden.length === 0) return new Set();
  const rows = await db.query<{ interaction_id: string }>(
    `SELECT ia.interaction_id FROM (SELECT $1::uuid AS tenant_id, unnest($2::uuid[]) AS interaction_id) ia WHERE ${onlyAboutSql('ia', '$3')}`,
    [tenantId, [...interactionIds], [...hidden]],
  );
  return new Set(rows.map((r) => r.interaction_id));
}

export async function accountTimeline(db: Queryable, tenantId: string, accountId: string, query: TimelineQuery, now: Date, hidden: readonly string[] = []) {
  const params = new SqlParams();
  const where = [
    `ia.tenant_id = ${params.add(tenantId)}`,
    `ia.account_id = ${params.add(accountId)}`,
    `ia.occurred_at <= ${params.add(now.toISOString())}::timestamptz`,
  ];
  if (query.type.length > 0) where.push(`ia.type = ANY(${params.add(query.type)}::text[])`);
  if (query.contactId) {
    where.push(
      `EXISTS (SELECT 1 FROM interaction_contacts ic WHERE ic.tenant_id = ia.tenant_id AND ic.interaction_id = ia.interaction_id AND ic.contact_id = ${params.add(query.contactId)})`,
    );
  }
  if (query.q) {
    const pattern = params.add(likePattern(query.q.toLowerCase()));
    where.push(
      `EXISTS (SELECT 1 FROM interactions i WHERE i.tenant_id = ia.tenant_id AND i.id = ia.interaction_id
        AND (lower(i.subject) LIKE ${pattern} OR lower(i.summary) LIKE ${pattern} OR lower(i.resolution) LIKE ${pattern}))`,
    );
  }
  if (hidden.length > 0) where.push(`NOT ${onlyAboutSql('ia', params.add([...hidden]))}`);
  // The total ignores the cursor: it is the same for every page, so it counts what the filters match.
  const countSql = `SELECT count(*)::int AS total FROM interaction_accounts ia WHERE ${where.join(' AND ')}`;
  const countValues = [...params.values];
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
  if (after) where.push(`(ia.occurred_at, ia.interaction_id) < (${params.add(after[0])}::timestamptz, ${params.add(after[1])}::uuid)`);
  // The cursor keeps the microseconds a JavaScript Date would drop; without them rows less than 1 ms apart went missing.
  const [rows, counted] = await Promise.all([
    db.query<{ interaction_id: string; cursor_at: string }>(
      `SELECT ia.interaction_id, to_char(ia.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
       FROM interaction_accounts ia WHERE ${where.join(' AND ')}
       ORDER BY ia.occurred_at DESC, ia.interaction_id DESC LIMIT ${query.limit + 1}`,
      params.values,
    ),
    query.count ? db.query<{ total: number }>(countSql, countValues) : null,
  ]);
  const page = pageFrom(rows, query.limit, (row) => [row.cursor_at, row.interaction_id]);
  const items = await getInteractions(
    db,
    tenantId,
    page.rows.map((r) => r.interaction_id),
  );
  return { items, nextCursor: page.nextCursor, ...(counted ? { total: Number(counted[0]!.total) } : {}) };
}

const columns = {
  subject: { column: 'subject' },
  summary: { column: 'summary' },
  occurredAt: { column: 'occurred_at' },
  status: { column: 'status' },
  resolution: { column: 'resolution' },
};

export async function updateInteraction(
  tx: Queryable,
  tenantId: string,
  id: string,
  expectedVersion: number,
  patch: InteractionPatch,
): Promise<UpdateOutcome<Interaction>> {
  const params = new SqlParams();
  const set = setClause(patch, columns, params);
  if (patch.status) {
    set.sql = [set.sql, `resolved_at = CASE WHEN ${params.add(patch.status)} = 'resolved' THEN COALESCE(resolved_at, now()) ELSE NULL END`].join(', ');
  }
  const outcome = await updateVersioned(tx, 'interactions', tenantId, id, expectedVersion, set, params);
  if (outcome.status !== 'ok') return outcome;
  // Keep the copies in the link tables in step so timelines and open-complaint lists stay right.
  await tx.query(
    `UPDATE interaction_accounts ia SET occurred_at = i.occurred_at, is_open = COALESCE(i.status = 'open', false)
     FROM interactions i WHERE i.tenant_id = $1 AND i.id = $2 AND ia.tenant_id = i.tenant_id AND ia.interaction_id = i.id`,
    [tenantId, id],
  );
  await tx.query(
    `UPDATE interaction_contacts ic SET occurred_at = i.occurred_at
     FROM interactions i WHERE i.tenant_id = $1 AND i.id = $2 AND ic.tenant_id = i.tenant_id AND ic.interaction_id = i.id`,
    [tenantId, id],
  );
  return { status: 'ok', value: (await getInteraction(tx, tenantId, id))!, fields: outcome.fields };
}
