// Quick opportunity from an email: name, amount, stage, expected close and product line, linked to the account and its people.
import { Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { Opportunity } from '@crm/common';
import { ErrorNotice, FormActions, useStages, useSubmit } from '@crm/common/web';
import { useServices } from '../services';
import { usePaneStyles } from '../styles';
import { useT } from '../texts';

export interface OpportunityFormProps {
  subject: string;
  accountId: string;
  contactIds: readonly string[];
  onCreated: (opportunity: Opportunity) => void;
  onCancel: () => void;
}

export default function OpportunityForm({ subject, accountId, contactIds, onCreated, onCancel }: OpportunityFormProps) {
  const styles = usePaneStyles();
  const { t, language } = useT();
  const { api } = useServices();
  const stages = useStages(api);
  const [name, setName] = useState(subject.slice(0, 200));
  const [amount, setAmount] = useState('');
  const [stage, setStage] = useState('');
  const [close, setClose] = useState(new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10));
  const [productLine, setProductLine] = useState('');
  const { busy, error, submit } = useSubmit(
    async (id) =>
      (
        await api('createOpportunity', {
          body: {
            id,
            accountId,
            name,
            amount: Number(amount || 0),
            ...(stage ? { stage } : {}),
            expectedCloseDate: close || null,
            ...(productLine.trim() ? { productLine } : {}),
            contactIds: [...contactIds],
          },
        })
      ).data,
    onCreated,
  );
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label={t('action.opportunity')}
    >
      <Field label={t('opportunity.name')} required>
        <Input value={name} onChange={(_e, data) => setName(data.value)} maxLength={200} required autoFocus />
      </Field>
      <Field label={t('opportunity.amount')}>
        <Input type="number" min={0} step="any" value={amount} onChange={(_e, data) => setAmount(data.value)} />
      </Field>
      <Field label={t('opportunity.stage')}>
        <Select value={stage} onChange={(_e, data) => setStage(data.value)}>
          {stages.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label[language]} ({s.probability} %)
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('opportunity.close')}>
        <Input type="date" value={close} onChange={(_e, data) => setClose(data.value)} />
      </Field>
      <Field label={t('opportunity.productLine')}>
        <Input value={productLine} onChange={(_e, data) => setProductLine(data.value)} maxLength={100} />
      </Field>
      {error ? <ErrorNotice error={error} /> : null}
      <FormActions busy={busy} submitLabel={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
