// How old the figures beside it are: the instant the precomputed analysis was computed, and whether data changed since
// (the API then refreshes it within minutes, so "being updated" rather than "out of date").
import { Text } from '@fluentui/react-components';
import type { AnalysisFreshness } from '@crm/common';
import { useTabStyles } from '../styles';
import { useInsightsT } from './use-insights-t';

export function AsOf({ asOf, testId }: { asOf: AnalysisFreshness | undefined; testId: string }) {
  const styles = useTabStyles();
  const { t, dateTime } = useInsightsT();
  if (!asOf) return null;
  return (
    <Text className={styles.muted} size={200} data-testid={testId} data-stale={asOf.stale}>
      {t(asOf.stale ? 'insights.asOf.stale' : 'insights.asOf', { when: dateTime(asOf.computedAt) })}
    </Text>
  );
}
