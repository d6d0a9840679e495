// A churn risk factor's reason in the tab's language, for the at-risk list and the account's details.
import type { RiskFactor } from '@crm/common';
import type { useInsightsT } from './use-insights-t';

type T = ReturnType<typeof useInsightsT>;

const num = (value: number | null | undefined) => (typeof value === 'number' ? value : null);

/** The factor's reason in the tab's language, from the inputs the API measured (its own reason text is English). */
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
      return num(inputs.withdrawingContacts) ? t('insights.reason.consents', { count: number(num(inputs.withdrawingContacts) ?? 0) }) : t('insights.reason.consents.none');
    case 'buyingCenter':
      return t('insights.reason.buyingCenter', { now: number(num(inputs.activeContacts) ?? 0), before: number(num(inputs.previousActiveContacts) ?? 0) });
  }
}

