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
  const [text, setText] = useState('');
  const [contactIds, setContactIds] = useState<string[]>([]);
  const [opportunityId, setOpportunityId] = useState('');
  const { busy, error, submit } = useSubmit(
    async (id) =>
      (
        await api('logInteraction', {
          body: {
            id,
            type,
            direction: type === 'complaint' ? 'inbound' : null,
            occurredAt: new Date().toISOString(),
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
