// Resolving a complaint with its resolution, on the version read when the form opened: a colleague's change after that
// (resolved it first, changed its subject) is named by the shared notice with who, when, what and what it holds now,
// then reload (their version) or resolve anyway on it. Loads when a Resolve button is first used, with its own texts.
import { Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { AgedComplaint, Interaction } from '@crm/common';
import { ErrorNotice, FormActions, useI18n, type Language } from '@crm/common/web';
import { ChangedNotice, useVersionedSave } from '@crm/common/web/record-change';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useT } from '../texts';

const texts = {
  en: {
    fields: { status: 'Status', resolution: 'Resolution', subject: 'Subject', summary: 'Note', occurredAt: 'Date' } as Record<string, string>,
    open: 'open',
    resolved: 'resolved on {date}: {resolution}',
  },
  de: {
    fields: { status: 'Status', resolution: 'Lösung', subject: 'Betreff', summary: 'Notiz', occurredAt: 'Datum' } as Record<string, string>,
    open: 'offen',
    resolved: 'erledigt am {date}: {resolution}',
  },
} satisfies Record<Language, { fields: Record<string, string>; open: string; resolved: string }>;

function ComplaintChangedNotice(props: {
  conflict: { change: Parameters<typeof ChangedNotice>[0]['change']; current: Interaction };
  busy: boolean;
  onReload: () => void;
  onOverwrite: () => void;
}) {
  const { language, date } = useI18n();
  const words = texts[language];
  const { change, current } = props.conflict;
  const state =
    current.status === 'resolved'
      ? words.resolved.replace('{date}', current.resolvedAt ? date(current.resolvedAt) : '').replace('{resolution}', current.resolution ?? '')
      : words.open;
  // The subject only when it is what changed: the complaint is named where the notice stands.
  const now = [change?.fields.includes('subject') ? `"${current.subject}"` : null, state].filter(Boolean).join(' · ');
  return (
    <ChangedNotice
      change={change}
      current={now}
      fieldLabel={(field) => words.fields[field] ?? field}
      busy={props.busy}
      onReload={props.onReload}
      onOverwrite={props.onOverwrite}
    />
  );
}

export function ResolveComplaint({
  complaint,
  onResolved,
  onCancel,
  onReload,
}: {
  complaint: AgedComplaint;
  onResolved: (i: Interaction) => void;
  onCancel: () => void;
  /** The colleague's version instead of my resolution: the form closes and the tab reads the account again. */
  onReload: () => void;
}) {
  const styles = useTabStyles();
  const { t } = useT();
  const { api } = useServices();
  const [resolution, setResolution] = useState('');
  const read = async () => (await api('getInteraction', { params: { id: complaint.id } })).data;
  // The overview's complaints carry no version: the one read as the form opens is what a colleague's change is told by.
  const startReading = () => {
    const reading = read();
    reading.catch(() => undefined); // the submit that awaits it reports a failure
    return reading;
  };
  const [opened, setOpened] = useState(startReading);
  const [readError, setReadError] = useState<unknown>(null);
  const { busy, error, conflict, save } = useVersionedSave(read);
  const resolve = async (version = opened) => {
    let base: Interaction;
    try {
      // After a colleague's change the next try goes on their version, which the notice showed.
      base = conflict?.current ?? (await version);
    } catch (e) {
      setReadError(e);
      return;
    }
    setReadError(null);
    await save(
      async (on) => (await api('updateInteraction', { params: { id: on.id }, body: { status: 'resolved', resolution }, ifMatch: on.etag })).data,
      base,
      onResolved,
    );
  };
  return (
    <form
      className={styles.form}
      aria-label={t('complaints.resolveLabel', { subject: complaint.subject })}
      onSubmit={(e) => {
        e.preventDefault();
        void resolve();
      }}
    >
      <Field label={t('complaints.resolution')} required>
        <Textarea value={resolution} onChange={(_e, d) => setResolution(d.value)} maxLength={5000} required autoFocus resize="vertical" />
      </Field>
      {readError ? <ErrorNotice error={readError} onRetry={() => {
            const reading = startReading();
            setOpened(reading);
            void resolve(reading);
          }} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {conflict ? <ComplaintChangedNotice conflict={conflict} busy={busy} onReload={onReload} onOverwrite={() => void resolve()} /> : null}
      <FormActions busy={busy} submitLabel={t('complaints.resolve')} onCancel={onCancel} />
    </form>
  );
}
