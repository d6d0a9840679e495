// The "Privacy" (Datenschutz) personal tab for CRM.Privacy and CRM.Admin: the register of data subject requests with
// their deadlines, and the person view, retention and audit search, each section loaded when first opened so the tab's
// first download stays small (the register and its request screens too: they are the larger part).
import { Button, makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useRef, useState, type KeyboardEvent } from 'react';
import { useTabStyles } from '../styles';
import { usePrivacyT } from './privacy-texts';
import { PrivacyTexts } from './section-texts';
import { saveFile as browserSave, type SaveFile } from '../data-tab/save-file';

const RequestsSection = lazy(() => import('./requests/RequestsSection').then((m) => ({ default: m.RequestsSection })));
const PersonSection = lazy(() => import('./person/PersonSection').then((m) => ({ default: m.PersonSection })));
const AuditSection = lazy(() => import('./audit/AuditSection').then((m) => ({ default: m.AuditSection })));
const RetentionSection = lazy(() => import('./retention/RetentionSection').then((m) => ({ default: m.RetentionSection })));

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
          {section === 'requests' ? <RequestsSection onOpenPerson={openPerson} /> : null}
          {section === 'person' ? <PersonSection contactId={personId} onOpen={setPersonId} save={save} /> : null}
          {section === 'retention' ? <RetentionSection /> : null}
          {section === 'audit' ? <AuditSection /> : null}
        </Suspense>
      </div>
    </main>
  );
}
