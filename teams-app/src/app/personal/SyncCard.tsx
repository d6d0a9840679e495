// "Outlook sync" card of the personal tab: switches per resource, status in words, and for admins connect and sync now.
import { Badge, Button, Spinner, Switch, Text } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useState } from 'react';
import type { MailboxSyncState, SyncResource, SyncStatusResponse } from '@crm/common';
import { ErrorNotice, I18nProvider, RoleNotice, useAccess, useCreateI18n, useI18n, useTexts } from '@crm/common/web';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useLoad } from '../use-load';
import { syncTexts, type SyncKey } from './sync-texts';
import { tabTexts } from '../texts';
import { Card } from '../Card';

const RESOURCES: SyncResource[] = ['calendar', 'contacts'];
const badgeColor = { active: 'success', syncing: 'informative', not_synced: 'subtle', needs_permission: 'warning', failed: 'danger' } as const;

function ResourceRow({
  state,
  resource,
  busy,
  onToggle,
  readOnlyNoticeId,
}: {
  state?: MailboxSyncState;
  resource: SyncResource;
  busy: boolean;
  onToggle: (on: boolean) => void;
  /** Set when the user's role may not switch sync on or off: the notice that says which role may. */
  readOnlyNoticeId: string | null;
}) {
  const { t, dateTime } = useTexts<SyncKey>();
  const styles = useTabStyles();
  const status = state?.enabled ? state.status : null;
  return (
    <li data-resource={resource}>
      <Switch
        checked={Boolean(state?.enabled)}
        disabled={busy || readOnlyNoticeId !== null}
        aria-describedby={readOnlyNoticeId ?? undefined}
        label={t(`sync.${resource}`)}
        onChange={(_e, data) => onToggle(data.checked)}
      />
      {status && (
        <div className={styles.muted}>
          <Badge appearance="tint" color={badgeColor[status]} data-status={status}>
            {t(`sync.status.${status}`)}
          </Badge>{' '}
          {state!.lastSuccessAt ? t('sync.lastSuccess', { time: dateTime(state!.lastSuccessAt) }) : t('sync.neverSynced')}
          {status === 'syncing' && state!.itemsDone > 0 && <> · {t('sync.progress', { items: state!.itemsDone, pages: state!.pagesDone })}</>}
          {state!.missingPermission && (
            <Text block role="alert">
              {t('sync.missing', { permission: state!.missingPermission })}
            </Text>
          )}
          {state!.lastError && status !== 'active' && <Text block>{state!.lastError}</Text>}
          {state!.unreadable && state!.unreadable.length > 0 && <Unreadable items={state!.unreadable} />}
        </div>
      )}
    </li>
  );
}

/** Items the mailbox shows that the sync could not read (an event in a time zone nobody knows, say): counted, with why. */
function Unreadable({ items }: { items: NonNullable<MailboxSyncState['unreadable']> }) {
  const { t } = useTexts<SyncKey>();
  return (
    <div data-testid="sync-unreadable">
      <Text block>{t('sync.unreadable', { count: items.length })}</Text>
      <details>
        <summary>{t('sync.unreadableWhy')}</summary>
        <ul>
          {items.map((item) => (
            <li key={item.id}>{item.reason}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}

export function SyncCard() {
  const dictionary = useMemo(() => ({ en: { ...tabTexts.en, ...syncTexts.en }, de: { ...tabTexts.de, ...syncTexts.de } }), []);
  const i18n = useCreateI18n(useI18n().language, dictionary);
  return (
    <I18nProvider i18n={i18n}>
      <SyncSection />
    </I18nProvider>
  );
}

function SyncSection() {
  const { api } = useServices();
  const { t } = useTexts<SyncKey>();
  const styles = useTabStyles();
  const load = useLoad(async (signal) => {
    const [status, me] = await Promise.all([api('getMySync', { signal }), api('me', { signal })]);
    return { status: status.data, isAdmin: me.data.roles.includes('CRM.Admin') };
  }, 'sync');
  const [busy, setBusy] = useState(false);
  const access = useAccess(api);
  const roleNoticeId = useId();
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const [status, setStatus] = useState<SyncStatusResponse | null>(null);
  const current = status ?? load.data?.status ?? null;
  const working = current?.items.some((i) => i.enabled && (i.pending || i.status === 'syncing'));

  // While a sync runs the card follows it; afterwards it stops asking.
  useEffect(() => {
    if (!working) return;
    const timer = setTimeout(() => {
      api('getMySync', {}).then((r) => setStatus(r.data), setError);
    }, 2000);
    return () => clearTimeout(timer);
  }, [api, working, current]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const toggle = (resource: SyncResource, on: boolean) =>
    act(async () => {
      const mine = Object.fromEntries(RESOURCES.map((r) => [r, Boolean(current?.items.find((i) => i.resource === r)?.enabled)])) as Record<
        SyncResource,
        boolean
      >;
      setStatus((await api('putMySync', { body: { ...mine, [resource]: on } })).data);
    });
  const connect = () =>
    act(async () => {
      const settings = await api('getSettings', {});
      const { etag, ...rest } = settings.data;
      await api('putSettings', { body: { ...rest, graphSync: { ...rest.graphSync, connected: true } }, ifMatch: settings.etag ?? etag });
      setStatus((await api('getMySync', {})).data);
      setNote(t('sync.connected'));
    });
  const runNow = () =>
    act(async () => {
      const { results } = (await api('runSync', { body: {} })).data;
      const sum = (k: 'created' | 'updated' | 'removed') => results.reduce((s, r) => s + r[k], 0);
      setNote(t('sync.ran', { created: sum('created'), updated: sum('updated'), removed: sum('removed') }));
      setStatus((await api('getMySync', {})).data);
    });

  return (
    <Card headingId="sync-heading" heading={t('sync.heading')} testId="sync-card">
      {load.status === 'error' && !current && <ErrorNotice error={load.error} onRetry={load.reload} />}
      {!current && load.status === 'loading' && <Spinner size="tiny" label={t('sync.loading')} />}
      {current && !current.configured && <Text block>{t('sync.notConfigured')}</Text>}
      {current?.configured && !current.connected && (
        <>
          <Text block>{t('sync.notConnected')}</Text>
          {load.data?.isAdmin && (
            <Button appearance="primary" disabled={busy} onClick={() => void connect()}>
              {t('sync.connect')}
            </Button>
          )}
        </>
      )}
      {current?.configured && current.connected && (
        <>
          <ul className={styles.list}>
            {RESOURCES.map((resource) => (
              <ResourceRow
                key={resource}
                resource={resource}
                busy={busy}
                state={current.items.find((i) => i.resource === resource)}
                onToggle={(on) => void toggle(resource, on)}
                readOnlyNoticeId={access.may('write') ? null : roleNoticeId}
              />
            ))}
          </ul>
          <RoleNotice id={roleNoticeId} access={access} level="write" />
          {load.data?.isAdmin && (
            <Button disabled={busy} onClick={() => void runNow()} icon={busy ? <Spinner size="extra-tiny" /> : undefined}>
              {busy ? t('sync.running') : t('sync.runNow')}
            </Button>
          )}
        </>
      )}
      {note && (
        <Text block role="status">
          {note}
        </Text>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </Card>
  );
}
