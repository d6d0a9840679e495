// Logs a note, call, meeting outcome or complaint to the account, optionally for people and a deal, remembering the Teams origin.
import { Checkbox, Field, Input, mergeClasses, Select, Textarea } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Contact, Interaction, Opportunity } from '@crm/common';
import { ErrorNotice, FormActions, OptionalSelect, useSubmit } from '@crm/common/web';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useT } from '../texts';

const KINDS = ['note', 'call', 'meeting', 'complaint'] as const;
type Kind = (typeof KINDS)[number];

/** Calls and meetings are often logged afterwards, so they take a date and time; notes and complaints are logged as they come. */
const DATED: ReadonlySet<Kind> = new Set(['call', 'meeting']);

/** The value a datetime-local input shows for an instant, in the browser's time zone (minutes, as the input shows them). */
export function localDateTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
}

export interface LogFormProps {
  accountId: string;
  accountName: string;
  contacts: readonly Contact[];
  opportunities: readonly Opportunity[];
  onLogged: (interaction: Interaction) => void;
  onCancel: () => void;
}

export function LogForm({ accountId, accountName, contacts, opportunities, onLogged, onCancel }: LogFormProps) {
  const styles = useTabStyles();
  const { t } = useT();
  const { api, host } = useServices();
  const [type, setType] = useState<Kind>('note');
  const [subject, setSubject] = useState('');
  const [subjectMissing, setSubjectMissing] = useState(false);
  const subjectInput = useRef<HTMLInputElement>(null);
  // Untouched, the record is logged at the moment of submitting, to the second; edited, at the time entered.
  const [when, setWhen] = useState(() => ({ value: localDateTime(new Date()), edited: false }));
  const [whenProblem, setWhenProblem] = useState<'missing' | 'future' | null>(null);
  const whenInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [contactIds, setContactIds] = useState<string[]>([]);
  const [opportunityId, setOpportunityId] = useState('');
  const dated = DATED.has(type);
  const occurredAt = () => (dated && when.edited ? new Date(when.value) : new Date());
  const { busy, error, submit } = useSubmit(
    async (id) =>
      (
        await api('logInteraction', {
          body: {
            id,
            type,
            direction: type === 'complaint' ? 'inbound' : null,
            occurredAt: occurredAt().toISOString(),
            subject: subject.trim(),
            summary: text.trim() || null,
            source: 'teams',
            accountIds: [accountId],
            contactIds,
            opportunityIds: opportunityId ? [opportunityId] : [],
            ...(host.origin ? { teamsOrigin: host.origin } : {}),
          },
        })
      ).data,
    onLogged,
  );
  const toggle = (id: string, on: boolean) => setContactIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  return (
    <form
      className={styles.form}
      aria-label={t('log.heading', { name: accountName })}
      onSubmit={(e) => {
        e.preventDefault();
        // "required" lets spaces through; the API would refuse them, so say so here, at the field.
        if (!subject.trim()) {
          setSubjectMissing(true);
          subjectInput.current?.focus();
          return;
        }
        if (dated && when.edited) {
          const at = new Date(when.value);
          const problem = Number.isNaN(at.getTime()) ? 'missing' : type === 'call' && at.getTime() > Date.now() ? 'future' : null;
          setWhenProblem(problem);
          if (problem) {
            whenInput.current?.focus();
            return;
          }
        }
        void submit();
      }}
    >
      <Field label={t('log.type')}>
        <Select value={type} onChange={(_e, d) => setType(d.value as Kind)}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind === 'meeting' ? t('log.meetingOutcome') : t(`type.${kind}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t('log.subject')}
        required
        validationState={subjectMissing ? 'error' : 'none'}
        validationMessage={subjectMissing ? t('log.subjectRequired') : undefined}
      >
        <Input
          ref={subjectInput}
          value={subject}
          onChange={(_e, d) => {
            setSubject(d.value);
            if (d.value.trim()) setSubjectMissing(false);
          }}
          maxLength={1000}
          required
          autoFocus
        />
      </Field>
      {dated ? (
        <Field
          label={t('log.when')}
          hint={type === 'call' ? t('log.whenCallHint') : t('log.whenMeetingHint')}
          validationState={whenProblem ? 'error' : 'none'}
          validationMessage={whenProblem === 'future' ? t('log.whenFuture') : whenProblem === 'missing' ? t('log.whenMissing') : undefined}
        >
          <Input
            ref={whenInput}
            type="datetime-local"
            value={when.value}
            onChange={(_e, d) => {
              setWhen({ value: d.value, edited: true });
              setWhenProblem(null);
            }}
          />
        </Field>
      ) : null}
      <Field label={t('log.text')}>
        <Textarea value={text} onChange={(_e, d) => setText(d.value)} maxLength={20_000} resize="vertical" />
      </Field>
      {contacts.length > 0 ? (
        <fieldset className={mergeClasses(styles.row, styles.fieldset)}>
          <legend>{t('log.contacts')}</legend>
          {contacts.map((c) => (
            <Checkbox key={c.id} label={c.displayName} checked={contactIds.includes(c.id)} onChange={(_e, d) => toggle(c.id, d.checked === true)} />
          ))}
        </fieldset>
      ) : null}
      {opportunities.length > 0 ? (
        <OptionalSelect
          label={t('log.opportunity')}
          noneLabel={t('log.noOpportunity')}
          value={opportunityId}
          options={opportunities.map((o) => ({ id: o.id, label: o.name }))}
          onChange={setOpportunityId}
        />
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <FormActions busy={busy} submitLabel={t('log.submit')} onCancel={onCancel} />
    </form>
  );
}
