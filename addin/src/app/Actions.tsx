// What the user can do from the item: log it, create a follow-up, an opportunity or a complaint; one form open at a time.
import { Button } from '@fluentui/react-button';
import { MessageBar, MessageBarBody } from '@fluentui/react-message-bar';
import { Spinner } from '@fluentui/react-spinner';
import { Suspense, useRef, useState } from 'react';
import type { ContextResponse, Interaction } from '@crm/common';
import { DoneNotice, type UserAccess } from '@crm/common/web';
import type { MailItem } from '../host/mail-host';
import { ComplaintForm, FollowUpForm, LogForm, OpportunityForm } from './lazy-forms';
import { loggedState } from './LoggedStatus';
import { usePaneStyles } from './styles';
import { useMyUserId } from './use-me';
import { useT } from './texts';

type Open = 'log' | 'followUp' | 'opportunity' | 'complaint' | null;

export function Actions({
  item,
  context,
  logged,
  onLogged,
  onChanged,
  access,
  roleNoticeId,
  nameOf,
}: {
  item: MailItem;
  context: ContextResponse;
  logged: readonly Interaction[];
  onLogged: (i: Interaction) => void;
  /** A follow-up, opportunity or complaint was created: the account card (and the complaint banner) are out of date. */
  onChanged: () => void;
  access: UserAccess;
  /** The pane's notice that says which role the disabled actions need. */
  roleNoticeId: string;
  /** The name the email gives an address. */
  nameOf: (email: string) => string;
}) {
  const styles = usePaneStyles();
  const { t, date } = useT();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const meeting = item.mode.startsWith('appointment');
  // A restricted person (Art. 18) is not linked to a new follow-up or opportunity.
  const contactIds = context.people.flatMap((p) => (p.status === 'known' && !p.restricted ? [p.contact.id] : []));
  const firstAccount = context.accounts[0]?.account.id ?? null;
  // An address erased at its owner's request is not stored again (the API refuses it).
  const erasedSender = context.people.some((p) => p.status === 'unknown' && p.erased && p.email === item.from?.email.toLowerCase());
  // A follow-up from an email keeps the email (and its sender's address, which links it to them once they are added).
  // Exchange can report a sender without an SMTP address; such a follow-up keeps no origin rather than fail.
  const origin =
    !meeting && item.from && /^[^\s@]+@[^\s@]+$/.test(item.from.email) && !erasedSender
      ? { internetMessageId: item.internetMessageId || null, subject: item.subject.slice(0, 1000), from: item.from.email }
      : null;
  const loggedItem = loggedState(item, logged).self;
  const myId = useMyUserId(loggedItem !== null);
  // A colleague logged it: logging again only adds me as a logger; if I logged it, there is nothing to do.
  const loggedByMe = loggedItem !== null && (myId === null || loggedItem.loggedBy.some((l) => l.userId === myId));
  const alreadyLogged = loggedItem !== null;
  const toggle = (which: Open) => {
    setNotice(null);
    setOpen((current) => (current === which ? null : which));
  };
  const done = (text: string) => {
    setOpen(null);
    setNotice(text);
  };
  // The toolbar stays while a form is open, so a cancelled form hands the focus straight back to its button.
  const openers = {
    log: useRef<HTMLButtonElement>(null),
    followUp: useRef<HTMLButtonElement>(null),
    opportunity: useRef<HTMLButtonElement>(null),
    complaint: useRef<HTMLButtonElement>(null),
  };
  const cancel = (which: Exclude<Open, null>) => {
    setOpen(null);
    openers[which].current?.focus();
  };

  return (
    <section className={styles.section} aria-label={t('app.name')}>
      <div className={styles.row} role="toolbar" aria-label={t('app.name')}>
        {!loggedByMe ? (
          <Button
            ref={openers.log}
            appearance={alreadyLogged ? 'secondary' : 'primary'}
            aria-expanded={open === 'log'}
            onClick={() => toggle('log')}
            {...access.gate('write', roleNoticeId)}
          >
            {alreadyLogged ? t('log.alsoMe') : meeting ? t('log.meeting') : t('log.email')}
          </Button>
        ) : null}
        <Button ref={openers.followUp} aria-expanded={open === 'followUp'} onClick={() => toggle('followUp')} {...access.gate('write', roleNoticeId)}>
          {t('action.followUp')}
        </Button>
        <Button
          ref={openers.opportunity}
          aria-expanded={open === 'opportunity'}
          onClick={() => toggle('opportunity')}
          disabled={!firstAccount}
          {...access.gate('write', roleNoticeId)}
        >
          {t('action.opportunity')}
        </Button>
        {!meeting ? (
          <Button
            ref={openers.complaint}
            aria-expanded={open === 'complaint'}
            onClick={() => toggle('complaint')}
            disabled={!firstAccount}
            {...access.gate('write', roleNoticeId)}
          >
            {t('action.complaint')}
          </Button>
        ) : null}
      </div>
      {!firstAccount && !alreadyLogged ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('log.searchInstead')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Suspense fallback={<Spinner size="tiny" label={t('common.loading')} />}>
        {open === 'log' ? (
          <LogForm
            item={item}
            context={context}
            nameOf={nameOf}
            onLogged={(interaction) => {
              done(t('log.done'));
              onLogged(interaction);
            }}
            onCancel={() => cancel('log')}
          />
        ) : null}
        {open === 'followUp' ? (
          <FollowUpForm
            subject={item.subject}
            accountId={firstAccount}
            contactId={contactIds[0] ?? null}
            origin={origin}
            onCreated={(task) => {
              done(t('followUp.created', { date: date(task.dueDate) }));
              onChanged();
            }}
            onCancel={() => cancel('followUp')}
          />
        ) : null}
        {open === 'opportunity' && firstAccount ? (
          <OpportunityForm
            subject={item.subject}
            accountId={firstAccount}
            contactIds={contactIds}
            onCreated={(opportunity) => {
              done(t('opportunity.created', { name: opportunity.name }));
              onChanged();
            }}
            onCancel={() => cancel('opportunity')}
          />
        ) : null}
        {open === 'complaint' && firstAccount ? (
          <ComplaintForm
            subject={item.subject}
            when={item.when}
            accountId={firstAccount}
            contactIds={contactIds}
            onCreated={(complaint) => {
              done(t('complaint.created', { subject: complaint.subject }));
              onChanged();
            }}
            onCancel={() => cancel('complaint')}
          />
        ) : null}
      </Suspense>
      {notice ? <DoneNotice text={notice} /> : null}
    </section>
  );
}
