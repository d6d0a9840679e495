// My CRM's leads and service cases, loaded as a chunk of their own (with their texts) after the tab's first paint, so
// the personal tab's first download stays under the tabs' budget.
import { Spinner } from '@fluentui/react-components';
import { DoneNotice, ErrorNotice, I18nProvider, RoleNotice, useCreateI18n, useI18n, type UserAccess } from '@crm/common/web';
import { useId, useMemo, useState } from 'react';
import { tabTexts } from '../../texts';
import { useServices } from '../../services';
import { useLoad } from '../../use-load';
import { MyCases } from './MyCases';
import { MyLeads } from './MyLeads';
import { serviceTexts } from './service-texts';
import { useServiceT } from './use-service-t';

const SHOWN = 100;

function Sections({ access }: { access: UserAccess }) {
  const { t } = useServiceT();
  const roleNoticeId = useId();
  const { api } = useServices();
  const load = useLoad(async (signal) => {
    const [leads, cases, colleagues] = await Promise.all([
      api('listLeads', { query: { ownerId: 'me', limit: SHOWN }, signal }),
      api('listCases', { query: { assigneeId: 'me', limit: SHOWN }, signal }),
      api('listColleagues', { signal }),
    ]);
    return {
      colleagues: colleagues.data.items,
      // A converted lead lives on as its account and contact; a resolved or closed case needs nothing more from me.
      leads: leads.data.items.filter((l) => l.status !== 'converted'),
      cases: cases.data.items.filter((c) => c.status !== 'resolved' && c.status !== 'closed'),
    };
  }, 'service');
  const data = load.data;
  const [handedOver, setHandedOver] = useState<string | null>(null);
  // What was handed over leaves my lists; the notice says to whom, so it does not just vanish.
  const onHandedOver = (name: string, colleague: { displayName: string }) => {
    setHandedOver(t('service.handedOver', { name, colleague: colleague.displayName }));
    load.reload();
  };
  return (
    <div data-ready-key={data ? 'service' : undefined} aria-busy={load.status === 'loading'} style={{ display: 'contents' }}>
      {load.status === 'error' ? <ErrorNotice error={load.error} onRetry={load.reload} /> : null}
      {!data && load.status === 'loading' ? <Spinner label={t('service.loading')} /> : null}
      {data ? (
        <>
          {data.leads.length + data.cases.length > 0 ? <RoleNotice id={roleNoticeId} access={access} level="write" /> : null}
          {handedOver ? <DoneNotice text={handedOver} testId="handed-over" /> : null}
          <MyCases cases={data.cases} colleagues={data.colleagues} onChanged={load.reload} onHandedOver={onHandedOver} access={access} roleNoticeId={roleNoticeId} />
          <MyLeads leads={data.leads} colleagues={data.colleagues} onChanged={load.reload} onHandedOver={onHandedOver} access={access} roleNoticeId={roleNoticeId} />
        </>
      ) : null}
    </div>
  );
}

export function ServiceSections(props: { access: UserAccess }) {
  const dictionary = useMemo(() => ({ en: { ...tabTexts.en, ...serviceTexts.en }, de: { ...tabTexts.de, ...serviceTexts.de } }), []);
  const i18n = useCreateI18n(useI18n().language, dictionary);
  return (
    <I18nProvider i18n={i18n}>
      <Sections {...props} />
    </I18nProvider>
  );
}
