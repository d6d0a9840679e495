// The Data tab's "Export" page: accounts, contacts, opportunities or interactions as CSV that German Excel opens
// (semicolons, UTF-8 with byte-order mark, decimal comma by default) or as XLSX, with the lists' own filters.
import { Button, Field, Input, Radio, RadioGroup, Select, Spinner, Text } from '@fluentui/react-components';
import type { InteractionType, Opportunity } from '@crm/common';

type OpportunityStatus = Opportunity['status'];
import { DoneNotice, ErrorNotice, type ApiClient } from '@crm/common/web';
import { useState } from 'react';
import { Card } from '../Card';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import type { SaveFile } from './save-file';
import { useDataT } from './use-data-t';

export type ExportList = 'accounts' | 'contacts' | 'opportunities' | 'interactions';
const LISTS: readonly ExportList[] = ['accounts', 'contacts', 'opportunities', 'interactions'];
const STATUSES: readonly OpportunityStatus[] = ['open', 'won', 'lost'];
const TYPES: readonly InteractionType[] = ['email', 'meeting', 'call', 'note', 'chat', 'complaint', 'service_request', 'web_form'];

interface ExportChoice {
  list: ExportList;
  q: string;
  status: OpportunityStatus | '';
  type: InteractionType | '';
  format: 'csv' | 'xlsx';
  decimal: 'comma' | 'point';
}

/** One call per list: each has its own endpoint and filters. */
async function download(api: ApiClient, choice: ExportChoice) {
  const file = { format: choice.format, ...(choice.format === 'csv' ? { decimal: choice.decimal } : {}) };
  const q = choice.q.trim() || undefined;
  switch (choice.list) {
    case 'accounts':
      return api('exportAccounts', { query: { ...file, q } });
    case 'contacts':
      return api('exportContacts', { query: { ...file, q } });
    case 'opportunities':
      return api('exportOpportunities', { query: { ...file, q, status: choice.status || undefined } });
    case 'interactions':
      return api('exportInteractions', { query: { ...file, type: choice.type ? [choice.type] : undefined } });
  }
}

export function ExportPage({ save }: { save: SaveFile }) {
  const styles = useTabStyles();
  const { t } = useDataT();
  const { api } = useServices();
  const [choice, setChoice] = useState<ExportChoice>({ list: 'accounts', q: '', status: '', type: '', format: 'csv', decimal: 'comma' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const set = (change: Partial<ExportChoice>) => {
    setChoice((previous) => ({ ...previous, ...change }));
    setDone(null);
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await download(api, choice);
      const name = result.file?.name ?? `${choice.list}.${choice.format}`;
      if (result.file) save(result.file.blob, name);
      setDone(name);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-ready-key="export">
      <Card headingId="export-heading" heading={t('export.heading')} testId="export">
        <Text className={styles.muted}>{t('export.intro')}</Text>
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Field label={t('export.what')}>
            <RadioGroup layout="horizontal" value={choice.list} onChange={(_e, data) => set({ list: data.value as ExportList })}>
              {LISTS.map((list) => (
                <Radio key={list} value={list} label={t(`export.what.${list}`)} />
              ))}
            </RadioGroup>
          </Field>
          {choice.list === 'interactions' ? (
            <Field label={t('export.type')}>
              <Select value={choice.type} onChange={(_e, data) => set({ type: data.value as InteractionType | '' })}>
                <option value="">{t('export.type.all')}</option>
                {TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`export.type.${type}`)}
                  </option>
                ))}
              </Select>
            </Field>
          ) : (
            <Field label={t('export.q')} hint={t('export.q.hint')}>
              <Input value={choice.q} maxLength={200} onChange={(_e, data) => set({ q: data.value })} />
            </Field>
          )}
          {choice.list === 'opportunities' ? (
            <Field label={t('export.status')}>
              <Select value={choice.status} onChange={(_e, data) => set({ status: data.value as OpportunityStatus | '' })}>
                <option value="">{t('export.status.all')}</option>
                {STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`export.status.${status}`)}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          <Field label={t('export.format')}>
            <RadioGroup value={choice.format} onChange={(_e, data) => set({ format: data.value as ExportChoice['format'] })}>
              <Radio value="csv" label={t('export.format.csv')} />
              <Radio value="xlsx" label={t('export.format.xlsx')} />
            </RadioGroup>
          </Field>
          {choice.format === 'csv' ? (
            <Field label={t('export.decimal')}>
              <RadioGroup value={choice.decimal} onChange={(_e, data) => set({ decimal: data.value as ExportChoice['decimal'] })}>
                <Radio value="comma" label={t('export.decimal.comma')} />
                <Radio value="point" label={t('export.decimal.point')} />
              </RadioGroup>
            </Field>
          ) : null}
          <div className={styles.row}>
            <Button appearance="primary" type="submit" disabled={busy}>
              {t('export.download')}
            </Button>
            {busy ? <Spinner size="tiny" label={t('export.downloading')} /> : null}
          </div>
        </form>
        {error ? <ErrorNotice error={error} onRetry={() => void submit()} /> : null}
        {done ? <DoneNotice text={t('export.done', { file: done })} /> : null}
      </Card>
    </div>
  );
}
