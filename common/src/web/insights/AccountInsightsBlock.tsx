// The account's figures in the Teams account tab and the Outlook pane. Both hosts load this module lazily, after their
// first screen, so it adds nothing to what they download before they render; and the figures are asked for only when
// the user opens them, since the API computes them from the whole tenant's facts.
import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
// Through the shared layer's index, like the hosts' own lazy parts: a chunk that reached only some of its files would
// split them from the ones the host's first download shares with its forms, and two files gzip worse than one.
// (useLoad is not in the index: from there it would land in the pane's first download, which has no use for it.)
import { createI18n, ErrorNotice, I18nProvider, useI18n, useStages, type ApiClient, type Language } from '@crm/common/web';
import { useLoad } from '../hooks/use-load';
import { accountInsightsTexts } from './account-insights-texts';
import { AccountInsightsView } from './AccountInsightsView';

const useStyles = makeStyles({
  block: { display: 'grid', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

function Figures({ api, accountId }: { api: ApiClient; accountId: string }) {
  const { t } = useI18n();
  const stages = useStages(api);
  const load = useLoad(
    async (signal) => (await api('accountInsights', { params: { id: accountId }, query: { period: 'last-12-months' }, signal })).data,
    accountId,
  );
  return (
    <div aria-busy={load.status === 'loading'}>
      {load.status === 'error' ? <ErrorNotice error={load.error} onRetry={load.reload} /> : null}
      {load.status === 'loading' ? <Spinner size="small" label={t('common.loading')} /> : null}
      {load.data && load.data.accountId === accountId ? <AccountInsightsView insights={load.data} stages={stages} /> : null}
    </div>
  );
}

export interface AccountInsightsBlockProps {
  api: ApiClient;
  accountId: string;
  /** The host's language; the block adds its own texts to the shared ones in it. */
  language: Language;
  /** The host's card or section style around the block, and its sections' heading style. */
  className?: string;
  headingClassName?: string;
}

export function AccountInsightsBlock({ api, accountId, language, className, headingClassName }: AccountInsightsBlockProps) {
  const styles = useStyles();
  const i18n = useMemo(() => createI18n(language, accountInsightsTexts), [language]);
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <I18nProvider i18n={i18n}>
      <section className={className ? `${styles.block} ${className}` : styles.block} aria-labelledby={`${id}-heading`} data-testid="account-insights-block">
        <h2 id={`${id}-heading`} className={headingClassName ?? styles.heading}>
          {i18n.t('insights.block.heading')}
        </h2>
        <div>
          <Button appearance="secondary" size="small" aria-expanded={open} aria-controls={`${id}-figures`} onClick={() => setOpen((o) => !o)}>
            {i18n.t(open ? 'insights.block.hide' : 'insights.block.show')}
          </Button>
        </div>
        <div id={`${id}-figures`} hidden={!open}>
          {open ? <Figures api={api} accountId={accountId} /> : null}
        </div>
      </section>
    </I18nProvider>
  );
}
