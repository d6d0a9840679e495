// My leads (the ones I own and that are not customers yet): the score with each criterion's reason, the status, a
// disqualification with its reason, and the conversion, which asks a person to choose when similar accounts exist. Each
// change goes on the version the list read; a colleague's change in between is named (who, when, what it holds now).
import { Badge, Button, Field, Input, Link, Text } from '@fluentui/react-components';
import type { Lead, LeadConversion, LeadPatch } from '@crm/common';
import { ApiError, DoneNotice, ErrorNotice, FormActions, LEAD_STATUSES, LeadScore, useOpenerFocus, type UserAccess } from '@crm/common/web';
import { useVersionedSave } from '@crm/common/web/record-change';
import { useRef, useState } from 'react';
import { Card } from '../../Card';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import type { Colleague } from './colleagues';
import { HandOver } from './HandOver';
import { SelectToApply } from '../../SelectToApply';
import { LeadHistory } from './LeadHistory';
import { LeadChangedNotice } from './ServiceChangedNotice';
import { useNativeStyles } from '../../native-styles';
import { useServiceT } from './use-service-t';

const accountHref = (id: string) => `account.html?accountId=${encodeURIComponent(id)}`;
export const leadName = (lead: Lead) => [lead.firstName, lead.lastName].filter(Boolean).join(' ') || lead.email || lead.company || lead.id;

type Candidate = { id: string; name: string };

/** The accounts a 409 similar_accounts names, or none for any other answer. */
function similarAccounts(error: unknown): Candidate[] {
  if (!(error instanceof ApiError) || error.kind !== 'conflict' || error.problem?.reason !== 'similar_accounts') return [];
  const candidates = error.problem.candidates;
  return Array.isArray(candidates) ? (candidates as Candidate[]) : [];
}

function DisqualifyForm({ lead, busy, onDisqualify, onCancel }: { lead: Lead; busy: boolean; onDisqualify: (reason: string) => void; onCancel: () => void }) {
  const styles = useTabStyles();
  const native = useNativeStyles();
  const { t } = useServiceT();
  const [reason, setReason] = useState('');
  return (
    <form
      className={styles.form}
      aria-label={t('leads.disqualifyLabel', { name: leadName(lead) })}
      onSubmit={(e) => {
        e.preventDefault();
        onDisqualify(reason);
      }}
    >
      <label className={native.label}>
        {t('leads.reason')}
        <textarea className={native.textarea} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required autoFocus />
      </label>
      <FormActions busy={busy} submitLabel={t('leads.disqualify')} onCancel={onCancel} />
    </form>
  );
}

