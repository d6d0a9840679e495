// The Data tab's "Webhooks" page (CRM.Admin; managers read why they cannot use it): the registered endpoints with
// their status, why one is paused and how many deliveries wait; pause and resume with the version read (If-Match);
// register a new one, whose signing secret is shown once. Loaded when opened, with its texts. Changing an endpoint's
// URL or events, removing it and its delivery log are API only (docs/WEBHOOKS.md).
import { Badge, Button, Field, Input, Spinner, Text } from '@fluentui/react-components';
import type { Me, WebhookEndpoint, WebhookEventType } from '@crm/common';
import { ApiError, DoneNotice, ErrorNotice, I18nProvider, mayAccess, useCreateI18n, useI18n, useSubmit, useTexts, WEBHOOK_EVENT_TYPES } from '@crm/common/web';
import { useState } from 'react';
import { Card } from '../../Card';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import { tabTexts } from '../../texts';
import { useLoad } from '../../use-load';
import { reasonOf } from '../field-reason';
import { webhookTexts, type WebhookKey } from './webhook-texts';

const dictionary = { en: { ...tabTexts.en, ...webhookTexts.en }, de: { ...tabTexts.de, ...webhookTexts.de } };
const useHooksT = () => useTexts<WebhookKey>();

export function WebhooksPage({ me }: { me: Me }) {
  const i18n = useCreateI18n(useI18n().language, dictionary);
  return (
    <I18nProvider i18n={i18n}>
      <Webhooks admin={mayAccess(me.roles, 'admin')} />
    </I18nProvider>
  );
}

function Webhooks({ admin }: { admin: boolean }) {
  const styles = useTabStyles();
  const { t } = useHooksT();
  const { api } = useServices();
  // Managers see the page too, so they learn why it is empty for them instead of meeting a 403.
  const list = useLoad(async (signal) => (admin ? (await api('listWebhooks', { signal })).data.items : []), `webhooks-${admin}`);
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className={styles.stack} data-testid="webhooks-page" data-ready-key={list.status === 'ready' ? 'webhooks' : undefined}>
      <Card headingId="webhooks-heading" heading={t('hooks.heading')} testId="webhooks">
        <Text>{t('hooks.intro')}</Text>
        {!admin ? <Text className={styles.muted}>{t('hooks.adminOnly')}</Text> : null}
        {done ? <DoneNotice text={done} /> : null}
        {list.status === 'error' ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
        {list.status === 'loading' && !list.data ? <Spinner size="small" label={t('hooks.loading')} /> : null}
        {admin && list.data && list.data.length === 0 ? <Text className={styles.muted}>{t('hooks.none')}</Text> : null}
        <ul className={styles.list} aria-labelledby="webhooks-heading">
          {(list.data ?? []).map((endpoint) => (
            <EndpointItem
              key={endpoint.id}
              endpoint={endpoint}
              onChanged={(message) => {
                setDone(message);
                list.reload();
              }}
              onStale={list.reload}
            />
          ))}
        </ul>
      </Card>
      {admin ? <Register onRegistered={list.reload} /> : null}
    </div>
  );
}

function EndpointItem({ endpoint, onChanged, onStale }: { endpoint: WebhookEndpoint; onChanged: (message: string) => void; onStale: () => void }) {
  const styles = useTabStyles();
  const { t, dateTime, number } = useHooksT();
  const { api } = useServices();
  const next = endpoint.status === 'active' ? 'paused' : 'active';
  const { busy, error, submit } = useSubmit(
    () => api('updateWebhook', { params: { id: endpoint.id }, body: { status: next }, ifMatch: endpoint.etag }),
    () => onChanged(t(next === 'paused' ? 'hooks.paused' : 'hooks.resumed', { url: endpoint.url })),
  );
  return (
    <li className={styles.item} data-webhook-id={endpoint.id}>
      <div className={styles.row}>
        <Text weight="semibold" className={styles.clip}>
          {endpoint.url}
        </Text>
        <Badge appearance="outline" color={endpoint.status === 'active' ? 'success' : 'warning'}>
          {t(`hooks.status.${endpoint.status}`)}
        </Badge>
      </div>
      {endpoint.description ? <Text>{endpoint.description}</Text> : null}
      {endpoint.pausedReason ? <Text className={styles.danger}>{t('hooks.pausedReason', { reason: endpoint.pausedReason })}</Text> : null}
      {endpoint.failingSince ? <Text className={styles.danger}>{t('hooks.failingSince', { when: dateTime(endpoint.failingSince) })}</Text> : null}
      <Text className={styles.muted}>
        {t('hooks.events', { events: endpoint.events.join(', ') })} · {t('hooks.pending', { count: number(endpoint.pendingDeliveries) })}
      </Text>
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => void submit()} aria-label={t(next === 'paused' ? 'hooks.pauseOf' : 'hooks.resumeOf', { url: endpoint.url })}>
          {t(next === 'paused' ? 'hooks.pause' : 'hooks.resume')}
        </Button>
        {busy ? <Spinner size="tiny" /> : null}
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {error instanceof ApiError && error.kind === 'changed' ? <Button onClick={onStale}>{t('hooks.reload')}</Button> : null}
    </li>
  );
}

