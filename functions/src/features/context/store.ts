// The context lookup behind the Outlook pane: one statement, one round trip, whatever the number of addresses.
import type { AccountContext, ContextResponse, Person } from '@crm/common';
import { consentState } from '../consents';
import { prepared, type Queryable } from '../../core/db/db';
import { toAccount } from '../accounts';
import { toConsentEntry } from '../consents';
import { toContact } from '../contacts';
import { toOpportunity } from '../opportunities';
import { type Row, toInteractionSummary } from '../../core/db/rows';
import { toTask } from '../tasks';

export const RECENT_INTERACTIONS = 10;
/** The pane shows the next one; a few more stand in when the next is only about a person the reader may not see. */
export const UPCOMING_INTERACTIONS = 3;

// Every part starts from the few matched contacts and accounts and reaches the big tables through
// tenant-prefixed indexes only, so the cost does not grow with the tenant's size.
export const CONTEXT_SQL = prepared(
  'context',
  /* sql */ `
WITH matched AS (
  SELECT ce.email, ce.contact_id FROM contact_emails ce WHERE ce.tenant_id = $1 AND ce.email = ANY($2::text[])
), people AS (
  SELECT c.*, a.name AS account_name FROM matched m
  JOIN contacts c ON c.tenant_id = $1 AND c.id = m.contact_id
  LEFT JOIN accounts a ON a.tenant_id = $1 AND a.id = c.account_id
), account_ids AS (
  SELECT DISTINCT account_id FROM people WHERE account_id IS NOT NULL
)
SELECT
  (SELECT COALESCE(json_agg(json_build_object('email', m.email, 'contact_id', m.contact_id)), '[]'::json) FROM matched m) AS matched,
  (SELECT COALESCE(json_agg(row_to_json(p)), '[]'::json) FROM people p) AS contacts,
  (SELECT COALESCE(json_agg(row_to_json(x)), '[]'::json) FROM (
     SELECT a.*, u.display_name AS owner_name FROM account_ids ai
     JOIN accounts a ON a.tenant_id = $1 AND a.id = ai.account_id
     LEFT JOIN users u ON u.tenant_id = $1 AND u.id = a.owner_id) x) AS accounts,
  (SELECT COALESCE(json_agg(row_to_json(x) ORDER BY x.expected_close NULLS LAST, x.id), '[]'::json) FROM (
     SELECT o.*, a.name AS account_name FROM account_ids ai
     JOIN opportunities o ON o.tenant_id = $1 AND o.account_id = ai.account_id AND o.status = 'open'
     JOIN accounts a ON a.tenant_id = $1 AND a.id = o.account_id) x) AS opportunities,
  (SELECT COALESCE(json_agg(row_to_json(x) ORDER BY x.due_date, x.id), '[]'::json) FROM (
     SELECT t.*, t.account_id AS context_account_id FROM account_ids ai
     JOIN tasks t ON t.tenant_id = $1 AND t.account_id = ai.account_id AND t.status = 'open'
     UNION ALL
     SELECT t.*, p.account_id AS context_account_id FROM people p
     JOIN tasks t ON t.tenant_id = $1 AND t.contact_id = p.id AND t.status = 'open' AND t.account_id IS NULL) x) AS tasks,
  (SELECT COALESCE(json_agg(json_build_object('account_id', r.account_id, 'id', i.id, 'type', i.type, 'direction', i.direction,
     'occurred_at', i.occurred_at, 'subject', i.subject, 'status', i.status, 'source', i.source) ORDER BY r.occurred_at DESC, i.id DESC), '[]'::json)
   FROM account_ids ai
   CROSS JOIN LATERAL (
     SELECT ia.account_id, ia.interaction_id, ia.occurred_at FROM interaction_accounts ia
     -- What has happened: a meeting ahead (Graph sync brings in a year of them) is no recent contact.
     WHERE ia.tenant_id = $1 AND ia.account_id = ai.account_id AND ia.occurred_at <= now()
     ORDER BY ia.occurred_at DESC, ia.interaction_id DESC LIMIT ${RECENT_INTERACTIONS}) r
   JOIN interactions i ON i.tenant_id = $1 AND i.id = r.interaction_id) AS recent,
  (SELECT COALESCE(json_agg(json_build_object('account_id', ia.account_id, 'id', i.id, 'type', i.type, 'direction', i.direction,
     'occurred_at', i.occurred_at, 'subject', i.subject, 'status', i.status, 'source', i.source) ORDER BY i.occurred_at DESC, i.id DESC), '[]'::json)
   FROM account_ids ai
   JOIN interaction_accounts ia ON ia.tenant_id = $1 AND ia.account_id = ai.account_id AND ia.type = 'complaint' AND ia.is_open
   JOIN interactions i ON i.tenant_id = $1 AND i.id = ia.interaction_id) AS complaints,
  (SELECT COALESCE(json_agg(row_to_json(x)), '[]'::json) FROM (
     SELECT k.*, u.display_name AS captured_by_name FROM people p
     JOIN consents k ON k.tenant_id = $1 AND k.contact_id = p.id
     LEFT JOIN users u ON u.tenant_id = $1 AND u.id = k.captured_by) x) AS consents,
  (SELECT COALESCE(json_agg(json_build_object('email', e.email, 'id', a.id, 'name', a.name)), '[]'::json)
   FROM unnest($2::text[]) AS e(email)
   JOIN account_domains d ON d.tenant_id = $1 AND d.domain = split_part(e.email, '@', 2)
   JOIN accounts a ON a.tenant_id = $1 AND a.id = d.account_id
   WHERE NOT EXISTS (SELECT 1 FROM matched m WHERE m.email = e.email)) AS suggested
`,
);

