// The privacy tab's request screens: the register with its deadlines (open ones first, overdue and due-this-week
// marked), registering a request, and one request's detail where the officer works on it (extend once, status, actions
// taken, the answer sent). Loaded on demand with their texts, so the tab's first download stays small.
import { Badge, Button, Field, Input, makeStyles, Select, Spinner, Text, Textarea, tokens } from '@fluentui/react-components';
import type { Contact, PrivacyRequest, PrivacyRequestStatus, PrivacyRequestSummary, PrivacyRequestType } from '@crm/common';
import { ApiError, DoneNotice, ErrorNotice, FormActions, useSubmit } from '@crm/common/web';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Card } from '../../Card';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import { useLoad } from '../../use-load';
import { personTexts } from '../person/person-texts';
import { PrivacyTexts } from '../section-texts';
import { ContactChoice } from './ContactChoice';
import { PatchForm, type WorkProps } from './PatchForm';
import { LinkContactForm } from './LinkContactForm';
import { ChangesForm, LinkedChanges } from './RectificationChanges';
import { requestTexts, useRequestT } from './request-texts';

// The contact search is the person view's finder, which brings its texts.
const texts = { en: { ...personTexts.en, ...requestTexts.en }, de: { ...personTexts.de, ...requestTexts.de } };

const SHOWN = 100;
// Listed here rather than read from the zod enums, which would pull zod into the tab.
const TYPES: readonly PrivacyRequestType[] = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection'];
const STATUSES: readonly PrivacyRequestStatus[] = ['received', 'in_progress', 'completed', 'rejected'];
const isOpen = (status: PrivacyRequestStatus) => status === 'received' || status === 'in_progress';

