// The "Insights" (Auswertungen) tab: the team's key figures for a period, each with how it was computed, the goals
// against their figure today, the lead figures, the trend from the monthly snapshots, the ABC and segment distributions, the accounts
// at risk with their reasons, and any account's figures with their inputs. Team figures; figures per employee only for
// managers of a tenant that switched them on (EmployeesPage).
import { Badge, Button, Field, Select, Spinner, Text } from '@fluentui/react-components';
import type { GoalMetric, InsightSnapshot, TeamInsights } from '@crm/common';
import { ErrorNotice, GOAL_METRICS, I18nProvider, metricValue, stageLabelOf, useCreateI18n, useI18n, useStages } from '@crm/common/web';
import { lazy, Suspense, useId, useMemo, useRef, useState, type ComponentType } from 'react';
import { tabTexts } from '../texts';
import { Card } from '../Card';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useLoad } from '../use-load';
import { saveFile, type SaveFile } from '../data-tab/save-file';
import { AccountDetails } from './AccountDetails';
import { AccountPicker } from '../config/AccountPicker';
import { AsOf } from './AsOf';
import { LeadFigures } from './LeadFigures';
import { Figure } from './Figure';
import { ServiceFigures } from './ServiceFigures';
import { DataFigures } from './DataFigures';
import { reasonOf } from '@crm/common/web/insights-reasons';
import type { InsightsTexts } from './insights-texts';
import { useInsightsT } from './use-insights-t';
import { useTableStyles } from '@crm/common/web/insights-tables';
import type { Bar } from './ChartViews';
import { DistributionChart } from './DistributionChart';
import { TrendChart } from './TrendChart';
import { day, formatMetric, monthLabel } from './metric-format';
import { Goals } from './Goals';
import { PeriodSelect } from './PeriodSelect';
import { useEmployeeAccess } from './use-employee-access';

export type InsightsPageName = 'figures' | 'segments' | 'rules' | 'employees';
const ORDER: readonly InsightsPageName[] = ['figures', 'segments', 'rules', 'employees'];
// The segment lists, the rules and the figures per employee are their own chunks, loaded when opened: the figures are
// what the tab opens with.
const lazyPages: Record<Exclude<InsightsPageName, 'figures'>, ComponentType<{ now: Date; save: SaveFile }>> = {
  segments: lazy(() => import('./SegmentsPage').then((m) => ({ default: m.SegmentsPage }))),
  rules: lazy(() => import('./RulesPage').then((m) => ({ default: m.RulesPage }))),
  employees: lazy(() => import('./EmployeesPage').then((m) => ({ default: m.EmployeesPage }))),
};

const GOALS_SHOWN = 50;
const TREND_MONTHS = 12;
const dayBefore = (date: string) => new Date(Date.parse(day(date)) - 86_400_000).toISOString();

function KeyFigures({ team }: { team: TeamInsights }) {
  const styles = useTabStyles();
  const texts = useInsightsT();
  const { t, number, percent, exactMoney } = texts;
  const stageLabel = stageLabelOf(useStages(useServices().api), texts.language);
  const money = (value: number) => exactMoney(value, team.currency);
  const none = t('insights.none');
  const hours = (value: number | null) => (value === null ? none : number(value, 1));
  const open = team.pipeline.reduce((s, g) => ({ count: s.count + g.count, amount: s.amount + g.amount, weighted: s.weighted + g.weightedAmount }), {
    count: 0,
    amount: 0,
    weighted: 0,
  });
  const quarter = team.forecast.thisQuarter;
  return (
    <Card headingId="figures-heading" heading={t('insights.figures')} testId="key-figures">
      <dl className={styles.figures}>
        <Figure
          metric="winRate"
          label={t('insights.winRate')}
          value={team.winRate.rate === null ? none : percent(team.winRate.rate)}
          how={t('insights.winRate.how', { won: number(team.winRate.won), lost: number(team.winRate.lost) })}
        />
        <Figure
          metric="churnRate"
          label={t('insights.churnRate')}
          value={team.customers.churnRate === null ? none : percent(team.customers.churnRate)}
          how={t('insights.churnRate.how', { churned: number(team.customers.churned), previous: number(team.customers.previous) })}
        />
        <Figure
          metric="activeCustomers"
          label={t('insights.active')}
          value={number(team.customers.active)}
          how={t('insights.active.how', { previous: number(team.customers.previous) })}
        />
        <Figure metric="newCustomers" label={t('insights.new')} value={number(team.customers.new)} how={t('insights.new.how')} />
        <Figure
          metric="complaints"
          label={t('insights.complaints')}
          value={number(team.complaints.count)}
          how={t('insights.complaints.how', {
            open: number(team.complaints.open),
            resolved: number(team.complaints.resolved),
            median: hours(team.complaints.medianResolutionHours),
            p90: hours(team.complaints.p90ResolutionHours),
          })}
        />
        <Figure
          metric="weightedPipeline"
          label={t('insights.weighted')}
          value={money(open.weighted)}
          how={t('insights.weighted.how', { count: number(open.count), amount: money(open.amount) })}
        />
        <Figure
          metric="forecast"
          label={t('insights.forecast', { quarter: quarter.quarter })}
          value={money(quarter.weightedAmount)}
          how={t('insights.forecast.how', { count: number(quarter.count), quarter: quarter.quarter })}
        />
      </dl>
      {team.winRate.lostByStage.length > 0 ? (
        <Text className={styles.muted} size={200}>
          {t('insights.lostByStage', { stages: team.winRate.lostByStage.map((s) => `${stageLabel(s.stage)} ${number(s.count)}`).join(', ') })}
        </Text>
      ) : null}
    </Card>
  );
}

