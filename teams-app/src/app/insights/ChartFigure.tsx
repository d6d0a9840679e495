// The figure a chart is drawn in: its text summary is there for screen readers at once, while the chart itself (Fluent
// UI's charts, which bring d3) loads on demand in a chunk of its own, so no tab's first download carries it. The table
// beside each chart holds the same numbers.
import { makeStyles } from '@fluentui/react-components';
import { Suspense, type ReactNode } from 'react';

const useStyles = makeStyles({
  chart: { margin: 0, width: '100%', maxWidth: '600px', minHeight: '200px' },
});

export function ChartFigure({ summary, testId, children }: { summary: string; testId: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <figure className={styles.chart} aria-label={summary} data-testid={testId}>
      <Suspense fallback={null}>{children}</Suspense>
    </figure>
  );
}