/** A calendar date at noon UTC, so formatting it in any time zone of Europe keeps the day. */
const day = (date: string) => `${date}T12:00:00Z`;
/** Today as the API decides deadlines (UTC), so a date the form offers is never one the API refuses as in the future. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

type Work = 'extend' | 'status' | 'action' | 'answer' | 'contact' | 'changes';

type View = { name: 'list'; focus?: string } | { name: 'register' } | { name: 'detail'; id: string };

function RequestItem({
  request,
  focus,
  onOpen,
  onOpenPerson,
}: {
  request: PrivacyRequestSummary;
  focus: boolean;
  onOpen: () => void;
  onOpenPerson: (id: string) => void;
}) {
  const styles = useTabStyles();
  const { t, date } = useRequestT();
  const facts = [
    t('privacy.received', { date: date(day(request.receivedOn)) }),
    t('privacy.due', { date: date(day(request.dueOn)) }),
    ...(request.extension ? [t('privacy.extended', { date: date(day(request.originalDueOn)) })] : []),
    ...(request.answer ? [t('privacy.answered', { date: date(day(request.answer.sentOn)) })] : []),
  ];
  const contactId = request.contactId;
  const type = t(`privacy.type.${request.type}`);
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
        <Button
          appearance="transparent"
          ref={(element) => {
            if (element && focus) element.focus();
          }}
          onClick={onOpen}
          aria-label={t('request.open', { type, date: date(day(request.receivedOn)) })}
        >
          <Text weight="semibold">{type}</Text>
        </Button>
        {contactId ? (
          <Button size="small" appearance="transparent" onClick={() => onOpenPerson(contactId)} aria-label={t('privacy.openPerson', { type })}>
            {t('privacy.contact')}
          </Button>
        ) : (
          <Text className={styles.clip}>{request.email}</Text>
        )}
        <Badge appearance="outline">{t(`privacy.status.${request.status}`)}</Badge>
      </div>
      <Text size={200} className={request.overdue ? styles.danger : styles.muted}>
        {facts.join(' · ')}
      </Text>
    </li>
  );
}

function RequestList({
  focus,
  onOpen,
  onRegister,
  onOpenPerson,
}: {
  focus?: string;
  onOpen: (id: string) => void;
  onRegister: () => void;
  onOpenPerson: (id: string) => void;
}) {
  const styles = useTabStyles();
  const { t } = useRequestT();
  const { api } = useServices();
  const requests = useLoad(async (signal) => (await api('listPrivacyRequests', { query: { limit: SHOWN }, signal })).data, 'privacy');
  const data = requests.data;
  const open = data?.items.filter((r) => isOpen(r.status)) ?? [];
  return (
    <div data-ready-key={data ? 'privacy' : undefined} aria-busy={requests.status === 'loading'} className={styles.stack}>
      {requests.status === 'error' ? <ErrorNotice error={requests.error} onRetry={requests.reload} /> : null}
      {!data && requests.status === 'loading' ? <Spinner label={t('privacy.loading')} /> : null}
      {data ? (
        <Card
          headingId="privacy-requests-heading"
          heading={t('privacy.requests')}
          testId="privacy-requests"
          aside={
            <Button appearance="primary" onClick={onRegister}>
              {t('request.register')}
            </Button>
          }
        >
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
              <RequestItem
                key={request.id}
                request={request}
                focus={request.id === focus}
                onOpen={() => onOpen(request.id)}
                onOpenPerson={onOpenPerson}
              />
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}

function RegisterForm({ onRegistered, onCancel }: { onRegistered: (request: PrivacyRequest) => void; onCancel: () => void }) {
  const styles = useTabStyles();
  const { t } = useRequestT();
  const { api } = useServices();
  const [type, setType] = useState<PrivacyRequestType>('access');
  const [contact, setContact] = useState<Contact | null>(null);
  const [email, setEmail] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayUtc);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, error, submit } = useSubmit(async (id) => {
    const person = contact ? { contactId: contact.id } : { email: email.trim() };
    const body = { id, type, receivedOn, ...person, ...(note.trim() ? { note: note.trim() } : {}) };
    return (await api('createPrivacyRequest', { body })).data;
  }, onRegistered);
  return (
    <Card headingId="request-register-heading" heading={t('request.registerTitle')} testId="request-register">
      <fieldset className={styles.fieldset}>
        <legend className={styles.subheading}>{t('request.person')}</legend>
        <ContactChoice contact={contact} onChange={setContact} testId="request-contact" />
      </fieldset>
      <form
        className={styles.form}
        aria-label={t('request.registerTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          const none = !contact && email.trim() === '';
          setMissing(none);
          if (!none) void submit();
        }}
      >
        {contact ? null : (
          <Field
            label={t('request.email')}
            hint={missing ? undefined : t('request.emailHint')}
            validationMessage={missing ? t('request.personMissing') : error instanceof ApiError ? error.fieldReason('email') : undefined}
          >
            <Input type="email" value={email} onChange={(_e, d) => setEmail(d.value)} maxLength={320} />
          </Field>
        )}
        <Field label={t('request.type')} required>
          <Select value={type} onChange={(_e, d) => setType(d.value as PrivacyRequestType)}>
            {TYPES.map((name) => (
              <option key={name} value={name}>
                {t(`privacy.type.${name}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('request.receivedOn')} hint={t('request.receivedHint')} required>
          <Input type="date" value={receivedOn} max={todayUtc()} onChange={(_e, d) => setReceivedOn(d.value)} required />
        </Field>
        <Field label={t('request.note')} hint={t('request.noteHint')}>
          <Textarea value={note} onChange={(_e, d) => setNote(d.value)} maxLength={2000} resize="vertical" />
        </Field>
        {error ? <ErrorNotice error={error} /> : null}
        <FormActions busy={busy} submitLabel={t('request.register')} onCancel={onCancel} />
      </form>
    </Card>
  );
}

function ExtendForm(props: WorkProps) {
  const { t } = useRequestT();
  const [months, setMonths] = useState<1 | 2>(2);
  const [reason, setReason] = useState('');
  return (
    <PatchForm {...props} label={t('request.extendTitle')} submitLabel={t('request.extendSave')} makePatch={() => ({ extension: { months, reason: reason.trim() } })}>
      <Field label={t('request.months')}>
        <Select value={String(months)} onChange={(_e, d) => setMonths(d.value === '1' ? 1 : 2)}>
          <option value="1">{t('request.month1')}</option>
          <option value="2">{t('request.month2')}</option>
        </Select>
      </Field>
      <Field label={t('request.extendReason')} required>
        <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} maxLength={2000} required autoFocus resize="vertical" />
      </Field>
    </PatchForm>
  );
}

function StatusForm(props: WorkProps) {
  const { t } = useRequestT();
  const [status, setStatus] = useState<PrivacyRequestStatus>(props.request.status === 'received' ? 'in_progress' : props.request.status);
  // A closed request carries its answer (Art. 12(3), 12(4)); saying so here spares a round trip to the API's 400.
  const makePatch = () => (!isOpen(status) && !props.request.answer ? t('request.needsAnswer') : { status });
  return (
    <PatchForm {...props} label={t('request.changeStatus')} submitLabel={t('request.saveStatus')} makePatch={makePatch}>
      <Field label={t('request.newStatus')}>
        <Select value={status} onChange={(_e, d) => setStatus(d.value as PrivacyRequestStatus)} autoFocus>
          {STATUSES.map((name) => (
            <option key={name} value={name}>
              {t(`privacy.status.${name}`)}
            </option>
          ))}
        </Select>
      </Field>
    </PatchForm>
  );
}

function ActionForm(props: WorkProps) {
  const { t } = useRequestT();
  const [text, setText] = useState('');
  return (
    <PatchForm {...props} label={t('request.action')} submitLabel={t('request.saveAction')} makePatch={() => ({ action: text.trim() })}>
      <Field label={t('request.actionText')} required>
        <Textarea value={text} onChange={(_e, d) => setText(d.value)} maxLength={2000} required autoFocus resize="vertical" />
      </Field>
    </PatchForm>
  );
}

function AnswerForm(props: WorkProps) {
  const { t } = useRequestT();
  const [sentOn, setSentOn] = useState(todayUtc);
  const [text, setText] = useState('');
  return (
    <PatchForm {...props} label={t('request.answer')} submitLabel={t('request.saveAnswer')} makePatch={() => ({ answer: { sentOn, text: text.trim() } })}>
      <Field label={t('request.sentOn')} required>
        <Input type="date" value={sentOn} min={props.request.receivedOn} max={todayUtc()} onChange={(_e, d) => setSentOn(d.value)} required autoFocus />
      </Field>
      <Field label={t('request.answerBody')} required>
        <Textarea value={text} onChange={(_e, d) => setText(d.value)} maxLength={4000} required resize="vertical" />
      </Field>
    </PatchForm>
  );
}

// A fact's lines start under its label; the browser's own dd indent would push them off it.
const useFactStyles = makeStyles({
  fact: { display: 'grid', alignContent: 'start', margin: 0 },
  value: { display: 'grid', rowGap: tokens.spacingVerticalXXS, margin: 0 },
});

function Fact({ label, name, children }: { label: string; name: string; children: ReactNode }) {
  const styles = useTabStyles();
  const own = useFactStyles();
  return (
    <div className={own.fact} data-fact={name}>
      <dt className={styles.muted}>{label}</dt>
      <dd className={own.value}>{children}</dd>
    </div>
  );
}

function History({ request }: { request: PrivacyRequest }) {
  const styles = useTabStyles();
  const { t, date, dateTime } = useRequestT();
  const detail = (kind: PrivacyRequest['actions'][number]['kind'], text: string) => {
    if (kind === 'status') return t(`privacy.status.${text as PrivacyRequestStatus}`);
    if (kind === 'extended' || kind === 'answered') return date(day(text));
    if (kind === 'contact_linked') return '';
    return text;
  };
  return (
    <>
      <h3 className={styles.subheading}>{t('request.history')}</h3>
      {request.actions.length === 0 ? (
        <Text className={styles.muted}>{t('request.noHistory')}</Text>
      ) : (
        <ol className={styles.list} data-testid="request-history">
          {request.actions.map((action, index) => (
            <li key={`${action.at} ${index}`} className={styles.item} data-kind={action.kind}>
              <Text>
                <Text weight="semibold">{t(`request.kind.${action.kind}`)}</Text> {detail(action.kind, action.detail)}
              </Text>
              <Text size={200} className={styles.muted}>
                {t('request.by', { who: action.actorName ?? t('request.someone'), at: dateTime(action.at) })}
              </Text>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function RequestDetail({
  id,
  notice,
  onClose,
  onOpenPerson,
}: {
  id: string;
  /** What registering it said; it takes the focus, else the way back does. */
  notice: string | null;
  onClose: () => void;
  onOpenPerson: (id: string) => void;
}) {
  const styles = useTabStyles();
  const { t, date, dateTime } = useRequestT();
  const { api } = useServices();
  const load = useLoad(async (signal) => (await api('getPrivacyRequest', { params: { id }, signal })).data, id);
  // The PATCH answers the whole request with its new version; it stands until a 412 makes the detail load again.
  const [saved, setSaved] = useState<PrivacyRequest | null>(null);
  const [work, setWork] = useState<Work | null>(null);
  // What registering it said stands like any other change's notice, until the next change starts.
  const [done, setDone] = useState<string | null>(notice);
  const back = useRef<HTMLButtonElement>(null);
  const request = saved ?? load.data;
  const shown = request !== null;
  // In the commit that shows the request, not after paint: the keyboard never lands on the page between the two.
  useLayoutEffect(() => {
    if (shown && !notice) back.current?.focus();
  }, [shown, notice]);
  if (load.status === 'error' && !request) return <ErrorNotice error={load.error} onRetry={load.reload} />;
  if (!request) return <Spinner label={t('request.loading')} />;
  const start = (next: Work) => {
    setDone(null);
    setWork(next);
  };
  const savedAs = (message: (r: PrivacyRequest) => string) => (next: PrivacyRequest) => {
    setSaved(next);
    setWork(null);
    setDone(message(next));
  };
  const stale = () => {
    setSaved(null);
    load.reload();
  };
  const formProps = { request, onStale: stale, onCancel: () => setWork(null) };
  const open = isOpen(request.status);
  const extensionLate = !request.extension && todayUtc() > request.originalDueOn;
  const type = t(`privacy.type.${request.type}`);
  const rectification = request.type === 'rectification';
  return (
    <Card
      headingId="request-heading"
      heading={type}
      testId="request-detail"
      aside={
        <Button ref={back} onClick={onClose}>
          {t('request.close')}
        </Button>
      }
    >
      <div data-ready-key={`request:${request.id}:${request.etag}`} data-status={request.status} />
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
        {request.contactId ? (
          <Button size="small" onClick={() => onOpenPerson(request.contactId!)}>
            {t('request.openPerson')}
          </Button>
        ) : (
          <Text>{t('request.email.person', { email: request.email ?? '' })}</Text>
        )}
      </div>
      <dl className={styles.figures}>
        <Fact name="received" label={t('request.receivedFact')}>
          {date(day(request.receivedOn))}
        </Fact>
        <Fact name="due" label={t('request.dueFact')}>
          <span className={request.overdue ? styles.danger : undefined}>{date(day(request.dueOn))}</span>
        </Fact>
        <Fact name="status" label={t('request.statusFact')}>
          {t(`privacy.status.${request.status}`)}
        </Fact>
        {request.extension ? (
          <Fact name="extension" label={t('request.extensionFact')}>
            {t('request.extensionText', {
              date: date(day(request.extension.dueOn)),
              reason: request.extension.reason,
              who: request.actions.findLast((a) => a.kind === 'extended')?.actorName ?? t('request.someone'),
              at: dateTime(request.extension.extendedAt),
            })}
            <Text size={200} className={styles.muted}>
              {t('request.originalDueFact')}: {date(day(request.originalDueOn))}
            </Text>
          </Fact>
        ) : null}
        {request.answer ? (
          <Fact name="answer" label={t('request.answerFact')}>
            <Text>{date(day(request.answer.sentOn))}</Text>
            <Text className={styles.muted}>{request.answer.text}</Text>
          </Fact>
        ) : null}
      </dl>
      {load.status === 'error' ? <ErrorNotice error={load.error} onRetry={load.reload} /> : null}
      <div className={styles.row} role="group" aria-label={t('person.actions')}>
        {open && !request.extension && !extensionLate ? (
          <Button onClick={() => start('extend')} aria-expanded={work === 'extend'}>
            {t('request.extend')}
          </Button>
        ) : null}
        <Button onClick={() => start('status')} aria-expanded={work === 'status'}>
          {t('request.changeStatus')}
        </Button>
        <Button onClick={() => start('action')} aria-expanded={work === 'action'}>
          {t('request.action')}
        </Button>
        <Button onClick={() => start('answer')} aria-expanded={work === 'answer'}>
          {t('request.answer')}
        </Button>
        {request.contactId ? null : (
          <Button onClick={() => start('contact')} aria-expanded={work === 'contact'}>
            {t('request.linkContact')}
          </Button>
        )}
        {rectification && request.contactId ? (
          <Button onClick={() => start('changes')} aria-expanded={work === 'changes'}>
            {t('request.linkChanges')}
          </Button>
        ) : null}
      </div>
      {rectification && !request.contactId ? <Text className={styles.muted}>{t('request.changesNeedContact')}</Text> : null}
      {open && request.extension ? <Text className={styles.muted}>{t('request.noExtension')}</Text> : null}
      {open && extensionLate ? <Text className={styles.muted}>{t('request.lateExtension', { date: date(day(request.originalDueOn)) })}</Text> : null}
      {done && !work ? <DoneNotice text={done} /> : null}
      {work === 'extend' ? (
        <ExtendForm {...formProps} onSaved={savedAs((r) => t('request.extended', { date: date(day(r.dueOn)) }))} />
      ) : null}
      {work === 'status' ? <StatusForm {...formProps} onSaved={savedAs((r) => t('request.statusSaved', { status: t(`privacy.status.${r.status}`) }))} /> : null}
      {work === 'action' ? <ActionForm {...formProps} onSaved={savedAs(() => t('request.actionSaved'))} /> : null}
      {work === 'answer' ? <AnswerForm {...formProps} onSaved={savedAs(() => t('request.answerSaved'))} /> : null}
      {work === 'contact' ? <LinkContactForm {...formProps} onSaved={savedAs(() => t('request.contactLinked'))} /> : null}
      {work === 'changes' && request.contactId ? (
        <ChangesForm
          {...formProps}
          contactId={request.contactId}
          onSaved={savedAs((r) => t('request.changesLinked', { count: r.changes.length - request.changes.length }))}
        />
      ) : null}
      {rectification ? <LinkedChanges request={request} /> : null}
      <History request={request} />
    </Card>
  );
}

