// The account's figures (issue 15) in the tab: the shared block in the tab's language and look, loaded after the first
// screen. It reaches the tab's texts, styles and services, so esbuild keeps them in the one chunk it shares with the tab.
import { AccountInsightsBlock } from '@crm/common/web/account-insights';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useT } from '../texts';

export default function AccountInsights({ accountId }: { accountId: string }) {
  const { api } = useServices();
  const { language } = useT();
  const styles = useTabStyles();
  return <AccountInsightsBlock api={api} accountId={accountId} language={language} className={styles.card} headingClassName={styles.subheading} />;
}
