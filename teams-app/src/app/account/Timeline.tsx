// All interactions of the account, newest first, searchable and filterable by types and person, with the number of
// matches; windowed so thousands stay smooth.
import { useEffect, useRef, useState } from 'react';
import { Button, Caption1, Field, Input, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Contact, Interaction } from '@crm/common';
import { ErrorNotice, OptionalSelect } from '@crm/common/web';
import { saveFile as browserSave, type SaveFile } from '../data-tab/save-file';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useT } from '../texts';
import { NO_FILTER, timelineQuery, type TimelineFilter } from './timeline-query';
import { useTimeline } from './use-timeline';
import { VirtualList } from './VirtualList';
import { Card } from '../Card';

export const TIMELINE_ROW_HEIGHT = 76;

// Listed here rather than read from the zod enum, which would pull zod into the tab's first download; the Record type keeps it complete.
const TYPES = Object.keys({
  email: 1,
  meeting: 1,
  call: 1,
  note: 1,
  chat: 1,
  complaint: 1,
  service_request: 1,
  web_form: 1,
} satisfies Record<Interaction['type'], 1>) as Array<Interaction['type']>;

const useStyles = makeStyles({
  row: {
    display: 'grid',
    rowGap: '2px',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    height: '100%',
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    alignContent: 'start',
  },
  // A real button, so touch, click, Enter and Space all open the whole note; styled as the text it reveals.
  detail: {
    display: 'block',
    width: '100%',
    margin: 0,
    padding: 0,
    border: 'none',
    backgroundColor: 'transparent',
    color: 'inherit',
    fontFamily: 'inherit',
    textAlign: 'start',
    cursor: 'pointer',
    minWidth: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  expanded: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  filters: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalXS },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  search: { flexGrow: 1, minWidth: '10em' },
  types: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    border: 0,
    minWidth: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase300 },
});

/** Typing pauses this long before the search runs, so that a word is one request and not one per letter. */
const SEARCH_PAUSE_MS = 300;

function originText(interaction: Interaction, t: ReturnType<typeof useT>['t']): string | null {
  const origin = interaction.teamsOrigin;
  if (!origin) return null;
  if (origin.name) return t('timeline.from', { name: origin.name });
  if (origin.meetingId) return t('timeline.fromMeeting');
  if (origin.channelId) return t('timeline.fromChannel');
  return t('timeline.fromChat');
}

function TimelineRow({ interaction, expanded, onToggle }: { interaction: Interaction; expanded: boolean; onToggle: () => void }) {
  const styles = useStyles();
  const tab = useTabStyles();
  const { t, dateTime } = useT();
  const who = interaction.loggedBy.map((l) => l.displayName).join(', ');
  const meta = [dateTime(interaction.occurredAt), t(`type.${interaction.type}`), who ? t('timeline.by', { name: who }) : null, originText(interaction, t)]
    .filter(Boolean)
    .join(' · ');
  const detail = interaction.resolution ? t('timeline.resolved', { resolution: interaction.resolution }) : (interaction.summary ?? '');
  return (
    <div className={styles.row} data-interaction-id={interaction.id}>
      <Caption1 className={mergeClasses(tab.muted, tab.clip)}>{meta}</Caption1>
      <Text weight="semibold" className={tab.clip} title={interaction.subject}>
        {interaction.subject}
      </Text>
      {detail ? (
        <button type="button" className={mergeClasses(styles.detail, expanded ? styles.expanded : tab.clip)} aria-expanded={expanded} onClick={onToggle}>
          {detail}
        </button>
      ) : null}
    </div>
  );
}

export interface TimelineProps {
  accountId: string;
  contacts: readonly Contact[];
  height: number;
  filter: TimelineFilter;
  onFilter: (filter: TimelineFilter) => void;
  timeline: ReturnType<typeof useTimeline>;
  /** Where the exported file goes; the browser's save dialog unless a test takes it. */
  saveFile?: SaveFile;
}

