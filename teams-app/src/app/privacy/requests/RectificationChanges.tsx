// A rectification request (Art. 16) and the edits it led to: the changes linked so far, and a form that offers the
// contact's changes from the audit log that are not linked yet. Only updates of the request's own contact can be linked
// (the API checks the same), so the list asks the audit search for exactly those.
import { Checkbox, Spinner, Text } from '@fluentui/react-components';
import type { AuditEntry, PrivacyRequest } from '@crm/common';
import { ErrorNotice } from '@crm/common/web';
import { useState } from 'react';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import { useLoad } from '../../use-load';
import { PatchForm, type WorkProps } from './PatchForm';
import { useRequestT } from './request-texts';

/** The API links at most this many in one change; the audit search is asked for as many. */
const OFFERED = 100;

export function LinkedChanges({ request }: { request: PrivacyRequest }) {
  const styles = useTabStyles();
  const { t, dateTime } = useRequestT();
  return (
    <>
      <h3 className={styles.subheading}>{t('request.changes')}</h3>
      {request.changes.length === 0 ? (
        <Text className={styles.muted}>{t('request.noChanges')}</Text>
      ) : (
        <ul className={styles.list} data-testid="request-changes">
          {request.changes.map((change) => (
            <li key={change.auditId} className={styles.item} data-audit-id={change.auditId}>
              <Text>{t('request.changeFields', { fields: change.changedFields.join(', ') })}</Text>
              <Text size={200} className={styles.muted}>
                {t('request.by', { who: change.actorName ?? t('request.someone'), at: dateTime(change.at) })}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Candidate({ entry, checked, onChange }: { entry: AuditEntry; checked: boolean; onChange: (checked: boolean) => void }) {
  const styles = useTabStyles();
  const { t, dateTime } = useRequestT();
  return (
    <li className={styles.item} data-audit-id={entry.id}>
      <Checkbox
        checked={checked}
        onChange={(_e, d) => onChange(d.checked === true)}
        label={`${t('request.changeFields', { fields: entry.changedFields.join(', ') })} · ${t('request.by', {
          who: entry.actorName ?? t('request.someone'),
          at: dateTime(entry.at),
        })}`}
      />
    </li>
  );
}

export function ChangesForm(props: WorkProps & { contactId: string }) {
  const styles = useTabStyles();
  const { t } = useRequestT();
  const { api } = useServices();
  const { request, contactId } = props;
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const linked = new Set(request.changes.map((c) => c.auditId));
  const changes = useLoad(
    async (signal) =>
      (await api('searchAudit', { query: { contactId, entity: 'contact', entityId: contactId, kind: 'change', limit: OFFERED }, signal })).data.items,
    `changes:${contactId}`,
  );
  const candidates = (changes.data ?? []).filter((e) => e.action === 'update' && !linked.has(e.id));
  const toggle = (id: number, on: boolean) =>
    setChosen((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const makePatch = () => {
    const ids = candidates.filter((e) => chosen.has(e.id)).map((e) => e.id);
    return ids.length > 0 ? { linkChanges: ids } : t('request.chooseChanges');
  };
  return (
    <PatchForm {...props} label={t('request.linkChangesTitle')} submitLabel={t('request.linkChangesSave')} makePatch={makePatch}>
      <fieldset className={styles.fieldset} data-ready-key={changes.data ? `changes:${contactId}` : undefined}>
        <legend className={styles.subheading}>{t('request.linkChangesTitle')}</legend>
        <Text className={styles.muted}>{t('request.linkChangesHint')}</Text>
        {changes.status === 'error' ? <ErrorNotice error={changes.error} onRetry={changes.reload} /> : null}
        {!changes.data && changes.status === 'loading' ? <Spinner size="small" label={t('request.loadingChanges')} /> : null}
        {changes.data && candidates.length === 0 ? <Text>{t('request.noCandidates')}</Text> : null}
        {candidates.length > 0 ? (
          <ul className={styles.list} data-testid="request-change-candidates">
            {candidates.map((entry) => (
              <Candidate key={entry.id} entry={entry} checked={chosen.has(entry.id)} onChange={(on) => toggle(entry.id, on)} />
            ))}
          </ul>
        ) : null}
      </fieldset>
    </PatchForm>
  );
}
