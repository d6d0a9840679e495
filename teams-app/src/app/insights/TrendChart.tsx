// A line of one figure over the monthly snapshots, and for a goal its plan as a dashed line beside it. The chart itself
// (Fluent UI's LineChart) loads on demand; the figure around it carries a text summary for screen readers at once, and
// the table beside it holds the same numbers.
import { makeStyles } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import type { TrendPoint } from './trend-point';

const LineChartView = lazy(() => import('./LineChartView'));

const useStyles = makeStyles({
  chart: { margin: 0, width: '100%', maxWidth: '600px', minHeight: '200px' },
});

export function TrendChart({ points, summary, legends }: { points: readonly TrendPoint[]; summary: string; legends: { value: string; plan?: string } }) {
  const styles = useStyles();
  // Nothing to draw: the table beside it says that each month has no value.
  if (points.every((p) => p.value === null && p.planned === undefined)) return null;
  return (
    <figure className={styles.chart} aria-label={summary} data-testid="trend-chart">
      <Suspense fallback={null}>
        <LineChartView points={points} legends={legends} />
      </Suspense>
    </figure>
  );
}
