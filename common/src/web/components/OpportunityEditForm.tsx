// Changes an open opportunity's stage, amount, expected close and product line, in the pane's account card and the Teams account tab,
// with the version it was read at (If-Match). When a colleague changed it in between, the form says who, when and what
// it holds now, and the user reloads it or overwrites it knowingly; only the fields the user changed are sent, so
// nothing else of theirs is lost. Its texts live here, so they load with the form, not in either front-end's first download.
import { Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { Opportunity, OpportunityPatch } from '../../contracts/opportunities';
import type { TenantSettings } from '../../contracts/tenant';
import type { ApiClient } from '../api/api-client';
import { stageLabelOf } from '../hooks/use-stages';
import { useVersionedSave } from '../hooks/use-versioned-save';
import { useI18n, type Language } from '../i18n/i18n';
import { ChangedNotice } from './ChangedNotice';
import { ErrorNotice } from './ErrorNotice';
import { FormActions } from './FormActions';

const texts = {
  en: {
    stage: 'Stage',
    amountIn: 'Amount ({currency})',
    close: 'Expected close',
    probability: 'Probability',
    productLine: 'Product line',
    saved: 'Opportunity "{name}" saved.',
  },
  de: {
    stage: 'Phase',
    amountIn: 'Betrag ({currency})',
    close: 'Erwarteter Abschluss',
    probability: 'Wahrscheinlichkeit',
    productLine: 'Produktlinie',
    saved: 'Verkaufschance „{name}“ gespeichert.',
  },
} satisfies Record<Language, Record<string, string>>;

export interface OpportunityEditFormProps {
  api: ApiClient;
  /** The form's accessible name, the same as the button that opened it in the host. */
  label: string;
  /** The host's form layout. */
  className: string;
  opportunity: Opportunity;
  stages: TenantSettings['stages'];
  /** Saved, with the notice that says so. */
  onSaved: (opportunity: Opportunity, notice: string) => void;
  onCancel: () => void;
}

interface Values {
  stage: string;
  amount: string;
  close: string;
  productLine: string;
}

const valuesOf = (o: Opportunity): Values => ({ stage: o.stage, amount: String(o.amount), close: o.expectedCloseDate ?? '', productLine: o.productLine ?? '' });

/** The fields the user changed from the version read, as the API takes them. */
function patchOf(read: Values, now: Values): OpportunityPatch {
  return {
    ...(now.stage !== read.stage ? { stage: now.stage } : {}),
    ...(now.amount !== read.amount ? { amount: Number(now.amount || 0) } : {}),
    ...(now.close !== read.close ? { expectedCloseDate: now.close || null } : {}),
    ...(now.productLine.trim() !== read.productLine ? { productLine: now.productLine.trim() || null } : {}),
  };
}

export function OpportunityEditForm({ api, label, className, opportunity, stages, onSaved, onCancel }: OpportunityEditFormProps) {
  const { t, language, money, date } = useI18n();
  const e = (key: keyof (typeof texts)['en'], vars: Record<string, string> = {}) =>
    texts[language][key].replace(/\{(\w+)\}/g, (_m, name: string) => vars[name] ?? '');
  // The version the user's edits are based on: the one opened, or the colleague's after a reload.
  const [read, setRead] = useState(opportunity);
  const [values, setValues] = useState(() => valuesOf(opportunity));
  const {
    busy,
    error,
    conflict,
    save: saveOn,
    dropConflict,
  } = useVersionedSave(async () => (await api('getOpportunity', { params: { id: opportunity.id } })).data);
  const stageLabel = stageLabelOf(stages, language);
  const set = (field: keyof Values) => (_e: unknown, data: { value: string }) => setValues((v) => ({ ...v, [field]: data.value }));

  const save = (base: Opportunity) => {
    const patch = patchOf(valuesOf(read), values);
    void saveOn(
      async (on) => (Object.keys(patch).length === 0 ? on : (await api('updateOpportunity', { params: { id: on.id }, body: patch, ifMatch: on.etag })).data),
      base,
      (saved) => onSaved(saved, e('saved', { name: saved.name })),
    );
  };

  const fieldLabel = (field: string) =>
    ({
      stage: e('stage'),
      amount: e('amountIn', { currency: read.currency }),
      expectedCloseDate: e('close'),
      probability: e('probability'),
      productLine: e('productLine'),
    })[field] ?? field;
  const summary = (o: Opportunity) =>
    [stageLabel(o.stage), money(o.amount, o.currency), o.expectedCloseDate ? t('account.closes', { date: date(o.expectedCloseDate) }) : null, o.productLine]
      .filter(Boolean)
      .join(' · ');
  const stageOptions = stages.some((s) => s.key === values.stage) ? stages : [{ key: values.stage, label: { de: values.stage, en: values.stage } }, ...stages];

  return (
    <form
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        save(conflict?.current ?? read);
      }}
      aria-label={label}
    >
      <Field label={e('stage')}>
        <Select value={values.stage} onChange={set('stage')} autoFocus>
          {stageOptions.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label[language]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={e('amountIn', { currency: read.currency })}>
        <Input type="number" min={0} step="any" value={values.amount} onChange={set('amount')} required />
      </Field>
      <Field label={e('close')}>
        <Input type="date" value={values.close} onChange={set('close')} />
      </Field>
      <Field label={e('productLine')}>
        <Input value={values.productLine} onChange={set('productLine')} maxLength={100} />
      </Field>
      {conflict ? (
        <ChangedNotice
          change={conflict.change}
          current={summary(conflict.current)}
          fieldLabel={fieldLabel}
          busy={busy}
          onReload={() => {
            setRead(conflict.current);
            setValues(valuesOf(conflict.current));
            dropConflict();
          }}
          onOverwrite={() => save(conflict.current)}
        />
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <FormActions busy={busy} submitLabel={t('common.save')} onCancel={onCancel} />
    </form>
  );
}