function ConvertForm({
  lead,
  colleagues,
  onDone,
  onCancel,
  onReload,
}: {
  lead: Lead;
  colleagues: readonly Colleague[];
  onDone: (c: LeadConversion) => void;
  onCancel: () => void;
  /** The colleague's version instead of mine: the form closes and the list is read again. */
  onReload: () => void;
}) {
  const styles = useTabStyles();
  const native = useNativeStyles();
  const { t } = useServiceT();
  const { api } = useServices();
  const [opportunity, setOpportunity] = useState('');
  const [amount, setAmount] = useState('');
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [choice, setChoice] = useState('');
  const { busy, error, conflict, save } = useVersionedSave(async () => (await api('getLead', { params: { id: lead.id } })).data);
  const convert = (base: Lead) =>
    save(
      async (on) => {
        try {
          return (
            await api('convertLead', {
              params: { id: on.id },
              body: {
                ...(choice === 'new' ? { createAccount: true } : choice ? { accountId: choice } : {}),
                ...(opportunity.trim() ? { opportunity: { name: opportunity.trim(), ...(amount ? { amount: Number(amount) } : {}) } } : {}),
              },
              ifMatch: on.etag,
            })
          ).data;
        } catch (e) {
          const similar = similarAccounts(e);
          // Similar names are a question for the seller, not a failure: the form asks it and the next Convert answers it.
          if (similar.length > 0) setCandidates(similar);
          throw e;
        }
      },
      base,
      onDone,
    );
  const asking = candidates.length > 0;
  return (
    <form
      className={styles.form}
      aria-label={t('leads.convertLabel', { name: leadName(lead) })}
      onSubmit={(e) => {
        e.preventDefault();
        // After a colleague's change the next try goes on their version, which the notice showed.
        void convert(conflict?.current ?? lead);
      }}
    >
      <Text size={200} className={styles.muted}>
        {t('leads.convertIntro')}
      </Text>
      <Field label={t('leads.opportunity')}>
        <Input value={opportunity} onChange={(_e, d) => setOpportunity(d.value)} maxLength={200} autoFocus />
      </Field>
      {opportunity.trim() ? (
        <Field label={t('leads.amount')}>
          <Input type="number" min={0} step="any" value={amount} onChange={(_e, d) => setAmount(d.value)} />
        </Field>
      ) : null}
      {asking ? (
        <fieldset className={native.choices} data-testid="similar-accounts">
          <legend>{t('leads.similar')}</legend>
          {candidates.map((c) => (
            <label key={c.id}>
              <input type="radio" name={`account-${lead.id}`} value={c.id} checked={choice === c.id} onChange={() => setChoice(c.id)} required /> {c.name}
            </label>
          ))}
          <label>
            <input type="radio" name={`account-${lead.id}`} value="new" checked={choice === 'new'} onChange={() => setChoice('new')} required />{' '}
            {t('leads.newAccount')}
          </label>
        </fieldset>
      ) : null}
      {error && !(asking && similarAccounts(error).length > 0) ? <ErrorNotice error={error} /> : null}
      {conflict ? (
        <LeadChangedNotice conflict={conflict} colleagues={colleagues} busy={busy} onReload={onReload} onOverwrite={() => void convert(conflict.current)} />
      ) : null}
      <FormActions busy={busy} submitLabel={t('leads.convert')} onCancel={onCancel} />
    </form>
  );
}

