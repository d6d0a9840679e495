// The Insights tab's response time, cross-selling rate and repeat purchase rate, each with its definition and inputs.
// An analysis computed before these figures existed has none of them yet: the card says so instead of showing zeros.
import { Text } from '@fluentui/react-components';
import type { TeamInsights } from '@crm/common';
import { Card } from '../Card';
import { useTabStyles } from '../styles';
import { Figure } from './Figure';
import { useInsightsT } from './use-insights-t';

export function ServiceFigures({ team }: { team: TeamInsights }) {
  const styles = useTabStyles();
  const { t, number, percent } = useInsightsT();
  const none = t('insights.none');
  const rate = (value: number | null) => (value === null ? none : percent(value));
  const hours = (value: number | null) => (value === null ? none : t('insights.hours', { value: number(value, 1) }));
  const { responseTime, crossSelling, repeatPurchase } = team;
  return (
    <Card headingId="service-figures-heading" heading={t('insights.service')} testId="service-figures">
      {responseTime && crossSelling && repeatPurchase ? (
        <dl className={styles.figures}>
          <Figure
            metric="responseTime"
            label={t('insights.responseTime')}
            value={hours(responseTime.medianHours)}
            how={t('insights.responseTime.how', {
              answered: number(responseTime.answered),
              requests: number(responseTime.requests),
              p90: responseTime.p90Hours === null ? none : number(responseTime.p90Hours, 1),
            })}
          />
          <Figure
            metric="crossSelling"
            label={t('insights.crossSelling')}
            value={rate(crossSelling.rate)}
            how={t('insights.crossSelling.how', {
              cross: number(crossSelling.crossBuyers),
              buyers: number(crossSelling.buyers),
              without: number(crossSelling.withoutProductLine),
            })}
          />
          <Figure
            metric="repeatPurchase"
            label={t('insights.repeatPurchase')}
            value={rate(repeatPurchase.rate)}
            how={t('insights.repeatPurchase.how', {
              repeat: number(repeatPurchase.repeatCustomers),
              customers: number(repeatPurchase.customers),
              purchases: number(repeatPurchase.purchases),
            })}
          />
        </dl>
      ) : (
        <Text className={styles.muted}>{t('insights.notYet')}</Text>
      )}
    </Card>
  );
}
