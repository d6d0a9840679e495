// The account tab without an account: standalone previews pick one here, in place of Teams' configuration dialog.
import { Text } from '@fluentui/react-components';
import { AccountPicker } from '../config/AccountPicker';
import { accountTabInstance } from '../config/tab-instance';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useT } from '../texts';

export function UnboundTab() {
  const styles = useTabStyles();
  const { t } = useT();
  const { host } = useServices();
  return (
    <main className={styles.page} data-testid="unbound-tab">
      <Text>{t('tab.noAccount')}</Text>
      <AccountPicker onPick={(account) => host.navigate(accountTabInstance(location.href, account).contentUrl + location.search.replace(/^\?/, '&'))} />
    </main>
  );
}
