// The Insights tab's "Segment lists" page: saved filters over accounts or their contacts, a new list, a list's members
// now (for contacts with a marketing purpose: only the people who may get it, and who was left out and why), and the
// members as CSV for German Excel through the API's export. Loaded when opened: it is not needed at first paint.
// Multiple choices are native checkboxes in fieldsets: Fluent's Checkbox would add to every page's first download.
import { Button, Field, Input, Select, Spinner, Text } from '@fluentui/react-components';
import type { ConsentPurpose, SegmentFilter, SegmentList, SegmentMember, SegmentMembers, SegmentTarget } from '@crm/common';
import { DoneNotice, ErrorNotice, useSubmit } from '@crm/common/web';
import { useId, useRef, useState } from 'react';
import { Card } from '../Card';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useLoad } from '../use-load';
import { useMorePages } from '../use-more-pages';
import type { SaveFile } from '../data-tab/save-file';
import { useInsightsT } from './use-insights-t';
import { PeriodSelect } from './PeriodSelect';
import { AsOf } from './AsOf';
import { useTableStyles } from '@crm/common/web/insights-tables';

type T = ReturnType<typeof useInsightsT>;

const LISTS_SHOWN = 100;
const SEGMENTS = ['champions', 'loyal', 'potential', 'at_risk', 'none'] as const;
const CLASSES = ['A', 'B', 'C', 'none'] as const;
const TRENDS = ['growing', 'stable', 'declining', 'none'] as const;
const PURPOSES: readonly ConsentPurpose[] = ['marketing', 'newsletter', 'events', 'surveys'];

type Draft = {
  name: string;
  description: string;
  target: SegmentTarget;
  period: string;
  segments: string[];
  abcClasses: string[];
  industries: string;
  lastContactBefore: string;
  lastContactAfter: string;
  revenueTrends: string[];
  consentPurpose: ConsentPurpose | '';
};

const EMPTY: Draft = {
  name: '',
  description: '',
  target: 'accounts',
  period: 'last-12-months',
  segments: [],
  abcClasses: [],
  industries: '',
  lastContactBefore: '',
  lastContactAfter: '',
  revenueTrends: [],
  consentPurpose: '',
};

/** The draft as the API's filter: empty choices are left out, since an empty list would match nothing. */
function filterOf(draft: Draft): Partial<SegmentFilter> {
  const some = <V,>(values: V[]) => (values.length > 0 ? values : undefined);
  const industries = draft.industries
    .split(',')
    .map((i) => i.trim())
    .filter(Boolean);
  return {
    period: draft.period,
    segments: some(draft.segments) as SegmentFilter['segments'],
    abcClasses: some(draft.abcClasses) as SegmentFilter['abcClasses'],
    industries: some(industries),
    lastContactBefore: draft.lastContactBefore || undefined,
    lastContactAfter: draft.lastContactAfter || undefined,
    revenueTrends: some(draft.revenueTrends) as SegmentFilter['revenueTrends'],
    consentPurpose: draft.target === 'contacts' && draft.consentPurpose ? draft.consentPurpose : undefined,
  };
}

/** A filter in words, condition by condition, as the list shows it. */
export function describeFilter(filter: SegmentFilter, { t, date }: T): string {
  const day = (value: string) => date(`${value}T12:00:00Z`);
  const parts = [t('segments.filter.period', { period: filter.period === 'last-12-months' ? t('insights.period.last-12-months') : filter.period })];
  if (filter.segments) parts.push(t('segments.filter.segments', { values: filter.segments.map((s) => t(`insights.segment.${s}`)).join(', ') }));
  if (filter.abcClasses) parts.push(t('segments.filter.abc', { values: filter.abcClasses.map((c) => (c === 'none' ? t('segments.abc.none') : c)).join(', ') }));
  if (filter.industries) parts.push(t('segments.filter.industries', { values: filter.industries.join(', ') }));
  if (filter.lastContactBefore) parts.push(t('segments.filter.before', { day: day(filter.lastContactBefore) }));
  if (filter.lastContactAfter) parts.push(t('segments.filter.after', { day: day(filter.lastContactAfter) }));
  if (filter.revenueTrends) parts.push(t('segments.filter.trends', { values: filter.revenueTrends.map((r) => t(`segments.trend.${r}`)).join(', ') }));
  if (filter.consentPurpose) parts.push(t('segments.filter.consent', { purpose: t(`segments.purpose.${filter.consentPurpose}`) }));
  return parts.join(' · ');
}