const isHttps = (text: string) => {
  try {
    return new URL(text.trim()).protocol === 'https:';
  } catch {
    return false;
  }
};

function Register({ onRegistered }: { onRegistered: () => void }) {
  const styles = useTabStyles();
  const { t } = useHooksT();
  const { api } = useServices();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [checked, setChecked] = useState(false);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const { busy, error, submit } = useSubmit(
    // One id for every attempt of this form: a retried registration finds the first one instead of adding a second.
    (clientId) => api('createWebhook', { body: { id: clientId, url: url.trim(), description: description.trim() || null, events } }),
    ({ data }) => {
      setSecret({ url: data.url, secret: data.secret });
      setUrl('');
      setDescription('');
      setEvents([]);
      setChecked(false);
      onRegistered();
    },
  );
  const toggle = (event: WebhookEventType, on: boolean) => setEvents((current) => (on ? [...current, event] : current.filter((e) => e !== event)));
  const all = events.length === WEBHOOK_EVENT_TYPES.length;
  return (
    <Card headingId="webhook-register-heading" heading={t('hooks.register')} testId="webhook-register">
      {secret ? (
        <div className={styles.form} role="status">
          <Text>{t('hooks.secret', { url: secret.url })}</Text>
          <Field label={t('hooks.secretLabel')}>
            <Input readOnly value={secret.secret} autoFocus onFocus={(e) => e.target.select()} />
          </Field>
        </div>
      ) : null}
      <form
        noValidate
        className={styles.form}
        aria-labelledby="webhook-register-heading"
        onSubmit={(e) => {
          e.preventDefault();
          setChecked(true);
          setSecret(null);
          if (isHttps(url) && events.length > 0) void submit();
        }}
      >
        <Field label={t('hooks.url')} validationMessage={checked && !isHttps(url) ? t('hooks.urlInvalid') : reasonOf(error, 'url')} style={{ maxWidth: '40rem' }}>
          <Input type="url" value={url} disabled={busy} onChange={(_e, d) => setUrl(d.value)} />
        </Field>
        <Field label={t('hooks.description')} validationMessage={reasonOf(error, 'description')} style={{ maxWidth: '40rem' }}>
          <Input value={description} maxLength={500} disabled={busy} onChange={(_e, d) => setDescription(d.value)} />
        </Field>
        {/* Native checkboxes: Fluent's Checkbox would land in the tab's first download. */}
        <fieldset className={styles.fieldset}>
          <legend>{t('hooks.eventsLegend')}</legend>
          <label>
            <input type="checkbox" checked={all} disabled={busy} onChange={(e) => setEvents(e.target.checked ? [...WEBHOOK_EVENT_TYPES] : [])} /> {t('hooks.all')}
          </label>
          <div className={styles.row}>
            {WEBHOOK_EVENT_TYPES.map((event) => (
              <label key={event}>
                <input type="checkbox" checked={events.includes(event)} disabled={busy} onChange={(e) => toggle(event, e.target.checked)} /> {event}
              </label>
            ))}
          </div>
          {checked && events.length === 0 ? (
            <Text className={styles.danger} role="alert">
              {t('hooks.eventsMissing')}
            </Text>
          ) : null}
        </fieldset>
        <div className={styles.row}>
          <Button appearance="primary" type="submit" disabled={busy}>
            {t('hooks.save')}
          </Button>
          {busy ? <Spinner size="tiny" label={t('hooks.saving')} /> : null}
        </div>
        {error ? <ErrorNotice error={error} /> : null}
      </form>
    </Card>
  );
}
