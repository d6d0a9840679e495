// The preview's rows, page by page: the values that identify a row, the proposed decision per part with its reason and
// candidates, a choice to change it, and after the commit what happened. A list of 100,000 rows is never read whole.
import { Button, Select, Spinner, Text } from '@fluentui/react-components';
import type { Import, ImportAction, ImportChoice, ImportDecision, ImportPreview, ImportRowView } from '@crm/common';
import { ErrorNotice } from '@crm/common/web';
import { useState } from 'react';
import { useTableStyles } from '@crm/common/web/insights-tables';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useLoad } from '../use-load';
import { useDataT } from './use-data-t';

type T = ReturnType<typeof useDataT>;
type Part = 'account' | 'contact' | 'record';
type PartView = NonNullable<ImportRowView['account']>;

const PAGE = 50;

/** A choice as the value of a select: '' keeps the proposal, `update:<id>` and `merge:<row>` name the record or row. */
const encode = (choice: ImportChoice | null): string =>
  !choice ? '' : choice.action === 'update' ? `update:${choice.existingId}` : choice.action === 'merge' ? `merge:${choice.intoRow}` : choice.action;

function decode(value: string): ImportChoice | null {
  if (!value) return null;
  const [action, target] = value.split(':');
  if (action === 'update') return { action, existingId: target! };
  if (action === 'merge') return { action, intoRow: Number(target) };
  return { action: action as 'create' | 'skip' };
}

/** A field the API names (`contact.lastName`) as the mapping calls it; a name outside the mapping's fields as it is. */
function fieldName(field: string, t: T['t']): string {
  const key = `field.${field}` as Parameters<T['t']>[0];
  const name = t(key);
  return name === key ? field : name;
}

const score = (value: number) => value.toFixed(2);

/** A list whose every row writes one record of its own (a revenue period, an opportunity) and no account or contact. */
export const isRecordKind = (kind: Import['kind']): kind is 'revenue' | 'opportunities' => kind === 'revenue' || kind === 'opportunities';

/** What a part can be set to: the proposal, create, skip, each CRM record and earlier row it was matched with. */
function options(proposed: ImportDecision, part: Part, t: T['t']): Array<[string, string]> {
  const result = new Map<string, string>([['', t('preview.proposed', { action: t(`action.${proposed.action}`) })]]);
  // A revenue period or an opportunity is written as the list has it, or skipped: the file is where it is corrected.
  if (part === 'record') return [...result.set('skip', t('preview.choice.skip'))];
  if (proposed.action === 'update' && proposed.existingId) result.set(`update:${proposed.existingId}`, t('preview.choice.updateExisting'));
  for (const candidate of proposed.candidates ?? []) {
    if (candidate.existingId) result.set(`update:${candidate.existingId}`, t('preview.choice.update', { name: candidate.name, score: score(candidate.score) }));
    else if (candidate.row) result.set(`merge:${candidate.row}`, t('preview.choice.merge', { row: candidate.row, name: candidate.name }));
  }
  if (proposed.action === 'merge' && proposed.intoRow) result.set(`merge:${proposed.intoRow}`, t('preview.choice.mergeRow', { row: proposed.intoRow }));
  result.set('create', t('preview.choice.create'));
  result.set('skip', t('preview.choice.skip'));
  return [...result];
}

