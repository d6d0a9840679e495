// A churn risk factor's reason in the user's language, for the Insights tab's at-risk list and every account's figures.
import type { RiskFactor } from '../../contracts/insights';
import type { I18n } from '../i18n/i18n';
import type { AccountInsightsKey } from './account-insights-texts';

type T = Pick<I18n, 'number' | 'percent'> & { t: (key: AccountInsightsKey, vars?: Record<string, string | number>) => string };

const num = (value: number | null | undefined) => (typeof value === 'number' ? value : null);

/** The factor's reason in the user's language, from the inputs the API measured (its own reason text is English). */
export function reasonOf(factor: RiskFactor, { t, number, percent }: T): string {
  const inputs = factor.inputs;
  switch (factor.factor) {
    case 'inactivity':
      // The inputs do not say whether there was any contact (the days then count from the account's creation); the API's reason does.
      return inputs.medianGapDays === null && factor.reason.startsWith('no contact yet')
        ? t('insights.reason.inactivity.never', { days: number(num(inputs.daysSinceContact) ?? 0), gap: number(num(inputs.usualGapDays) ?? 0) })
        : t('insights.reason.inactivity', { days: number(num(inputs.daysSinceContact) ?? 0), gap: number(num(inputs.usualGapDays) ?? 0) });
    case 'revenueTrend': {
      const change = num(inputs.changePercent);
      return change === null
        ? t('insights.reason.revenueTrend.none')
        : t('insights.reason.revenueTrend', { change: `${change > 0 ? '+' : ''}${percent(change / 100)}` });
    }
    case 'complaints':
      return num(inputs.open)
        ? t('insights.reason.complaints', { open: number(num(inputs.open) ?? 0), age: number(num(inputs.oldestAgeDays) ?? 0) })
        : t('insights.reason.complaints.none');
    case 'consents':
      return num(inputs.withdrawingContacts)
        ? t('insights.reason.consents', { count: number(num(inputs.withdrawingContacts) ?? 0) })
        : t('insights.reason.consents.none');
    case 'buyingCenter':
      return t('insights.reason.buyingCenter', { now: number(num(inputs.activeContacts) ?? 0), before: number(num(inputs.previousActiveContacts) ?? 0) });
  }
}
