// A line of one figure over the monthly snapshots, drawn as plain SVG: the theme's colours through currentColor (so
// dark and high contrast follow), a text summary for screen readers, and the table beside it holds the same numbers.
// A goal's chart adds its plan as a dashed line.
import { makeStyles, tokens } from '@fluentui/react-components';

const WIDTH = 600;
const HEIGHT = 160;
const PAD = 24;

const useStyles = makeStyles({
  chart: { width: '100%', maxWidth: `${WIDTH}px`, height: 'auto', color: tokens.colorBrandForeground1 },
  axis: { stroke: tokens.colorNeutralStroke1 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '11px' },
  plan: { stroke: tokens.colorNeutralForeground3 },
});

export interface TrendPoint {
  label: string;
  value: number | null;
  text: string;
  /** Where a goal's plan stood at this point. */
  planned?: number;
}

export function TrendChart({ points, summary }: { points: readonly TrendPoint[]; summary: string }) {
  const styles = useStyles();
  const known = points.filter((p): p is TrendPoint & { value: number } => p.value !== null);
  const plan = points.flatMap((p, i) => (p.planned === undefined ? [] : [{ i, value: p.planned }]));
  const values = [...known.map((p) => p.value), ...plan.map((p) => p.value), 0];
  const max = Math.max(...values);
  const min = Math.min(...values);
  const span = max - min || 1;
  const x = (i: number) => PAD + (points.length === 1 ? (WIDTH - 2 * PAD) / 2 : (i * (WIDTH - 2 * PAD)) / (points.length - 1));
  const y = (value: number) => HEIGHT - PAD - ((value - min) / span) * (HEIGHT - 2 * PAD);
  // A month without a value breaks the line rather than drawing it through zero.
  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  return (
    <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} data-testid="trend-chart">
      <line className={styles.axis} x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD} y2={HEIGHT - PAD} />
      {plan.length > 0 ? (
        <path
          className={styles.plan}
          d={plan.map((p, n) => `${n ? 'L' : 'M'}${x(p.i).toFixed(1)},${y(p.value).toFixed(1)}`).join('')}
          fill="none"
          strokeWidth={1.5}
          strokeDasharray="6 4"
          data-testid="trend-plan"
        />
      ) : null}
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="currentColor" strokeWidth={2} />
      ))}
      {points.map((p, i) =>
        p.value === null ? null : (
          <g key={p.label}>
            <circle cx={x(i)} cy={y(p.value)} r={3} fill="currentColor" />
            <text className={styles.label} x={x(i)} y={y(p.value) - 8} textAnchor="middle">
              {p.text}
            </text>
          </g>
        ),
      )}
      {points.map((p, i) => (
        <text key={`l-${p.label}`} className={styles.label} x={x(i)} y={HEIGHT - 6} textAnchor="middle">
          {p.label}
        </text>
      ))}
    </svg>
  );
}
