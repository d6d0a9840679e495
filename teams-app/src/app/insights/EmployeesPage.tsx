// Key figures per employee, for managers of a tenant that switched them on (insights.perEmployeeFigures, which needs a
// works council agreement: BetrVG §87(1) Nr. 6). The tab offers this page only then; the API refuses it otherwise.
import { Spinner, Text } from '@fluentui/react-components';
import { ErrorNotice } from '@crm/common/web';
import { useTableStyles } from '@crm/common/web/insights-tables';
import { useState } from 'react';
import { Card } from '../Card';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useLoad } from '../use-load';
import { PeriodSelect } from './PeriodSelect';
import { useInsightsT } from './use-insights-t';

export function EmployeesPage({ now }: { now: Date }) {
  const styles = useTabStyles();
  const table = useTableStyles();
  const { t, number, percent, exactMoney } = useInsightsT();
  const { api } = useServices();
  const [period, setPeriod] = useState('last-12-months');
  const figures = useLoad(async (signal) => (await api('employeeInsights', { query: { period }, signal })).data, period);
  const data = figures.data;
  const columns = ['accounts', 'open', 'weighted', 'won', 'wonAmount', 'lost', 'winRate'] as const;
  return (
    <div className={styles.stack} data-ready-key={data ? 'employees' : undefined} aria-busy={figures.status === 'loading'}>
      <Text className={styles.muted}>{t('insights.employees.why')}</Text>
      <PeriodSelect period={period} onChange={setPeriod} year={now.getUTCFullYear()} />
      {figures.status === 'error' ? <ErrorNotice error={figures.error} onRetry={figures.reload} /> : null}
      {figures.status === 'loading' ? <Spinner label={t('insights.loading')} /> : null}
      {data ? (
        <Card headingId="employees-heading" heading={t('insights.employees')} testId="employees">
          <Text className={styles.muted}>{t('insights.employees.how')}</Text>
          {data.employees.length === 0 ? <Text>{t('insights.employees.none')}</Text> : null}
          <div className={table.scroll}>
            <table className={table.table} data-testid="employee-table">
              <caption className={table.caption}>{t('insights.employees')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('insights.employees.name')}</th>
                  {columns.map((c) => (
                    <th key={c} scope="col">
                      {t(`insights.employees.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.employees.map((e) => (
                  <tr key={e.userId} data-user-id={e.userId}>
                    <th scope="row">{e.displayName}</th>
                    <td>{number(e.accounts)}</td>
                    <td>{number(e.openOpportunities)}</td>
                    <td>{exactMoney(e.weightedPipeline, data.currency)}</td>
                    <td>{number(e.won)}</td>
                    <td>{exactMoney(e.wonAmount, data.currency)}</td>
                    <td>{number(e.lost)}</td>
                    <td>{e.winRate === null ? t('insights.none') : percent(e.winRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
