// The account tab's configuration dialog: pick an account; Teams' Save binds the tab to it with its name as the title.
import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { Account } from '@crm/common';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useT } from '../texts';
import { AccountPicker } from './AccountPicker';
import { accountTabInstance } from './tab-instance';

export function ConfigPage({ pagesBase }: { pagesBase: string }) {
  const styles = useTabStyles();
  const { t } = useT();
  const { host } = useServices();
  const [chosen, setChosen] = useState<Account | null>(null);
  const pick = (account: Account) => {
    setChosen(account);
    host.configure(accountTabInstance(pagesBase, account));
  };
  return (
    <main className={styles.page} data-testid="config-page">
      <h1 className={styles.heading}>{t('config.heading')}</h1>
      <AccountPicker onPick={pick} selectedId={chosen?.id ?? null} />
      {chosen ? (
        <div className={styles.row} role="status">
          <Text>{t('config.selected', { name: chosen.name })}</Text>
          {host.kind === 'standalone' ? (
            <Button appearance="primary" onClick={() => host.navigate(accountTabInstance(pagesBase, chosen).contentUrl)}>
              {t('config.open')}
            </Button>
          ) : (
            <Text>{t('config.saveHint')}</Text>
          )}
        </div>
      ) : null}
    </main>
  );
}
