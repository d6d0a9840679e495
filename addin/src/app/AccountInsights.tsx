// The account card's figures (issue 15): the shared block in the pane's language and look, loaded after the first
// screen. It reaches the pane's texts and styles as the forms do, so their files stay in the one chunk the first
// download shares with the forms (without them esbuild split them off: 4 files and 595 bytes more gzip up front).
import { AccountInsightsBlock } from '@crm/common/web/account-insights';
import { useServices } from './services';
import { usePaneStyles } from './styles';
import { useT } from './texts';

export default function AccountInsights({ accountId }: { accountId: string }) {
  const { api } = useServices();
  const { language } = useT();
  const styles = usePaneStyles();
  return <AccountInsightsBlock api={api} accountId={accountId} language={language} headingClassName={styles.subheading} />;
}
