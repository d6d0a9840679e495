// The Data tab's "Import" page: upload a list, see what was detected (and override it), adjust the column mapping,
// decide the rows of the preview one by one or in bulk, commit with progress, download the per-row report, undo, and
// reopen an earlier import from the history. Every change goes to the API with the import's ETag.
import { Badge, Button, Field, ProgressBar, Select, Spinner, Text } from '@fluentui/react-components';
import type {
  ColumnMapping,
  DetectedImportFormat,
  Import,
  ImportAction,
  ImportField,
  ImportKind,
  ImportPatch,
  ImportReadOptions,
  ImportUndoReport,
} from '@crm/common';
import { kindTakes } from '@crm/common/import-kinds';
import { DoneNotice, ErrorNotice } from '@crm/common/web';
import { useId, useRef, useState, type RefObject } from 'react';
import { Card } from '../Card';
import { useTableStyles } from '@crm/common/web/insights-tables';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useLoad } from '../use-load';
import { ImportRows, isRecordKind } from './ImportRows';
import type { SaveFile } from './save-file';
import { useDataT } from './use-data-t';

/** The API's limit for an upload; a larger file is refused here before it is sent. */
const MAX_BYTES = 20 * 1024 * 1024;
const HISTORY_SHOWN = 10;
const RETRY_MS = 2000;

/** Every field a column can feed, in the order the mapping offers them; a Record so that a new field fails to compile here. */
const FIELD_ORDER: Record<ImportField, number> = {
  'account.name': 0,
  'account.legalForm': 1,
  'account.customerNumber': 2,
  'account.industry': 3,
  'account.website': 4,
  'account.street': 5,
  'account.postalCode': 6,
  'account.city': 7,
  'account.country': 8,
  'account.revenue': 9,
  'contact.salutation': 10,
  'contact.academicTitle': 11,
  'contact.firstName': 12,
  'contact.lastName': 13,
  'contact.email': 14,
  'contact.phone': 15,
  'contact.mobile': 16,
  'contact.jobTitle': 17,
  'contact.department': 18,
  'consent.email': 19,
  'consent.source': 20,
  'consent.date': 21,
  notes: 22,
  'revenue.period': 23,
  'revenue.year': 24,
  'revenue.amount': 25,
  'revenue.cost': 26,
  'revenue.currency': 27,
  'opportunity.name': 28,
  'opportunity.stage': 29,
  'opportunity.amount': 30,
  'opportunity.closeDate': 31,
  'opportunity.owner': 32,
  'opportunity.currency': 33,
  'opportunity.productLine': 34,
  'opportunity.externalId': 35,
};
const FIELDS = (Object.keys(FIELD_ORDER) as ImportField[]).sort((a, b) => FIELD_ORDER[a] - FIELD_ORDER[b]);
const KINDS: readonly ImportKind[] = ['combined', 'accounts', 'contacts', 'revenue', 'opportunities'];
const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
const DELIMITERS = [';', ',', '\t'] as const;
const delimiterKey = (d: string) => (d === '\t' ? 'tab' : d) as ';' | ',' | 'tab';

