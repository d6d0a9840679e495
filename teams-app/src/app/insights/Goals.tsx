// The team's goals: each against its key figure today, and month by month from the snapshots beside the straight line of
// its plan, drawn as a chart with the same numbers in a table for screen readers and keyboard users.
import { Badge, mergeClasses, Text } from '@fluentui/react-components';
import type { Goal } from '@crm/common';
import { useTableStyles } from '@crm/common/web/insights-tables';
import { Card } from '../Card';
import { useTabStyles } from '../styles';
import { day, formatMetric, monthLabel } from './metric-format';
import { TrendChart } from './TrendChart';
import { useInsightsT } from './use-insights-t';

function GoalHistory({ goal, currency }: { goal: Goal; currency: string }) {
  const styles = useTabStyles();
  const table = useTableStyles();
  const texts = useInsightsT();
  const { t, language } = texts;
  const format = (value: number | null) => formatMetric(goal.metric, value, currency, texts);
  const verdict = (onTrack: boolean | null) => t(onTrack === null ? 'insights.goal.unknown' : onTrack ? 'insights.goal.onTrack' : 'insights.goal.behind');
  const { history } = goal.progress;
  if (history.length === 0) return <Text size={200} className={styles.muted}>{t('insights.goal.noHistory')}</Text>;
  const points = history.map((p) => ({ label: monthLabel(p.month, language), value: p.value, text: format(p.value), planned: p.planned, plannedText: format(p.planned) }));
  return (
    <>
      <TrendChart
        points={points}
        legends={{ value: t(`insights.metric.${goal.metric}`), plan: t('insights.goal.planned') }}
        summary={t('insights.goal.chart', {
          title: goal.title,
          points: history.map((p) => t('insights.goal.point', { month: monthLabel(p.month, language), value: format(p.value), planned: format(p.planned) })).join(', '),
        })}
      />
      <div className={table.scroll}>
        <table className={table.table} data-testid="goal-history">
          <caption className={table.caption}>{t('insights.goal.history', { title: goal.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('insights.trend.month')}</th>
              <th scope="col">{t('insights.goal.value')}</th>
              <th scope="col">{t('insights.goal.planned')}</th>
              <th scope="col">{t('insights.goal.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((p) => (
              <tr key={p.month} data-month={p.month}>
                <th scope="row">{monthLabel(p.month, language)}</th>
                <td>{format(p.value)}</td>
                <td>{format(p.planned)}</td>
                <td>{verdict(p.onTrack)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function GoalItem({ goal, currency }: { goal: Goal; currency: string }) {
  const styles = useTabStyles();
  const texts = useInsightsT();
  const { t, date, percent } = texts;
  const format = (value: number | null) => formatMetric(goal.metric, value, currency, texts);
  const table = useTableStyles();
  const { progress } = goal;
  const clamped = Math.min(1, Math.max(0, progress.share ?? 0));
  const shareText = progress.share === null ? undefined : t('insights.goal.share', { share: percent(progress.share, 0), time: percent(progress.timeShare, 0) });
  return (
    <li className={styles.item} data-goal-id={goal.id}>
      <div className={styles.row}>
        <Text weight="semibold">{goal.title}</Text>
        <Text className={styles.muted}>{t(`insights.metric.${goal.metric}`)}</Text>
        {progress.onTrack === null ? (
          <Badge appearance="outline">{t('insights.goal.unknown')}</Badge>
        ) : (
          <Badge color={progress.onTrack ? 'success' : 'warning'} appearance="filled">
            {t(progress.onTrack ? 'insights.goal.onTrack' : 'insights.goal.behind')}
          </Badge>
        )}
      </div>
      <Text size={200}>
        {t('insights.goal.values', {
          start: format(goal.startValue),
          current: format(progress.currentValue),
          target: format(goal.targetValue),
          deadline: date(day(goal.deadline)),
        })}
      </Text>
      {/* A plain bar, not Fluent's ProgressBar: its motion code would land in every tab's shared chunk. */}
      <div
        role="progressbar"
        aria-label={t('insights.goal.progress', { title: goal.title })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(clamped * 100)}
        aria-valuetext={shareText}
        className={table.track}
      >
        <div className={mergeClasses(table.bar, progress.onTrack === false ? table.behind : undefined)} style={{ width: `${clamped * 100}%` }} />
      </div>
      {shareText ? (
        <Text size={200} className={styles.muted}>
          {shareText}
        </Text>
      ) : null}
      <GoalHistory goal={goal} currency={currency} />
    </li>
  );
}

export function Goals({ goals, currency }: { goals: readonly Goal[]; currency: string }) {
  const styles = useTabStyles();
  const { t } = useInsightsT();
  return (
    <Card headingId="goals-heading" heading={t('insights.goals')} testId="goals">
      {goals.length === 0 ? <Text className={styles.muted}>{t('insights.goals.none')}</Text> : <Text className={styles.muted}>{t('insights.goal.rule')}</Text>}
      <ul className={styles.list}>
        {goals.map((goal) => (
          <GoalItem key={goal.id} goal={goal} currency={currency} />
        ))}
      </ul>
    </Card>
  );
}
