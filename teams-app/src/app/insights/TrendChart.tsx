// A line of one figure over the monthly snapshots, and for a goal its plan as a dashed line beside it (Fluent UI's
// LineChart, loaded on demand).
import { lazy } from 'react';
import { ChartFigure } from './ChartFigure';
import type { TrendPoint } from './trend-point';

const LineChartView = lazy(async () => ({ default: (await import('./ChartViews')).LineChartView }));

export function TrendChart({ points, summary, legends }: { points: readonly TrendPoint[]; summary: string; legends: { value: string; plan?: string } }) {
  // Nothing to draw: the table beside it says that each month has no value.
  if (points.every((p) => p.value === null && p.planned === undefined)) return null;
  return (
    <ChartFigure summary={summary} testId="trend-chart">
      <LineChartView points={points} legends={legends} />
    </ChartFigure>
  );
}
