// The "Privacy" (Datenschutz) personal tab for CRM.Privacy and CRM.Admin: the register of data subject requests with
// their deadlines (open ones first, overdue and due-this-week marked), and the person view, retention and audit search,
// each loaded when first opened so the tab's first download stays small.
import { Badge, Button, makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';
import type { PrivacyRequestSummary } from '@crm/common';
import { ErrorNotice } from '@crm/common/web';
import { lazy, Suspense, useRef, useState, type KeyboardEvent } from 'react';
import { Card } from '../Card';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useLoad } from '../use-load';
import { usePrivacyT } from './privacy-texts';
import { PrivacyTexts } from './section-texts';
import { saveFile as browserSave, type SaveFile } from '../data-tab/save-file';

const PersonSection = lazy(() => import('./person/PersonSection').then((m) => ({ default: m.PersonSection })));
const AuditSection = lazy(() => import('./audit/AuditSection').then((m) => ({ default: m.AuditSection })));
const RetentionSection = lazy(() => import('./retention/RetentionSection').then((m) => ({ default: m.RetentionSection })));

const SHOWN = 100;
/** A calendar date at noon UTC, so formatting it in any time zone of Europe keeps the day. */
const day = (date: string) => `${date}T12:00:00Z`;

const SECTIONS = ['requests', 'person', 'retention', 'audit'] as const;
type Section = (typeof SECTIONS)[number];

const useSectionStyles = makeStyles({
  tabs: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: { borderRadius: 0, borderBottom: `${tokens.strokeWidthThicker} solid transparent` },
  selected: { borderBottomColor: tokens.colorCompoundBrandStroke, fontWeight: tokens.fontWeightSemibold },
});

/**
 * The sections as a WAI-ARIA tab list: arrows, Home and End move between them and open the one reached. Built on
 * Buttons rather than Fluent's TabList, whose focus library would double what the tab downloads before it renders.
 */
function SectionTabs({ section, onSelect }: { section: Section; onSelect: (section: Section) => void }) {
  const styles = useSectionStyles();
  const { t } = usePrivacyT();
  const refs = useRef(new Map<Section, HTMLElement>());
  const onKeyDown = (e: KeyboardEvent) => {
    const at = SECTIONS.indexOf(section);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: SECTIONS.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = SECTIONS[(to + SECTIONS.length) % SECTIONS.length]!;
    onSelect(next);
    refs.current.get(next)?.focus();
  };
  return (
    <div role="tablist" aria-label={t('privacy.sections')} className={styles.tabs} onKeyDown={onKeyDown}>
      {SECTIONS.map((name) => (
        <Button
          key={name}
          ref={(element) => {
            if (element) refs.current.set(name, element);
            else refs.current.delete(name);
          }}
          role="tab"
          id={`privacy-tab-${name}`}
          aria-selected={section === name}
          aria-controls="privacy-panel"
          tabIndex={section === name ? 0 : -1}
          appearance="subtle"
          className={mergeClasses(styles.tab, section === name && styles.selected)}
          onClick={() => onSelect(name)}
        >
          {t(`privacy.section.${name}`)}
        </Button>
      ))}
    </div>
  );
}

