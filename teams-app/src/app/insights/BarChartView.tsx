// The chart behind DistributionChart: Fluent UI's VerticalBarChart, in its own chunk like the line chart.
import { VerticalBarChart } from '@fluentui/react-charts';
import type { Bar } from './DistributionChart';

export default function BarChartView({ bars }: { bars: readonly Bar[] }) {
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
