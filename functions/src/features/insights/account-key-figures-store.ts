// The counts behind each account's key figures (issue 15): the team figures' definitions restricted to the records
// linked to an account, one statement per figure grouped by account, for all accounts of a tenant or only `only`'s (an
// incremental refresh). account-key-figures.ts turns them into the answer.
import type { Queryable } from '../../core/db/db';
import { str } from '../../core/db/rows';
import { monthStart, type MonthWindow } from '../../core/period';
import { firstResponseSql } from '../interactions';
import { REQUESTS_CTE, requestsParams, responseFiguresOf, responseFiguresSql } from './key-figures-store';
import type { AccountFilter } from './store';

const instant = (month: number) => `${monthStart(month)}T00:00:00Z`;
const hours = (value: unknown) => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);
const byAccount = <T>(rows: Array<Record<string, unknown>>, map: (row: Record<string, unknown>) => T) =>
  new Map(rows.map((row) => [str(row, 'account_id'), map(row)]));

const percentiles = (of: string, filter = 'true') =>
  `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${of}) FILTER (WHERE ${filter}) AS median_hours,
   percentile_cont(0.9) WITHIN GROUP (ORDER BY ${of}) FILTER (WHERE ${filter}) AS p90_hours`;

/**
 * The complaints linked to each account: received in the window, open now, and the hours to resolution of those
 * resolved in the window. `total` is received, `done` resolved.
 */
export async function complaintsByAccount(db: Queryable, tenantId: string, window: MonthWindow, only: AccountFilter) {
  const rows = await db.query(
    `SELECT account_id,
       count(*) FILTER (WHERE occurred_at >= $2 AND occurred_at < $3) AS received,
       count(*) FILTER (WHERE status = 'open') AS open,
       count(*) FILTER (WHERE resolved) AS resolved,
       ${percentiles('hours', 'resolved')}
     FROM (
       SELECT ia.account_id, i.occurred_at, i.status, extract(epoch FROM i.resolved_at - i.occurred_at) / 3600 AS hours,
         COALESCE(i.status = 'resolved' AND i.resolved_at >= $2 AND i.resolved_at < $3, false) AS resolved
       FROM interaction_accounts ia JOIN interactions i ON i.tenant_id = ia.tenant_id AND i.id = ia.interaction_id
       WHERE ia.tenant_id = $1 AND ia.type = 'complaint' AND ($4::uuid[] IS NULL OR ia.account_id = ANY($4))
     ) c
     GROUP BY account_id`,
    [tenantId, instant(window.from), instant(window.to), only],
  );
  return byAccount(rows, (row) => ({
    received: Number(row.received),
    open: Number(row.open),
    resolved: Number(row.resolved),
    medianHours: hours(row.median_hours),
    p90Hours: hours(row.p90_hours),
  }));
}

/**
 * The team's response time and each account's, from one pass over every timeline (firstResponsesSql) for a refresh of
 * the whole tenant: a request counts once for the team (also one on no account) and once for each account it is on.
 */
export async function responseTimesOfTenant(db: Queryable, tenantId: string, window: MonthWindow, now: Date) {
  const rows = await db.query(
    `WITH ${REQUESTS_CTE}
     SELECT NULL::uuid AS account_id, ${responseFiguresSql('r')} FROM requests r
     UNION ALL
     SELECT ia.account_id, ${responseFiguresSql('r')}
     FROM requests r JOIN interaction_accounts ia ON ia.tenant_id = $1 AND ia.interaction_id = r.id
     GROUP BY ia.account_id`,
    requestsParams(tenantId, window, now),
  );
  return {
    team: responseFiguresOf(rows.find((row) => row.account_id === null)),
    byAccount: byAccount(
      rows.filter((row) => row.account_id !== null),
      responseFiguresOf,
    ),
  };
}

/**
 * The inbound emails and web forms linked to each of a few accounts that came in during the window by `now`, and the
 * hours to their first response by the interactions' rule: one index walk per request (firstResponseSql) reads far less
 * than a pass over every timeline.
 */
