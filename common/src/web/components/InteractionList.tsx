// A compact list of interactions: type, date and subject (in full, wrapped), all rendered as text (never as HTML).
import { Text } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import type { InteractionSummary } from '../../contracts/context';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', rowGap: tokens.spacingVerticalXS },
  item: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  // A long subject wraps instead of ending in an ellipsis with the rest in a hover tooltip, which touch and keyboard
  // users cannot open (#12 defect 17).
  subject: { overflowWrap: 'anywhere' },
});

export function InteractionList({ items, label }: { items: readonly InteractionSummary[]; label: string }) {
  const styles = useStyles();
  const { t, date } = useI18n();
  return (
    <ul className={styles.list} aria-label={label}>
      {items.map((item) => (
        <li key={item.id} className={styles.item}>
          <Text size={200} className={styles.meta}>
            {date(item.occurredAt)} · {t(`type.${item.type}`)}
          </Text>
          <Text size={200} className={styles.subject}>
            {item.subject}
          </Text>
        </li>
      ))}
    </ul>
  );
}
