// How the Insights tab writes a key figure, a calendar date and a snapshot's month, for the figures, goals and trend alike.
import type { GoalMetric } from '@crm/common';
import type { useInsightsT } from './use-insights-t';

type T = ReturnType<typeof useInsightsT>;

/** A calendar date at noon UTC, so formatting it in any time zone of Europe keeps the day. */
export const day = (date: string) => `${date}T12:00:00Z`;

const RATES: ReadonlySet<GoalMetric> = new Set(['churnRate', 'winRate', 'crossSellingRate', 'repeatPurchaseRate', 'dataCompleteness']);
const HOURS: ReadonlySet<GoalMetric> = new Set(['medianResolutionHours', 'p90ResolutionHours', 'medianResponseHours', 'p90ResponseHours']);

/** A figure as its kind reads: rates as percentages, hours with their unit, the pipeline as money, counts as numbers. */
export function formatMetric(metric: GoalMetric, value: number | null, currency: string, { t, number, percent, exactMoney }: T): string {
  if (value === null) return t('insights.none');
  if (RATES.has(metric)) return percent(value);
  if (HOURS.has(metric)) return t('insights.hours', { value: number(value, 1) });
  if (metric === 'interactionsPerWeek') return number(value, 1);
  if (metric === 'weightedPipeline') return exactMoney(value, currency);
  return number(value);
}

/** "Sept 2026", "Sept. 2026": a snapshot's month ("2026-09") in the tab's language. */
export const monthLabel = (month: string, language: string) =>
  new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
