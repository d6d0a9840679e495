// An endpoint's delivery log: what was sent, newest first, 20 a page, all or only the waiting, delivered or failed ones,
// each with its event, status, attempts, last error and the next try. The API has no way to send a failed delivery
// again, so the log offers none (docs/WEBHOOKS.md).
import { Button, Field, Select, Spinner, Text } from '@fluentui/react-components';
import type { WebhookDelivery, WebhookDeliveryQuery } from '@crm/common';
import { ErrorNotice } from '@crm/common/web';
import { useTableStyles } from '@crm/common/web/insights-tables';
import { useState } from 'react';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import { useLoad } from '../../use-load';
import { useHooksT } from './parts';

const PAGE = 20;
type Status = NonNullable<WebhookDeliveryQuery['status']>;
const STATUSES: readonly Status[] = ['pending', 'delivered', 'failed'];

export function DeliveryLog({ endpointId, url, id }: { endpointId: string; url: string; id: string }) {
  const styles = useTabStyles();
  const table = useTableStyles();
  const { t, dateTime, number } = useHooksT();
  const { api } = useServices();
  const [status, setStatus] = useState<Status | ''>('');
  const query = (cursor?: string) => ({ limit: PAGE, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) });
  const first = useLoad(
    async (signal) => (await api('webhookDeliveries', { params: { id: endpointId }, query: query(), signal })).data,
    `deliveries-${endpointId}-${status}`,
  );
  // Later pages of the filter they were asked for: a new filter starts again from the first page.
  const [more, setMore] = useState<{ status: Status | ''; items: WebhookDelivery[]; nextCursor: string | null } | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const extra = more && more.status === status ? more : null;
  const items = [...(first.data?.items ?? []), ...(extra?.items ?? [])];
  const nextCursor = extra ? extra.nextCursor : (first.data?.nextCursor ?? null);
  const showMore = async () => {
    if (!nextCursor) return;
    setMoreError(null);
    setLoadingMore(true);
    try {
      const page = (await api('webhookDeliveries', { params: { id: endpointId }, query: query(nextCursor) })).data;
      setMore({ status, items: [...(extra?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    } catch (e) {
      setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  };
  const next = (d: WebhookDelivery) => {
    if (d.status === 'delivered') return d.deliveredAt ? t('hooks.deliveredAt', { when: dateTime(d.deliveredAt) }) : '';
    if (d.status === 'failed') return t('hooks.givenUp');
    return d.nextAttemptAt ? dateTime(d.nextAttemptAt) : '';
  };
  const ready = first.status === 'ready' && first.data;
  return (
    <div id={id} className={styles.form} data-ready-key={ready ? `deliveries-${endpointId}` : undefined}>
      <Text className={styles.muted}>{t('hooks.logNote')}</Text>
      <Field label={t('hooks.logShow')} style={{ maxWidth: '16rem' }}>
        <Select
          value={status}
          onChange={(_e, d) => {
            setMore(null);
            setStatus(d.value as Status | '');
          }}
        >
          <option value="">{t('hooks.logAll')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`hooks.log.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      {first.status === 'error' ? <ErrorNotice error={first.error} onRetry={first.reload} /> : null}
      {first.status === 'loading' ? <Spinner size="small" label={t('hooks.logLoading')} /> : null}
      {ready && items.length === 0 ? <Text className={styles.muted}>{t('hooks.logNone')}</Text> : null}
      {ready && items.length > 0 ? (
        <div className={table.scroll} tabIndex={0} role="region" aria-label={t('hooks.logOf', { url })}>
          <table className={table.table}>
            <caption className={table.caption}>{t('hooks.logOf', { url })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hooks.col.time')}</th>
                <th scope="col">{t('hooks.col.type')}</th>
                <th scope="col">{t('hooks.col.status')}</th>
                <th scope="col">{t('hooks.col.attempts')}</th>
                <th scope="col">{t('hooks.col.error')}</th>
                <th scope="col">{t('hooks.col.next')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={`${d.eventId}-${d.occurredAt}`} data-event-id={d.eventId} data-status={d.status}>
                  <th scope="row">{dateTime(d.occurredAt)}</th>
                  <td>{d.type}</td>
                  <td className={d.status === 'failed' ? styles.danger : undefined}>{t(`hooks.log.${d.status}`)}</td>
                  <td>{number(d.attempts)}</td>
                  <td>{d.lastError ?? ''}</td>
                  <td>{next(d)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {moreError ? <ErrorNotice error={moreError} onRetry={() => void showMore()} /> : null}
      {ready && nextCursor ? (
        <div className={styles.row}>
          <Button disabled={loadingMore} onClick={() => void showMore()}>
            {t('hooks.logMore')}
          </Button>
          {loadingMore ? <Spinner size="tiny" /> : null}
        </div>
      ) : null}
    </div>
  );
}
