// The privacy tab's audit search: who read or changed what, filtered by person, record, actor, time and kind, newest
// first. A list of entries to answer a request or look into a concrete case, never a report per employee.
import { Button, Field, Input, Select, Spinner, Text } from '@fluentui/react-components';
import type { AuditEntry, AuditQuery, Contact } from '@crm/common';
import { AUDIT_ENTITIES, CHANGE_ACTIONS, ErrorNotice, useSubmit, useTexts, type AuditEntity, type ChangeAction } from '@crm/common/web';
import { useState } from 'react';
import { Card } from '../../Card';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import { ContactFinder } from '../ContactFinder';
import { personTexts, type PersonKey } from '../person/person-texts';
import { readActionText, type PrivacyKey } from '../privacy-texts';
import { PrivacyTexts } from '../section-texts';
import { auditTexts, type AuditKey } from './audit-texts';

const useAuditT = () => useTexts<AuditKey | PersonKey | PrivacyKey>();
const SHOWN = 50;
// The person filter finds its contact with the person view's finder, which brings its texts.
const texts = { en: { ...personTexts.en, ...auditTexts.en }, de: { ...personTexts.de, ...auditTexts.de } };

/** A change's kind in words; one the tab does not know yet (the API may add kinds) stays as the API names it. */
function changeActionText(t: ReturnType<typeof useAuditT>['t'], action: string): string {
  return (CHANGE_ACTIONS as readonly string[]).includes(action) ? t(`audit.change.${action as ChangeAction}`) : action;
}

interface Filters {
  contact: Contact | null;
  entity: AuditEntity | '';
  entityId: string;
  actorId: string;
  actorName: string | null;
  from: string;
  to: string;
  kind: 'read' | 'change' | '';
}
const NO_FILTERS: Filters = { contact: null, entity: '', entityId: '', actorId: '', actorName: null, from: '', to: '', kind: '' };

