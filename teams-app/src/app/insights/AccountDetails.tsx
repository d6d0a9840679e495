// One account's figures with how each was computed: its ABC rank against the class boundaries, the lifetime value with
// every input and one row per year that adds up to it, the churn risk's factors with their points, and its segment's rule.
import { Badge, Spinner, Text } from '@fluentui/react-components';
import type { AccountInsights } from '@crm/common';
import { ErrorNotice } from '@crm/common/web';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useLoad } from '../use-load';
import { reasonOf } from './reasons';
import { useInsightsT } from './use-insights-t';
import { useTableStyles } from './table-styles';

function Details({ insights }: { insights: AccountInsights }) {
  const styles = useTabStyles();
  const table = useTableStyles();
  const texts = useInsightsT();
  const { t, exactMoney, number, percent } = texts;
  const money = (value: number) => exactMoney(value, insights.currency);
  const { abc, clv, churnRisk, segment } = insights;
  const inputs = clv.inputs;
  return (
    <div className={styles.stack} data-testid="account-insights" data-account-id={insights.accountId}>
      <section aria-labelledby="abc-of-heading" className={styles.item}>
        <h3 id="abc-of-heading" className={table.h3}>
          {t('insights.abcOf')}
        </h3>
        <Text data-testid="abc-of">
          {abc.class === null || abc.rank === null
            ? t('insights.abcOf.noRevenue', { customers: number(abc.customers) })
            : t('insights.abcOf.class', {
                class: abc.class,
                rank: number(abc.rank),
                customers: number(abc.customers),
                revenue: money(abc.revenue),
                a: number(abc.aUpToRank),
                b: number(abc.bUpToRank),
              })}
        </Text>
      </section>

      <section aria-labelledby="clv-heading" className={styles.item}>
        <h3 id="clv-heading" className={table.h3}>
          {t('insights.clv')}: <span data-testid="clv-value">{money(clv.value)}</span>
        </h3>
        <dl className={table.pairs}>
          <dt>{t('insights.clv.formula')}</dt>
          <dd>
            <code>{clv.formula}</code>
          </dd>
          <dt>{t('insights.clv.history')}</dt>
          <dd>
            {t('insights.clv.history.value', {
              years: number(inputs.yearsWithHistory),
              of: number(inputs.historyYears),
              revenue: money(inputs.historyRevenue),
              cost: money(inputs.historyCost),
              imported: money(inputs.importedCost),
              margin: number(inputs.defaultMarginPercent),
            })}
          </dd>
          <dt>{t('insights.clv.yearlyRevenue')}</dt>
          <dd>{money(inputs.yearlyRevenue)}</dd>
          <dt>{t('insights.clv.yearlyCost')}</dt>
          <dd>{money(inputs.yearlyCost)}</dd>
          <dt>{t('insights.clv.horizon')}</dt>
          <dd>{t('insights.clv.horizon.value', { years: number(inputs.horizonYears) })}</dd>
          <dt>{t('insights.clv.discount')}</dt>
          <dd>{percent(inputs.discountRatePercent / 100, 2)}</dd>
          <dt>{t('insights.clv.retention')}</dt>
          <dd>{number(inputs.retention, 4)}</dd>
        </dl>
        <div className={table.scroll}>
          <table className={table.table} data-testid="clv-terms">
            <caption className={table.caption}>{t('insights.clv')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insights.clv.year')}</th>
                <th scope="col">{t('insights.clv.revenue')}</th>
                <th scope="col">{t('insights.clv.cost')}</th>
                <th scope="col">{t('insights.clv.survival')}</th>
                <th scope="col">{t('insights.clv.factor')}</th>
                <th scope="col">{t('insights.clv.present')}</th>
              </tr>
            </thead>
            <tbody>
              {clv.terms.map((term) => (
                <tr key={term.year}>
                  <th scope="row">{number(term.year)}</th>
                  <td>{money(term.revenue)}</td>
                  <td>{money(term.cost)}</td>
                  <td>{number(term.survival, 4)}</td>
                  <td>{number(term.discountFactor, 4)}</td>
                  <td>{money(term.presentValue)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={5}>
                  {t('insights.clv.sum')}
                </th>
                <td>{money(clv.value)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section aria-labelledby="risk-heading" className={styles.item}>
        <h3 id="risk-heading" className={table.h3}>
          {t('insights.risk')}: <span data-testid="risk-score">{number(churnRisk.score)}</span>
        </h3>
        <div className={styles.row}>
          <Text>{t('insights.risk.score', { score: number(churnRisk.score) })}</Text>
          {churnRisk.sleeping ? (
            <Badge color="warning" appearance="filled">
              {t('insights.risk.sleeping', { days: number(churnRisk.sleepingAfterDays) })}
            </Badge>
          ) : null}
        </div>
        <div className={table.scroll}>
          <table className={table.table} data-testid="risk-factors">
            <caption className={table.caption}>{t('insights.risk')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insights.risk.factor')}</th>
                <th scope="col">{t('insights.risk.points')}</th>
                <th scope="col">{t('insights.risk.why')}</th>
              </tr>
            </thead>
            <tbody>
              {churnRisk.factors.map((f) => (
                <tr key={f.factor} data-factor={f.factor}>
                  <th scope="row">{t(`insights.factor.${f.factor}`)}</th>
                  <td>{t('insights.risk.points.value', { points: number(f.contribution, 1), weight: number(f.weight) })}</td>
                  <td>{reasonOf(f, texts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="segment-of-heading" className={styles.item}>
        <h3 id="segment-of-heading" className={table.h3}>
          {t('insights.segmentOf')}: {t(segment.segment ? `insights.segment.${segment.segment}` : 'insights.segment.none')}
        </h3>
        <Text className={styles.muted} data-testid="segment-rule">
          {t('insights.segmentOf.rule', { rule: segment.rule })}
        </Text>
      </section>
    </div>
  );
}

export function AccountDetails({ accountId, period }: { accountId: string; period: string }) {
  const { api } = useServices();
  const { t } = useInsightsT();
  const load = useLoad(async (signal) => (await api('accountInsights', { params: { id: accountId }, query: { period }, signal })).data, `${accountId}/${period}`);
  return (
    <div aria-busy={load.status === 'loading'}>
      {load.status === 'error' ? <ErrorNotice error={load.error} onRetry={load.reload} /> : null}
      {load.status === 'loading' ? <Spinner label={t('insights.account.loading')} /> : null}
      {load.data && load.data.accountId === accountId ? <Details insights={load.data} /> : null}
    </div>
  );
}
