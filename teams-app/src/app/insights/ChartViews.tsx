// The charts behind TrendChart and DistributionChart, drawn by Fluent UI's charts (@fluentui/react-charts, which brings
// d3): one chunk of their own, loaded when a chart is first shown, so no tab's first download carries it. The build
// gives this module its own copy of what it imports (front-end-build.mjs): shared with the page, Fluent's menus and
// positioning came into the Insights tab's first download (207 KB gzip). The table beside each chart holds the same
// numbers for screen readers.
import { LineChart, VerticalBarChart, type LineChartGap, type LineChartPoints } from '@fluentui/react-charts';
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

export function LineChartView({ points, legends }: { points: readonly TrendPoint[]; legends: { value: string; plan?: string } }) {
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

export interface Bar {
  label: string;
  value: number;
  /** The value as the table beside the chart writes it. */
  text: string;
}

export function BarChartView({ bars }: { bars: readonly Bar[] }) {
  return (
    <VerticalBarChart
      data={bars.map((b) => ({ x: b.label, y: b.value, legend: b.label, xAxisCalloutData: b.label, yAxisCalloutData: b.text }))}
      width={600}
      height={200}
      hideLegend
      useSingleColor
      enableReflow
    />
  );
}
