// Changes an endpoint's URL, description and events on the version read (If-Match). When another admin changed it in
// between, the shared notice says who, when and what it holds now, and the admin reloads or overwrites knowingly; only
// the fields changed here are sent, so a pause or resume in between is not undone.
import { Button, Field, Input, Spinner } from '@fluentui/react-components';
import type { WebhookEndpoint, WebhookEndpointPatch, WebhookEventType } from '@crm/common';
import { ErrorNotice } from '@crm/common/web';
import { ChangedNotice, useVersionedSave } from '@crm/common/web/versioned-edit';
import { useState } from 'react';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import { reasonOf } from '../field-reason';
import { EventsFieldset, isHttps, useHooksT } from './parts';

interface Values {
  url: string;
  description: string;
  events: WebhookEventType[];
}

const valuesOf = (e: WebhookEndpoint): Values => ({ url: e.url, description: e.description ?? '', events: [...e.events] });

const sameEvents = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((e) => b.includes(e));

/** The fields changed from the version read, as the API takes them. */
function patchOf(read: Values, now: Values): WebhookEndpointPatch {
  return {
    ...(now.url.trim() !== read.url ? { url: now.url.trim() } : {}),
    ...(now.description.trim() !== read.description ? { description: now.description.trim() || null } : {}),
    ...(!sameEvents(now.events, read.events) ? { events: now.events } : {}),
  };
}

export function EndpointEdit({ endpoint, onSaved, onCancel }: { endpoint: WebhookEndpoint; onSaved: (saved: WebhookEndpoint) => void; onCancel: () => void }) {
  const styles = useTabStyles();
  const { t } = useHooksT();
  const { api } = useServices();
  // The version the edits are based on: the one opened, or the other admin's after a reload.
  const [read, setRead] = useState(endpoint);
  const [values, setValues] = useState(() => valuesOf(endpoint));
  const [checked, setChecked] = useState(false);
  const { busy, error, conflict, save: saveOn, dropConflict } = useVersionedSave(async () => (await api('getWebhook', { params: { id: endpoint.id } })).data);
  const save = (base: WebhookEndpoint) => {
    setChecked(true);
    if (!isHttps(values.url) || values.events.length === 0) return;
    const patch = patchOf(valuesOf(read), values);
    void saveOn(
      async (on) => (Object.keys(patch).length === 0 ? on : (await api('updateWebhook', { params: { id: on.id }, body: patch, ifMatch: on.etag })).data),
      base,
      onSaved,
    );
  };
  const fieldLabel = (field: string) =>
    ({ url: t('hooks.field.url'), description: t('hooks.field.description'), events: t('hooks.field.events'), status: t('hooks.field.status') })[field] ?? field;
  const summary = (e: WebhookEndpoint) =>
    [e.url, e.description, t(`hooks.status.${e.status}`), t('hooks.events', { events: e.events.join(', ') })].filter(Boolean).join(' · ');
  const headingId = `webhook-edit-${endpoint.id}`;
  return (
    <form
      noValidate
      className={styles.form}
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        save(conflict?.current ?? read);
      }}
    >
      <h3 id={headingId} className={styles.subheading}>
        {t('hooks.editing', { url: read.url })}
      </h3>
      <Field
        label={t('hooks.url')}
        validationMessage={checked && !isHttps(values.url) ? t('hooks.urlInvalid') : reasonOf(error, 'url')}
        style={{ maxWidth: '40rem' }}
      >
        <Input type="url" value={values.url} disabled={busy} autoFocus onChange={(_e, d) => setValues((v) => ({ ...v, url: d.value }))} />
      </Field>
      <Field label={t('hooks.description')} validationMessage={reasonOf(error, 'description')} style={{ maxWidth: '40rem' }}>
        <Input value={values.description} maxLength={500} disabled={busy} onChange={(_e, d) => setValues((v) => ({ ...v, description: d.value }))} />
      </Field>
      <EventsFieldset events={values.events} onChange={(events) => setValues((v) => ({ ...v, events }))} disabled={busy} missing={checked} />
      {conflict ? (
        <ChangedNotice
          change={conflict.change}
          current={summary(conflict.current)}
          fieldLabel={fieldLabel}
          busy={busy}
          onReload={() => {
            setRead(conflict.current);
            setValues(valuesOf(conflict.current));
            dropConflict();
          }}
          onOverwrite={() => save(conflict.current)}
        />
      ) : null}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {t('hooks.saveChanges')}
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          {t('hooks.cancel')}
        </Button>
        {busy ? <Spinner size="tiny" label={t('hooks.savingChanges')} /> : null}
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
