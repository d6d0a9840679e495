// Open complaints first: before opportunities or anything else, the pane says the customer is waiting for a fix, and
// for a complaint with an open service case its priority, the next due time, and whether it is overdue or escalated.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { AccountContext, CaseBrief } from '@crm/common';
import { usePaneStyles } from './styles';
import { useT } from './texts';

const DAY = 86_400_000;

function CaseLine({ brief }: { brief: CaseBrief }) {
  const { t, dateTime } = useT();
  // Until someone answered, the first response is what the customer waits for; then the resolution.
  const due = brief.firstResponseAt
    ? t('complaint.resolutionDue', { time: dateTime(brief.resolutionDue) })
    : t('complaint.responseDue', { time: dateTime(brief.firstResponseDue) });
  const parts = [t('complaint.case', { priority: t(`complaint.priority.${brief.priority}`) }), due];
  if (brief.overdue) parts.push(t('complaint.overdue'));
  if (brief.escalationLevel > 0) parts.push(t('complaint.escalated'));
  return (
    <div data-testid="complaint-case" data-overdue={brief.overdue} data-escalation={brief.escalationLevel}>
      {brief.overdue ? <strong>{parts.join(' · ')}</strong> : parts.join(' · ')}
    </div>
  );
}

export function ComplaintBanner({ accounts }: { accounts: readonly AccountContext[] }) {
  const styles = usePaneStyles();
  const { t } = useT();
  const open = accounts.flatMap((a) => a.openComplaints.map((complaint) => ({ complaint, account: a.account.name })));
  if (open.length === 0) return null;
  const openSince = (days: number) => (days === 0 ? t('complaint.openToday') : days === 1 ? t('complaint.openOneDay') : t('account.openSince', { days }));
  return (
    <MessageBar intent="error" layout="multiline" data-testid="complaint-banner">
      <MessageBarBody>
        <MessageBarTitle>{t('account.openComplaints')}</MessageBarTitle>
        <ul className={styles.list}>
          {open.map(({ complaint, account }) => (
            <li key={complaint.id} data-complaint-id={complaint.id}>
              <span>{complaint.subject}</span>
              {accounts.length > 1 ? ` (${account})` : ''} ·{' '}
              <span>{openSince(Math.max(0, Math.floor((Date.now() - Date.parse(complaint.occurredAt)) / DAY)))}</span>
              {complaint.case ? <CaseLine brief={complaint.case} /> : null}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
