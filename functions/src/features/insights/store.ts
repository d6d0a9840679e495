// The inputs of the analysis, gathered set-based for a whole tenant: one statement per kind of fact, grouped by account.
import type { Opportunity } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { iso, str, strOrNull } from '../../core/db/rows';
import { OPPORTUNITY_SELECT, toOpportunity } from '../opportunities';
import type { RevenueYear } from './clv';
import { monthStart, type MonthWindow } from '../../core/period';

/** The contact rhythm looks at the last two years: long enough for a quarterly customer's eight gaps, recent enough to change. */
export const RHYTHM_LOOKBACK_DAYS = 730;

const instant = (month: number) => `${monthStart(month)}T00:00:00Z`;
// What counts as contact with the customer: it has happened, it was not cancelled, and it is not an internal note.
const REAL_CONTACT = `ia.type <> 'note' AND i.direction IS DISTINCT FROM 'internal' AND i.status IS DISTINCT FROM 'cancelled'`;
const monthOf = (date: string) => `(extract(year FROM ${date})::int * 12 + extract(month FROM ${date})::int - 1)`;

export interface AccountRow {
  id: string;
  name: string;
  rating: string | null;
  createdAt: string;
}

/**
 * Some accounts of the tenant, or all of them when `only` is null: an incremental refresh gathers the facts of the
 * accounts that changed (ANY of a uuid[], so one statement whatever their number).
 */
export type AccountFilter = readonly string[] | null;

export async function accountsOf(db: Queryable, tenantId: string, only: AccountFilter = null): Promise<AccountRow[]> {
  const rows = await db.query(
    `SELECT id, name, rating, created_at FROM accounts WHERE tenant_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2)) ORDER BY lower(name), id`,
    [tenantId, only],
  );
  return rows.map((row) => ({ id: str(row, 'id'), name: str(row, 'name'), rating: strOrNull(row, 'rating'), createdAt: iso(row.created_at) }));
}

/**
 * Revenue per account and window, in cents. A yearly row counts with the share of its months inside the window (a
 * year spread evenly over its months); won opportunities count at their amount in the month they closed, only in the
 * tenant's currency, since the CRM converts no currencies. Windows come back in the order given.
 */
export async function revenueByWindow(
  db: Queryable,
  tenantId: string,
  windows: readonly MonthWindow[],
  source: { imported: boolean; opportunities: boolean; currency: string },
  only: AccountFilter = null,
): Promise<Map<string, RevenueYear[]>> {
  const rows = await db.query(
    `WITH w AS (SELECT * FROM unnest($2::date[], $3::date[]) WITH ORDINALITY AS w(from_day, to_day, n)),
     r AS (
       SELECT account_id, ${monthOf('period_start')} AS start_month, CASE period_kind WHEN 'month' THEN 1 ELSE 12 END AS months, revenue, cost
       FROM account_revenue WHERE tenant_id = $1 AND $4::boolean AND ($7::uuid[] IS NULL OR account_id = ANY($7))
     )
     SELECT r.account_id, w.n,
       round(sum(r.revenue * o.inside / r.months) * 100) AS revenue_cents,
       round(sum(COALESCE(r.cost, 0) * o.inside / r.months) * 100) AS cost_cents,
       round(sum(CASE WHEN r.cost IS NULL THEN r.revenue * o.inside / r.months ELSE 0 END) * 100) AS uncosted_cents
     FROM r CROSS JOIN w
     CROSS JOIN LATERAL (
       SELECT greatest(0, least(r.start_month + r.months, ${monthOf('w.to_day')}) - greatest(r.start_month, ${monthOf('w.from_day')})) AS inside
     ) o
     WHERE o.inside > 0
     GROUP BY r.account_id, w.n
     UNION ALL
     SELECT op.account_id, w.n, round(sum(op.amount) * 100), 0, round(sum(op.amount) * 100)
     FROM opportunities op JOIN w ON op.closed_at >= w.from_day::timestamp AT TIME ZONE 'UTC' AND op.closed_at < w.to_day::timestamp AT TIME ZONE 'UTC'
     WHERE op.tenant_id = $1 AND $5::boolean AND op.status = 'won' AND op.currency = $6 AND ($7::uuid[] IS NULL OR op.account_id = ANY($7))
     GROUP BY op.account_id, w.n`,
    [
      tenantId,
      windows.map((w) => monthStart(w.from)),
      windows.map((w) => monthStart(w.to)),
      source.imported,
      source.opportunities,
      source.currency,
      only,
    ],
  );
  const result = new Map<string, RevenueYear[]>();
  for (const row of rows) {
    const id = str(row, 'account_id');
    const years = result.get(id) ?? windows.map(() => ({ revenueCents: 0, costCents: 0, uncostedCents: 0 }));
    const year = years[Number(row.n) - 1];
    if (year) {
      year.revenueCents += Number(row.revenue_cents);
      year.costCents += Number(row.cost_cents);
      year.uncostedCents += Number(row.uncosted_cents);
    }
    result.set(id, years);
  }
  return result;
}

