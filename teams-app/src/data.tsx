// Entry of the personal tab "Data" (Daten): import, export and possible duplicates. Its texts load while the tab
// connects to Teams, and each page loads when it is opened, so the first download stays under the tabs' budget.
import { Spinner } from '@fluentui/react-components';
import { useI18n } from '@crm/common/web';
import { Suspense, use } from 'react';
import { DataTab } from './app/data-tab/DataTab';
import type { DataTexts } from './app/data-tab/data-texts';
import { startTab } from './start';

const texts = import('./app/data-tab/data-texts').then((m) => m.dataTexts);

function Loading() {
  return <Spinner label={useI18n().t('common.loading')} />;
}

function WithTexts({ loaded }: { loaded: Promise<DataTexts> }) {
  return <DataTab texts={use(loaded)} />;
}

void startTab(() => (
  <Suspense fallback={<Loading />}>
    <WithTexts loaded={texts} />
  </Suspense>
));
