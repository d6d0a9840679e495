// A lead's interactions so far, under a disclosure that reads them when opened: what was logged with its address,
// before and since it was captured. The count comes with the lead (its engagement was counted from the same list).
import { Spinner, Text } from '@fluentui/react-components';
import type { Lead } from '@crm/common';
import { ErrorNotice, InteractionList } from '@crm/common/web';
import { useState } from 'react';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import { useLoad } from '../../use-load';
import { useServiceT } from './use-service-t';

const SHOWN = 20;

function HistoryList({ leadId, name }: { leadId: string; name: string }) {
  const styles = useTabStyles();
  const { t } = useServiceT();
  const { api } = useServices();
  const load = useLoad(async (signal) => (await api('leadInteractions', { params: { id: leadId }, query: { limit: SHOWN }, signal })).data.items, leadId);
  if (load.status === 'error') return <ErrorNotice error={load.error} onRetry={load.reload} />;
  if (!load.data) return <Spinner size="tiny" label={t('leads.historyLoading')} />;
  if (load.data.length === 0) return <Text className={styles.muted}>{t('leads.historyNone')}</Text>;
  return <InteractionList items={load.data} label={t('leads.historyLabel', { name })} />;
}

export function LeadHistory({ lead, name }: { lead: Lead; name: string }) {
  const { t } = useServiceT();
  const [open, setOpen] = useState(false);
  const count = lead.score.criteria.find((c) => c.key === 'engagement')?.logged?.interactions ?? 0;
  return (
    <details data-testid="lead-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('leads.history', { count })}</summary>
      {open ? <HistoryList leadId={lead.id} name={name} /> : null}
    </details>
  );
}
