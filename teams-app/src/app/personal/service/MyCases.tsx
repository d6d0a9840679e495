// My open service cases, the most urgent first: priority, the due times for the first response and the resolution with
// the overdue one marked, the escalation, the status history, and resolving with the resolution.
import { Badge, Button, Link, Text } from '@fluentui/react-components';
import type { Case, CasePatch } from '@crm/common';
import { CASE_PRIORITIES, CASE_STATUSES, ErrorNotice, FormActions, useSubmit, type UserAccess } from '@crm/common/web';
import { useRef, useState } from 'react';
import { Card } from '../../Card';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import type { Colleague } from './colleagues';
import { HandOver } from './HandOver';
import { useNativeStyles } from './native-styles';
import { useServiceT } from './use-service-t';

const accountHref = (id: string) => `account.html?accountId=${encodeURIComponent(id)}`;
const OPEN_STATUSES = CASE_STATUSES.filter((s) => s !== 'resolved' && s !== 'closed');

function ResolveForm({ item, onDone, onCancel }: { item: Case; onDone: () => void; onCancel: () => void }) {
  const styles = useTabStyles();
  const native = useNativeStyles();
  const { t } = useServiceT();
  const { api } = useServices();
  const [resolution, setResolution] = useState('');
  const { busy, error, submit } = useSubmit(
    () => api('updateCase', { params: { id: item.id }, body: { status: 'resolved', resolution }, ifMatch: item.etag }),
    onDone,
  );
  return (
    <form
      className={styles.form}
      aria-label={t('cases.resolveLabel', { subject: item.subject })}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className={native.label}>
        {t('cases.resolution')}
        <textarea className={native.textarea} value={resolution} onChange={(e) => setResolution(e.target.value)} maxLength={5000} required autoFocus />
      </label>
      {error ? <ErrorNotice error={error} /> : null}
      <FormActions busy={busy} submitLabel={t('cases.resolve')} onCancel={onCancel} />
    </form>
  );
}

function History({ item }: { item: Case }) {
  const { t, dateTime } = useServiceT();
  const word = (kind: 'priority' | 'status', value: string | null) => (value ? t(`cases.${kind}.${value}` as `cases.priority.low`) : '');
  return (
    <details data-testid="case-history">
      <summary>{t('cases.history')}</summary>
      <ol>
        {item.history.map((event, i) => (
          <li key={`${event.at}-${i}`} data-kind={event.kind}>
            {dateTime(event.at)}:{' '}
            {event.kind === 'status' || event.kind === 'priority'
              ? t(`cases.event.${event.kind}`, { from: word(event.kind, event.from), to: word(event.kind, event.to) })
              : t(`cases.event.${event.kind}`, { to: event.to ?? '' })}
          </li>
        ))}
      </ol>
    </details>
  );
}

