// A complaint's open service case in one line, where the complaint is listed (the pane's banner, the account tab): its
// priority, the due time the customer waits for (the first response until one was logged, then the resolution), and
// overdue (in bold) and escalated.
import type { CaseBrief } from '../../contracts/context';
import { useI18n } from '../i18n/i18n';

export function CaseBriefLine({ brief, className }: { brief: CaseBrief; className?: string }) {
  const { t, dateTime } = useI18n();
  const due = brief.firstResponseAt
    ? t('case.resolutionDue', { time: dateTime(brief.resolutionDue) })
    : t('case.responseDue', { time: dateTime(brief.firstResponseDue) });
  const parts = [t('case.brief', { priority: t(`case.priority.${brief.priority}`) }), due];
  if (brief.overdue) parts.push(t('case.overdue'));
  if (brief.escalationLevel > 0) parts.push(t('case.escalated'));
  return (
    <div className={className} data-testid="complaint-case" data-overdue={brief.overdue} data-escalation={brief.escalationLevel}>
      {brief.overdue ? <strong>{parts.join(' · ')}</strong> : parts.join(' · ')}
    </div>
  );
}
