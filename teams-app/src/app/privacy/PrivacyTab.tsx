// The "Privacy" (Datenschutz) personal tab for CRM.Privacy and CRM.Admin: the register of data subject requests with
// their deadlines, open ones first, overdue and due-this-week marked.
import { Badge, Spinner, Text } from '@fluentui/react-components';
import type { PrivacyRequestSummary } from '@crm/common';
import { ErrorNotice } from '@crm/common/web';
import { Card } from '../Card';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useLoad } from '../use-load';
import { usePrivacyT } from './privacy-texts';

const SHOWN = 100;
/** A calendar date at noon UTC, so formatting it in any time zone of Europe keeps the day. */
const day = (date: string) => `${date}T12:00:00Z`;

function RequestItem({ request }: { request: PrivacyRequestSummary }) {
  const styles = useTabStyles();
  const { t, date } = usePrivacyT();
  const facts = [
    t('privacy.received', { date: date(day(request.receivedOn)) }),
    t('privacy.due', { date: date(day(request.dueOn)) }),
    ...(request.extension ? [t('privacy.extended', { date: date(day(request.originalDueOn)) })] : []),
    ...(request.answer ? [t('privacy.answered', { date: date(day(request.answer.sentOn)) })] : []),
  ];
  return (
    <li className={styles.item} data-request-id={request.id} data-overdue={request.overdue} data-due-this-week={request.dueThisWeek}>
      <div className={styles.row}>
        {request.overdue ? (
          <Badge color="danger" appearance="filled">
            {t('privacy.overdue')}
          </Badge>
        ) : null}
        {request.dueThisWeek ? (
          <Badge color="warning" appearance="filled">
            {t('privacy.dueThisWeek')}
          </Badge>
        ) : null}
        <Text weight="semibold">{t(`privacy.type.${request.type}`)}</Text>
        <Text className={styles.clip}>{request.email ?? t('privacy.contact')}</Text>
        <Badge appearance="outline">{t(`privacy.status.${request.status}`)}</Badge>
      </div>
      <Text size={200} className={request.overdue ? styles.danger : styles.muted}>
        {facts.join(' · ')}
      </Text>
    </li>
  );
}

export function PrivacyTab() {
  const styles = useTabStyles();
  const { t } = usePrivacyT();
  const { api } = useServices();
  const requests = useLoad(async (signal) => (await api('listPrivacyRequests', { query: { limit: SHOWN }, signal })).data, 'privacy');
  const data = requests.data;
  const open = data?.items.filter((r) => r.status === 'received' || r.status === 'in_progress') ?? [];
  return (
    <main className={styles.page} data-ready-key={data ? 'privacy' : undefined} aria-busy={requests.status === 'loading'}>
      <h1 className={styles.heading}>{t('privacy.heading')}</h1>
      {requests.status === 'error' ? <ErrorNotice error={requests.error} onRetry={requests.reload} /> : null}
      {!data && requests.status === 'loading' ? <Spinner label={t('privacy.loading')} /> : null}
      {data ? (
        <Card headingId="privacy-requests-heading" heading={t('privacy.requests')} testId="privacy-requests">
          {data.items.length === 0 ? (
            <Text className={styles.muted}>{t('privacy.none')}</Text>
          ) : (
            <Text className={styles.muted} data-testid="privacy-summary">
              {t('privacy.summary', { overdue: open.filter((r) => r.overdue).length, soon: open.filter((r) => r.dueThisWeek).length, open: open.length })}
            </Text>
          )}
          {data.nextCursor ? <Text className={styles.muted}>{t('privacy.more', { shown: data.items.length })}</Text> : null}
          <ul className={styles.list}>
            {data.items.map((request) => (
              <RequestItem key={request.id} request={request} />
            ))}
          </ul>
        </Card>
      ) : null}
    </main>
  );
}