function Trend({ snapshots, currency }: { snapshots: readonly InsightSnapshot[]; currency: string }) {
  const styles = useTabStyles();
  const table = useTableStyles();
  const texts = useInsightsT();
  const { t, language } = texts;
  const selectId = useId();
  const [metric, setMetric] = useState<GoalMetric>('churnRate');
  const month = (m: string) => monthLabel(m, language);
  const points = snapshots.map((s) => {
    const value = metricValue(s.figures, metric);
    return { label: month(s.month), value, text: formatMetric(metric, value, currency, texts) };
  });
  const columns: GoalMetric[] = ['activeCustomers', 'newCustomers', 'churnRate', 'winRate', 'openComplaints', 'atRiskAccounts'];
  return (
    <Card headingId="trend-heading" heading={t('insights.trend')} testId="trend">
      <Text className={styles.muted}>{t('insights.trend.how')}</Text>
      {snapshots.length === 0 ? (
        <Text>{t('insights.trend.none')}</Text>
      ) : (
        <>
          <Field label={t('insights.trend.metric')}>
            <Select id={selectId} value={metric} onChange={(_e, d) => setMetric(d.value as GoalMetric)}>
              {GOAL_METRICS.map((m) => (
                <option key={m} value={m}>
                  {t(`insights.metric.${m}`)}
                </option>
              ))}
            </Select>
          </Field>
          <TrendChart
            points={points}
            legends={{ value: t(`insights.metric.${metric}`) }}
            summary={t('insights.trend.chart', { metric: t(`insights.metric.${metric}`), points: points.map((p) => `${p.label} ${p.text}`).join(', ') })}
          />
          <div className={table.scroll}>
            <table className={table.table} data-testid="trend-table">
              <caption className={table.caption}>{t('insights.trend')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('insights.trend.month')}</th>
                  {columns.map((c) => (
                    <th key={c} scope="col">
                      {t(`insights.metric.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {snapshots.map((s) => (
                  <tr key={s.month} data-month={s.month}>
                    <th scope="row">{month(s.month)}</th>
                    {columns.map((c) => (
                      <td key={c}>{formatMetric(c, metricValue(s.figures, c), currency, texts)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Card>
  );
}

function Distributions({ team }: { team: TeamInsights }) {
  const styles = useTabStyles();
  const table = useTableStyles();
  const { t, number, exactMoney } = useInsightsT();
  const abcBars = team.abc.map((a) => ({ label: a.class, value: a.accounts, text: number(a.accounts) }));
  const segmentBars = team.segments.map((s) => ({ label: t(s.segment ? `insights.segment.${s.segment}` : 'insights.segment.none'), value: s.accounts, text: number(s.accounts) }));
  const summary = (bars: readonly Bar[]) => bars.map((b) => `${b.label} ${b.text}`).join(', ');
  return (
    <Card headingId="distribution-heading" heading={`${t('insights.abc')} · ${t('insights.segments')}`} testId="distributions">
      <Text className={styles.muted}>{t('insights.abc.how')}</Text>
      <DistributionChart bars={abcBars} summary={t('insights.abc.chart', { bars: summary(abcBars) })} testId="abc-chart" />
      <div className={table.scroll}>
        <table className={table.table} data-testid="abc-table">
          <caption className={table.caption}>{t('insights.abc')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('insights.abc.class')}</th>
              <th scope="col">{t('insights.abc.accounts')}</th>
              <th scope="col">{t('insights.abc.revenue')}</th>
            </tr>
          </thead>
          <tbody>
            {team.abc.map((a) => (
              <tr key={a.class} data-class={a.class}>
                <th scope="row">{a.class}</th>
                <td>{number(a.accounts)}</td>
                <td>{exactMoney(a.revenue, team.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Text className={styles.muted}>{t('insights.segments.how')}</Text>
      <DistributionChart bars={segmentBars} summary={t('insights.segments.chart', { bars: summary(segmentBars) })} testId="segment-chart" />
      <div className={table.scroll}>
        <table className={table.table} data-testid="segment-table">
          <caption className={table.caption}>{t('insights.segments')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('insights.segment')}</th>
              <th scope="col">{t('insights.abc.accounts')}</th>
            </tr>
          </thead>
          <tbody>
            {team.segments.map((s, i) => (
              <tr key={s.segment ?? 'none'} data-segment={s.segment ?? 'none'}>
                <th scope="row">{segmentBars[i]!.label}</th>
                <td>{segmentBars[i]!.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function AtRisk({ team, onDetails }: { team: TeamInsights; onDetails: (id: string) => void }) {
  const styles = useTabStyles();
  const texts = useInsightsT();
  const { t, number } = texts;
  return (
    <Card headingId="at-risk-heading" heading={t('insights.atRisk')} testId="at-risk">
      {team.atRisk.length === 0 ? <Text className={styles.muted}>{t('insights.atRisk.none')}</Text> : null}
      <ul className={styles.list}>
        {team.atRisk.map((a) => (
          <li key={a.accountId} className={styles.item} data-account-id={a.accountId}>
            <div className={styles.spread}>
              <div className={styles.row}>
                <Text weight="semibold">{a.name}</Text>
                <Badge color="danger" appearance="filled">
                  {t('insights.atRisk.score', { score: number(a.score) })}
                </Badge>
              </div>
              <Button size="small" onClick={() => onDetails(a.accountId)} aria-label={t('insights.details', { name: a.name })}>
                {t('insights.detailsButton')}
              </Button>
            </div>
            <ul className={styles.muted} style={{ margin: 0, paddingInlineStart: '1.2em' }}>
              {a.reasons.slice(0, 3).map((r) => (
                <li key={r.factor}>
                  {t(`insights.factor.${r.factor}`)} (+{number(r.contribution, 1)}): {reasonOf(r, texts)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The tab's body with its own texts (loaded on demand: insights-texts.ts) added to the shell's language. */
export function InsightsTab({
  texts,
  now = new Date(),
  page = 'figures',
  save = saveFile,
  teamOnly = false,
}: {
  texts: InsightsTexts;
  now?: Date;
  page?: InsightsPageName;
  save?: SaveFile;
  /** The tab a channel or chat shares (configured with scope=team): the team's figures and nothing else. */
  teamOnly?: boolean;
}) {
  const dictionary = useMemo(() => ({ en: { ...tabTexts.en, ...texts.en }, de: { ...tabTexts.de, ...texts.de } }), [texts]);
  const i18n = useCreateI18n(useI18n().language, dictionary);
  const { host } = useServices();
  // Inside a channel, chat or meeting the tab is shared whatever its address says.
  const shared = teamOnly || host.origin !== null;
  return (
    <I18nProvider i18n={i18n}>
      {shared ? <SharedInsights now={now} /> : <InsightsPages now={now} initial={page} save={save} />}
    </I18nProvider>
  );
}

/** What everyone in a channel or chat sees alike: the figures page with the team's figures, no other page. */
function SharedInsights({ now }: { now: Date }) {
  const styles = useTabStyles();
  const { t } = useInsightsT();
  return (
    <main className={styles.page} data-scope="team">
      <h1 className={styles.heading}>{t('insights.heading')}</h1>
      <InsightsPage now={now} note={t('insights.shared')} />
    </main>
  );
}

/**
 * The pages are switched by plain buttons in a nav, as in the Data tab: Fluent's TabList would bring its keyboard
 * library into the first download.
 */
function InsightsPages({ now, initial, save }: { now: Date; initial: InsightsPageName; save: SaveFile }) {
  const styles = useTabStyles();
  const { t } = useInsightsT();
  const employees = useEmployeeAccess();
  const pages = ORDER.filter((name) => name !== 'employees' || employees === 'on');
  const [chosen, setPage] = useState<InsightsPageName>(initial);
  const page = pages.includes(chosen) ? chosen : 'figures';
  const Lazy = page === 'figures' ? null : lazyPages[page];
  return (
    <main className={styles.page}>
      <h1 className={styles.heading}>{t('insights.heading')}</h1>
      <nav aria-label={t('insights.pages')} className={styles.row}>
        {pages.map((name) => (
          <Button key={name} appearance={name === page ? 'primary' : 'subtle'} aria-current={name === page ? 'page' : undefined} onClick={() => setPage(name)}>
            {t(`insights.page.${name}`)}
          </Button>
        ))}
      </nav>
      {Lazy ? (
        <Suspense fallback={<Spinner label={t('insights.loadingPage')} />}>
          <Lazy now={now} save={save} />
        </Suspense>
      ) : (
        <InsightsPage now={now} note={t(employees === 'off' ? 'insights.employees.off' : 'insights.teamOnly')} />
      )}
    </main>
  );
}

function InsightsPage({ now, note }: { now: Date; note: string }) {
  const styles = useTabStyles();
  const { t, date } = useInsightsT();
  const { api } = useServices();
  const [period, setPeriod] = useState('last-12-months');
  const [accountId, setAccountId] = useState<string | null>(null);
  const detailsHeading = useRef<HTMLHeadingElement>(null);
  const team = useLoad(async (signal) => (await api('teamInsights', { query: { period }, signal })).data, period);
  const goals = useLoad(async (signal) => (await api('listGoals', { query: { limit: GOALS_SHOWN }, signal })).data, 'goals');
  const trend = useLoad(async (signal) => (await api('insightTrend', { query: { months: TREND_MONTHS }, signal })).data, 'trend');
  const data = team.data;
  const showDetails = (id: string) => {
    setAccountId(id);
    // The details card sits below the lists: move focus there so keyboard and screen reader users land on what they asked for.
    requestAnimationFrame(() => detailsHeading.current?.focus());
  };
  return (
    <div className={styles.stack} data-ready-key={data && goals.data && trend.data ? 'insights' : undefined} aria-busy={team.status === 'loading'}>
      <Text className={styles.muted} data-testid="insights-note">
        {note}
      </Text>
      <PeriodSelect period={period} onChange={setPeriod} year={now.getUTCFullYear()} />
      {team.status === 'error' ? <ErrorNotice error={team.error} onRetry={team.reload} /> : null}
      {team.status === 'loading' ? <Spinner label={t('insights.loading')} /> : null}
      {data ? (
        <>
          <Text data-testid="insights-range">
            {t('insights.range', { from: date(day(data.range.from)), to: date(dayBefore(data.range.to)), source: t(`insights.source.${data.revenueSource}`) })}
          </Text>
          <AsOf asOf={data.asOf} testId="insights-as-of" />
          <KeyFigures team={data} />
          <ServiceFigures team={data} />
          <DataFigures team={data} />
          <LeadFigures period={period} />
          <div className={styles.columns}>
            <div className={styles.stack}>
              {goals.status === 'error' ? <ErrorNotice error={goals.error} onRetry={goals.reload} /> : null}
              {goals.data ? <Goals goals={goals.data.items} currency={data.currency} /> : null}
              {trend.status === 'error' ? <ErrorNotice error={trend.error} onRetry={trend.reload} /> : null}
              {trend.data ? <Trend snapshots={trend.data.snapshots} currency={data.currency} /> : null}
            </div>
            <div className={styles.stack}>
              <Distributions team={data} />
              <AtRisk team={data} onDetails={showDetails} />
            </div>
          </div>
          <section className={styles.card} aria-labelledby="account-details-heading" data-testid="account-details">
            <h2 id="account-details-heading" className={styles.subheading} tabIndex={-1} ref={detailsHeading}>
              {t('insights.account')}
            </h2>
            <Text className={styles.muted}>{t('insights.account.hint')}</Text>
            <AccountPicker autoFocus={false} selectedId={accountId} onPick={(account) => setAccountId(account.id)} />
            {accountId ? <AccountDetails accountId={accountId} period={period} /> : null}
          </section>
        </>
      ) : null}
    </div>
  );
}
