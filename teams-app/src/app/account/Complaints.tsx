// Open complaints with their age and their open service case (priority, due time, overdue, escalated); resolving one
// records the resolution text and closes it for everyone.
import { Button, Field, Text, Textarea } from '@fluentui/react-components';
import { memo, useState } from 'react';
import type { AgedComplaint, Interaction } from '@crm/common';
import { CaseBriefLine, ErrorNotice, FormActions, useOpenerFocus, useSubmit, type UserAccess } from '@crm/common/web';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useT } from '../texts';
import { Card } from '../Card';

function ResolveForm({ complaint, onResolved, onCancel }: { complaint: AgedComplaint; onResolved: (i: Interaction) => void; onCancel: () => void }) {
  const styles = useTabStyles();
  const { t } = useT();
  const { api } = useServices();
  const [resolution, setResolution] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    // The summary in the overview carries no version; the current one guards against resolving over a colleague's change.
    const current = await api('getInteraction', { params: { id: complaint.id } });
    return (await api('updateInteraction', { params: { id: complaint.id }, body: { status: 'resolved', resolution }, ifMatch: current.data.etag })).data;
  }, onResolved);
  return (
    <form
      className={styles.form}
      aria-label={t('complaints.resolveLabel', { subject: complaint.subject })}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label={t('complaints.resolution')} required>
        <Textarea value={resolution} onChange={(_e, d) => setResolution(d.value)} maxLength={5000} required autoFocus resize="vertical" />
      </Field>
      {error ? <ErrorNotice error={error} /> : null}
      <FormActions busy={busy} submitLabel={t('complaints.resolve')} onCancel={onCancel} />
    </form>
  );
}

export const Complaints = memo(function Complaints({
  complaints,
  onResolved,
  access,
  roleNoticeId,
}: {
  complaints: readonly AgedComplaint[];
  onResolved: (i: Interaction) => void;
  access: UserAccess;
  /** The tab's notice that says which role the disabled actions need. */
  roleNoticeId: string;
}) {
  const styles = useTabStyles();
  const { t, date } = useT();
  const [resolving, setResolving] = useState<string | null>(null);
  // A cancelled resolution hands the focus back to its complaint's Resolve button (a resolved one goes away; the tab's
  // notice takes the focus then).
  const opener = useOpenerFocus();
  const [returnTo, setReturnTo] = useState<string | null>(null);
  return (
    <Card headingId="complaints-heading" heading={t('complaints.heading')} testId="complaints">
      {complaints.length === 0 ? <Text className={styles.muted}>{t('complaints.none')}</Text> : null}
      <ul className={styles.list}>
        {complaints.map((complaint) => (
          <li key={complaint.id} className={styles.item} data-complaint-id={complaint.id}>
            <div className={styles.spread}>
              <div className={styles.item}>
                <Text weight="semibold" className={styles.clip} title={complaint.subject}>
                  {complaint.subject}
                </Text>
                <Text size={200} className={complaint.ageDays > 14 ? styles.danger : styles.muted}>
                  {date(complaint.occurredAt)} ·{' '}
                  {complaint.ageDays === 0
                    ? t('complaints.openToday')
                    : complaint.ageDays === 1
                      ? t('complaints.openOneDay')
                      : t('account.openSince', { days: complaint.ageDays })}
                </Text>
                {complaint.case ? (
                  <CaseBriefLine brief={complaint.case} className={complaint.case.overdue ? styles.danger : styles.muted} />
                ) : null}
              </div>
              {resolving !== complaint.id ? (
                <Button
                  ref={complaint.id === returnTo ? opener.ref : undefined}
                  size="small"
                  onClick={() => setResolving(complaint.id)}
                  aria-label={t('complaints.resolveLabel', { subject: complaint.subject })}
                  {...access.gate('write', roleNoticeId)}
                >
                  {t('complaints.resolve')}
                </Button>
              ) : null}
            </div>
            {resolving === complaint.id ? (
              <ResolveForm
                complaint={complaint}
                onResolved={(i) => {
                  setResolving(null);
                  onResolved(i);
                }}
                onCancel={() => {
                  setResolving(null);
                  setReturnTo(complaint.id);
                  opener.restore();
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
});
