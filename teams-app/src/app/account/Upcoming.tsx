// What is planned with the account, soonest first: meetings ahead are not contact yet, so they stay off the timeline.
import { Caption1, Text } from '@fluentui/react-components';
import { memo } from 'react';
import type { InteractionSummary } from '@crm/common';
import { Card } from '../Card';
import { useTabStyles } from '../styles';
import { useT } from '../texts';

export const Upcoming = memo(function Upcoming({ items }: { items: readonly InteractionSummary[] }) {
  const styles = useTabStyles();
  const { t, dateTime } = useT();
  if (items.length === 0) return null;
  return (
    <Card headingId="upcoming-heading" heading={t('upcoming.heading')} testId="upcoming">
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.id} className={styles.item} data-upcoming-id={item.id}>
            <Text weight="semibold" className={styles.clip} title={item.subject}>
              {item.subject}
            </Text>
            <Caption1 className={styles.muted}>
              {dateTime(item.occurredAt)} · {t(`type.${item.type}`)}
            </Caption1>
          </li>
        ))}
      </ul>
    </Card>
  );
});