function LeadItem({
  lead,
  colleagues,
  onChanged,
  onHandedOver,
  gate,
}: {
  lead: Lead;
  colleagues: readonly Colleague[];
  onChanged: (done?: LeadConversion) => void;
  onHandedOver: (colleague: Colleague) => void;
  gate: ReturnType<UserAccess['gate']>;
}) {
  const styles = useTabStyles();
  const { t, date } = useServiceT();
  const { api } = useServices();
  const [form, setForm] = useState<'disqualify' | 'convert' | null>(null);
  // A closed form (cancelled, disqualified, a colleague's version taken) hands the focus to the lead's status, which stays;
  // a converted or handed-over lead leaves the list and the section's notice takes it.
  const status = useOpenerFocus<HTMLSelectElement>();
  const closeForm = () => (setForm(null), status.restore());
  const name = leadName(lead);
  // The status, owner or disqualification asked for, sent with the version this list read: a colleague's change
  // meanwhile is a 412 that names them, and overwriting repeats this on their version.
  const asked = useRef<{ patch: LeadPatch; colleague: Colleague | null }>({ patch: {}, colleague: null });
  const change = useVersionedSave(async () => (await api('getLead', { params: { id: lead.id } })).data);
  const send = (patch: LeadPatch, colleague: Colleague | null = null) => {
    asked.current = { patch, colleague };
    const base = change.conflict?.current ?? lead;
    void change.save(async (on) => (await api('updateLead', { params: { id: on.id }, body: patch, ifMatch: on.etag })).data, base, () => {
      if (colleague) onHandedOver(colleague);
      else {
        closeForm();
        onChanged();
      }
    });
  };
  const reload = () => {
    closeForm();
    change.dropConflict();
    onChanged();
  };
  return (
    <li className={styles.item} data-lead-id={lead.id} data-status={lead.status}>
      <div className={styles.spread}>
        <Text weight="semibold" className={styles.clip} title={name}>
          {name}
          {lead.company && lead.company !== name ? ` · ${lead.company}` : ''}
        </Text>
        <Badge appearance="tint" color={lead.status === 'disqualified' ? 'danger' : lead.status === 'qualified' ? 'success' : 'informative'}>
          {t(`lead.status.${lead.status}`)}
        </Badge>
      </div>
      <Text size={200} className={styles.muted}>
        {t('leads.from', { source: t(`lead.source.${lead.source}`), date: date(lead.createdAt) })}
      </Text>
      {lead.status === 'disqualified' && lead.disqualifyReason ? (
        <Text size={200} className={styles.danger}>
          {t('leads.disqualifiedBecause', { reason: lead.disqualifyReason })}
        </Text>
      ) : null}
      <LeadScore lead={lead} />
      <LeadHistory lead={lead} name={name} />
      {form === null ? (
        <div className={styles.row}>
          <SelectToApply
            selectRef={status.ref}
            label={t('leads.status', { name })}
            value={lead.status}
            choices={LEAD_STATUSES.filter((s) => s !== 'converted').map((s) => ({ value: s, label: t(`lead.status.${s}`) }))}
            applyText={t('service.apply')}
            applyLabel={t('service.applyLabel', { what: t('leads.status', { name }) })}
            disabled={change.busy || 'disabledFocusable' in gate}
            describedBy={gate['aria-describedby']}
            onApply={(chosen) => {
              const next = chosen as Exclude<Lead['status'], 'converted'>;
              if (next === 'disqualified') setForm('disqualify');
              else send({ status: next });
            }}
          />
          <HandOver
            name={name}
            holderId={lead.ownerId}
            colleagues={colleagues}
            disabled={change.busy || 'disabledFocusable' in gate}
            describedBy={gate['aria-describedby']}
            onHandOver={(colleague) => send({ ownerId: colleague.id }, colleague)}
          />
          {lead.status !== 'disqualified' ? (
            <>
              <Button size="small" onClick={() => setForm('disqualify')} aria-label={t('leads.disqualifyLabel', { name })} {...gate}>
                {t('leads.disqualify')}
              </Button>
              <Button size="small" appearance="primary" onClick={() => setForm('convert')} aria-label={t('leads.convertLabel', { name })} {...gate}>
                {t('leads.convert')}
              </Button>
            </>
          ) : null}
        </div>
      ) : form === 'disqualify' ? (
        <DisqualifyForm
          lead={lead}
          busy={change.busy}
          onDisqualify={(reason) => send({ status: 'disqualified', disqualifyReason: reason })}
          onCancel={() => (closeForm(), change.dropConflict())}
        />
      ) : (
        <ConvertForm lead={lead} colleagues={colleagues} onDone={(c) => (setForm(null), onChanged(c))} onCancel={closeForm} onReload={reload} />
      )}
      {change.conflict ? (
        <LeadChangedNotice
          conflict={change.conflict}
          colleagues={colleagues}
          busy={change.busy}
          onReload={reload}
          onOverwrite={() => send(asked.current.patch, asked.current.colleague)}
        />
      ) : null}
      {change.error ? <ErrorNotice error={change.error} onRetry={() => onChanged()} /> : null}
    </li>
  );
}

export function MyLeads({
  leads,
  colleagues,
  onChanged,
  onHandedOver,
  access,
  roleNoticeId,
}: {
  leads: readonly Lead[];
  colleagues: readonly Colleague[];
  onChanged: () => void;
  onHandedOver: (name: string, colleague: Colleague) => void;
  access: UserAccess;
  roleNoticeId: string;
}) {
  const styles = useTabStyles();
  const { t } = useServiceT();
  const [converted, setConverted] = useState<{ name: string; accountId: string } | null>(null);
  return (
    <Card headingId="my-leads-heading" heading={t('leads.heading')} testId="my-leads">
      {converted ? (
        <DoneNotice text={t('leads.converted', { name: converted.name })} testId="lead-converted">
          <Link href={accountHref(converted.accountId)}>{t('leads.openAccount')}</Link>
        </DoneNotice>
      ) : null}
      {leads.length === 0 ? <Text className={styles.muted}>{t('leads.none')}</Text> : null}
      <ul className={styles.list}>
        {leads.map((lead) => (
          <LeadItem
            key={lead.id}
            lead={lead}
            colleagues={colleagues}
            onHandedOver={(colleague) => onHandedOver(leadName(lead), colleague)}
            gate={access.gate('write', roleNoticeId)}
            onChanged={(done) => {
              if (done) setConverted({ name: leadName(done.lead), accountId: done.accountId });
              onChanged();
            }}
          />
        ))}
      </ul>
    </Card>
  );
}