/**
 * The meetings ahead of the addresses' accounts, soonest first. A statement of its own, run beside the lookup (no round
 * trip after it): as a part of that one it cost the lookup its generic plan on PostgreSQL (context-plan.test.ts).
 */
export const UPCOMING_SQL = prepared(
  'context-upcoming',
  /* sql */ `
WITH account_ids AS (
  SELECT DISTINCT c.account_id FROM contact_emails ce
  JOIN contacts c ON c.tenant_id = $1 AND c.id = ce.contact_id
  WHERE ce.tenant_id = $1 AND ce.email = ANY($2::text[]) AND c.account_id IS NOT NULL
)
SELECT r.account_id, i.id, i.type, i.direction, i.occurred_at, i.subject, i.status, i.source
FROM account_ids ai
CROSS JOIN LATERAL (
  SELECT ia.account_id, ia.interaction_id, ia.occurred_at FROM interaction_accounts ia
  WHERE ia.tenant_id = $1 AND ia.account_id = ai.account_id AND ia.occurred_at > now()
  ORDER BY ia.occurred_at, ia.interaction_id LIMIT ${UPCOMING_INTERACTIONS}) r
JOIN interactions i ON i.tenant_id = $1 AND i.id = r.interaction_id
ORDER BY r.account_id, r.occurred_at, i.id
`,
);

interface ContextRow {
  matched: Array<{ email: string; contact_id: string }>;
  contacts: Row[];
  accounts: Row[];
  opportunities: Row[];
  tasks: Row[];
  recent: Row[];
  complaints: Row[];
  consents: Row[];
  suggested: Array<{ email: string; id: string; name: string }>;
}

/** PGlite hands back json columns as text in some paths; pg always parses them. */
const parsed = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

export async function contextRows(db: Queryable, tenantId: string, emails: readonly string[]): Promise<ContextRow> {
  const rows = await db.query<Record<keyof ContextRow, unknown>>(CONTEXT_SQL, [tenantId, [...emails]]);
  const row = rows[0]!;
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, parsed(value)])) as unknown as ContextRow;
}

/** Emails must already be normalised (trimmed, lower-case) and de-duplicated. */
export async function lookupContext(db: Queryable, tenantId: string, emails: readonly string[]): Promise<Omit<ContextResponse, 'logged'>> {
  const [data, upcomingRows] = await Promise.all([contextRows(db, tenantId, emails), db.query(UPCOMING_SQL, [tenantId, [...emails]])]);
  const contacts = new Map(data.contacts.map((row) => [String(row.id), toContact(row)]));
  const consentsByContact = new Map<string, ReturnType<typeof toConsentEntry>[]>();
  for (const row of data.consents) {
    const entry = toConsentEntry(row);
    consentsByContact.set(entry.contactId, [...(consentsByContact.get(entry.contactId) ?? []), entry]);
  }
  const contactByEmail = new Map(data.matched.map((m) => [m.email, m.contact_id]));
  const suggestedByEmail = new Map(data.suggested.map((s) => [s.email, { id: s.id, name: s.name }]));

  const people: Person[] = emails.map((email) => {
    const contact = contacts.get(contactByEmail.get(email) ?? '');
    if (!contact) return { email, status: 'unknown', suggestedAccount: suggestedByEmail.get(email) ?? null };
    return { email, status: 'known', contact, accountId: contact.accountId, consent: consentState(consentsByContact.get(contact.id) ?? []) };
  });

  const byAccount = <T>(rows: Row[], key: string, map: (row: Row) => T) => {
    const grouped = new Map<string, T[]>();
    for (const row of rows) grouped.set(String(row[key]), [...(grouped.get(String(row[key])) ?? []), map(row)]);
    return (accountId: string) => grouped.get(accountId) ?? [];
  };
  const opportunities = byAccount(data.opportunities, 'account_id', toOpportunity);
  const tasks = byAccount(data.tasks, 'context_account_id', toTask);
  const recent = byAccount(data.recent, 'account_id', toInteractionSummary);
  const upcoming = byAccount(upcomingRows, 'account_id', toInteractionSummary);
  const complaints = byAccount(data.complaints, 'account_id', toInteractionSummary);

  const accounts: AccountContext[] = data.accounts.map((row) => {
    const account = toAccount(row);
    return {
      account,
      openOpportunities: opportunities(account.id),
      openTasks: tasks(account.id),
      recentInteractions: recent(account.id),
      upcoming: upcoming(account.id),
      openComplaints: complaints(account.id),
    };
  });
  return { people, accounts };
}
