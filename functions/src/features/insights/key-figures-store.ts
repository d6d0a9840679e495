// The counts behind response time, cross-selling, repeat purchases, data quality and adoption: one statement each over
// the whole tenant, as the other team counts (store.ts). key-figures.ts turns them into the answer.
import type { Queryable } from '../../core/db/db';
import { str } from '../../core/db/rows';
import { monthStart, type MonthWindow } from '../../core/period';
import { firstResponsesSql } from '../interactions';
import type { AccountFilter } from './store';

const instant = (month: number) => `${monthStart(month)}T00:00:00Z`;
const hours = (value: unknown) => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);

/**
 * `requests`: the inbound emails and web forms of the window ($2 to $3) received by now ($4), each with its first
 * response by the interactions' rule (the one the service cases use): on any of the request's accounts or in its
 * conversation. One pass over every timeline of tenant $1 (firstResponsesSql).
 */
export const REQUESTS_CTE = `responses AS (${firstResponsesSql({ tenant: '$1', since: '$2::timestamptz', until: '$4::timestamptz' })}),
     requests AS (
       SELECT q.id, q.occurred_at, f.responded_at
       FROM interactions q LEFT JOIN responses f ON f.id = q.id
       WHERE q.tenant_id = $1 AND ((q.type = 'email' AND q.direction = 'inbound') OR q.type = 'web_form')
         AND q.occurred_at >= $2 AND q.occurred_at < $3 AND q.occurred_at <= $4
     )`;

export const requestsParams = (tenantId: string, window: MonthWindow, now: Date) => [tenantId, instant(window.from), instant(window.to), now.toISOString()];

/** The response time's columns over requests aliased `r`. */
export const responseFiguresSql = (r: string) => `count(*) AS requests, count(${r}.responded_at) AS answered,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${r}.responded_at - ${r}.occurred_at) / 3600) AS median_hours,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM ${r}.responded_at - ${r}.occurred_at) / 3600) AS p90_hours`;

export const responseFiguresOf = (row: Record<string, unknown> | undefined) => ({
  requests: Number(row?.requests ?? 0),
  answered: Number(row?.answered ?? 0),
  medianHours: hours(row?.median_hours),
  p90Hours: hours(row?.p90_hours),
});

/** The team's response time: each request of the window once, also those on no account. */
export async function responseTimes(db: Queryable, tenantId: string, window: MonthWindow, now: Date) {
  const [row] = await db.query(`WITH ${REQUESTS_CTE} SELECT ${responseFiguresSql('r')} FROM requests r`, requestsParams(tenantId, window, now));
  return responseFiguresOf(row);
}

/**
 * Per account: the distinct product lines (trimmed, case-insensitive; of a line's spellings the first in byte order, so
 * PGlite and PostgreSQL agree whatever their collation) of its opportunities won in the window, in German alphabetical
 * order, and the won ones without a line; all accounts, or only `only`'s.
 */
export async function wonProductLines(db: Queryable, tenantId: string, window: MonthWindow, only: AccountFilter = null) {
  const rows = await db.query(
    `SELECT account_id, COALESCE(array_agg(shown) FILTER (WHERE line IS NOT NULL), '{}') AS lines,
       COALESCE(sum(won) FILTER (WHERE line IS NULL), 0) AS without_line
     FROM (
       SELECT account_id, lower(btrim(product_line)) AS line, min(btrim(product_line) COLLATE "C") AS shown, count(*) AS won
       FROM opportunities
       WHERE tenant_id = $1 AND status = 'won' AND closed_at >= $2 AND closed_at < $3 AND ($4::uuid[] IS NULL OR account_id = ANY($4))
       GROUP BY account_id, lower(btrim(product_line))
     ) l
     GROUP BY account_id`,
    [tenantId, instant(window.from), instant(window.to), only],
  );
  return rows.map((row) => ({ accountId: str(row, 'account_id'), lines: (row.lines as string[]).map(String).sort((a, b) => a.localeCompare(b, 'de')), withoutLine: Number(row.without_line) }));
}