/** The filters as the API reads them; the time fields are the browser's local time, sent as instants. */
function queryOf(filters: Filters): AuditQuery {
  return {
    limit: SHOWN,
    ...(filters.contact ? { contactId: filters.contact.id } : {}),
    ...(filters.entity ? { entity: filters.entity } : {}),
    ...(filters.entityId.trim() ? { entityId: filters.entityId.trim() } : {}),
    ...(filters.actorId.trim() ? { actorId: filters.actorId.trim() } : {}),
    ...(filters.from ? { from: new Date(filters.from).toISOString() } : {}),
    ...(filters.to ? { to: new Date(filters.to).toISOString() } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
  };
}

function EntryItem({ entry, onActor }: { entry: AuditEntry; onActor: (id: string, name: string) => void }) {
  const styles = useTabStyles();
  const { t, dateTime } = useAuditT();
  const actor = entry.actorName ?? t('audit.someone');
  const actorId = entry.actorId;
  const what = entry.kind === 'read' ? readActionText(t, entry.action) : changeActionText(t, entry.action);
  const entity = (AUDIT_ENTITIES as readonly string[]).includes(entry.entity) ? t(`audit.entity.${entry.entity as AuditEntity}`) : entry.entity;
  const details = [
    ...(entry.address ? [t('audit.address', { address: entry.address })] : []),
    ...(entry.changedFields.length > 0 ? [t('audit.fields', { fields: entry.changedFields.join(', ') })] : []),
  ];
  return (
    <li className={styles.item} data-audit-id={`${entry.kind}:${entry.id}`} data-kind={entry.kind}>
      <div className={styles.row}>
        <Text size={200} className={styles.muted}>
          {dateTime(entry.at)}
        </Text>
        {actorId ? (
          <Button size="small" appearance="transparent" onClick={() => onActor(actorId, actor)} aria-label={t('audit.byActor', { name: actor })}>
            {actor}
          </Button>
        ) : (
          <Text>{actor}</Text>
        )}
        <Text weight="semibold">{what}</Text>
        <Text>
          {entity}
          {entry.entityId ? ` ${entry.entityId}` : ''}
        </Text>
      </div>
      {details.length > 0 ? (
        <Text size={200} className={styles.muted}>
          {details.join(' · ')}
        </Text>
      ) : null}
    </li>
  );
}

function Audit() {
  const styles = useTabStyles();
  const { t } = useAuditT();
  const { api } = useServices();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [found, setFound] = useState<{ query: AuditQuery; items: AuditEntry[]; nextCursor: string | null } | null>(null);
  const set = (fields: Partial<Filters>) => setFilters((current) => ({ ...current, ...fields }));
  const search = useSubmit(async () => {
    const query = queryOf(filters);
    const page = (await api('searchAudit', { query })).data;
    return { query, ...page };
  }, setFound);
  const more = useSubmit(async () => {
    const page = (await api('searchAudit', { query: { ...found!.query, cursor: found!.nextCursor! } })).data;
    return { query: found!.query, items: [...found!.items, ...page.items], nextCursor: page.nextCursor };
  }, setFound);
  return (
    <div className={styles.stack} data-ready-key="audit">
      <Card headingId="audit-heading" heading={t('audit.heading')} testId="audit">
        <Text className={styles.muted} data-testid="audit-why">
          {t('audit.why')}
        </Text>
        <fieldset className={styles.fieldset}>
          <legend className={styles.subheading}>{t('audit.person')}</legend>
          {filters.contact ? (
            <div className={styles.row}>
              <Text data-testid="audit-person">{t('audit.personChosen', { name: filters.contact.displayName })}</Text>
              <Button size="small" onClick={() => set({ contact: null })}>
                {t('audit.clearPerson')}
              </Button>
            </div>
          ) : (
            <ContactFinder label={t('audit.findPerson')} onPick={(contact) => set({ contact })} />
          )}
        </fieldset>
        <form
          className={styles.form}
          aria-label={t('audit.filters')}
          onSubmit={(e) => {
            e.preventDefault();
            void search.submit();
          }}
        >
          <div className={styles.row}>
            <Field label={t('audit.entity')}>
              <Select value={filters.entity} onChange={(_e, d) => set({ entity: d.value as AuditEntity | '' })}>
                <option value="">{t('audit.anyEntity')}</option>
                {AUDIT_ENTITIES.map((entity) => (
                  <option key={entity} value={entity}>
                    {t(`audit.entity.${entity}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('audit.entityId')}>
              <Input value={filters.entityId} onChange={(_e, d) => set({ entityId: d.value })} maxLength={36} />
            </Field>
          </div>
          <div className={styles.row}>
            <Field label={t('audit.actor')} hint={filters.actorName ? t('audit.actorChosen', { name: filters.actorName }) : undefined}>
              <Input value={filters.actorId} onChange={(_e, d) => set({ actorId: d.value, actorName: null })} maxLength={36} />
            </Field>
            {filters.actorId ? (
              <Button size="small" onClick={() => set({ actorId: '', actorName: null })}>
                {t('audit.clearActor')}
              </Button>
            ) : null}
          </div>
          <div className={styles.row}>
            <Field label={t('audit.from')}>
              <Input type="datetime-local" value={filters.from} onChange={(_e, d) => set({ from: d.value })} />
            </Field>
            <Field label={t('audit.to')}>
              <Input type="datetime-local" value={filters.to} onChange={(_e, d) => set({ to: d.value })} />
            </Field>
            <Field label={t('audit.kind')}>
              <Select value={filters.kind} onChange={(_e, d) => set({ kind: d.value as Filters['kind'] })}>
                <option value="">{t('audit.anyKind')}</option>
                <option value="read">{t('audit.kind.read')}</option>
                <option value="change">{t('audit.kind.change')}</option>
              </Select>
            </Field>
          </div>
          <div className={styles.row}>
            <Button type="submit" appearance="primary" disabled={search.busy} icon={search.busy ? <Spinner size="tiny" /> : undefined}>
              {t('audit.search')}
            </Button>
          </div>
        </form>
        {search.error ? <ErrorNotice error={search.error} /> : null}
      </Card>
      {found ? (
        <Card headingId="audit-results-heading" heading={t('audit.results')} testId="audit-results">
          {found.items.length === 0 ? <Text className={styles.muted}>{t('audit.none')}</Text> : null}
          <ul className={styles.list}>
            {found.items.map((entry) => (
              <EntryItem key={`${entry.kind}:${entry.id}`} entry={entry} onActor={(actorId, actorName) => set({ actorId, actorName })} />
            ))}
          </ul>
          {more.error ? <ErrorNotice error={more.error} /> : null}
          {found.nextCursor ? (
            <div className={styles.row}>
              <Button onClick={() => void more.submit()} disabled={more.busy}>
                {t('audit.more')}
              </Button>
            </div>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}

export function AuditSection() {
  return (
    <PrivacyTexts section={texts}>
      <Audit />
    </PrivacyTexts>
  );
}