export interface ContactRhythm {
  lastContactAt: string;
  medianGapDays: number | null;
}

/** The last real contact by `now` and the median gap between distinct contact days (UTC) of the lookback, per account. */
export async function contactRhythms(db: Queryable, tenantId: string, now: Date, only: AccountFilter = null): Promise<Map<string, ContactRhythm>> {
  const rows = await db.query(
    `WITH real AS (
       SELECT ia.account_id, ia.occurred_at FROM interaction_accounts ia
       JOIN interactions i ON i.tenant_id = ia.tenant_id AND i.id = ia.interaction_id
       WHERE ia.tenant_id = $1 AND ia.occurred_at <= $2 AND ${REAL_CONTACT} AND ($4::uuid[] IS NULL OR ia.account_id = ANY($4))
     ),
     days AS (
       SELECT DISTINCT account_id, (occurred_at AT TIME ZONE 'UTC')::date AS day FROM real
       WHERE occurred_at > $2::timestamptz - make_interval(days => $3)
     ),
     gaps AS (SELECT account_id, day - lag(day) OVER (PARTITION BY account_id ORDER BY day) AS gap FROM days),
     rhythm AS (
       SELECT account_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY gap) AS median_gap FROM gaps WHERE gap IS NOT NULL GROUP BY account_id
     )
     SELECT l.account_id, l.last_contact_at, rhythm.median_gap
     FROM (SELECT account_id, max(occurred_at) AS last_contact_at FROM real GROUP BY account_id) l
     LEFT JOIN rhythm ON rhythm.account_id = l.account_id`,
    [tenantId, now.toISOString(), RHYTHM_LOOKBACK_DAYS, only],
  );
  return new Map(
    rows.map((row) => [
      str(row, 'account_id'),
      { lastContactAt: iso(row.last_contact_at), medianGapDays: row.median_gap === null ? null : Number(row.median_gap) },
    ]),
  );
}

/** When each complaint open now was received, per account. */
export async function openComplaints(db: Queryable, tenantId: string, only: AccountFilter = null): Promise<Map<string, string[]>> {
  const rows = await db.query(
    `SELECT ia.account_id, ia.occurred_at FROM interaction_accounts ia
     WHERE ia.tenant_id = $1 AND ia.type = 'complaint' AND ia.is_open AND ($2::uuid[] IS NULL OR ia.account_id = ANY($2))`,
    [tenantId, only],
  );
  const result = new Map<string, string[]>();
  for (const row of rows) result.set(str(row, 'account_id'), [...(result.get(str(row, 'account_id')) ?? []), iso(row.occurred_at)]);
  return result;
}

/** How many of each account's contacts withdrew a consent or objected in the window. */
export async function withdrawingContacts(db: Queryable, tenantId: string, window: MonthWindow, only: AccountFilter = null): Promise<Map<string, number>> {
  const rows = await db.query(
    `SELECT c.account_id, count(DISTINCT k.contact_id) AS contacts FROM consents k
     JOIN contacts c ON c.tenant_id = k.tenant_id AND c.id = k.contact_id
     WHERE k.tenant_id = $1 AND c.account_id IS NOT NULL AND k.action IN ('withdrawn', 'objected') AND k.captured_at >= $2 AND k.captured_at < $3
       AND ($4::uuid[] IS NULL OR c.account_id = ANY($4))
     GROUP BY c.account_id`,
    [tenantId, instant(window.from), instant(window.to), only],
  );
  return new Map(rows.map((row) => [str(row, 'account_id'), Number(row.contacts)]));
}

