// Captures an unknown sender as a lead: name from the display name, company from the domain's account if there is one,
// source "email", and the qualification answers the score weighs. Saved with one client id, so a retry makes one lead.
// The email it was captured from is logged with the lead's address (unless unticked), so it is the lead's first
// interaction; its own client id makes a retry log it once.
import { Checkbox, Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { Lead } from '@crm/common';
import type { MailItem } from '../../host/mail-host';
import { ErrorNotice, FormActions, LEAD_BUDGETS, LEAD_ENGAGEMENTS, LEAD_SOURCES, LEAD_TIMINGS, useSubmit } from '@crm/common/web';
import { useServices } from '../services';
import { usePaneStyles } from '../styles';
import { useT } from '../texts';
import { splitName } from './AddContactForm';

type LeadSource = Lead['source'];
type LeadBudget = Lead['budget'];
type LeadTiming = Lead['timing'];
type LeadEngagement = Lead['engagement'];

export interface AddLeadFormProps {
  email: string;
  displayName: string;
  company: string;
  /** The email open in the pane (read mode), logged with the lead; null for a meeting or a draft. */
  fromEmail: MailItem | null;
  onCreated: (lead: Lead) => void;
  onCancel: () => void;
}

export default function AddLeadForm({ email, displayName, company: suggestedCompany, fromEmail, onCreated, onCancel }: AddLeadFormProps) {
  const styles = usePaneStyles();
  const { t } = useT();
  const { api, host } = useServices();
  const initial = splitName(displayName, email);
  const [firstName, setFirstName] = useState(initial.firstName);
  const [lastName, setLastName] = useState(initial.lastName);
  const [company, setCompany] = useState(suggestedCompany);
  const [source, setSource] = useState<LeadSource>('email');
  const [industry, setIndustry] = useState('');
  const [employees, setEmployees] = useState('');
  const [budget, setBudget] = useState<LeadBudget>('unknown');
  const [timing, setTiming] = useState<LeadTiming>('unknown');
  const [engagement, setEngagement] = useState<LeadEngagement>('none');
  const [logEmail, setLogEmail] = useState(fromEmail !== null);
  const [interactionId] = useState(() => crypto.randomUUID());

  const logFrom = async (item: MailItem) => {
    const inbound = item.from !== null && item.from.email.toLowerCase() !== host.userEmail.toLowerCase();
    await api('logInteraction', {
      body: {
        id: interactionId,
        type: 'email',
        direction: inbound ? 'inbound' : 'outbound',
        occurredAt: item.when.toISOString(),
        subject: item.subject,
        source: 'addin',
        ...(item.internetMessageId ? { internetMessageId: item.internetMessageId } : {}),
        ...(item.conversationId ? { conversationId: item.conversationId } : {}),
        pendingEmails: [email],
      },
    });
  };

  const { busy, error, submit } = useSubmit(async (id) => {
    const lead = (
      await api('createLead', {
        body: {
          id,
          source,
          firstName,
          lastName: lastName || null,
          email,
          company: company || null,
          industry: industry || null,
          employees: employees ? Number(employees) : null,
          budget,
          timing,
          engagement,
        },
      })
    ).data;
    if (!(logEmail && fromEmail)) return lead;
    await logFrom(fromEmail);
    // The email just logged is the lead's first interaction and counts for its engagement: the card shows the lead as it
    // is now, not the score the create answered before the email was linked.
    return (await api('getLead', { params: { id: lead.id } })).data;
  }, onCreated);

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label={t('person.addLead')}
    >
      <Field label={t('contact.email')}>
        <Input value={email} readOnly />
      </Field>
      <Field label={t('contact.firstName')}>
        <Input value={firstName} onChange={(_e, data) => setFirstName(data.value)} maxLength={100} autoFocus />
      </Field>
      <Field label={t('contact.lastName')}>
        <Input value={lastName} onChange={(_e, data) => setLastName(data.value)} maxLength={100} />
      </Field>
      <Field label={t('contact.account')}>
        <Input value={company} onChange={(_e, data) => setCompany(data.value)} maxLength={300} />
      </Field>
      <Field label={t('lead.sourceLabel')}>
        <Select value={source} onChange={(_e, data) => setSource(data.value as LeadSource)}>
          {LEAD_SOURCES.map((value) => (
            <option key={value} value={value}>
              {t(`lead.source.${value}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('lead.industry')}>
        <Input value={industry} onChange={(_e, data) => setIndustry(data.value)} maxLength={100} />
      </Field>
      <Field label={t('lead.employees')}>
        <Input type="number" min={1} step={1} value={employees} onChange={(_e, data) => setEmployees(data.value)} />
      </Field>
      <Field label={t('lead.budget')}>
        <Select value={budget} onChange={(_e, data) => setBudget(data.value as LeadBudget)}>
          {LEAD_BUDGETS.map((value) => (
            <option key={value} value={value}>
              {t(`lead.budget.${value}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('lead.timing')}>
        <Select value={timing} onChange={(_e, data) => setTiming(data.value as LeadTiming)}>
          {LEAD_TIMINGS.map((value) => (
            <option key={value} value={value}>
              {t(`lead.timing.${value}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('lead.engagement')}>
        <Select value={engagement} onChange={(_e, data) => setEngagement(data.value as LeadEngagement)}>
          {LEAD_ENGAGEMENTS.map((value) => (
            <option key={value} value={value}>
              {t(`lead.engagement.${value}`)}
            </option>
          ))}
        </Select>
      </Field>
      {fromEmail ? <Checkbox checked={logEmail} onChange={(_e, data) => setLogEmail(data.checked === true)} label={t('lead.logEmail')} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      <FormActions busy={busy} submitLabel={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