export function RequestsSection({ onOpenPerson }: { onOpenPerson: (id: string) => void }) {
  return (
    <PrivacyTexts section={texts}>
      <Screens onOpenPerson={onOpenPerson} />
    </PrivacyTexts>
  );
}

function Screens({ onOpenPerson }: { onOpenPerson: (id: string) => void }) {
  const { t, date } = useRequestT();
  const [view, setView] = useState<View>({ name: 'list' });
  const [registered, setRegistered] = useState<string | null>(null);
  if (view.name === 'register') {
    return (
      <RegisterForm
        onRegistered={(request) => {
          setRegistered(t('request.registered', { date: date(day(request.dueOn)) }));
          setView({ name: 'detail', id: request.id });
        }}
        onCancel={() => setView({ name: 'list' })}
      />
    );
  }
  if (view.name === 'detail') {
    return <RequestDetail id={view.id} notice={registered} onClose={() => setView({ name: 'list', focus: view.id })} onOpenPerson={onOpenPerson} />;
  }
  return (
    <RequestList
      focus={view.focus}
      onOpen={(id) => {
        setRegistered(null);
        setView({ name: 'detail', id });
      }}
      onRegister={() => setView({ name: 'register' })}
      onOpenPerson={onOpenPerson}
    />
  );
}
