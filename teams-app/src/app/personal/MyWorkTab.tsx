// "My CRM": my follow-ups (overdue first), my service cases and leads (loaded after the first paint), my pipeline with this and next quarter's forecast, my accounts and the sleeping ones.
import { Badge, Link, Spinner, Text } from '@fluentui/react-components';
import type { MyAccount, MyWork, QuarterForecast, Task } from '@crm/common';
import { DoneNotice, ErrorNotice, RoleNotice, useAccess } from '@crm/common/web';
import { lazy, Suspense, useId, useState } from 'react';
import { StageGroups } from '../StageGroups';
import { SyncCard } from './SyncCard';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useT } from '../texts';
import { useLoad } from '../use-load';
import { Card } from '../Card';
import { TaskActions } from '../TaskActions';

const ServiceSections = lazy(() => import('./service/ServiceSections').then((m) => ({ default: m.ServiceSections })));

const accountHref = (id: string) => `account.html?accountId=${encodeURIComponent(id)}`;

function Forecast({ work }: { work: MyWork }) {
  const styles = useTabStyles();
  const { t, money } = useT();
  const quarter = (key: 'me.thisQuarter' | 'me.nextQuarter', f: QuarterForecast) => (
    <div className={styles.figure} data-quarter={f.quarter}>
      <dt className={styles.muted}>{t(key, { quarter: f.quarter })}</dt>
      <dd className={styles.figureValue}>{money(f.weightedAmount, work.currency)}</dd>
      <dd className={styles.muted} style={{ margin: 0 }}>
        {t('me.forecastDeals', { count: f.count, amount: money(f.amount, work.currency) })}
      </dd>
    </div>
  );
  return (
    <Card headingId="forecast-heading" heading={t('me.forecast')} testId="forecast">
      <dl className={styles.figures}>
        {quarter('me.thisQuarter', work.forecast.thisQuarter)}
        {quarter('me.nextQuarter', work.forecast.nextQuarter)}
      </dl>
    </Card>
  );
}

function AccountList({
  accounts,
  headingId,
  heading,
  empty,
  quiet,
}: {
  accounts: readonly MyAccount[];
  headingId: string;
  heading: string;
  empty: string;
  quiet: boolean;
}) {
  const styles = useTabStyles();
  const { t, date } = useT();
  return (
    <Card headingId={headingId} heading={heading} testId={headingId}>
      {accounts.length === 0 ? <Text className={styles.muted}>{empty}</Text> : null}
      <ul className={styles.list}>
        {accounts.map((a) => (
          <li key={a.id} className={styles.spread} data-account-id={a.id}>
            <Link href={accountHref(a.id)} className={styles.clip}>
              {a.name}
            </Link>
            <Text size={200} className={quiet ? styles.danger : styles.muted}>
              {a.lastContactAt === null
                ? t('me.neverContacted')
                : quiet
                  ? t('me.daysQuiet', { days: a.daysSinceContact ?? 0 })
                  : t('me.lastContact', { date: date(a.lastContactAt) })}
            </Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function MyWorkTab() {
  const styles = useTabStyles();
  const { t, date } = useT();
  const { api } = useServices();
  const work = useLoad(async (signal) => (await api('myWork', { signal })).data, 'me');
  const data = work.data;
  const access = useAccess(api);
  const roleNoticeId = useId();
  // What a Done or a move did, in words: the notice takes the focus, which would otherwise fall back to the page's body
  // as the done follow-up leaves the list.
  const [notice, setNotice] = useState<string | null>(null);
  const taskChanged = (saved?: Task) => {
    if (saved)
      setNotice(saved.status === 'done' ? t('me.taskDone', { title: saved.title }) : t('me.taskMoved', { title: saved.title, date: date(saved.dueDate) }));
    work.reload();
  };
  return (
    <main className={styles.page} data-ready-key={data ? 'me' : undefined} aria-busy={work.status === 'loading'}>
      <h1 className={styles.heading}>{t('me.heading')}</h1>
      {work.status === 'error' ? <ErrorNotice error={work.error} onRetry={work.reload} /> : null}
      {!data && work.status === 'loading' ? <Spinner label={t('me.loading')} /> : null}
      {data ? (
        <div className={styles.columns}>
          <div className={styles.stack}>
            <Card headingId="my-tasks-heading" heading={t('me.tasks')} testId="my-tasks">
              {notice ? <DoneNotice text={notice} /> : null}
              {data.tasks.length === 0 ? (
                <Text className={styles.muted}>{t('me.noTasks')}</Text>
              ) : (
                <RoleNotice id={roleNoticeId} access={access} level="write" />
              )}
              {data.openTaskCount > data.tasks.length ? (
                <Text className={styles.muted} data-testid="more-tasks">
                  {t('me.moreTasks', { shown: data.tasks.length, total: data.openTaskCount })}
                </Text>
              ) : null}
              <ul className={styles.list}>
                {data.tasks.map((task) => (
                  <li key={task.id} className={styles.item} data-task-id={task.id} data-overdue={task.overdue}>
                    <div className={styles.row}>
                      {task.overdue ? (
                        <Badge color="danger" appearance="filled">
                          {t('me.overdue')}
                        </Badge>
                      ) : null}
                      <Text weight="semibold" className={styles.clip} title={task.title}>
                        {task.title}
                      </Text>
                    </div>
                    <Text size={200} className={task.overdue ? styles.danger : styles.muted}>
                      {task.overdue ? t('account.overdue', { date: date(task.dueDate) }) : t('account.due', { date: date(task.dueDate) })}
                    </Text>
                    {task.accountId && task.accountName ? (
                      <Link href={accountHref(task.accountId)} className={styles.clip}>
                        {task.accountName}
                      </Link>
                    ) : null}
                    {task.origin ? (
                      <Text size={200} className={styles.muted} data-testid="task-origin">
                        {t('me.fromEmail', { subject: task.origin.subject, from: task.origin.from })}
                      </Text>
                    ) : null}
                    <TaskActions task={task} onChanged={taskChanged} gate={access.gate('write', roleNoticeId)} />
                  </li>
                ))}
              </ul>
            </Card>
            <Suspense fallback={<Spinner label={t('common.loading')} />}>
              <ServiceSections access={access} />
            </Suspense>
            <Forecast work={data} />
            <StageGroups groups={data.pipeline} headingId="my-pipeline" heading={t('me.pipeline')} withAccount />
          </div>
          <div className={styles.stack}>
            <AccountList
              accounts={data.sleeping}
              headingId="sleeping"
              heading={t('me.sleeping', { days: data.sleepingAfterDays })}
              empty={t('me.noSleeping')}
              quiet
            />
            <AccountList accounts={data.accounts} headingId="my-accounts" heading={t('me.accounts')} empty={t('me.noAccounts')} quiet={false} />
            <SyncCard />
          </div>
        </div>
      ) : null}
    </main>
  );
}
