// Open complaints with their age and their open service case (priority, due time, overdue, escalated); resolving one
// records the resolution text and closes it for everyone (the form loads when first opened).
import { Button, Spinner, Text } from '@fluentui/react-components';
import { memo, Suspense, useState } from 'react';
import type { AgedComplaint, Interaction } from '@crm/common';
import { CaseBriefLine, useOpenerFocus, type UserAccess } from '@crm/common/web';
import { useTabStyles } from '../styles';
import { useT } from '../texts';
import { Card } from '../Card';
import { ResolveComplaint } from './lazy-parts';

export const Complaints = memo(function Complaints({
  complaints,
  onResolved,
  onChanged,
  access,
  roleNoticeId,
}: {
  complaints: readonly AgedComplaint[];
  onResolved: (i: Interaction) => void;
  /** A complaint changed meanwhile and the user took the colleague's version: the overview is out of date. */
  onChanged: () => void;
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
              <Suspense fallback={<Spinner size="tiny" />}>
                <ResolveComplaint
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
                  onReload={() => {
                    setResolving(null);
                    onChanged();
                  }}
                />
              </Suspense>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
});