/** How many of each account's contacts took part in a real contact that happened in the window and in the one before. */
export async function activeContacts(
  db: Queryable,
  tenantId: string,
  window: MonthWindow,
  previous: MonthWindow,
  now: Date,
  only: AccountFilter = null,
): Promise<Map<string, { current: number; previous: number }>> {
  const rows = await db.query(
    `SELECT c.account_id,
       count(DISTINCT ic.contact_id) FILTER (WHERE ic.occurred_at >= $3) AS current,
       count(DISTINCT ic.contact_id) FILTER (WHERE ic.occurred_at < $3) AS previous
     FROM interaction_contacts ic
     JOIN contacts c ON c.tenant_id = ic.tenant_id AND c.id = ic.contact_id
     JOIN interactions i ON i.tenant_id = ic.tenant_id AND i.id = ic.interaction_id
     WHERE ic.tenant_id = $1 AND c.account_id IS NOT NULL AND ic.occurred_at >= $2 AND ic.occurred_at < $4 AND ic.occurred_at <= $5
       AND i.type <> 'note' AND i.direction IS DISTINCT FROM 'internal' AND i.status IS DISTINCT FROM 'cancelled'
       AND ($6::uuid[] IS NULL OR c.account_id = ANY($6))
     GROUP BY c.account_id`,
    [tenantId, instant(previous.from), instant(window.from), instant(window.to), now.toISOString(), only],
  );
  return new Map(rows.map((row) => [str(row, 'account_id'), { current: Number(row.current), previous: Number(row.previous) }]));
}

export async function openOpportunities(db: Queryable, tenantId: string): Promise<Opportunity[]> {
  const rows = await db.query(`${OPPORTUNITY_SELECT} WHERE o.tenant_id = $1 AND o.status = 'open' ORDER BY o.expected_close NULLS LAST, o.id`, [tenantId]);
  return rows.map(toOpportunity);
}

export interface ClosedCount {
  accountId: string;
  status: 'won' | 'lost';
  stage: string;
  count: number;
}

/** Opportunities won and lost in the window, per account and the stage they were in when they closed. */
export async function closedOpportunities(db: Queryable, tenantId: string, window: MonthWindow, only: AccountFilter = null): Promise<ClosedCount[]> {
  const rows = await db.query(
    `SELECT account_id, status, stage, count(*) AS count FROM opportunities
     WHERE tenant_id = $1 AND status IN ('won', 'lost') AND closed_at >= $2 AND closed_at < $3 AND ($4::uuid[] IS NULL OR account_id = ANY($4))
     GROUP BY account_id, status, stage ORDER BY stage`,
    [tenantId, instant(window.from), instant(window.to), only],
  );
  return rows.map((row) => ({ accountId: str(row, 'account_id'), status: str(row, 'status') as 'won' | 'lost', stage: str(row, 'stage'), count: Number(row.count) }));
}

export interface ComplaintFigures {
  received: number;
  open: number;
  resolved: number;
  medianHours: number | null;
  p90Hours: number | null;
}

/** Complaints received in the window, open now, and the hours to resolution of those resolved in the window (interpolated percentiles). */
export async function complaintFigures(db: Queryable, tenantId: string, window: MonthWindow): Promise<ComplaintFigures> {
  const [row] = await db.query(
    `SELECT
       count(*) FILTER (WHERE occurred_at >= $2 AND occurred_at < $3) AS received,
       count(*) FILTER (WHERE status = 'open') AS open,
       count(*) FILTER (WHERE resolved) AS resolved,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) FILTER (WHERE resolved) AS median_hours,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) FILTER (WHERE resolved) AS p90_hours
     FROM (
       SELECT occurred_at, status, extract(epoch FROM resolved_at - occurred_at) / 3600 AS hours,
         COALESCE(status = 'resolved' AND resolved_at >= $2 AND resolved_at < $3, false) AS resolved
       FROM interactions WHERE tenant_id = $1 AND type = 'complaint'
     ) c`,
    [tenantId, instant(window.from), instant(window.to)],
  );
  const hours = (value: unknown) => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);
  return {
    received: Number(row?.received ?? 0),
    open: Number(row?.open ?? 0),
    resolved: Number(row?.resolved ?? 0),
    medianHours: hours(row?.median_hours),
    p90Hours: hours(row?.p90_hours),
  };
}

