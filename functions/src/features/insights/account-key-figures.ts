// An account's key figures from its counts (account-key-figures-store.ts), and the win rate both the team and an account
// compute from closed opportunities: pure, so the definitions in docs/INSIGHTS.md are tested on hand-made counts.
import {
  AccountContactKeyField,
  AccountKeyField,
  InteractionSource,
  type AccountKeyFigures,
  type ComplaintFigures,
  type ResponseTimeFigures,
  type WinRateFigures,
} from '@crm/common';
import { ratio } from './key-figures';
import type { ClosedCount } from './store';

const DAY = 86_400_000;

/** won / (won + lost), and the lost ones by the stage they were lost in, in the order the rows name the stages. */
export function winRateOf(closed: ReadonlyArray<Omit<ClosedCount, 'accountId'>>): WinRateFigures {
  const won = closed.filter((c) => c.status === 'won').reduce((s, c) => s + c.count, 0);
  const lostByStage = new Map<string, number>();
  for (const c of closed) if (c.status === 'lost') lostByStage.set(c.stage, (lostByStage.get(c.stage) ?? 0) + c.count);
  const lost = [...lostByStage.values()].reduce((s, n) => s + n, 0);
  return { won, lost, rate: ratio(won, won + lost), lostByStage: [...lostByStage].map(([stage, count]) => ({ stage, count })) };
}

export interface AccountKeyCounts {
  closed: ReadonlyArray<Omit<ClosedCount, 'accountId'>>;
  complaints: { received: number; open: number; resolved: number; medianHours: number | null; p90Hours: number | null } | undefined;
  responseTime: ResponseTimeFigures | undefined;
  lines: { lines: readonly string[]; withoutLine: number } | undefined;
  purchases: number;
  keyFields:
    | { accountFields: Record<AccountKeyField, boolean>; contacts: number; contactFields: Record<AccountContactKeyField, number> }
    | undefined;
  /** Interactions logged by source. */
  logged: ReadonlyMap<string, number> | undefined;
  /** The span the logged interactions were counted in: the period's first day up to its end or now, whichever is earlier. */
  loggedFrom: string;
  loggedUntil: string;
}

const NO_COMPLAINTS: ComplaintFigures = { count: 0, open: 0, resolved: 0, medianResolutionHours: null, p90ResolutionHours: null };
const NO_REQUESTS: ResponseTimeFigures = { requests: 0, answered: 0, medianHours: null, p90Hours: null };

export function accountKeyFiguresOf(counts: AccountKeyCounts): AccountKeyFigures {
  const { complaints, keyFields } = counts;
  const lines = counts.lines?.lines ?? [];
  const accountFields = AccountKeyField.options.map((field) => ({ field, filled: keyFields?.accountFields[field] ?? false }));
  const contacts = keyFields?.contacts ?? 0;
  const contactFields = AccountContactKeyField.options.map((field) => ({ field, filled: keyFields?.contactFields[field] ?? 0 }));
  const filled = accountFields.filter((f) => f.filled).length + contactFields.reduce((s, f) => s + f.filled, 0);
  const bySource = InteractionSource.options.map((source) => ({ source, count: counts.logged?.get(source) ?? 0 }));
  const logged = bySource.reduce((s, c) => s + c.count, 0);
  const spanDays = Math.max(0, Date.parse(counts.loggedUntil) - Date.parse(`${counts.loggedFrom}T00:00:00Z`)) / DAY;
  return {
    winRate: winRateOf(counts.closed),
    complaints: complaints
      ? {
          count: complaints.received,
          open: complaints.open,
          resolved: complaints.resolved,
          medianResolutionHours: complaints.medianHours,
          p90ResolutionHours: complaints.p90Hours,
        }
      : NO_COMPLAINTS,
    responseTime: counts.responseTime ?? NO_REQUESTS,
    productLines: { lines: [...lines], crossBuyer: lines.length > 1, withoutProductLine: counts.lines?.withoutLine ?? 0 },
    purchases: { count: counts.purchases, repeat: counts.purchases > 1 },
    dataQuality: {
      accountFields,
      contacts,
      contactFields,
      completeness: ratio(filled, accountFields.length + contacts * contactFields.length),
    },
    // Two decimals, not the team's one: one account logs a few a week at most.
    adoption: { logged, perWeek: spanDays === 0 ? null : Math.round((logged / (spanDays / 7)) * 100) / 100, bySource },
  };
}
