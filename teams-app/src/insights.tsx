// Entry of the personal tab "Insights" (Auswertungen): the team's key figures, goals, trend and accounts at risk. Its
// texts load while the tab connects to Teams, so they stay out of the dictionary every other tab downloads.
import { Spinner } from '@fluentui/react-components';
import { useI18n } from '@crm/common/web';
import { Suspense, use } from 'react';
import { InsightsTab } from './app/insights/InsightsTab';
import type { InsightsTexts } from './app/insights/insights-texts';
import { startTab } from './start';

const texts = import('./app/insights/insights-texts').then((m) => m.insightsTexts);

function Loading() {
  return <Spinner label={useI18n().t('common.loading')} />;
}

function WithTexts({ loaded }: { loaded: Promise<InsightsTexts> }) {
  return <InsightsTab texts={use(loaded)} />;
}

void startTab(() => (
  <Suspense fallback={<Loading />}>
    <WithTexts loaded={texts} />
  </Suspense>
));
