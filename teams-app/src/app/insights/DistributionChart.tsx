// How many accounts fall into each ABC class or segment, as bars (Fluent UI's VerticalBarChart, loaded on demand).
import { lazy } from 'react';
import type { Bar } from './ChartViews';
import { ChartFigure } from './ChartFigure';

const BarChartView = lazy(async () => ({ default: (await import('./ChartViews')).BarChartView }));

export function DistributionChart({ bars, summary, testId }: { bars: readonly Bar[]; summary: string; testId: string }) {
  return (
    <ChartFigure summary={summary} testId={testId}>
      <BarChartView bars={bars} />
    </ChartFigure>
  );
}
