// A case's or lead's change refused because a colleague changed it after this list read it (412): the shared notice with
// who, when, which fields and what the record holds now, in the sections' words.
import type { Case, Lead } from '@crm/common';
import { ChangedNotice, type LastChange } from '@crm/common/web/record-change';
import type { Colleague } from './colleagues';
import type { ServiceKey } from './service-texts';
import { useServiceT } from './use-service-t';

interface Props<T> {
  conflict: { change: LastChange | null; current: T };
  colleagues: readonly Colleague[];
  busy: boolean;
  onReload: () => void;
  onOverwrite: () => void;
}

// A lead's qualification answers are worded by the shared lead texts, as the score names them.
const SHARED = { budget: 'lead.budget', timing: 'lead.timing', engagement: 'lead.engagement', industry: 'lead.industry', employees: 'lead.employees' } as const;

function useFieldLabel() {
  const { t } = useServiceT();
  return (field: string) => {
    if (field in SHARED) return t(SHARED[field as keyof typeof SHARED]);
    const key = `changed.field.${field}` as ServiceKey;
    const label = t(key);
    return label === key ? field : label;
  };
}

const nameOf = (colleagues: readonly Colleague[], id: string) => colleagues.find((c) => c.id === id)?.displayName || id;

export function CaseChangedNotice({ conflict, colleagues, ...actions }: Props<Case>) {
  const { t } = useServiceT();
  const fieldLabel = useFieldLabel();
  const { current } = conflict;
  const now = [
    t('changed.priority', { value: t(`cases.priority.${current.priority}`) }),
    t('changed.status', { value: t(`cases.status.${current.status}`) }),
    current.assigneeId ? t('changed.assignedTo', { name: nameOf(colleagues, current.assigneeId) }) : t('changed.unassigned'),
    current.resolution ? t('changed.resolution', { text: current.resolution }) : null,
  ];
  return <ChangedNotice change={conflict.change} current={now.filter(Boolean).join(' · ')} fieldLabel={fieldLabel} {...actions} />;
}

export function LeadChangedNotice({ conflict, colleagues, ...actions }: Props<Lead>) {
  const { t } = useServiceT();
  const fieldLabel = useFieldLabel();
  const { current } = conflict;
  const now = [
    t('changed.status', { value: t(`lead.status.${current.status}`) }),
    current.ownerId ? t('changed.ownedBy', { name: nameOf(colleagues, current.ownerId) }) : t('changed.noOwner'),
    current.status === 'disqualified' && current.disqualifyReason ? t('changed.reason', { text: current.disqualifyReason }) : null,
  ];
  return <ChangedNotice change={conflict.change} current={now.filter(Boolean).join(' · ')} fieldLabel={fieldLabel} {...actions} />;
}
