// The company behind the people: owner, segment, the next meeting, open deals, follow-ups and the latest interactions
// (open complaints stand above everything, in the pane's ComplaintBanner).
import { Badge } from '@fluentui/react-badge';
import { Button } from '@fluentui/react-button';
import { Spinner } from '@fluentui/react-spinner';
import { Text } from '@fluentui/react-text';
import { Suspense, useRef, useState } from 'react';
import { DoneNotice, InteractionList, stageLabelOf, type UserAccess } from '@crm/common/web';
import type { AccountContext, TenantSettings } from '@crm/common';
import { AccountInsights, FollowUpEditForm, OpportunityEditForm } from './lazy-forms';
import { useServices } from './services';
import { usePaneStyles } from './styles';
import { useT } from './texts';

export function AccountCard({
  context,
  stages,
  access,
  roleNoticeId,
  onChanged,
}: {
  context: AccountContext;
  stages: TenantSettings['stages'];
  access: UserAccess;
  /** The pane's notice that says which role the disabled actions need. */
  roleNoticeId: string;
  /** An opportunity or follow-up was changed: the context is out of date. */
  onChanged: () => void;
}) {
  const styles = usePaneStyles();
  const { t, language, date, dateTime, money } = useT();
  const { host } = useServices();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The button stays while its form is open, so a cancelled form hands the focus straight back to it.
  const openers = useRef(new Map<string, HTMLElement>());
  const saved = (done: string) => {
    setEditing(null);
    setNotice(done);
    onChanged();
  };
  const { account, openOpportunities, openTasks, recentInteractions, upcoming } = context;
  // A meeting ahead is no contact yet, so it stays off the last interactions; the soonest one is named on its own.
  const next = upcoming[0];
  const stageLabel = stageLabelOf(stages, language);
  const today = new Date().toISOString().slice(0, 10);
  const headingId = `account-${account.id}`;
  return (
    <section className={styles.card} aria-labelledby={headingId} data-account={account.id}>
      <div className={styles.row}>
        <h2 id={headingId} className={styles.heading}>
          {account.name}
        </h2>
        {account.rating ? <Badge appearance="tint">{t('account.rating', { rating: account.rating })}</Badge> : null}
      </div>
      <Text size={200} className={styles.muted}>
        {[
          account.ownerName ? t('account.owner', { name: account.ownerName }) : t('account.noOwner'),
          account.segment ? t('account.segment', { segment: account.segment }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {/* A new window: the pane stays on the email while the account opens in Teams (or, in the preview, the browser). */}
      <a
        className={styles.link}
        href={host.accountTabUrl(account)}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={t('account.openInTeamsLabel', { name: account.name })}
      >
        {t('account.openInTeams')}
      </a>
      {next ? (
        <Text size={200} data-next-meeting={next.id}>
          <Text size={200} weight="semibold">
            {t('account.nextMeeting')}:
          </Text>{' '}
          {dateTime(next.occurredAt)} · {next.subject}
        </Text>
      ) : null}

      <h3 className={styles.subheading}>{t('account.openOpportunities')}</h3>
      {openOpportunities.length === 0 ? (
        <Text size={200} className={styles.muted}>
          {t('account.noneYet')}
        </Text>
      ) : (
        <ul className={styles.list} aria-label={t('account.openOpportunities')}>
          {openOpportunities.map((o) => (
            <li key={o.id} data-opportunity={o.id}>
              <Text size={200} weight="semibold">
                {o.name}
              </Text>
              <Text size={200} className={styles.muted}>
                {' '}
                · {stageLabel(o.stage)} · {money(o.amount, o.currency)}
                {o.expectedCloseDate ? ` · ${t('account.closes', { date: date(o.expectedCloseDate) })}` : ''}
              </Text>{' '}
              <Button
                ref={(button) => void (button ? openers.current.set(o.id, button) : openers.current.delete(o.id))}
                size="small"
                appearance="subtle"
                aria-label={t('opportunity.edit', { name: o.name })}
                aria-expanded={editing === o.id}
                onClick={() => (setNotice(null), setEditing((current) => (current === o.id ? null : o.id)))}
                {...access.gate('write', roleNoticeId)}
              >
                {t('opportunity.editButton')}
              </Button>
              {editing === o.id ? (
                <Suspense fallback={<Spinner size="tiny" />}>
                  <OpportunityEditForm
                    opportunity={o}
                    stages={stages}
                    onSaved={(_saved, done) => saved(done)}
                    onCancel={() => (setEditing(null), openers.current.get(o.id)?.focus())}
                  />
                </Suspense>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {notice ? <DoneNotice text={notice} /> : null}

      <h3 className={styles.subheading}>{t('account.openTasks')}</h3>
      {openTasks.length === 0 ? (
        <Text size={200} className={styles.muted}>
          {t('account.noneYet')}
        </Text>
      ) : (
        <ul className={styles.list} aria-label={t('account.openTasks')}>
          {openTasks.map((task) => (
            <li key={task.id} data-task={task.id}>
              <Text size={200}>{task.title}</Text>
              <Text size={200} className={task.dueDate < today ? undefined : styles.muted}>
                {' '}
                · {task.dueDate < today ? t('account.overdue', { date: date(task.dueDate) }) : t('account.due', { date: date(task.dueDate) })}
              </Text>{' '}
              <Button
                ref={(button) => void (button ? openers.current.set(task.id, button) : openers.current.delete(task.id))}
                size="small"
                appearance="subtle"
                aria-label={t('followUp.edit', { title: task.title })}
                aria-expanded={editing === task.id}
                onClick={() => (setNotice(null), setEditing((current) => (current === task.id ? null : task.id)))}
                {...access.gate('write', roleNoticeId)}
              >
                {t('opportunity.editButton')}
              </Button>
              {editing === task.id ? (
                <Suspense fallback={<Spinner size="tiny" />}>
                  <FollowUpEditForm
                    task={task}
                    onSaved={(_saved, done) => saved(done)}
                    onCancel={() => (setEditing(null), openers.current.get(task.id)?.focus())}
                  />
                </Suspense>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h3 className={styles.subheading}>{t('account.recent')}</h3>
      {recentInteractions.length === 0 ? (
        <Text size={200} className={styles.muted}>
          {t('account.noneYet')}
        </Text>
      ) : (
        <InteractionList items={recentInteractions} label={t('account.recent')} />
      )}
      <Suspense fallback={null}>
        <AccountInsights accountId={account.id} />
      </Suspense>
    </section>
  );
}
