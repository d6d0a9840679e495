// Who the customer is and how the relationship stands: name, industry, segment, owner and the key figures.
import { Badge, Text } from '@fluentui/react-components';
import { memo } from 'react';
import type { AccountOverview } from '@crm/common';
import { useTabStyles } from '../styles';
import { useT } from '../texts';

export const AccountHeader = memo(function AccountHeader({ overview, compact }: { overview: AccountOverview; compact: boolean }) {
  const styles = useTabStyles();
  const { t, money, date } = useT();
  const { account, figures } = overview;
  const facts = [
    account.industry ? t('header.industry', { value: account.industry }) : null,
    account.segment ? t('header.segment', { value: account.segment }) : null,
    account.ownerName ? t('account.owner', { name: account.ownerName }) : t('account.noOwner'),
  ].filter((fact): fact is string => fact !== null);
  const shown = [
    { label: t('figures.openPipeline'), value: money(figures.openPipeline, figures.currency), key: 'open-pipeline' },
    { label: t('figures.weighted'), value: money(figures.weightedPipeline, figures.currency), key: 'weighted-pipeline' },
    { label: t('figures.lastContact'), value: figures.lastContactAt ? date(figures.lastContactAt) : t('figures.never'), key: 'last-contact' },
    ...(compact ? [] : [{ label: t('figures.interactions'), value: String(figures.interactionCount), key: 'interactions' }]),
  ];
  return (
    <header className={styles.card}>
      <div className={styles.row}>
        <h1 className={styles.heading} data-testid="account-name">
          {account.name}
        </h1>
        {account.rating ? <Badge appearance="outline">{t('account.rating', { rating: account.rating })}</Badge> : null}
      </div>
      <Text className={styles.muted}>{facts.join(' · ')}</Text>
      <dl className={styles.figures} aria-label={t('figures.label')}>
        {shown.map((f) => (
          <div key={f.key} className={styles.figure} data-figure={f.key}>
            <dt className={styles.muted}>{f.label}</dt>
            <dd className={styles.figureValue}>{f.value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
});
