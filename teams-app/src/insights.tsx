// Entry of the "Insights" (Auswertungen) tab: the team's key figures, goals, trend and accounts at risk, as the personal
// tab or, with ?scope=team, as a channel or chat tab with the team's figures only. Its texts load while the tab connects
// to Teams, so they stay out of the dictionary every other tab downloads.
import { Spinner } from '@fluentui/react-components';
import { useI18n } from '@crm/common/web';
import { Suspense, use } from 'react';
import { InsightsTab } from './app/insights/InsightsTab';
import type { InsightsTexts } from './app/insights/insights-texts';
import { startTab } from './start';

const texts = import('./app/insights/insights-texts').then((m) => m.insightsTexts);
const teamOnly = new URLSearchParams(location.search).get('scope') === 'team';

function Loading() {
  return <Spinner label={useI18n().t('common.loading')} />;
}

function WithTexts({ loaded }: { loaded: Promise<InsightsTexts> }) {
  return <InsightsTab texts={use(loaded)} teamOnly={teamOnly} />;
}

void startTab(() => (
  <Suspense fallback={<Loading />}>
    <WithTexts loaded={texts} />
  </Suspense>
));
