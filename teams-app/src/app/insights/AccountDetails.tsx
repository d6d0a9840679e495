// The Insights tab's details of one account for the chosen period: the shared view the account tab and the pane show too.
import { Spinner } from '@fluentui/react-components';
import { ErrorNotice, useStages } from '@crm/common/web';
import { AccountInsightsView } from '@crm/common/web/account-insights-view';
import { useServices } from '../services';
import { useLoad } from '../use-load';
import { useInsightsT } from './use-insights-t';
import { AsOf } from './AsOf';

export function AccountDetails({ accountId, period }: { accountId: string; period: string }) {
  const { api } = useServices();
  const { t } = useInsightsT();
  const stages = useStages(api);
  const load = useLoad(
    async (signal) => (await api('accountInsights', { params: { id: accountId }, query: { period }, signal })).data,
    `${accountId}/${period}`,
  );
  return (
    <div aria-busy={load.status === 'loading'}>
      {load.status === 'error' ? <ErrorNotice error={load.error} onRetry={load.reload} /> : null}
      {load.status === 'loading' ? <Spinner label={t('insights.account.loading')} /> : null}
      {load.data && load.data.accountId === accountId ? (
        <>
          <AsOf asOf={load.data.asOf} testId="account-as-of" />
          <AccountInsightsView insights={load.data} stages={stages} />
        </>
      ) : null}
    </div>
  );
}
