// How many accounts fall into each ABC class or segment, as bars (Fluent UI's VerticalBarChart, loaded on demand).
import { lazy } from 'react';
import { ChartFigure } from './ChartFigure';

const BarChartView = lazy(() => import('./BarChartView'));

export interface Bar {
  label: string;
  value: number;
  /** The value as the table beside the chart writes it. */
  text: string;
}

export function DistributionChart({ bars, summary, testId }: { bars: readonly Bar[]; summary: string; testId: string }) {
  return (
    <ChartFigure summary={summary} testId={testId}>
      <BarChartView bars={bars} />
    </ChartFigure>
  );
}
