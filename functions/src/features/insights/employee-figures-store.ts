// Key figures per employee: what each user owns now and what of theirs closed in the window, in one statement.
import type { EmployeeFigures } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { str } from '../../core/db/rows';
import { monthStart, type MonthWindow } from '../../core/period';

const instant = (month: number) => `${monthStart(month)}T00:00:00Z`;

export async function employeeFigures(db: Queryable, tenantId: string, window: MonthWindow): Promise<EmployeeFigures[]> {
  const rows = await db.query(
    `WITH owned AS (
       SELECT owner_id, count(*) AS accounts FROM accounts WHERE tenant_id = $1 AND owner_id IS NOT NULL GROUP BY owner_id
     ), deals AS (
       SELECT owner_id,
              count(*) FILTER (WHERE status = 'open') AS open,
              coalesce(sum(amount) FILTER (WHERE status = 'open'), 0) AS open_amount,
              -- Rounded per opportunity to the cent before adding up, as the team's pipeline is (stage-model.ts weighted).
              coalesce(sum(round(amount * probability) / 100) FILTER (WHERE status = 'open'), 0) AS weighted,
              count(*) FILTER (WHERE status = 'won' AND closed_at >= $2 AND closed_at < $3) AS won,
              coalesce(sum(amount) FILTER (WHERE status = 'won' AND closed_at >= $2 AND closed_at < $3), 0) AS won_amount,
              count(*) FILTER (WHERE status = 'lost' AND closed_at >= $2 AND closed_at < $3) AS lost
       FROM opportunities WHERE tenant_id = $1 AND owner_id IS NOT NULL GROUP BY owner_id
     )
     SELECT u.id, u.display_name, coalesce(o.accounts, 0) AS accounts, coalesce(d.open, 0) AS open,
            coalesce(d.open_amount, 0) AS open_amount, coalesce(d.weighted, 0) AS weighted,
            coalesce(d.won, 0) AS won, coalesce(d.won_amount, 0) AS won_amount, coalesce(d.lost, 0) AS lost
     FROM users u
     LEFT JOIN owned o ON o.owner_id = u.id
     LEFT JOIN deals d ON d.owner_id = u.id
     WHERE u.tenant_id = $1 AND (o.owner_id IS NOT NULL OR d.owner_id IS NOT NULL)
     ORDER BY lower(u.display_name), u.id`,
    [tenantId, instant(window.from), instant(window.to)],
  );
  return rows.map((row) => {
    const won = Number(row.won);
    const lost = Number(row.lost);
    return {
      userId: str(row, 'id'),
      displayName: str(row, 'display_name'),
      accounts: Number(row.accounts),
      openOpportunities: Number(row.open),
      openAmount: Number(row.open_amount),
      weightedPipeline: Number(row.weighted),
      won,
      wonAmount: Number(row.won_amount),
      lost,
      winRate: won + lost === 0 ? null : Math.round((won / (won + lost)) * 10_000) / 10_000,
    };
  });
}