function Choices({
  legend,
  values,
  chosen,
  label,
  onChange,
}: {
  legend: string;
  values: readonly string[];
  chosen: string[];
  label: (value: string) => string;
  onChange: (values: string[]) => void;
}) {
  const styles = useTabStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend>{legend}</legend>
      <div className={styles.row}>
        {values.map((value) => (
          <label key={value}>
            <input
              type="checkbox"
              checked={chosen.includes(value)}
              onChange={(event) => onChange(event.target.checked ? [...chosen, value] : chosen.filter((v) => v !== value))}
            />{' '}
            {label(value)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function NewList({ year, onCreated }: { year: number; onCreated: (list: SegmentList) => void }) {
  const styles = useTabStyles();
  const texts = useInsightsT();
  const { t } = texts;
  const { api } = useServices();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = (change: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...change }));
  const { busy, error, submit } = useSubmit(
    async (id) =>
      (
        await api('createSegment', {
          body: { id, name: draft.name.trim(), description: draft.description.trim() || null, target: draft.target, filter: filterOf(draft) },
        })
      ).data,
    (list) => {
      setDraft(EMPTY);
      onCreated(list);
    },
  );
  return (
    <Card headingId="segment-new-heading" heading={t('segments.new')} testId="segment-new">
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field label={t('segments.name')} required>
          <Input value={draft.name} maxLength={200} required onChange={(_e, d) => set({ name: d.value })} />
        </Field>
        <Field label={t('segments.description')}>
          <Input value={draft.description} maxLength={2000} onChange={(_e, d) => set({ description: d.value })} />
        </Field>
        <fieldset className={styles.fieldset}>
          <legend>{t('segments.target')}</legend>
          <div className={styles.row}>
            {(['accounts', 'contacts'] as const).map((target) => (
              <label key={target}>
                <input type="radio" name="segment-target" value={target} checked={draft.target === target} onChange={() => set({ target })} />{' '}
                {t(`segments.target.${target}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <PeriodSelect period={draft.period} onChange={(period) => set({ period })} year={year} />
        <Choices
          legend={t('insights.segment')}
          values={SEGMENTS}
          chosen={draft.segments}
          label={(s) => t(`insights.segment.${s as (typeof SEGMENTS)[number]}`)}
          onChange={(segments) => set({ segments })}
        />
        <Choices
          legend={t('insights.abc.class')}
          values={CLASSES}
          chosen={draft.abcClasses}
          label={(c) => (c === 'none' ? t('segments.abc.none') : c)}
          onChange={(abcClasses) => set({ abcClasses })}
        />
        <Choices
          legend={t('segments.trend')}
          values={TRENDS}
          chosen={draft.revenueTrends}
          label={(r) => t(`segments.trend.${r as (typeof TRENDS)[number]}`)}
          onChange={(revenueTrends) => set({ revenueTrends })}
        />
        <Field label={t('segments.industries')} hint={t('segments.industries.hint')}>
          <Input value={draft.industries} onChange={(_e, d) => set({ industries: d.value })} />
        </Field>
        <div className={styles.row}>
          <Field label={t('segments.before')} hint={t('segments.before.hint')}>
            <Input type="date" value={draft.lastContactBefore} onChange={(_e, d) => set({ lastContactBefore: d.value })} />
          </Field>
          <Field label={t('segments.after')}>
            <Input type="date" value={draft.lastContactAfter} onChange={(_e, d) => set({ lastContactAfter: d.value })} />
          </Field>
        </div>
        {draft.target === 'contacts' ? (
          <Field label={t('segments.consent')} hint={t('segments.consent.hint')}>
            <Select value={draft.consentPurpose} onChange={(_e, d) => set({ consentPurpose: d.value as ConsentPurpose | '' })}>
              <option value="">{t('segments.consent.any')}</option>
              {PURPOSES.map((p) => (
                <option key={p} value={p}>
                  {t(`segments.purpose.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <div className={styles.row}>
          <Button appearance="primary" type="submit" disabled={busy || !draft.name.trim()}>
            {t('segments.save')}
          </Button>
          {busy ? <Spinner size="tiny" label={t('segments.saving')} /> : null}
        </div>
      </form>
      {error ? <ErrorNotice error={error} onRetry={() => void submit()} /> : null}
    </Card>
  );
}

function MembersTable({ members, items }: { members: SegmentMembers; items: SegmentMember[] }) {
  const table = useTableStyles();
  const { t, exactMoney, date, number } = useInsightsT();
  const people = members.target === 'contacts';
  const money = (value: number) => exactMoney(value, members.currency);
  return (
    <div className={table.scroll}>
      <table className={table.table} data-testid="segment-members-table">
        <caption className={table.caption}>{t('segments.members.caption', { count: number(members.total) })}</caption>
        <thead>
          <tr>
            {people ? <th scope="col">{t('segments.col.person')}</th> : null}
            {people ? <th scope="col">{t('segments.col.email')}</th> : null}
            <th scope="col">{t('segments.col.account')}</th>
            <th scope="col">{t('insights.abc.class')}</th>
            <th scope="col">{t('insights.segment')}</th>
            <th scope="col">{t('insights.abc.revenue')}</th>
            <th scope="col">{t('segments.trend')}</th>
            <th scope="col">{t('segments.col.lastContact')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map(({ account, contact }) => (
            <tr key={contact?.id ?? account.id} data-member-id={contact?.id ?? account.id}>
              {contact ? <th scope="row">{`${contact.firstName} ${contact.lastName}`.trim()}</th> : null}
              {contact ? <td>{contact.email ?? t('insights.none')}</td> : null}
              {contact ? <td>{account.name}</td> : <th scope="row">{account.name}</th>}
              <td>{account.abcClass ?? t('insights.none')}</td>
              <td>{t(account.segment ? `insights.segment.${account.segment}` : 'insights.segment.none')}</td>
              <td>{money(account.revenue)}</td>
              <td>{t(`segments.trend.${account.revenueTrend}`)}</td>
              <td>{account.lastContactAt ? date(account.lastContactAt) : t('segments.never')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Members({ list, save }: { list: SegmentList; save: SaveFile }) {
  const styles = useTabStyles();
  const texts = useInsightsT();
  const { t, number } = texts;
  const { api } = useServices();
  const purposeId = useId();
  const [purpose, setPurpose] = useState<ConsentPurpose | ''>('');
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const query = purpose ? { purpose } : {};
  const members = useLoad(async (signal) => (await api('segmentMembers', { params: { id: list.id }, query, signal })).data, `${list.id}:${purpose}`);
  const more = useMorePages(members.data, `${list.id}:${purpose}`, async (cursor) => (await api('segmentMembers', { params: { id: list.id }, query: { ...query, cursor } })).data);
  const download = async () => {
    setExporting(true);
    setExportError(null);
    setSaved(null);
    try {
      const result = await api('exportSegment', { params: { id: list.id }, query: { ...query, format: 'csv', decimal: 'comma' } });
      const name = result.file?.name ?? 'segment.csv';
      if (result.file) save(result.file.blob, name);
      setSaved(name);
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };
  const leftOut = members.data?.leftOut;
  return (
    <Card headingId="segment-members-heading" heading={t('segments.members', { name: list.name })} testId="segment-members">
      <Text className={styles.muted}>{describeFilter(list.filter, texts)}</Text>
      {list.target === 'contacts' ? (
        <Field label={t('segments.purpose')} hint={t('segments.purpose.hint')} style={{ maxWidth: '24rem' }}>
          <Select id={purposeId} value={purpose} onChange={(_e, d) => setPurpose(d.value as ConsentPurpose | '')}>
            <option value="">{t('segments.purpose.none')}</option>
            {PURPOSES.map((p) => (
              <option key={p} value={p}>
                {t(`segments.purpose.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {members.status === 'error' ? <ErrorNotice error={members.error} onRetry={members.reload} /> : null}
      {members.status === 'loading' ? <Spinner size="small" label={t('segments.members.loading')} /> : null}
      {leftOut ? (
        <div data-testid="segment-left-out" role="status">
          <Text weight="semibold">{t('segments.leftOut', { count: number(leftOut.total), purpose: t(`segments.purpose.${purpose || 'marketing'}`) })}</Text>
          {leftOut.byReason.length > 0 ? (
            <ul className={styles.muted} style={{ margin: 0, paddingInlineStart: '1.2em' }}>
              {leftOut.byReason.map((r) => (
                <li key={r.reason} data-reason={r.reason}>
                  {t(`segments.reason.${r.reason}`, { count: number(r.count) })}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {members.data && members.status !== 'loading' ? <AsOf asOf={members.data.asOf} testId="segment-members-as-of" /> : null}
      {members.data && members.status !== 'loading' ? (
        members.data.items.length === 0 ? (
          <Text>{t('segments.members.none')}</Text>
        ) : (
          <MembersTable members={members.data} items={more.items} />
        )
      ) : null}
      {more.error ? <ErrorNotice error={more.error} onRetry={() => void more.showMore()} /> : null}
      {members.data && members.status !== 'loading' && more.nextCursor ? (
        <div className={styles.row}>
          <Button disabled={more.loading} onClick={() => void more.showMore()}>
            {t('segments.members.more')}
          </Button>
          <Text className={styles.muted} aria-live="polite">
            {t('segments.members.shown', { shown: number(more.items.length), count: number(members.data.total) })}
          </Text>
          {more.loading ? <Spinner size="tiny" label={t('segments.members.loadingMore')} /> : null}
        </div>
      ) : null}
      <div className={styles.row}>
        <Button onClick={() => void download()} disabled={exporting || members.status !== 'ready'}>
          {t(purpose ? 'segments.export.purpose' : 'segments.export', { purpose: purpose ? t(`segments.purpose.${purpose}`) : '' })}
        </Button>
        {exporting ? <Spinner size="tiny" label={t('segments.exporting')} /> : null}
      </div>
      <Text size={200} className={styles.muted}>
        {t('segments.export.how')}
      </Text>
      {exportError ? <ErrorNotice error={exportError} onRetry={() => void download()} /> : null}
      {saved ? <DoneNotice text={t('segments.exported', { file: saved })} /> : null}
    </Card>
  );
}

export function SegmentsPage({ now, save }: { now: Date; save: SaveFile }) {
  const styles = useTabStyles();
  const texts = useInsightsT();
  const { t } = texts;
  const { api } = useServices();
  const [open, setOpen] = useState<SegmentList | null>(null);
  const [createdName, setCreatedName] = useState<string | null>(null);
  const membersRef = useRef<HTMLDivElement>(null);
  const lists = useLoad(async (signal) => (await api('listSegments', { query: { limit: LISTS_SHOWN }, signal })).data, 'segments');
  const show = (list: SegmentList) => {
    setOpen(list);
    // The members card follows the lists: take the focus there, so the keyboard lands on what was asked for.
    requestAnimationFrame(() => {
      const heading = membersRef.current?.querySelector<HTMLElement>('h2');
      if (!heading) return;
      heading.tabIndex = -1;
      heading.focus();
    });
  };
  return (
    <div className={styles.stack} data-ready-key={lists.data ? 'segments' : undefined}>
      <Card headingId="segment-lists-heading" heading={t('segments.heading')} testId="segment-lists">
        <Text className={styles.muted}>{t('segments.intro')}</Text>
        {lists.status === 'error' ? <ErrorNotice error={lists.error} onRetry={lists.reload} /> : null}
        {lists.status === 'loading' && !lists.data ? <Spinner size="small" label={t('segments.loading')} /> : null}
        {lists.data?.items.length === 0 ? <Text>{t('segments.none')}</Text> : null}
        <ul className={styles.list}>
          {lists.data?.items.map((list) => (
            <li key={list.id} className={styles.item} data-segment-id={list.id}>
              <div className={styles.spread}>
                <Text weight="semibold">
                  {list.name} <span className={styles.muted}>({t(`segments.target.${list.target}`)})</span>
                </Text>
                <Button size="small" onClick={() => show(list)} aria-label={t('segments.show', { name: list.name })}>
                  {t('segments.showButton')}
                </Button>
              </div>
              {list.description ? <Text size={200}>{list.description}</Text> : null}
              <Text size={200} className={styles.muted}>
                {describeFilter(list.filter, texts)}
              </Text>
            </li>
          ))}
        </ul>
      </Card>
      {createdName ? <DoneNotice text={t('segments.created', { name: createdName })} /> : null}
      <div ref={membersRef} className={styles.stack}>
        {open ? <Members key={open.id} list={open} save={save} /> : null}
      </div>
      <NewList
        year={now.getUTCFullYear()}
        onCreated={(list) => {
          setCreatedName(list.name);
          lists.reload();
          setOpen(list);
        }}
      />
    </div>
  );
}
