// My open service cases, the most urgent first: priority, the due times for the first response and the resolution with
// the overdue one marked, the escalation, the status history, and resolving with the resolution. Each change goes on
// the version the list read; a colleague's change in between is named (who, when, what it holds now).
import { Badge, Button, Link, Text } from '@fluentui/react-components';
import type { Case, CasePatch } from '@crm/common';
import { CASE_PRIORITIES, CASE_STATUSES, DoneNotice, ErrorNotice, FormActions, useOpenerFocus, type UserAccess } from '@crm/common/web';
import { useVersionedSave } from '@crm/common/web/record-change';
import { useRef, useState } from 'react';
import { Card } from '../../Card';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import type { Colleague } from './colleagues';
import { HandOver } from './HandOver';
import { SelectToApply } from '../../SelectToApply';
import { CaseChangedNotice } from './ServiceChangedNotice';
import { useNativeStyles } from '../../native-styles';
import { useServiceT } from './use-service-t';

const accountHref = (id: string) => `account.html?accountId=${encodeURIComponent(id)}`;
const OPEN_STATUSES = CASE_STATUSES.filter((s) => s !== 'resolved' && s !== 'closed');

function ResolveForm({ item, busy, onResolve, onCancel }: { item: Case; busy: boolean; onResolve: (resolution: string) => void; onCancel: () => void }) {
  const styles = useTabStyles();
  const native = useNativeStyles();
  const { t } = useServiceT();
  const [resolution, setResolution] = useState('');
  return (
    <form
      className={styles.form}
      aria-label={t('cases.resolveLabel', { subject: item.subject })}
      onSubmit={(e) => {
        e.preventDefault();
        onResolve(resolution);
      }}
    >
      <label className={native.label}>
        {t('cases.resolution')}
        <textarea className={native.textarea} value={resolution} onChange={(e) => setResolution(e.target.value)} maxLength={5000} required autoFocus />
      </label>
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
  /** The case changed (resolved: the case, for the notice), or changed meanwhile: the list is out of date. */
  onChanged: (resolved?: Case) => void;
  onHandedOver: (colleague: Colleague) => void;
  gate: ReturnType<UserAccess['gate']>;
}) {
  const styles = useTabStyles();
  const { t, dateTime } = useServiceT();
  const { api } = useServices();
  const [resolving, setResolving] = useState(false);
  // A cancelled resolution hands the focus back to Resolve; a resolved case leaves the list and its notice takes it.
  const opener = useOpenerFocus();
  const closeForm = () => (setResolving(false), opener.restore());
  // What was asked last, so that overwriting a colleague's change repeats it on their version.
  const asked = useRef<{ patch: CasePatch; colleague: Colleague | null }>({ patch: {}, colleague: null });
  const change = useVersionedSave(async () => (await api('getCase', { params: { id: item.id } })).data);
  const saved = () => {
    const { patch, colleague } = asked.current;
    if (colleague) onHandedOver(colleague);
    else if (patch.status === 'resolved') {
      setResolving(false);
      onChanged(item);
    } else onChanged();
  };
  const send = (patch: CasePatch, colleague: Colleague | null = null) => {
    asked.current = { patch, colleague };
    // After a colleague's change the next try goes on their version, which the notice showed.
    const base = change.conflict?.current ?? item;
    void change.save(async (on) => (await api('updateCase', { params: { id: on.id }, body: patch, ifMatch: on.etag })).data, base, saved);
  };
  const now = Date.now();
  const responseLate = item.firstResponseAt === null && new Date(item.firstResponseDue).getTime() < now;
  const resolutionLate = new Date(item.resolutionDue).getTime() < now;
  const disabled = change.busy || 'disabledFocusable' in gate;
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
        <ResolveForm
          item={item}
          busy={change.busy}
          onResolve={(resolution) => send({ status: 'resolved', resolution })}
          onCancel={() => (closeForm(), change.dropConflict())}
        />
      ) : (
        <div className={styles.row}>
          <SelectToApply
            label={t('cases.priority', { subject: item.subject })}
            value={item.priority}
            choices={CASE_PRIORITIES.map((p) => ({ value: p, label: t(`cases.priority.${p}`) }))}
            applyText={t('service.apply')}
            applyLabel={t('service.applyLabel', { what: t('cases.priority', { subject: item.subject }) })}
            disabled={disabled}
            describedBy={gate['aria-describedby']}
            onApply={(priority) => send({ priority: priority as Case['priority'] })}
          />
          <SelectToApply
            label={t('cases.statusOf', { subject: item.subject })}
            value={item.status}
            choices={OPEN_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
            applyText={t('service.apply')}
            applyLabel={t('service.applyLabel', { what: t('cases.statusOf', { subject: item.subject }) })}
            disabled={disabled}
            describedBy={gate['aria-describedby']}
            onApply={(status) => send({ status: status as Case['status'] })}
          />
          <HandOver
            name={item.subject}
            holderId={item.assigneeId}
            colleagues={colleagues}
            disabled={disabled}
            describedBy={gate['aria-describedby']}
            onHandOver={(colleague) => send({ assigneeId: colleague.id }, colleague)}
          />
          <Button ref={opener.ref} size="small" appearance="primary" onClick={() => setResolving(true)} aria-label={t('cases.resolveLabel', { subject: item.subject })} {...gate}>
            {t('cases.resolve')}
          </Button>
        </div>
      )}
      {change.conflict ? (
        <CaseChangedNotice
          conflict={change.conflict}
          colleagues={colleagues}
          busy={change.busy}
          onReload={() => {
            closeForm();
            change.dropConflict();
            onChanged();
          }}
          onOverwrite={() => send(asked.current.patch, asked.current.colleague)}
        />
      ) : null}
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
      {resolved ? <DoneNotice text={t('cases.resolved', { subject: resolved })} testId="case-resolved" /> : null}
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
