// The Data tab's "Webhooks" page (CRM.Admin; managers read why they cannot use it): the registered endpoints with
// their status, why one is paused and how many deliveries wait; pause and resume, change URL, description and events,
// and delete, each with the version read (If-Match); each endpoint's delivery log; register a new one, whose signing
// secret is shown once. Loaded when opened, with its texts.
import { Badge, Button, Field, Input, Spinner, Text } from '@fluentui/react-components';
import type { Me, WebhookEndpoint, WebhookEventType } from '@crm/common';
import { ApiError, DoneNotice, ErrorNotice, I18nProvider, mayAccess, useCreateI18n, useI18n, useOpenerFocus, useSubmit } from '@crm/common/web';
import { useState } from 'react';
import { Card } from '../../Card';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import { tabTexts } from '../../texts';
import { useLoad } from '../../use-load';
import { reasonOf } from '../field-reason';
import { DeliveryLog } from './DeliveryLog';
import { EndpointEdit } from './EndpointEdit';
import { EventsFieldset, isHttps, useHooksT } from './parts';
import { webhookTexts } from './webhook-texts';

const dictionary = { en: { ...tabTexts.en, ...webhookTexts.en }, de: { ...tabTexts.de, ...webhookTexts.de } };

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

type Mode = 'view' | 'edit' | 'delete';

function EndpointItem({ endpoint, onChanged, onStale }: { endpoint: WebhookEndpoint; onChanged: (message: string) => void; onStale: () => void }) {
  const styles = useTabStyles();
  const { t, dateTime, number } = useHooksT();
  const { api } = useServices();
  const [mode, setMode] = useState<Mode>('view');
  const [logOpen, setLogOpen] = useState(false);
  const editOpener = useOpenerFocus();
  const deleteOpener = useOpenerFocus();
  const next = endpoint.status === 'active' ? 'paused' : 'active';
  const toggle = useSubmit(
    () => api('updateWebhook', { params: { id: endpoint.id }, body: { status: next }, ifMatch: endpoint.etag }),
    () => onChanged(t(next === 'paused' ? 'hooks.paused' : 'hooks.resumed', { url: endpoint.url })),
  );
  const remove = useSubmit(
    () => api('deleteWebhook', { params: { id: endpoint.id }, ifMatch: endpoint.etag }),
    () => onChanged(t('hooks.removed', { url: endpoint.url })),
  );
  const error = toggle.error ?? remove.error;
  const logId = `webhook-log-${endpoint.id}`;
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
      {mode === 'edit' ? (
        <EndpointEdit
          endpoint={endpoint}
          onSaved={(saved) => {
            setMode('view');
            onChanged(t('hooks.saved', { url: saved.url }));
          }}
          onCancel={() => {
            setMode('view');
            editOpener.restore();
          }}
        />
      ) : null}
      {mode === 'delete' ? (
        <div className={styles.form} role="group" aria-label={t('hooks.removeOf', { url: endpoint.url })}>
          <Text>{t('hooks.removeConfirm', { url: endpoint.url, count: number(endpoint.pendingDeliveries) })}</Text>
          <div className={styles.row}>
            {/* The confirmation takes the focus, so Enter deletes and Tab reaches Cancel. */}
            <Button appearance="primary" disabled={remove.busy} onClick={() => void remove.submit()} autoFocus>
              {t('hooks.removeYes')}
            </Button>
            <Button
              disabled={remove.busy}
              onClick={() => {
                setMode('view');
                deleteOpener.restore();
              }}
            >
              {t('hooks.cancel')}
            </Button>
            {remove.busy ? <Spinner size="tiny" /> : null}
          </div>
        </div>
      ) : null}
      {mode === 'view' ? (
        <div className={styles.row}>
          <Button
            disabled={toggle.busy}
            onClick={() => void toggle.submit()}
            aria-label={t(next === 'paused' ? 'hooks.pauseOf' : 'hooks.resumeOf', { url: endpoint.url })}
          >
            {t(next === 'paused' ? 'hooks.pause' : 'hooks.resume')}
          </Button>
          <Button ref={editOpener.ref} disabled={toggle.busy} onClick={() => setMode('edit')} aria-label={t('hooks.editOf', { url: endpoint.url })}>
            {t('hooks.edit')}
          </Button>
          <Button ref={deleteOpener.ref} disabled={toggle.busy} onClick={() => setMode('delete')} aria-label={t('hooks.removeOf', { url: endpoint.url })}>
            {t('hooks.remove')}
          </Button>
          <Button
            aria-expanded={logOpen}
            aria-controls={logOpen ? logId : undefined}
            onClick={() => setLogOpen((open) => !open)}
            aria-label={t('hooks.logOf', { url: endpoint.url })}
          >
            {t('hooks.log')}
          </Button>
          {toggle.busy ? <Spinner size="tiny" /> : null}
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {error instanceof ApiError && (error.kind === 'changed' || error.kind === 'not-found') ? <Button onClick={onStale}>{t('hooks.reload')}</Button> : null}
      {logOpen ? <DeliveryLog id={logId} endpointId={endpoint.id} url={endpoint.url} onQueued={onStale} /> : null}
    </li>
  );
}

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
        <EventsFieldset events={events} onChange={setEvents} disabled={busy} missing={checked} />
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