function RequestItem({ request, onOpenPerson }: { request: PrivacyRequestSummary; onOpenPerson: (id: string) => void }) {
  const styles = useTabStyles();
  const { t, date } = usePrivacyT();
  const facts = [
    t('privacy.received', { date: date(day(request.receivedOn)) }),
    t('privacy.due', { date: date(day(request.dueOn)) }),
    ...(request.extension ? [t('privacy.extended', { date: date(day(request.originalDueOn)) })] : []),
    ...(request.answer ? [t('privacy.answered', { date: date(day(request.answer.sentOn)) })] : []),
  ];
  const contactId = request.contactId;
  return (
    <li className={styles.item} data-request-id={request.id} data-overdue={request.overdue} data-due-this-week={request.dueThisWeek}>
      <div className={styles.row}>
        {request.overdue ? (
          <Badge color="danger" appearance="filled">
            {t('privacy.overdue')}
          </Badge>
        ) : null}
        {request.dueThisWeek ? (
          <Badge color="warning" appearance="filled">
            {t('privacy.dueThisWeek')}
          </Badge>
        ) : null}
        <Text weight="semibold">{t(`privacy.type.${request.type}`)}</Text>
        {contactId ? (
          <Button
            size="small"
            appearance="transparent"
            onClick={() => onOpenPerson(contactId)}
            aria-label={t('privacy.openPerson', { type: t(`privacy.type.${request.type}`) })}
          >
            {t('privacy.contact')}
          </Button>
        ) : (
          <Text className={styles.clip}>{request.email}</Text>
        )}
        <Badge appearance="outline">{t(`privacy.status.${request.status}`)}</Badge>
      </div>
      <Text size={200} className={request.overdue ? styles.danger : styles.muted}>
        {facts.join(' · ')}
      </Text>
    </li>
  );
}

function Requests({ onOpenPerson }: { onOpenPerson: (id: string) => void }) {
  const styles = useTabStyles();
  const { t } = usePrivacyT();
  const { api } = useServices();
  const requests = useLoad(async (signal) => (await api('listPrivacyRequests', { query: { limit: SHOWN }, signal })).data, 'privacy');
  const data = requests.data;
  const open = data?.items.filter((r) => r.status === 'received' || r.status === 'in_progress') ?? [];
  return (
    <div data-ready-key={data ? 'privacy' : undefined} aria-busy={requests.status === 'loading'} className={styles.stack}>
      {requests.status === 'error' ? <ErrorNotice error={requests.error} onRetry={requests.reload} /> : null}
      {!data && requests.status === 'loading' ? <Spinner label={t('privacy.loading')} /> : null}
      {data ? (
        <Card headingId="privacy-requests-heading" heading={t('privacy.requests')} testId="privacy-requests">
          {data.items.length === 0 ? (
            <Text className={styles.muted}>{t('privacy.none')}</Text>
          ) : (
            <Text className={styles.muted} data-testid="privacy-summary">
              {t('privacy.summary', { overdue: open.filter((r) => r.overdue).length, soon: open.filter((r) => r.dueThisWeek).length, open: open.length })}
            </Text>
          )}
          {data.nextCursor ? <Text className={styles.muted}>{t('privacy.more', { shown: data.items.length })}</Text> : null}
          <ul className={styles.list}>
            {data.items.map((request) => (
              <RequestItem key={request.id} request={request} onOpenPerson={onOpenPerson} />
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}

export function PrivacyTab({ save = browserSave }: { save?: SaveFile }) {
  return (
    <PrivacyTexts>
      <PrivacyPage save={save} />
    </PrivacyTexts>
  );
}

function PrivacyPage({ save }: { save: SaveFile }) {
  const styles = useTabStyles();
  const { t } = usePrivacyT();
  const [section, setSection] = useState<Section>('requests');
  const [personId, setPersonId] = useState<string | null>(null);
  const openPerson = (id: string) => {
    setPersonId(id);
    setSection('person');
  };
  return (
    <main className={styles.page}>
      <h1 className={styles.heading}>{t('privacy.heading')}</h1>
      <SectionTabs section={section} onSelect={setSection} />
      <div role="tabpanel" id="privacy-panel" aria-labelledby={`privacy-tab-${section}`} data-section={section}>
        <Suspense fallback={<Spinner label={t('common.loading')} />}>
          {section === 'requests' ? <Requests onOpenPerson={openPerson} /> : null}
          {section === 'person' ? <PersonSection contactId={personId} onOpen={setPersonId} save={save} /> : null}
          {section === 'retention' ? <RetentionSection /> : null}
          {section === 'audit' ? <AuditSection /> : null}
        </Suspense>
      </div>
    </main>
  );
}
