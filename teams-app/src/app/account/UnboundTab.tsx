// The account tab without a usable account: none given (standalone previews pick one here, in place of Teams'
// configuration dialog), or one the CRM does not have (a mistyped link, a deleted account).
import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { AccountPicker } from '../config/AccountPicker';
import { accountTabInstance } from '../config/tab-instance';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useT } from '../texts';

export function UnboundTab({ missing = false }: { missing?: boolean }) {
  const styles = useTabStyles();
  const { t } = useT();
  const { host } = useServices();
  // The page's other parameters (language, theme, frame) carry over to the chosen account; the old account does not.
  const carried = new URLSearchParams(location.search);
  carried.delete('accountId');
  const rest = carried.toString();
  return (
    <main className={styles.page} data-testid="unbound-tab">
      {missing ? (
        <MessageBar intent="warning" layout="multiline" data-testid="account-missing">
          <MessageBarBody>{t('tab.accountMissing')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {host.kind === 'standalone' ? (
        <>
          <Text>{missing ? t('tab.pickAnother') : t('tab.noAccount')}</Text>
          <AccountPicker onPick={(account) => host.navigate(accountTabInstance(location.href, account).contentUrl + (rest ? `&${rest}` : ''))} />
        </>
      ) : (
        // Inside Teams the tab's own settings bind it to an account; only they make the choice stick for the team.
        <Text>{t('tab.rebindInTeams')}</Text>
      )}
    </main>
  );
}