export function Timeline({ accountId, contacts, height, filter, onFilter, timeline, saveFile = browserSave }: TimelineProps) {
  const tab = useTabStyles();
  const { t, number } = useT();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const shown = timeline.items.length;
  const count =
    timeline.total === null ? t('timeline.count', { count: number(shown) }) : t('timeline.countOf', { shown: number(shown), total: number(timeline.total) });
  const toggle = (id: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <Card
      headingId="timeline-heading"
      heading={t('timeline.heading')}
      testId="timeline"
      aside={
        <>
          <Caption1 className={tab.muted} data-testid="timeline-count">
            {count}
          </Caption1>
          <TimelineExport accountId={accountId} filter={filter} count={count} saveFile={saveFile} />
        </>
      }
    >
      <TimelineFilters filter={filter} onChange={onFilter} contacts={contacts} />
      {timeline.items.length === 0 && timeline.done ? <Text>{t('timeline.empty')}</Text> : null}
      <VirtualList
        items={timeline.items}
        rowHeight={TIMELINE_ROW_HEIGHT}
        height={height}
        keyOf={(i) => i.id}
        label={t('timeline.heading')}
        onEndReached={timeline.loadMore}
        grown={expanded}
        renderRow={(interaction) => <TimelineRow interaction={interaction} expanded={expanded.has(interaction.id)} onToggle={() => toggle(interaction.id)} />}
        footer={timeline.loading ? <Spinner size="tiny" label={t('timeline.loadingMore')} /> : null}
      />
      {timeline.error ? <ErrorNotice error={timeline.error} onRetry={timeline.retry} /> : null}
    </Card>
  );
}

/** The timeline as filtered (types, person, search words) as a file German Excel opens, from the export endpoint. */
function TimelineExport({ accountId, filter, count, saveFile }: { accountId: string; filter: TimelineFilter; count: string; saveFile: SaveFile }) {
  const { api } = useServices();
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const { type, contactId, q } = timelineQuery(filter, null);
      const result = await api('exportInteractions', { query: { accountId, type, contactId, q, format: 'csv' } });
      if (result.file) saveFile(result.file.blob, result.file.name ?? 'interactions.csv');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" appearance="subtle" disabled={busy} aria-label={t('timeline.exportLabel', { count })} onClick={() => void run()}>
        {busy ? t('timeline.exporting') : t('timeline.export')}
      </Button>
      {error ? <ErrorNotice error={error} onRetry={() => void run()} /> : null}
    </>
  );
}

function TimelineFilters({ filter, onChange, contacts }: { filter: TimelineFilter; onChange: (f: TimelineFilter) => void; contacts: readonly Contact[] }) {
  const styles = useStyles();
  const { t } = useT();
  const [text, setText] = useState(filter.q);
  const latest = useRef(filter);
  latest.current = filter;
  // The search runs once typing pauses (or at once on Enter); the words stay in the field meanwhile.
  useEffect(() => {
    const apply = () => {
      if (text.trim() !== latest.current.q.trim()) onChange({ ...latest.current, q: text });
    };
    const timer = setTimeout(apply, SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, onChange]);
  const toggleType = (type: Interaction['type']) =>
    onChange({ ...filter, types: filter.types.includes(type) ? filter.types.filter((x) => x !== type) : [...filter.types, type] });
  const filtered = filter.types.length > 0 || filter.contactId !== '' || filter.q.trim() !== '' || text.trim() !== '';
  return (
    <div className={styles.filters}>
      <div className={styles.line}>
        <Field label={t('timeline.search')} className={styles.search}>
          <Input
            type="search"
            value={text}
            placeholder={t('timeline.searchHint')}
            maxLength={200}
            onChange={(_e, d) => setText(d.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onChange({ ...filter, q: text });
            }}
          />
        </Field>
        <OptionalSelect
          label={t('timeline.person')}
          noneLabel={t('timeline.everyone')}
          value={filter.contactId}
          options={contacts.map((c) => ({ id: c.id, label: c.displayName }))}
          onChange={(contactId) => onChange({ ...filter, contactId })}
        />
      </div>
      {/* Several types at once: each a toggle (aria-pressed); none pressed shows every type. */}
      <fieldset className={styles.types}>
        <legend className={styles.legend}>{t('timeline.types')}</legend>
        {/* A Button with aria-pressed rather than Fluent's ToggleButton, whose styles alone were 19 KB (minified) of the tab's first download. */}
        {TYPES.map((type) => (
          <Button
            key={type}
            size="small"
            shape="circular"
            appearance={filter.types.includes(type) ? 'primary' : 'secondary'}
            aria-pressed={filter.types.includes(type)}
            onClick={() => toggleType(type)}
          >
            {t(`type.${type}`)}
          </Button>
        ))}
        {filtered ? (
          <Button
            size="small"
            appearance="subtle"
            onClick={() => {
              setText('');
              onChange(NO_FILTER);
            }}
          >
            {t('timeline.clear')}
          </Button>
        ) : null}
      </fieldset>
    </div>
  );
}
