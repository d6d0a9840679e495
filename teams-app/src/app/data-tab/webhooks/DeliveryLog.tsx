// An endpoint's delivery log: what was sent, newest first, 20 a page, all or only the waiting, delivered or failed ones,
// each with its event, status, attempts, last error and the next try. A failed or delivered one can be sent again, and
// all failed ones at once, say after the receiver was down for longer than the 24 hours of retries (docs/WEBHOOKS.md).
import { Button, Field, Select, Spinner, Text } from '@fluentui/react-components';
import type { WebhookDelivery, WebhookDeliveryQuery } from '@crm/common';
import { DoneNotice, ErrorNotice } from '@crm/common/web';
import { useTableStyles } from '@crm/common/web/insights-tables';
import { useState } from 'react';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import { useLoad } from '../../use-load';
import { useMorePages } from '../../use-more-pages';
import { useHooksT } from './parts';

const PAGE = 20;
type Status = NonNullable<WebhookDeliveryQuery['status']>;
const STATUSES: readonly Status[] = ['pending', 'delivered', 'failed'];

/** `onQueued`: deliveries were queued again, so the endpoint's count of waiting ones changed. */
export function DeliveryLog({ endpointId, url, id, onQueued }: { endpointId: string; url: string; id: string; onQueued: () => void }) {
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
  const more = useMorePages(first.data, `${endpointId}-${status}`, async (cursor) => (await api('webhookDeliveries', { params: { id: endpointId }, query: query(cursor) })).data);
  const { items, nextCursor } = more;
  const [queued, setQueued] = useState<{ text: string; n: number } | null>(null);
  const [queueError, setQueueError] = useState<unknown>(null);
  const [queueing, setQueueing] = useState(false);
  const sendAgain = async (eventIds?: string[]) => {
    setQueueError(null);
    setQueueing(true);
    try {
      const { redelivered, paused } = (await api('redeliverWebhook', { params: { id: endpointId }, body: eventIds ? { eventIds } : {} })).data;
      const text =
        redelivered === 0 ? t('hooks.requeuedNone') : t(paused ? 'hooks.requeuedPaused' : 'hooks.requeued', { count: number(redelivered) });
      // The notice takes the focus (the row's button goes away with its status); a new one each time, so it does again.
      setQueued((previous) => ({ text, n: (previous?.n ?? 0) + 1 }));
      more.reset();
      first.reload();
      onQueued();
    } catch (e) {
      setQueueError(e);
    } finally {
      setQueueing(false);
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
      {queued ? <DoneNotice key={queued.n} text={queued.text} /> : null}
      {queueError ? <ErrorNotice error={queueError} /> : null}
      {ready && items.some((d) => d.status === 'failed') ? (
        <div className={styles.row}>
          <Button disabled={queueing} onClick={() => void sendAgain()} aria-label={t('hooks.requeueAllOf', { url })}>
            {t('hooks.requeueAll')}
          </Button>
        </div>
      ) : null}
      <Field label={t('hooks.logShow')} style={{ maxWidth: '16rem' }}>
        <Select
          value={status}
          onChange={(_e, d) => {
            more.reset();
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
                <th scope="col">{t('hooks.col.action')}</th>
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
                  <td>
                    {d.status === 'pending' ? null : (
                      <Button
                        size="small"
                        disabled={queueing}
                        onClick={() => void sendAgain([d.eventId])}
                        aria-label={t('hooks.requeueOf', { type: d.type, when: dateTime(d.occurredAt) })}
                      >
                        {t('hooks.requeue')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {more.error ? <ErrorNotice error={more.error} onRetry={() => void more.showMore()} /> : null}
      {ready && nextCursor ? (
        <div className={styles.row}>
          <Button disabled={more.loading} onClick={() => void more.showMore()}>
            {t('hooks.logMore')}
          </Button>
          {more.loading ? <Spinner size="tiny" /> : null}
        </div>
      ) : null}
    </div>
  );
}
