// One key figure of the Insights tab: its name, its value and how it was computed, as a term of the figures' list.
import { useTabStyles } from '../styles';

export function Figure({ label, value, how, metric }: { label: string; value: string; how: string; metric: string }) {
  const styles = useTabStyles();
  return (
    <div className={styles.figure} data-figure={metric}>
      <dt className={styles.muted}>{label}</dt>
      <dd className={styles.figureValue}>{value}</dd>
      <dd className={styles.muted} style={{ margin: 0 }}>
        {how}
      </dd>
    </div>
  );
}
