// Open complaints first: before opportunities or anything else, the pane says the customer is waiting for a fix, and
// for a complaint with an open service case its priority, the next due time, and whether it is overdue or escalated.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-message-bar';
import type { AccountContext } from '@crm/common';
import { CaseBriefLine } from '@crm/common/web';
import { usePaneStyles } from './styles';
import { useT } from './texts';

const DAY = 86_400_000;

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
              {complaint.case ? <CaseBriefLine brief={complaint.case} /> : null}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
