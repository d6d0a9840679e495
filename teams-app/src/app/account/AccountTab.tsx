// The account tab: the whole relationship at a glance, and logging what the team learns, in a channel, chat or meeting.
import { Button, Spinner } from '@fluentui/react-components';
import { Suspense, useCallback, useId, useMemo, useState } from 'react';
import type { AccountOverview, Interaction, TimelinePage } from '@crm/common';
import { ApiError, DoneNotice, ErrorNotice, RoleNotice, useAccess, useOpenerFocus } from '@crm/common/web';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useT } from '../texts';
import { useLoad } from '../use-load';
import { AccountHeader } from './AccountHeader';
import { Complaints } from './Complaints';
import { ContactsSection } from './ContactsSection';
import { FollowUps } from './FollowUps';
import { Pipeline } from './Pipeline';
import { Timeline } from './Timeline';
import { LaterUnboundTab } from './LaterUnboundTab';
import { AccountInsights, LogForm } from './lazy-parts';
import { Upcoming } from './Upcoming';
import { NO_FILTER, type TimelineFilter } from './timeline-query';
import { useTimeline } from './use-timeline';

/** The first screen's answers when the page waited for them before rendering (first-screen.ts), for one commit. */
export interface FirstScreen {
  overview: AccountOverview;
  timeline: TimelinePage;
}

export function AccountTab({ accountId, first }: { accountId: string; first?: FirstScreen }) {
  const styles = useTabStyles();
  const { t } = useT();
  const { api, host } = useServices();
  const compact = host.frame === 'sidePanel';
  const overview = useLoad(async (signal) => (await api('accountOverview', { params: { id: accountId }, signal })).data, accountId, first?.overview);
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  const timeline = useTimeline(accountId, filter, first?.timeline);
  const [logging, setLogging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const data = overview.data;
  const access = useAccess(api);
  const roleNoticeId = useId();
  const logOpener = useOpenerFocus();

  // The figures block (a lazy chunk) joins once the first timeline page is in: loaded with the overview, its script and
  // render ran while the host was still answering the timeline, on the same two cores (the trace in docs/BENCHMARKS.md).
  const [figuresShown, setFiguresShown] = useState(first !== undefined);
  if (!figuresShown && (timeline.total !== null || timeline.done || timeline.error !== null)) setFiguresShown(true);

  const { place } = timeline;
  const { reload } = overview;
  // Stable props, so a timeline page arriving re-renders the timeline and not every (memoised) section beside it.
  const contacts = useMemo(() => data?.contacts.map((c) => c.contact) ?? [], [data]);
  const upcoming = useMemo(() => data?.upcoming ?? [], [data]);
  const opportunities = useMemo(() => data?.pipeline.flatMap((g) => g.opportunities) ?? [], [data]);
  const changed = useCallback(
    (interaction: Interaction, message: string, created = false) => {
      place(interaction, created);
      setNotice(message);
      reload();
    },
    [place, reload],
  );
  const resolved = useCallback((interaction: Interaction) => changed(interaction, t('complaints.resolved')), [changed, t]);

  // The key of the account on screen, set once its overview is shown: the benchmark and browser tests wait for it.
  const readyKey = data && data.account.id === accountId ? accountId : undefined;

  // A deleted account (or one of another tenant) is not an error to retry: offer another.
  if (overview.status === 'error' && overview.error instanceof ApiError && overview.error.kind === 'not-found') return <LaterUnboundTab missing />;

  return (
    <main
      className={compact ? `${styles.page} ${styles.compact}` : styles.page}
      data-ready-key={readyKey}
      aria-busy={overview.status === 'loading'}
      data-layout={compact ? 'compact' : 'wide'}
    >
      {overview.status === 'error' ? <ErrorNotice error={overview.error} onRetry={overview.reload} /> : null}
      {!data && overview.status === 'loading' ? <Spinner label={t('tab.loading')} /> : null}
      {data ? (
        <>
          <AccountHeader overview={data} compact={compact} />
          {notice ? <DoneNotice text={notice} /> : null}
          {logging ? (
            <section className={styles.card}>
              <Suspense fallback={<Spinner size="tiny" />}>
                <LogForm
                  accountId={accountId}
                  accountName={data.account.name}
                  contacts={contacts}
                  opportunities={opportunities}
                  onLogged={(interaction) => {
                    setLogging(false);
                    changed(interaction, t('log.done'), true);
                  }}
                  onCancel={() => (setLogging(false), logOpener.restore())}
                />
              </Suspense>
            </section>
          ) : (
            <div className={styles.row}>
              <Button ref={logOpener.ref} appearance="primary" onClick={() => (setLogging(true), setNotice(null))} {...access.gate('write', roleNoticeId)}>
                {t('log.button')}
              </Button>
            </div>
          )}
          <RoleNotice id={roleNoticeId} access={access} level="write" />
          <div className={compact ? styles.stack : styles.columns}>
            <div className={styles.stack}>
              {compact ? (
                <Complaints complaints={data.openComplaints} onResolved={resolved} onChanged={reload} access={access} roleNoticeId={roleNoticeId} />
              ) : null}
              <Upcoming items={upcoming} />
              <Timeline accountId={accountId} contacts={contacts} height={compact ? 380 : 620} filter={filter} onFilter={setFilter} timeline={timeline} />
            </div>
            <div className={styles.stack}>
              {!compact ? (
                <Complaints complaints={data.openComplaints} onResolved={resolved} onChanged={reload} access={access} roleNoticeId={roleNoticeId} />
              ) : null}
              <FollowUps accountId={accountId} tasks={data.openTasks} contacts={contacts} onChanged={reload} access={access} roleNoticeId={roleNoticeId} />
              {figuresShown ? (
                <Suspense fallback={null}>
                  <AccountInsights accountId={accountId} />
                </Suspense>
              ) : null}
              <ContactsSection contacts={data.contacts} />
              <Pipeline groups={data.pipeline} onChanged={reload} access={access} roleNoticeId={roleNoticeId} />
            </div>
          </div>
        </>
      ) : null}
    </main>
  );
}