export async function responseTimesByAccount(db: Queryable, tenantId: string, window: MonthWindow, now: Date, only: readonly string[]) {
  const responded = firstResponseSql({
    tenant: 'q.tenant_id',
    accounts: '(SELECT l.account_id FROM interaction_accounts l WHERE l.tenant_id = q.tenant_id AND l.interaction_id = q.id)',
    conversation: 'q.conversation_id',
    since: 'q.occurred_at',
    until: '$4::timestamptz',
  });
  const rows = await db.query(
    `SELECT account_id, ${responseFiguresSql('r')}
     FROM (
       SELECT ia.account_id, q.occurred_at, ${responded} AS responded_at
       FROM interaction_accounts ia JOIN interactions q ON q.tenant_id = ia.tenant_id AND q.id = ia.interaction_id
       WHERE ia.tenant_id = $1 AND ia.type IN ('email', 'web_form') AND ((q.type = 'email' AND q.direction = 'inbound') OR q.type = 'web_form')
         AND ia.occurred_at >= $2 AND ia.occurred_at < $3 AND ia.occurred_at <= $4 AND ia.account_id = ANY($5)
     ) r
     GROUP BY account_id`,
    [...requestsParams(tenantId, window, now), [...only]],
  );
  return byAccount(rows, responseFiguresOf);
}

const filled = (column: string) => `NULLIF(btrim(${column}), '') IS NOT NULL`;

/** Each account's own key fields, and how many of its contacts have each of theirs (AccountContactKeyField). */
export async function keyFieldsByAccount(db: Queryable, tenantId: string, only: AccountFilter) {
  const rows = await db.query(
    `SELECT a.id AS account_id, a.owner_id IS NOT NULL AS owner, ${filled('a.industry')} AS industry,
       cardinality(a.domains) > 0 AS domain, ${filled(`a.address ->> 'country'`)} AS country,
       count(c.id) AS contacts, count(*) FILTER (WHERE cardinality(c.emails) > 0) AS email,
       count(*) FILTER (WHERE jsonb_typeof(c.phones) = 'array' AND jsonb_array_length(c.phones) > 0) AS phone,
       count(*) FILTER (WHERE ${filled('c.job_title')}) AS job_title, count(*) FILTER (WHERE ${filled('c.buying_role')}) AS buying_role
     FROM accounts a LEFT JOIN contacts c ON c.tenant_id = a.tenant_id AND c.account_id = a.id
     WHERE a.tenant_id = $1 AND ($2::uuid[] IS NULL OR a.id = ANY($2))
     GROUP BY a.tenant_id, a.id`,
    [tenantId, only],
  );
  return byAccount(rows, (row) => ({
    accountFields: { owner: row.owner === true, industry: row.industry === true, domain: row.domain === true, country: row.country === true },
    contacts: Number(row.contacts),
    contactFields: { email: Number(row.email), phone: Number(row.phone), jobTitle: Number(row.job_title), buyingRole: Number(row.buying_role) },
  }));
}

/** The interactions linked to each account that were created in the CRM between `from` and `to`, by source. */
export async function loggedByAccount(db: Queryable, tenantId: string, from: string, to: string, only: AccountFilter) {
  const rows = await db.query(
    `SELECT ia.account_id, i.source, count(*) AS count
     FROM interaction_accounts ia JOIN interactions i ON i.tenant_id = ia.tenant_id AND i.id = ia.interaction_id
     WHERE ia.tenant_id = $1 AND i.created_at >= $2 AND i.created_at < $3 AND ($4::uuid[] IS NULL OR ia.account_id = ANY($4))
     GROUP BY ia.account_id, i.source`,
    [tenantId, from, to, only],
  );
  const result = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const counts = result.get(str(row, 'account_id')) ?? new Map<string, number>();
    counts.set(str(row, 'source'), Number(row.count));
    result.set(str(row, 'account_id'), counts);
  }
  return result;
}
