// The Insights tab's lead figures (issue 18): leads by source and by status, the conversion rate and the median time
// to conversion, as GET /api/lead-figures counts them for the period chosen above: the leads captured in it and the
// conversions made in it. Every figure carries how it is computed.
import { Spinner, Text } from '@fluentui/react-components';
import { ErrorNotice, LEAD_SOURCES, LEAD_STATUSES } from '@crm/common/web';
import { Card } from '../Card';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useLoad } from '../use-load';
import { useTableStyles } from '@crm/common/web/insights-tables';
import { useInsightsT } from './use-insights-t';

/** Known values in their order first, then any the API names that this tab does not know yet. */
const ordered = <T extends { key: string }>(rows: readonly T[], order: readonly string[]) =>
  [...rows].sort((a, b) => (order.indexOf(a.key) + 1 || order.length + 1) - (order.indexOf(b.key) + 1 || order.length + 1));

export function LeadFigures({ period }: { period: string }) {
  const styles = useTabStyles();
  const table = useTableStyles();
  const { t, number, percent } = useInsightsT();
  const { api } = useServices();
  const figures = useLoad(async (signal) => (await api('leadSummary', { query: { period }, signal })).data, period);
  const data = figures.data;
  const label = (kind: 'source' | 'status', key: string) => {
    const known: readonly string[] = kind === 'source' ? LEAD_SOURCES : LEAD_STATUSES;
    return known.includes(key) ? t(`insights.leads.${kind}.${key}` as Parameters<typeof t>[0]) : key;
  };
  const converted = data?.byStatus.find((s) => s.status === 'converted')?.count ?? 0;
  const disqualified = data?.byStatus.find((s) => s.status === 'disqualified')?.count ?? 0;
  return (
    <Card headingId="lead-figures-heading" heading={t('insights.leads')} testId="lead-figures">
      <div data-ready-key={figures.status === 'ready' ? 'lead-figures' : undefined} data-period={data?.range?.period} className={styles.stack}>
        {figures.status === 'error' ? <ErrorNotice error={figures.error} onRetry={figures.reload} /> : null}
        {figures.status === 'loading' && !data ? <Spinner size="small" label={t('insights.loading')} /> : null}
        {data ? (
          <>
            <dl className={styles.figures}>
              <div className={styles.figure} data-figure="leads">
                <dt className={styles.muted}>{t('insights.leads.total')}</dt>
                <dd className={styles.figureValue}>{number(data.total)}</dd>
                <dd className={styles.muted} style={{ margin: 0 }}>
                  {t('insights.leads.total.how')}
                </dd>
              </div>
              <div className={styles.figure} data-figure="conversionRate">
                <dt className={styles.muted}>{t('insights.leads.conversion')}</dt>
                <dd className={styles.figureValue}>{data.conversionRate === null ? t('insights.none') : percent(data.conversionRate)}</dd>
                <dd className={styles.muted} style={{ margin: 0 }}>
                  {t('insights.leads.conversion.how', { converted: number(converted), disqualified: number(disqualified) })}
                </dd>
              </div>
              <div className={styles.figure} data-figure="daysToConversion">
                <dt className={styles.muted}>{t('insights.leads.days')}</dt>
                <dd className={styles.figureValue}>
                  {data.medianDaysToConversion === null ? t('insights.none') : t('insights.leads.daysValue', { days: number(data.medianDaysToConversion, 1) })}
                </dd>
                <dd className={styles.muted} style={{ margin: 0 }}>
                  {t('insights.leads.days.how', { conversions: number(data.conversions) })}
                </dd>
              </div>
            </dl>
            {data.total === 0 ? <Text>{t('insights.leads.none')}</Text> : null}
            {data.total > 0 ? (
              <div className={styles.row} style={{ alignItems: 'start', columnGap: '2rem' }}>
                <div className={table.scroll}>
                  <table className={table.table} data-testid="leads-by-source">
                    <caption className={table.caption}>{t('insights.leads.bySource')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('insights.leads.sourceColumn')}</th>
                        <th scope="col">{t('insights.leads.count')}</th>
                        <th scope="col">{t('insights.leads.converted')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {ordered(
                        data.bySource.map((s) => ({ ...s, key: s.source })),
                        LEAD_SOURCES,
                      ).map((s) => (
                        <tr key={s.key} data-source={s.key}>
                          <th scope="row">{label('source', s.key)}</th>
                          <td>{number(s.count)}</td>
                          <td>{number(s.converted)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <div className={table.scroll}>
                  <table className={table.table} data-testid="leads-by-status">
                    <caption className={table.caption}>{t('insights.leads.byStatus')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('insights.leads.statusColumn')}</th>
                        <th scope="col">{t('insights.leads.count')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {ordered(
                        data.byStatus.map((s) => ({ ...s, key: s.status })),
                        LEAD_STATUSES,
                      ).map((s) => (
                        <tr key={s.key} data-status={s.key}>
                          <th scope="row">{label('status', s.key)}</th>
                          <td>{number(s.count)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </Card>
  );
}
