// The configurable tab's dialog: show an account (pick one; Teams' Save binds the tab to it with its name as the title)
// or the team's figures of the Insights tab. Teams allows one configurable tab per app, so both are choices of this one.
import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { Account } from '@crm/common';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useT } from '../texts';
import { AccountPicker } from './AccountPicker';
import { accountTabInstance, insightsTabInstance } from './tab-instance';

type Shows = 'account' | 'insights';

export function ConfigPage({ pagesBase }: { pagesBase: string }) {
  const styles = useTabStyles();
  const { t } = useT();
  const { host } = useServices();
  const [shows, setShows] = useState<Shows>('account');
  const [chosen, setChosen] = useState<Account | null>(null);
  const pick = (account: Account) => {
    setChosen(account);
    host.configure(accountTabInstance(pagesBase, account));
  };
  // Without an account picked, an account tab has nothing Save could bind it to.
  const instanceOf = (of: Shows) =>
    of === 'insights' ? insightsTabInstance(pagesBase, t('config.insights.title')) : chosen ? accountTabInstance(pagesBase, chosen) : null;
  const show = (next: Shows) => {
    setShows(next);
    host.configure(instanceOf(next));
  };
  const instance = instanceOf(shows);
  return (
    <main className={styles.page} data-testid="config-page">
      <h1 className={styles.heading}>{t('config.heading')}</h1>
      <fieldset className={styles.stack} style={{ border: 'none', margin: 0, padding: 0 }}>
        <legend>{t('config.shows')}</legend>
        {(['account', 'insights'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="tab-shows" value={value} checked={shows === value} onChange={() => show(value)} /> {t(`config.shows.${value}`)}
          </label>
        ))}
      </fieldset>
      {shows === 'account' ? <AccountPicker onPick={pick} selectedId={chosen?.id ?? null} /> : null}
      {instance ? (
        <div className={styles.row} role="status">
          <Text>{shows === 'insights' ? t('config.insights.selected') : t('config.selected', { name: chosen?.name ?? '' })}</Text>
          {host.kind === 'standalone' ? (
            <Button appearance="primary" onClick={() => host.navigate(instance.contentUrl)}>
              {t(shows === 'insights' ? 'config.insights.open' : 'config.open')}
            </Button>
          ) : (
            <Text>{t('config.saveHint')}</Text>
          )}
        </div>
      ) : null}
    </main>
  );
}
