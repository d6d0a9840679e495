// The "Data" (Daten) personal tab for CRM.Manager and CRM.Admin: import lists, export them, and find and merge
// possible duplicates, and the service levels, contracts and webhooks of issue 18. Each page is its own chunk, loaded when it is opened, so the tab's first download stays small.
// The pages are switched by plain buttons in a nav, not Fluent's TabList: its keyboard library (tabster) alone would
// cost 20 KB gzip of the 150 KB budget, and every Fluent component a page uses is part of the first download anyway
// (esbuild places what the components barrel reaches in the entry's chunk).
import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { ErrorNotice, I18nProvider, mayAccess, rolesWith, useCreateI18n, useI18n } from '@crm/common/web';
import type { Me } from '@crm/common';
import { lazy, Suspense, useMemo, useState, type ComponentType } from 'react';
import { tabTexts } from '../texts';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useLoad } from '../use-load';
import type { DataTexts } from './data-texts';
import { saveFile, type SaveFile } from './save-file';
import { useDataT } from './use-data-t';

export type DataPageName = 'import' | 'export' | 'duplicates' | 'service' | 'webhooks';

const pages: Record<DataPageName, ComponentType<{ save: SaveFile; me: Me }>> = {
  import: lazy(() => import('./ImportPage').then((m) => ({ default: m.ImportPage }))),
  export: lazy(() => import('./ExportPage').then((m) => ({ default: m.ExportPage }))),
  duplicates: lazy(() => import('./DuplicatesPage').then((m) => ({ default: m.DuplicatesPage }))),
  service: lazy(() => import('./service/ServicePage').then((m) => ({ default: m.ServicePage }))),
  webhooks: lazy(() => import('./webhooks/WebhooksPage').then((m) => ({ default: m.WebhooksPage }))),
};
const ORDER: readonly DataPageName[] = ['import', 'export', 'duplicates', 'service', 'webhooks'];

export function DataTab({ texts, save = saveFile, page = 'import' }: { texts: DataTexts; save?: SaveFile; page?: DataPageName }) {
  const dictionary = useMemo(() => ({ en: { ...tabTexts.en, ...texts.en }, de: { ...tabTexts.de, ...texts.de } }), [texts]);
  const i18n = useCreateI18n(useI18n().language, dictionary);
  return (
    <I18nProvider i18n={i18n}>
      <DataPages save={save} initial={page} />
    </I18nProvider>
  );
}

function DataPages({ save, initial }: { save: SaveFile; initial: DataPageName }) {
  const styles = useTabStyles();
  const { t } = useDataT();
  const { api } = useServices();
  const [page, setPage] = useState<DataPageName>(initial);
  const me = useLoad(async (signal) => (await api('me', { signal })).data, 'me');
  const Page = pages[page];
  const allowed = me.data ? mayAccess(me.data.roles, 'manage') : null;
  return (
    <main className={styles.page} aria-busy={me.status === 'loading'}>
      <h1 className={styles.heading}>{t('data.heading')}</h1>
      {me.status === 'error' ? <ErrorNotice error={me.error} onRetry={me.reload} /> : null}
      {allowed === null && me.status === 'loading' ? <Spinner label={t('common.loading')} /> : null}
      {allowed === false ? (
        <MessageBar intent="warning" layout="multiline" data-testid="needs-role">
          <MessageBarBody>
            {t('data.needsRole', { roles: me.data!.roles.join(', ') || t('data.noRole'), needed: rolesWith.manage.join(', ') })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {allowed ? (
        <>
          <nav aria-label={t('data.pages')} className={styles.row}>
            {ORDER.map((name) => (
              <Button
                key={name}
                appearance={name === page ? 'primary' : 'subtle'}
                aria-current={name === page ? 'page' : undefined}
                onClick={() => setPage(name)}
              >
                {t(`data.page.${name}`)}
              </Button>
            ))}
          </nav>
          <Suspense fallback={<Spinner label={t('data.loadingPage')} />}>
            <Page save={save} me={me.data!} />
          </Suspense>
        </>
      ) : null}
    </main>
  );
}
