// The chart behind TrendChart, drawn by Fluent UI's charts (@fluentui/react-charts, which brings d3): its own chunk,
// loaded when a chart is first shown, so no tab's first download carries it. The table beside each chart holds the same
// numbers for screen readers.
import { LineChart, type LineChartGap, type LineChartPoints } from '@fluentui/react-charts';
import type { TrendPoint } from './trend-point';

const WIDTH = 600;
const HEIGHT = 200;

/** A month without a value breaks the line rather than drawing it through zero: the gap joins its known neighbours. */
function valueSeries(points: readonly TrendPoint[], legend: string): LineChartPoints {
  const known = points.flatMap((p, i) => (p.value === null ? [] : [{ i, value: p.value, label: p.label, text: p.text }]));
  const gaps: LineChartGap[] = known.flatMap((p, k) => (k > 0 && p.i - known[k - 1]!.i > 1 ? [{ startIndex: k - 1, endIndex: k }] : []));
  return {
    legend,
    data: known.map((p) => ({ x: p.i, y: p.value, xAxisCalloutData: p.label, yAxisCalloutData: p.text })),
    gaps,
  };
}

export default function LineChartView({ points, legends }: { points: readonly TrendPoint[]; legends: { value: string; plan?: string } }) {
  const plan = points.flatMap((p, i) => (p.planned === undefined ? [] : [{ x: i, y: p.planned, xAxisCalloutData: p.label, yAxisCalloutData: p.plannedText }]));
  const series: LineChartPoints[] = [valueSeries(points, legends.value)];
  if (plan.length > 0) series.push({ legend: legends.plan ?? '', data: plan, lineOptions: { strokeDasharray: '6 4' } });
  return (
    <LineChart
      data={{ lineChartData: series }}
      width={WIDTH}
      height={HEIGHT}
      tickValues={points.map((_, i) => i)}
      tickFormat={(x) => points[Number(x)]?.label ?? ''}
      hideLegend={plan.length === 0}
      enableReflow
    />
  );
}