function PartCell({
  row,
  part,
  partName,
  view,
  editable,
  onChoose,
}: {
  row: number;
  part: Part;
  /** How the part is called in the decision's label: Account, Contact, Opportunity, Revenue period. */
  partName: string;
  view: PartView | null;
  editable: boolean;
  onChoose: (choice: ImportChoice | null) => void;
}) {
  const styles = useTabStyles();
  const { t } = useDataT();
  if (!view) return <td />;
  const { proposed, chosen } = view;
  const label = t('preview.decision', { part: partName, row });
  return (
    <td style={{ textAlign: 'start', verticalAlign: 'top' }} data-part={part} data-proposed={proposed.action} data-chosen={chosen?.action ?? ''}>
      <Text weight="semibold" className={proposed.action === 'error' ? styles.danger : undefined}>
        {t(`action.${proposed.action}`)}
      </Text>
      <Text size={200} className={styles.muted} block>
        {proposed.reason}
        {proposed.field ? ` · ${t('preview.field', { field: fieldName(proposed.field, t) })}` : ''}
      </Text>
      {proposed.candidates?.length ? (
        <ul className={styles.list}>
          {proposed.candidates.map((candidate) => (
            <li key={`${candidate.existingId ?? candidate.row}`}>
              <Text size={200}>{t('preview.candidate', { name: candidate.name, reason: candidate.reason, score: score(candidate.score) })}</Text>
            </li>
          ))}
        </ul>
      ) : null}
      {editable ? (
        <Select aria-label={label} size="small" value={encode(chosen)} onChange={(_e, data) => onChoose(decode(data.value))}>
          {options(proposed, part, t).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </Select>
      ) : null}
    </td>
  );
}

function OutcomeCell({ row, recordName }: { row: ImportRowView; recordName: string }) {
  const styles = useTabStyles();
  const { t } = useDataT();
  const outcome = row.outcome;
  if (!outcome) return <td />;
  const parts = (['account', 'contact', 'record'] as const).flatMap((part) => {
    const o = outcome[part];
    const name = part === 'record' ? recordName : t(`preview.${part}`);
    return o ? [`${name}: ${t(`outcome.${o.action}`)} (${o.reason})`] : [];
  });
  return (
    <td style={{ textAlign: 'start', verticalAlign: 'top' }} data-outcome>
      {[...parts, ...(outcome.consent ? [outcome.consent] : [])].map((text) => (
        <Text key={text} size={200} block className={styles.muted}>
          {text}
        </Text>
      ))}
    </td>
  );
}

const text = (value: ImportRowView['values'][string] | undefined) => (value === null || value === undefined ? '' : String(value));

/** The cells of a revenue or opportunity row that say what it writes, as the list has them ("Phase: Angebot · Betrag: 12.500,00 €"). */
function RecordValues({ row }: { row: ImportRowView }) {
  const { t } = useDataT();
  const cells = Object.entries(row.values).filter(([field, value]) => (field.startsWith('revenue.') || field.startsWith('opportunity.')) && text(value));
  return (
    <td style={{ textAlign: 'start', verticalAlign: 'top' }} data-values>
      {cells.map(([field, value]) => `${fieldName(field, t)}: ${text(value)}`).join(' · ')}
    </td>
  );
}

export function ImportRows({
  value,
  action,
  editable,
  onChoose,
}: {
  value: Import;
  action: ImportAction | undefined;
  editable: boolean;
  /** Saves one part's choice; false when the API refused it. */
  onChoose: (row: number, part: Part, choice: ImportChoice | null) => Promise<boolean>;
}) {
  const tables = useTableStyles();
  const styles = useTabStyles();
  const { t } = useDataT();
  const { api } = useServices();
  const [pages, setPages] = useState<Array<ImportPreview['rows']>>([]);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [chosen, setChosen] = useState<ReadonlyMap<string, ImportChoice | null>>(new Map());
  const load = useLoad(
    async (signal) => (await api('getImport', { params: { id: value.id }, query: { limit: PAGE, action, cursor }, signal })).data.rows,
    `${value.id}:${cursor ?? ''}`,
  );
  // While the next page loads, useLoad still holds the last one, which pages already has.
  const shown = [...pages, ...(load.status === 'ready' ? [load.data] : [])];
  const rows = shown.flatMap((page) => page.items);
  const next = load.data?.nextCursor;
  const done = value.status === 'committed' || value.status === 'undone';
  const choose = async (row: number, part: Part, choice: ImportChoice | null) => {
    const key = `${row}:${part}`;
    const before = chosen;
    setChosen(new Map(chosen).set(key, choice));
    if (!(await onChoose(row, part, choice))) setChosen(before);
  };
  const records = isRecordKind(value.kind);
  const recordName = isRecordKind(value.kind) ? t(`preview.record.${value.kind}`) : '';
  const viewOf = (row: ImportRowView, part: Part): PartView | null => {
    const view = row[part] ?? null;
    const key = `${row.row}:${part}`;
    return view && chosen.has(key) ? { ...view, chosen: chosen.get(key)! } : view;
  };
  return (
    <div data-testid="import-rows" data-ready-key={load.status === 'ready' ? 'import-rows' : undefined}>
      {load.status === 'error' ? <ErrorNotice error={load.error} onRetry={load.reload} /> : null}
      {load.status === 'loading' ? <Spinner size="tiny" label={t('common.loading')} /> : null}
      {load.status === 'ready' && rows.length === 0 ? <Text className={styles.muted}>{t('preview.none')}</Text> : null}
      {rows.length ? (
        <div className={tables.scroll}>
          <table className={tables.table}>
            <thead>
              <tr>
                <th scope="col">{t('preview.row')}</th>
                <th scope="col" style={{ textAlign: 'start' }}>
                  {t('preview.company')}
                </th>
                <th scope="col" style={{ textAlign: 'start' }}>
                  {records ? t('preview.values') : t('preview.person')}
                </th>
                {records ? (
                  <th scope="col" style={{ textAlign: 'start' }}>
                    {recordName}
                  </th>
                ) : null}
                {!records && value.kind !== 'contacts' ? (
                  <th scope="col" style={{ textAlign: 'start' }}>
                    {t('preview.account')}
                  </th>
                ) : null}
                {!records && value.kind !== 'accounts' ? (
                  <th scope="col" style={{ textAlign: 'start' }}>
                    {t('preview.contact')}
                  </th>
                ) : null}
                {done ? (
                  <th scope="col" style={{ textAlign: 'start' }}>
                    {t('preview.result')}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.row} data-row={row.row}>
                  <th scope="row" style={{ verticalAlign: 'top' }}>
                    {row.row}
                  </th>
                  <td style={{ textAlign: 'start', verticalAlign: 'top' }}>
                    {text(row.values['account.name']) || (records ? text(row.values['account.customerNumber']) : '')}
                  </td>
                  {records ? (
                    <RecordValues row={row} />
                  ) : (
                    <td style={{ textAlign: 'start', verticalAlign: 'top' }}>
                      {[text(row.values['contact.firstName']), text(row.values['contact.lastName'])].filter(Boolean).join(' ') ||
                        text(row.values['contact.email'])}
                    </td>
                  )}
                  {records ? (
                    <PartCell
                      row={row.row}
                      part="record"
                      partName={recordName}
                      view={viewOf(row, 'record')}
                      editable={editable}
                      onChoose={(c) => void choose(row.row, 'record', c)}
                    />
                  ) : null}
                  {!records && value.kind !== 'contacts' ? (
                    <PartCell
                      row={row.row}
                      part="account"
                      partName={t('preview.account')}
                      view={viewOf(row, 'account')}
                      editable={editable}
                      onChoose={(c) => void choose(row.row, 'account', c)}
                    />
                  ) : null}
                  {!records && value.kind !== 'accounts' ? (
                    <PartCell
                      row={row.row}
                      part="contact"
                      partName={t('preview.contact')}
                      view={viewOf(row, 'contact')}
                      editable={editable}
                      onChoose={(c) => void choose(row.row, 'contact', c)}
                    />
                  ) : null}
                  {done ? <OutcomeCell row={row} recordName={recordName} /> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {next && load.status === 'ready' ? (
        <Button
          onClick={() => {
            setPages(shown);
            setCursor(next);
          }}
        >
          {t('preview.more')}
        </Button>
      ) : null}
    </div>
  );
}