function CaseItem({
  item,
  colleagues,
  onChanged,
  onHandedOver,
  gate,
}: {
  item: Case;
  colleagues: readonly Colleague[];
  onChanged: (resolved?: Case) => void;
  onHandedOver: (colleague: Colleague) => void;
  gate: ReturnType<UserAccess['gate']>;
}) {
  const styles = useTabStyles();
  const native = useNativeStyles();
  const { t, dateTime } = useServiceT();
  const { api } = useServices();
  const [resolving, setResolving] = useState(false);
  const next = useRef<CasePatch>({});
  const handedTo = useRef<Colleague | null>(null);
  const change = useSubmit(
    () => api('updateCase', { params: { id: item.id }, body: next.current, ifMatch: item.etag }),
    () => (handedTo.current ? onHandedOver(handedTo.current) : onChanged()),
  );
  const now = Date.now();
  const responseLate = item.firstResponseAt === null && new Date(item.firstResponseDue).getTime() < now;
  const resolutionLate = new Date(item.resolutionDue).getTime() < now;
  const disabled = change.busy || 'disabledFocusable' in gate;
  const send = (patch: CasePatch, colleague: Colleague | null = null) => {
    next.current = patch;
    handedTo.current = colleague;
    void change.submit();
  };
  return (
    <li className={styles.item} data-case-id={item.id} data-overdue={item.overdue} data-priority={item.priority}>
      <div className={styles.spread}>
        <div className={styles.row}>
          {item.overdue ? (
            <Badge color="danger" appearance="filled">
              {t('cases.overdue')}
            </Badge>
          ) : null}
          <Badge appearance="tint" color={item.priority === 'urgent' || item.priority === 'high' ? 'warning' : 'informative'}>
            {t(`cases.priority.${item.priority}`)}
          </Badge>
          <Text weight="semibold" className={styles.clip} title={item.subject}>
            {item.subject}
          </Text>
        </div>
        <Text size={200} className={styles.muted}>
          {t(`cases.type.${item.type}`)}
        </Text>
      </div>
      <Text size={200} className={responseLate ? styles.danger : styles.muted} data-testid="first-response">
        {item.firstResponseAt
          ? t('cases.firstResponseAt', { time: dateTime(item.firstResponseAt) })
          : t('cases.firstResponseDue', { time: dateTime(item.firstResponseDue) })}
      </Text>
      <Text size={200} className={resolutionLate ? styles.danger : styles.muted} data-testid="resolution-due">
        {t('cases.resolutionDue', { time: dateTime(item.resolutionDue) })}
      </Text>
      {item.escalationLevel > 0 ? (
        <Text size={200} className={styles.danger} data-testid="escalation">
          {t(item.escalationLevel >= 2 ? 'cases.escalated.2' : 'cases.escalated.1')}
        </Text>
      ) : null}
      {item.accountId ? (
        <Link href={accountHref(item.accountId)} className={styles.clip}>
          {t('leads.openAccount')}
        </Link>
      ) : null}
      <History item={item} />
      {resolving ? (
        <ResolveForm item={item} onDone={() => (setResolving(false), onChanged(item))} onCancel={() => setResolving(false)} />
      ) : (
        <div className={styles.row}>
          <select
            className={native.select}
            aria-label={t('cases.priority', { subject: item.subject })}
            value={item.priority}
            disabled={disabled}
            aria-describedby={gate['aria-describedby']}
            onChange={(e) => send({ priority: e.target.value as Case['priority'] })}
          >
            {CASE_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`cases.priority.${p}`)}
              </option>
            ))}
          </select>
          <select
            className={native.select}
            aria-label={t('cases.statusOf', { subject: item.subject })}
            value={item.status}
            disabled={disabled}
            aria-describedby={gate['aria-describedby']}
            onChange={(e) => send({ status: e.target.value as Case['status'] })}
          >
            {OPEN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`cases.status.${s}`)}
              </option>
            ))}
          </select>
          <HandOver
            name={item.subject}
            holderId={item.assigneeId}
            colleagues={colleagues}
            disabled={disabled}
            describedBy={gate['aria-describedby']}
            onHandOver={(colleague) => send({ assigneeId: colleague.id }, colleague)}
          />
          <Button size="small" appearance="primary" onClick={() => setResolving(true)} aria-label={t('cases.resolveLabel', { subject: item.subject })} {...gate}>
            {t('cases.resolve')}
          </Button>
        </div>
      )}
      {change.error ? <ErrorNotice error={change.error} onRetry={() => onChanged()} /> : null}
    </li>
  );
}

export function MyCases({
  cases,
  colleagues,
  onChanged,
  onHandedOver,
  access,
  roleNoticeId,
}: {
  cases: readonly Case[];
  colleagues: readonly Colleague[];
  onChanged: () => void;
  onHandedOver: (name: string, colleague: Colleague) => void;
  access: UserAccess;
  roleNoticeId: string;
}) {
  const styles = useTabStyles();
  const { t } = useServiceT();
  const [resolved, setResolved] = useState<string | null>(null);
  return (
    <Card headingId="my-cases-heading" heading={t('cases.heading')} testId="my-cases">
      {resolved ? (
        <Text role="status" data-testid="case-resolved">
          {t('cases.resolved', { subject: resolved })}
        </Text>
      ) : null}
      {cases.length === 0 ? <Text className={styles.muted}>{t('cases.none')}</Text> : null}
      <ul className={styles.list}>
        {cases.map((item) => (
          <CaseItem
            key={item.id}
            item={item}
            colleagues={colleagues}
            onHandedOver={(colleague) => onHandedOver(item.subject, colleague)}
            gate={access.gate('write', roleNoticeId)}
            onChanged={(done) => {
              if (done) setResolved(done.subject);
              onChanged();
            }}
          />
        ))}
      </ul>
    </Card>
  );
}