export function ImportPage({ save }: { save: SaveFile }) {
  const styles = useTabStyles();
  const { api } = useServices();
  const [current, setCurrent] = useState<Import | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const [openError, setOpenError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const open = (value: Import | null) => {
    setCurrent(value);
    setHistoryKey((k) => k + 1);
    // The opened import's sections appear above the history: take the keyboard there.
    if (value) requestAnimationFrame(() => document.getElementById('import-current-heading')?.focus());
    else requestAnimationFrame(() => heading.current?.focus());
  };
  // The history shows each import's status: a commit or an undo reads it again.
  const change = (value: Import) => {
    if (value.status !== current?.status) setHistoryKey((k) => k + 1);
    setCurrent(value);
  };
  return (
    <div className={styles.stack} data-ready-key="import">
      <Upload onUploaded={open} headingRef={heading} />
      {current ? <CurrentImport key={current.id} value={current} onChange={change} onClose={() => open(null)} save={save} /> : null}
      {openError ? <ErrorNotice error={openError} /> : null}
      <History
        refresh={historyKey}
        onOpen={(id) => {
          setOpenError(null);
          api('getImport', { params: { id }, query: { limit: 1 } }).then((r) => open(r.data), setOpenError);
        }}
      />
    </div>
  );
}

function Upload({ onUploaded, headingRef }: { onUploaded: (value: Import) => void; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const styles = useTabStyles();
  const { t } = useDataT();
  const { api } = useServices();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    setProblem(null);
    if (!file) return setProblem(t('import.chooseFile'));
    if (file.size > MAX_BYTES) return setProblem(t('import.tooBig', { size: (file.size / 1024 / 1024).toFixed(1) }));
    setBusy(true);
    try {
      onUploaded((await api('uploadImport', { query: { fileName: file.name }, file })).data);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.card} aria-labelledby="import-heading" data-testid="import-upload">
      <h2 id="import-heading" className={styles.subheading} tabIndex={-1} ref={headingRef}>
        {t('import.heading')}
      </h2>
      <Text className={styles.muted}>{t('import.intro')}</Text>
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field label={{ children: t('import.file'), htmlFor: inputId }} validationMessage={problem ?? undefined}>
          <input
            id={inputId}
            type="file"
            accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </Field>
        <div className={styles.row}>
          <Button appearance="primary" type="submit" disabled={busy}>
            {t('import.upload')}
          </Button>
          {busy ? <Spinner size="tiny" label={t('import.uploading')} /> : null}
        </div>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

/** The import being worked on: its format, mapping, preview with decisions, and the commit, report and undo. */
function CurrentImport({ value, onChange, onClose, save }: { value: Import; onChange: (value: Import) => void; onClose: () => void; save: SaveFile }) {
  const styles = useTabStyles();
  const { t } = useDataT();
  const { api } = useServices();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [rowsRead, setRowsRead] = useState(0);
  // Each change answers the import with a new ETag and summary. A new reading, mapping or bulk choice decides many rows,
  // so the rows are read again; one row's choice is shown where it was made, so the pages read so far stay.
  // Changes go one after the other, each with the ETag the one before answered, so two quick choices do not collide.
  const etag = useRef(value.etag);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const change = (body: ImportPatch, reread = true): Promise<boolean> => {
    const next = queue.current.then(async () => {
      setBusy(true);
      setError(null);
      try {
        const { data } = await api('updateImport', { params: { id: value.id }, body, ifMatch: etag.current });
        etag.current = data.etag;
        onChange(data);
        if (reread) setRowsRead((n) => n + 1);
        return true;
      } catch (e) {
        setError(e);
        return false;
      } finally {
        setBusy(false);
      }
    });
    queue.current = next;
    return next;
  };
  const editable = value.status === 'preview';
  return (
    <section className={styles.stack} aria-labelledby="import-current-heading" data-testid="import-current" data-import-status={value.status}>
      <div className={styles.spread}>
        <h2 id="import-current-heading" className={styles.subheading} tabIndex={-1}>
          {t('import.current', { file: value.fileName, rows: value.progress.totalRows, kind: t(`import.kind.${value.kind}`) })}{' '}
          <Badge appearance="outline">{t(`import.status.${value.status}`)}</Badge>
        </h2>
        <Button onClick={onClose}>{t('import.close')}</Button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {busy ? <Spinner size="tiny" label={t('preview.saving')} /> : null}
      {editable ? <Format format={value.format} disabled={busy} onRead={(read) => void change({ read })} /> : null}
      {editable ? (
        <Mapping
          // A new kind (or a new reading of the file) proposes other columns: the form starts again from them.
          key={`${value.kind}:${value.mapping.columns.map((column) => column.header).join('\u0000')}`}
          mapping={value.mapping}
          kind={value.kind}
          disabled={busy}
          onApply={(mapping) => void change({ mapping })}
          onKind={(kind) => void change({ kind })}
        />
      ) : null}
      <Preview value={value} rowsRead={rowsRead} editable={editable} busy={busy} onChange={change} />
      <Commit value={value} onChange={onChange} save={save} />
    </section>
  );
}

function Format({ format, disabled, onRead }: { format: DetectedImportFormat; disabled: boolean; onRead: (read: ImportReadOptions) => void }) {
  const styles = useTabStyles();
  const { t } = useDataT();
  const [encoding, setEncoding] = useState(format.encoding ?? '');
  const [delimiter, setDelimiter] = useState(format.delimiter ?? '');
  const [sheet, setSheet] = useState(format.sheet ?? '');
  const how = (setting: 'kind' | 'encoding' | 'delimiter' | 'sheet') => t(format.overridden.includes(setting) ? 'format.overridden' : 'format.detected');
  const read: ImportReadOptions =
    format.kind === 'csv'
      ? { kind: 'csv', encoding: encoding as ImportReadOptions['encoding'], delimiter: delimiter as ImportReadOptions['delimiter'] }
      : { kind: 'xlsx', sheet };
  return (
    <Card headingId="format-heading" heading={t('format.heading')} testId="import-format">
      <Text>
        {t('format.kind')}: {format.kind.toUpperCase()} ({how('kind')})
      </Text>
      <ul className={styles.list}>
        {format.reasons.map((reason) => (
          <li key={reason}>
            <Text size={200} className={styles.muted}>
              {reason}
            </Text>
          </li>
        ))}
      </ul>
      <div className={styles.row}>
        {format.kind === 'csv' ? (
          <>
            <Field label={`${t('format.encoding')} (${how('encoding')})`}>
              <Select value={encoding} onChange={(_e, data) => setEncoding(data.value)}>
                {ENCODINGS.map((e) => (
                  <option key={e} value={e}>
                    {t(`format.encoding.${e}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={`${t('format.delimiter')} (${how('delimiter')})`}>
              <Select value={delimiter} onChange={(_e, data) => setDelimiter(data.value)}>
                {DELIMITERS.map((d) => (
                  <option key={d} value={d}>
                    {t(`format.delimiter.${delimiterKey(d)}`)}
                  </option>
                ))}
              </Select>
            </Field>
          </>
        ) : (
          <Field label={`${t('format.sheet')} (${how('sheet')})`}>
            <Select value={sheet} onChange={(_e, data) => setSheet(data.value)}>
              {format.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <div className={styles.row}>
        <Button disabled={disabled} onClick={() => onRead(read)}>
          {t('format.reread')}
        </Button>
        <Text size={200} className={styles.muted}>
          {t('format.rereadHint')}
        </Text>
      </div>
    </Card>
  );
}

function Mapping({
  mapping,
  kind,
  disabled,
  onApply,
  onKind,
}: {
  mapping: ColumnMapping;
  kind: ImportKind;
  disabled: boolean;
  onApply: (mapping: ColumnMapping) => void;
  onKind: (kind: ImportKind) => void;
}) {
  const styles = useTabStyles();
  const tables = useTableStyles();
  const { t } = useDataT();
  const kindId = useId();
  const [columns, setColumns] = useState(mapping.columns);
  // The fields of this kind of list; another kind is chosen above, which proposes the columns again.
  const offered = FIELDS.filter((field) => kindTakes(kind, field));
  const counts = new Map<string, number>();
  for (const column of columns) if (column.field) counts.set(column.field, (counts.get(column.field) ?? 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1).map(([field]) => t(`field.${field as ImportField}`));
  const changed = columns.some((column, i) => column.field !== mapping.columns[i]?.field);
  return (
    <Card headingId="mapping-heading" heading={t('mapping.heading')} testId="import-mapping">
      <Field label={{ children: t('mapping.kind'), htmlFor: kindId }} hint={t('mapping.kindHint')}>
        <Select id={kindId} value={kind} disabled={disabled} onChange={(_e, data) => onKind(data.value as ImportKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`mapping.kind.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={tables.scroll}>
        <table className={tables.table}>
          <thead>
            <tr>
              <th scope="col">{t('mapping.column')}</th>
              <th scope="col" style={{ textAlign: 'start' }}>
                {t('mapping.field')}
              </th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column, i) => (
              <tr key={column.index} data-column={column.header}>
                <th scope="row" id={`mapping-column-${column.index}`}>
                  {column.header}
                </th>
                <td style={{ textAlign: 'start' }}>
                  <Select
                    aria-labelledby={`mapping-column-${column.index}`}
                    value={column.field ?? ''}
                    onChange={(_e, data) =>
                      setColumns((previous) => previous.map((c, j) => (j === i ? { ...c, field: (data.value || null) as ImportField | null } : c)))
                    }
                  >
                    <option value="">{t('mapping.none')}</option>
                    {offered.map((field) => (
                      <option key={field} value={field}>
                        {t(`field.${field}`)}
                      </option>
                    ))}
                  </Select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {twice.length ? (
        <Text role="alert" className={styles.danger}>
          {twice.map((field) => t('mapping.twice', { field })).join(' ')}
        </Text>
      ) : null}
      <div className={styles.row}>
        <Button disabled={disabled || !changed || twice.length > 0} onClick={() => onApply({ columns })}>
          {t('mapping.apply')}
        </Button>
        <Text size={200} className={styles.muted}>
          {t('mapping.applyHint')}
        </Text>
      </div>
    </Card>
  );
}

const ACTIONS: readonly ImportAction[] = ['create', 'update', 'merge', 'review', 'skip', 'error'];

function Preview({
  value,
  rowsRead,
  editable,
  busy,
  onChange,
}: {
  value: Import;
  rowsRead: number;
  editable: boolean;
  busy: boolean;
  onChange: (body: ImportPatch, reread?: boolean) => Promise<boolean>;
}) {
  const styles = useTabStyles();
  const { t } = useDataT();
  const [filter, setFilter] = useState<ImportAction | ''>('');
  const { summary } = value;
  const counts = (part: 'account' | 'contact' | 'record') => Object.fromEntries(ACTIONS.map((a) => [a, summary[part]?.[a] ?? 0]));
  const records = isRecordKind(value.kind);
  const bulk = (action: 'skipErrors' | 'updateExactMatches' | 'skipUndecided') => void onChange({ bulk: [action] });
  return (
    <Card headingId="preview-heading" heading={t('preview.heading')} testId="import-preview">
      <ul className={styles.list} data-testid="import-summary">
        {isRecordKind(value.kind) ? <li>{t(`preview.summary.${value.kind}`, counts('record'))}</li> : null}
        {!records && value.kind !== 'contacts' ? <li>{t('preview.summary.account', counts('account'))}</li> : null}
        {!records && value.kind !== 'accounts' ? <li>{t('preview.summary.contact', counts('contact'))}</li> : null}
        <li>{t('preview.summary.facts', { duplicates: summary.duplicatesInFile, matches: summary.matchesInCrm, awaiting: summary.awaitingDecision })}</li>
      </ul>
      {value.status === 'preview' ? (
        <div className={styles.row} role="group" aria-label={t('preview.bulk')}>
          <Button disabledFocusable={busy} onClick={() => bulk('skipErrors')}>
            {t('preview.bulk.skipErrors')}
          </Button>
          {records ? null : (
            <Button disabledFocusable={busy} onClick={() => bulk('updateExactMatches')}>
              {t('preview.bulk.updateExactMatches')}
            </Button>
          )}
          <Button disabledFocusable={busy} onClick={() => bulk('skipUndecided')}>
            {t('preview.bulk.skipUndecided')}
          </Button>
        </div>
      ) : null}
      <Field label={t('preview.filter')}>
        <Select value={filter} onChange={(_e, data) => setFilter(data.value as ImportAction | '')}>
          <option value="">{t('preview.filter.all')}</option>
          {ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t(`action.${action}`)}
            </option>
          ))}
        </Select>
      </Field>
      <ImportRows
        key={`${rowsRead}:${value.status}:${filter}`}
        value={value}
        action={filter || undefined}
        editable={editable}
        onChoose={(row, part, choice) => onChange({ rows: [{ row, [part]: choice }] }, false)}
      />
    </Card>
  );
}

function Commit({ value, onChange, save }: { value: Import; onChange: (value: Import) => void; save: SaveFile }) {
  const styles = useTabStyles();
  const { t, date } = useDataT();
  const { api } = useServices();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  // The API works up to 20 s per call and answers 202 (status committing) while rows remain; calling again continues,
  // also after a crash. A call that moved nothing (another worker's lease) waits a little before the next.
  const commit = () =>
    run(async () => {
      let before = value.progress.committedRows;
      for (;;) {
        const { data } = await api('commitImport', { params: { id: value.id } });
        onChange(data);
        if (data.status !== 'committing') return;
        if (data.progress.committedRows === before) await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        before = data.progress.committedRows;
      }
    });
  const report = () =>
    run(async () => {
      const result = await api('importReport', { params: { id: value.id } });
      if (result.file) save(result.file.blob, result.file.name ?? `${value.fileName}-report.csv`);
    });
  const undo = () =>
    run(async () => {
      onChange((await api('undoImport', { params: { id: value.id } })).data);
      setConfirming(false);
    });
  const { committedRows, totalRows } = value.progress;
  const working = value.status === 'committing' || (busy && value.status === 'preview');
  return (
    <Card headingId="commit-heading" heading={t('commit.heading')} testId="import-commit">
      {value.status === 'preview' && value.summary.awaitingDecision > 0 ? <Text>{t('commit.waiting', { count: value.summary.awaitingDecision })}</Text> : null}
      {value.status === 'preview' || value.status === 'committing' ? (
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy || (value.status === 'preview' && value.summary.awaitingDecision > 0)} onClick={() => void commit()}>
            {t('commit.start')}
          </Button>
        </div>
      ) : null}
      {working ? (
        <Field label={t('commit.progress')} hint={t('commit.progressText', { done: committedRows, total: totalRows })}>
          <ProgressBar value={totalRows ? committedRows / totalRows : 0} />
        </Field>
      ) : null}
      {value.status === 'committed' ? <DoneNotice text={t('commit.done', { done: committedRows, total: totalRows })} /> : null}
      {value.status === 'committed' || value.status === 'undone' ? (
        <div className={styles.row}>
          <Button disabled={busy} onClick={() => void report()}>
            {t('commit.report')}
          </Button>
          {value.status === 'committed' && !confirming ? (
            <Button disabled={busy} onClick={() => setConfirming(true)}>
              {t('commit.undo')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {value.status === 'committed' && value.undoUntil ? (
        <Text size={200} className={styles.muted}>
          {t('commit.undoUntil', { date: date(value.undoUntil) })}
        </Text>
      ) : null}
      {confirming && value.status === 'committed' ? (
        <div className={styles.form} role="group" aria-labelledby="undo-confirm">
          <Text id="undo-confirm">{t('commit.undoConfirm')}</Text>
          <div className={styles.row}>
            <Button appearance="primary" disabled={busy} onClick={() => void undo()}>
              {t('commit.undoNow')}
            </Button>
            <Button onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
          </div>
        </div>
      ) : null}
      {value.status === 'undone' && value.undo ? <UndoReport report={value.undo} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
    </Card>
  );
}

function UndoReport({ report }: { report: ImportUndoReport }) {
  const styles = useTabStyles();
  const { t } = useDataT();
  return (
    <div data-testid="undo-report">
      <DoneNotice text={t('commit.undone', { count: report.reverted })} />
      {report.leftAlone.length ? (
        <>
          <Text>{t('commit.leftAlone')}</Text>
          <ul className={styles.list}>
            {report.leftAlone.map((item) => (
              <li key={`${item.entity}:${item.id}`}>
                {t('commit.leftAloneItem', { row: item.row, entity: t(`commit.entity.${item.entity}`), reason: item.reason })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function History({ refresh, onOpen }: { refresh: number; onOpen: (id: string) => void }) {
  const styles = useTabStyles();
  const { t, dateTime } = useDataT();
  const { api } = useServices();
  const [limit, setLimit] = useState(HISTORY_SHOWN);
  const history = useLoad(async (signal) => (await api('listImports', { query: { limit }, signal })).data, `history:${refresh}:${limit}`);
  const items = history.data?.items ?? [];
  return (
    <Card headingId="history-heading" heading={t('history.heading')} testId="import-history">
      {history.status === 'error' ? <ErrorNotice error={history.error} onRetry={history.reload} /> : null}
      {!history.data && history.status === 'loading' ? <Spinner size="tiny" label={t('common.loading')} /> : null}
      {history.data && items.length === 0 ? <Text className={styles.muted}>{t('history.none')}</Text> : null}
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.id} className={styles.item} data-import-id={item.id}>
            <div className={styles.row}>
              <Button appearance="transparent" onClick={() => onOpen(item.id)} aria-label={t('history.open', { file: item.fileName })}>
                {item.fileName}
              </Button>
              <Badge appearance="outline">{t(`import.status.${item.status}`)}</Badge>
            </div>
            <Text size={200} className={styles.muted}>
              {t('history.item', { date: dateTime(item.createdAt), rows: item.progress.totalRows, kind: t(`import.kind.${item.kind}`) })}
            </Text>
          </li>
        ))}
      </ul>
      {history.data?.nextCursor ? <Button onClick={() => setLimit((l) => Math.min(l + HISTORY_SHOWN, 200))}>{t('history.more')}</Button> : null}
    </Card>
  );
}
