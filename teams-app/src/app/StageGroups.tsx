// Open opportunities by stage of the tenant's model, with amount and weighted value per stage and per deal.
import { Text } from '@fluentui/react-components';
import { memo, type ReactNode } from 'react';
import type { Opportunity, StageGroup } from '@crm/common';
import { useTabStyles } from './styles';
import { useT } from './texts';
import { Card } from './Card';

export interface StageGroupsProps {
  groups: readonly StageGroup[];
  headingId: string;
  heading: string;
  /** In "my pipeline" deals of many accounts mix, so each names its account. */
  withAccount?: boolean;
  /** What the account tab offers under each deal (its Change button and, when open, the edit form). */
  dealActions?: (opportunity: Opportunity) => ReactNode;
  /** Shown under the heading, e.g. that a change was saved. */
  notice?: ReactNode;
}

export const StageGroups = memo(function StageGroups({ groups, headingId, heading, withAccount = false, dealActions, notice }: StageGroupsProps) {
  const styles = useTabStyles();
  const { t, money, language, date } = useT();
  return (
    <Card headingId={headingId} heading={heading} testId={headingId}>
      {notice}
      {groups.length === 0 ? <Text className={styles.muted}>{t('pipeline.none')}</Text> : null}
      <ul className={styles.list}>
        {groups.map((group) => (
          <li key={group.stage.key} className={styles.item} data-stage={group.stage.key}>
            <div className={styles.spread}>
              <Text weight="semibold">
                {t('pipeline.stage', { stage: group.stage.label[language], probability: group.stage.probability, count: group.count })}
              </Text>
              <Text>
                {t('pipeline.amounts', {
                  amount: money(group.amount, group.opportunities[0]?.currency ?? 'EUR'),
                  weighted: money(group.weightedAmount, group.opportunities[0]?.currency ?? 'EUR'),
                })}
              </Text>
            </div>
            <ul className={styles.list}>
              {group.opportunities.map((o) => (
                <li key={o.id} data-opportunity={o.id}>
                  <div className={styles.spread}>
                    <Text size={200} className={styles.clip} title={o.name}>
                      {o.name}
                      {withAccount && o.accountName ? ` · ${o.accountName}` : ''}
                    </Text>
                    <Text size={200} className={styles.muted}>
                      {money(o.amount, o.currency)} · {money(o.weightedAmount, o.currency)}
                      {o.expectedCloseDate ? ` · ${t('account.closes', { date: date(o.expectedCloseDate) })}` : ''}
                    </Text>
                  </div>
                  {dealActions?.(o)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Card>
  );
});
