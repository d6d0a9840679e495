// One account's figures with how each was computed: its ABC rank against the class boundaries, the lifetime value with
// every input and one row per year that adds up to it, the churn risk's factors with their points (largest first), and
// its segment's rule. The Insights tab, the Teams account tab and the Outlook pane show this same view.
import { Badge, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { AccountInsights } from '../../contracts/insights';
import type { TenantSettings } from '../../contracts/tenant';
import { stageLabelOf } from '../hooks/use-stages';
import { useTexts } from '../i18n/i18n';
import type { AccountInsightsKey } from './account-insights-texts';
import { reasonOf } from './reasons';
import { useTableStyles } from './table-styles';
import { AccountKeyFiguresView } from './AccountKeyFiguresView';

/** The range's end is the first day after it; noon UTC keeps the calendar day in every European time zone. */
const lastDay = (to: string) => new Date(Date.parse(`${to}T12:00:00Z`) - 86_400_000);

const useStyles = makeStyles({
  stack: { display: 'grid', rowGap: tokens.spacingVerticalL, minWidth: 0 },
  item: { display: 'grid', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  // In a narrow column (the pane, the account tab's side column) the table scrolls sideways rather than break amounts and
  // headings mid-word (its region takes the focus, so the keyboard scrolls it too); only the reasons wrap.
  nowrap: { '& th, & td': { whiteSpace: 'nowrap' } },
  reasons: { '& td:last-child': { whiteSpace: 'normal', minWidth: '12em', textAlign: 'start' } },
});

/** `stages`: the tenant's stage model (useStages), which names the stages the account's deals were lost in. */
export function AccountInsightsView({ insights, stages }: { insights: AccountInsights; stages: TenantSettings['stages'] }) {
  const styles = useStyles();
  const table = useTableStyles();
  const texts = useTexts<AccountInsightsKey>();
  const id = useId();
  const { t, exactMoney, number, percent } = texts;
  const money = (value: number) => exactMoney(value, insights.currency);
  const { abc, clv, churnRisk, segment } = insights;
  const inputs = clv.inputs;
  // The factors that add most come first: the top reasons lead the table.
  const factors = [...churnRisk.factors].sort((a, b) => b.contribution - a.contribution);
  return (
    <div className={styles.stack} data-testid="account-insights" data-account-id={insights.accountId}>
      <Text className={styles.muted} data-testid="account-insights-range">
        {t('insights.block.period', { from: texts.date(`${insights.range.from}T12:00:00Z`), to: texts.date(lastDay(insights.range.to)) })}
      </Text>
      <section aria-labelledby={`${id}-abc-of`} className={styles.item}>
        <h3 id={`${id}-abc-of`} className={table.h3}>
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
        <Text className={styles.muted}>{t('insights.abc.how')}</Text>
      </section>

      <section aria-labelledby={`${id}-clv`} className={styles.item}>
        <h3 id={`${id}-clv`} className={table.h3}>
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
        <div className={table.scroll} tabIndex={0} role="region" aria-label={t('insights.clv')}>
          <table className={mergeClasses(table.table, styles.nowrap)} data-testid="clv-terms">
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

      <section aria-labelledby={`${id}-risk`} className={styles.item}>
        <h3 id={`${id}-risk`} className={table.h3}>
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
        <div className={table.scroll} tabIndex={0} role="region" aria-label={t('insights.risk')}>
          <table className={mergeClasses(table.table, styles.nowrap, styles.reasons)} data-testid="risk-factors">
            <caption className={table.caption}>{t('insights.risk')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insights.risk.factor')}</th>
                <th scope="col">{t('insights.risk.points')}</th>
                <th scope="col">{t('insights.risk.why')}</th>
              </tr>
            </thead>
            <tbody>
              {factors.map((f) => (
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

      <section aria-labelledby={`${id}-segment-of`} className={styles.item}>
        <h3 id={`${id}-segment-of`} className={table.h3}>
          {t('insights.segmentOf')}: {t(segment.segment ? `insights.segment.${segment.segment}` : 'insights.segment.none')}
        </h3>
        <Text className={styles.muted} data-testid="segment-rule">
          {t('insights.segmentOf.rule', { rule: segment.rule })}
        </Text>
        <Text className={styles.muted}>{t('insights.segments.how')}</Text>
      </section>

      <AccountKeyFiguresView figures={insights.keyFigures} headingId={`${id}-key-figures`} stageLabel={stageLabelOf(stages, texts.language)} />
    </div>
  );
}