/**
 * Purchases per account in the window: each imported revenue period (a month or a year row) with revenue that overlaps
 * the window, and each opportunity won in it with an amount, in the tenant's currency: the records revenueByWindow
 * counts as the window's revenue, so the customers here are the customers there.
 */
export async function purchasesByAccount(
  db: Queryable,
  tenantId: string,
  window: MonthWindow,
  source: { imported: boolean; opportunities: boolean; currency: string },
  only: AccountFilter = null,
): Promise<Array<{ accountId: string; purchases: number }>> {
  const rows = await db.query(
    `SELECT account_id, count(*) AS purchases FROM (
       SELECT account_id FROM account_revenue
       WHERE tenant_id = $1 AND $4::boolean AND revenue > 0 AND period_start < $3::date
         AND period_start + CASE period_kind WHEN 'month' THEN interval '1 month' ELSE interval '1 year' END > $2::date
         AND ($7::uuid[] IS NULL OR account_id = ANY($7))
       UNION ALL
       SELECT account_id FROM opportunities
       WHERE tenant_id = $1 AND $5::boolean AND status = 'won' AND amount > 0 AND currency = $6
         AND closed_at >= $2::date::timestamp AT TIME ZONE 'UTC' AND closed_at < $3::date::timestamp AT TIME ZONE 'UTC'
         AND ($7::uuid[] IS NULL OR account_id = ANY($7))
     ) p GROUP BY account_id`,
    [tenantId, monthStart(window.from), monthStart(window.to), source.imported, source.opportunities, source.currency, only],
  );
  return rows.map((row) => ({ accountId: str(row, 'account_id'), purchases: Number(row.purchases) }));
}

const filled = (column: string) => `count(*) FILTER (WHERE NULLIF(btrim(${column}), '') IS NOT NULL)`;

/** How many accounts and contacts there are and how many have each key field (contracts' AccountKeyField, ContactKeyField). */
export async function keyFieldCounts(db: Queryable, tenantId: string) {
  const [accounts] = await db.query(
    `SELECT count(*) AS records, count(owner_id) AS owner, ${filled('industry')} AS industry,
       count(*) FILTER (WHERE cardinality(domains) > 0) AS domain, ${filled(`address ->> 'country'`)} AS country
     FROM accounts WHERE tenant_id = $1`,
    [tenantId],
  );
  const [contacts] = await db.query(
    `SELECT count(*) AS records, count(account_id) AS account, count(*) FILTER (WHERE cardinality(emails) > 0) AS email,
       count(*) FILTER (WHERE jsonb_typeof(phones) = 'array' AND jsonb_array_length(phones) > 0) AS phone,
       ${filled('job_title')} AS job_title, ${filled('buying_role')} AS buying_role
     FROM contacts WHERE tenant_id = $1`,
    [tenantId],
  );
  const n = (row: Record<string, unknown> | undefined, key: string) => Number(row?.[key] ?? 0);
  return {
    accounts: n(accounts, 'records'),
    contacts: n(contacts, 'records'),
    accountFields: { owner: n(accounts, 'owner'), industry: n(accounts, 'industry'), domain: n(accounts, 'domain'), country: n(accounts, 'country') },
    contactFields: {
      account: n(contacts, 'account'),
      email: n(contacts, 'email'),
      phone: n(contacts, 'phone'),
      jobTitle: n(contacts, 'job_title'),
      buyingRole: n(contacts, 'buying_role'),
    },
  };
}

/** Interactions created in the CRM between `from` and `to`, per week (Monday, UTC) and source. */
export async function loggedByWeek(db: Queryable, tenantId: string, from: string, to: string) {
  const rows = await db.query(
    `SELECT to_char(date_trunc('week', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, source, count(*) AS count
     FROM interactions WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3
     GROUP BY 1, 2`,
    [tenantId, from, to],
  );
  return rows.map((row) => ({ week: str(row, 'week'), source: str(row, 'source'), count: Number(row.count) }));
}
