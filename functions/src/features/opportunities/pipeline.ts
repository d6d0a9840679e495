// Pipeline arithmetic shared by the Teams tabs: open deals grouped by the tenant's stages, and calendar quarters.
import type { Opportunity, QuarterForecast, Stage, StageGroup } from '@crm/common';

const sum = (values: readonly number[]) => Math.round(values.reduce((s, v) => s + v, 0) * 100) / 100;

/** Groups in the order of the stage model; a deal in a stage the model no longer has still shows, under its key. */
export function groupByStage(opportunities: readonly Opportunity[], stages: readonly Stage[]): StageGroup[] {
  const known = new Map(stages.map((s) => [s.key, s]));
  const order = [...stages.map((s) => s.key), ...new Set(opportunities.map((o) => o.stage).filter((key) => !known.has(key)))];
  return order
    .map((key) => {
      const members = opportunities.filter((o) => o.stage === key);
      const stage = known.get(key) ?? { key, label: { de: key, en: key }, probability: members[0]?.probability ?? 0 };
      return {
        stage,
        count: members.length,
        amount: sum(members.map((o) => o.amount)),
        weightedAmount: sum(members.map((o) => o.weightedAmount)),
        opportunities: members,
      };
    })
    .filter((group) => group.count > 0);
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The calendar quarter (UTC) that is `offset` quarters after the one containing `now`. */
export function quarterOf(now: Date, offset: number): { quarter: string; from: string; to: string } {
  const index = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) + offset;
  const year = Math.floor(index / 4);
  const q = index % 4;
  return { quarter: `${year}-Q${q + 1}`, from: isoDay(new Date(Date.UTC(year, q * 3, 1))), to: isoDay(new Date(Date.UTC(year, q * 3 + 3, 0))) };
}

/**
 * Deals expected to close in the quarter. For the current quarter that includes open deals whose expected
 * close has already passed: they are still open, so they are still expected now, not in the past.
 */
export function forecastFor(opportunities: readonly Opportunity[], now: Date, offset: 0 | 1): QuarterForecast {
  const range = quarterOf(now, offset);
  const members = opportunities.filter((o) => {
    if (!o.expectedCloseDate) return false;
    if (o.expectedCloseDate > range.to) return false;
    return offset === 0 || o.expectedCloseDate >= range.from;
  });
  return { ...range, count: members.length, amount: sum(members.map((o) => o.amount)), weightedAmount: sum(members.map((o) => o.weightedAmount)) };
}
