// The Data tab's "Webhooks" page: an administrator sees each endpoint's status, why it is paused and what waits,
// pauses and resumes it, changes its URL, description and events and deletes it, each with If-Match (a 412 names who
// changed what), reads its delivery log page by page and sends deliveries again, and registers a new one, whose secret
// is shown once; a manager is told it is for administrators and nothing is asked of the API; in English and German.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookDelivery, WebhookEndpoint } from '@crm/common';
import { ApiError } from '@crm/common/web';
import { TabShell } from '../../TabShell';
import { fakeApi, fakeHost, me, testUuid, type FakeAnswers } from '../../test-fixtures';
import { DataTab } from '../DataTab';
import { dataTexts } from '../data-texts';

const ERP_ID = testUuid('w1');
const endpoint = (fields: Partial<WebhookEndpoint> = {}): WebhookEndpoint => ({
  id: ERP_ID,
  etag: '"3"',
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  url: 'https://erp.example.de/crm-hook',
  description: 'SAP Business One',
  events: ['account.created', 'account.changed'],
  status: 'paused',
  pausedReason: 'deliveries failed for 24 hours; last error: 503',
  failingSince: '2026-11-30T08:00:00.000Z',
  pendingDeliveries: 12,
  ...fields,
});

function renderPage(answers: FakeAnswers = {}, roles: Parameters<typeof me>[0] = ['CRM.Admin'], locale = 'en-US') {
  const api = fakeApi({ me: () => me(roles), listWebhooks: () => ({ items: [endpoint()] }), ...answers });
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale, origin: null }) }}>
      <DataTab texts={dataTexts} page="webhooks" save={() => undefined} />
    </TabShell>,
  );
  return api;
}
const delivery = (n: number, fields: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
  eventId: testUuid(`e${n}`),
  type: 'account.changed',
  entity: 'account',
  entityId: testUuid('a1'),
  occurredAt: `2026-12-01T${String(10 + n).padStart(2, '0')}:00:00.000Z`,
  status: 'delivered',
  attempts: 1,
  nextAttemptAt: null,
  lastStatus: 200,
  lastError: null,
  deliveredAt: `2026-12-01T${String(10 + n).padStart(2, '0')}:00:05.000Z`,
  ...fields,
});
const changedByKai = () =>
  new ApiError('changed', 412, {
    type: 'https://httpstatuses.io/412',
    title: 'Changed by someone else',
    status: 412,
    detail: 'webhook endpoint was changed by someone else since you read it; reload and try again',
    lastChange: { by: { id: testUuid('u9'), name: 'Kai Krüger' }, at: '2026-12-02T09:30:00.000Z', action: 'update', fields: ['events'] },
  });
const item = () => within(document.querySelector(`[data-webhook-id="${ERP_ID}"]`) as HTMLElement);
// The page is a lazy chunk: the first test of the file loads it (and Fluent's index with it), which takes seconds under load.
const ready = () => waitFor(() => expect(document.querySelector('[data-ready-key="webhooks"]')).not.toBeNull());

afterEach(cleanup);

describe('webhooks page', () => {
  it('shows why an endpoint is paused and what waits, and resumes it with its version', async () => {
    const api = renderPage({ updateWebhook: () => endpoint({ status: 'active', pausedReason: null, failingSince: null, etag: '"4"' }) });
    await ready();
    const item = within(document.querySelector(`[data-webhook-id="${ERP_ID}"]`) as HTMLElement);
    expect(item.getByText('https://erp.example.de/crm-hook')).toBeTruthy();
    expect(item.getByText('Paused')).toBeTruthy();
    expect(item.getByText('Paused: deliveries failed for 24 hours; last error: 503')).toBeTruthy();
    expect(item.getByText('Events: account.created, account.changed · 12 deliveries waiting')).toBeTruthy();
    fireEvent.click(item.getByRole('button', { name: 'Resume https://erp.example.de/crm-hook' }));
    expect((await screen.findByTestId('done-notice')).textContent).toBe('https://erp.example.de/crm-hook is resumed; what waited is sent again.');
    expect(api.calls.find((c) => c.name === 'updateWebhook')!.args).toMatchObject({ params: { id: ERP_ID }, body: { status: 'active' }, ifMatch: '"3"' });
    expect(api.calls.filter((c) => c.name === 'listWebhooks')).toHaveLength(2);
  });

  it('registers an endpoint with one id over retries, shows its secret once, and checks the address and events first', async () => {
    let attempts = 0;
    const api = renderPage({
      listWebhooks: () => ({ items: [] }),
      createWebhook: (args) => {
        attempts += 1;
        if (attempts === 1) return new ApiError('server', 503, null);
        const body = args.body as { id: string; url: string; description: string | null; events: WebhookEndpoint['events'] };
        return { ...endpoint({ ...body, status: 'active', pausedReason: null, failingSince: null, pendingDeliveries: 0, etag: '"1"' }), secret: 'whsec_abc123' };
      },
    });
    await ready();
    expect(screen.getByText('No endpoint is registered yet.')).toBeTruthy();
    const form = within(screen.getByRole('form', { name: 'Register an endpoint' }));
    fireEvent.change(form.getByLabelText('URL (https://)'), { target: { value: 'http://erp.example.de/hook' } });
    fireEvent.click(form.getByRole('button', { name: 'Register' }));
    expect(form.getByText('Enter an https:// address.')).toBeTruthy();
    expect(form.getByText('Choose at least one event.')).toBeTruthy();
    expect(api.calls.map((c) => c.name)).not.toContain('createWebhook');

    fireEvent.change(form.getByLabelText('URL (https://)'), { target: { value: 'https://erp.example.de/hook' } });
    fireEvent.click(form.getByRole('checkbox', { name: 'case.changed' }));
    fireEvent.click(form.getByRole('checkbox', { name: 'lead.converted' }));
    fireEvent.click(form.getByRole('button', { name: 'Register' }));
    await waitFor(() => expect(form.getByRole('alert')).toBeTruthy());
    fireEvent.click(form.getByRole('button', { name: 'Register' }));
    const secret = (await screen.findByLabelText('Signing secret')) as HTMLInputElement;
    expect(secret.value).toBe('whsec_abc123');
    expect(document.activeElement).toBe(secret);
    const [first, second] = api.calls.filter((c) => c.name === 'createWebhook');
    expect(second!.args.body).toEqual({ id: (first!.args.body as { id: string }).id, url: 'https://erp.example.de/hook', description: null, events: ['case.changed', 'lead.converted'] });
  });

  it('pauses an active endpoint, in German, and offers to reload when it changed in between', async () => {
    const api = renderPage(
      {
        listWebhooks: () => ({ items: [endpoint({ status: 'active', pausedReason: null, failingSince: null, pendingDeliveries: 0 })] }),
        updateWebhook: () => new ApiError('changed', 412, { type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'changed' }),
      },
      ['CRM.Admin'],
      'de-DE',
    );
    await ready();
    fireEvent.click(screen.getByRole('button', { name: 'https://erp.example.de/crm-hook pausieren' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Neu laden' }));
    expect(api.calls.find((c) => c.name === 'updateWebhook')!.args.body).toEqual({ status: 'paused' });
    await waitFor(() => expect(api.calls.filter((c) => c.name === 'listWebhooks')).toHaveLength(2));
    expect(screen.getByText('Aktiv')).toBeTruthy();
  });

  it('changes the URL and events with the version read, sending only what changed, and gives the focus back on cancel', async () => {
    const api = renderPage({
      updateWebhook: (args) => endpoint({ ...(args.body as Partial<WebhookEndpoint>), etag: '"4"' }),
    });
    await ready();
    const edit = item().getByRole('button', { name: 'Edit https://erp.example.de/crm-hook' });
    fireEvent.click(edit);
    let form = within(screen.getByRole('form', { name: 'Edit https://erp.example.de/crm-hook' }));
    expect(document.activeElement).toBe(form.getByLabelText('URL (https://)'));
    fireEvent.click(form.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(item().getByRole('button', { name: 'Edit https://erp.example.de/crm-hook' })));
    expect(api.calls.map((c) => c.name)).not.toContain('updateWebhook');

    fireEvent.click(item().getByRole('button', { name: 'Edit https://erp.example.de/crm-hook' }));
    form = within(screen.getByRole('form', { name: 'Edit https://erp.example.de/crm-hook' }));
    expect((form.getByRole('checkbox', { name: 'account.changed' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.change(form.getByLabelText('URL (https://)'), { target: { value: 'http://erp.example.de/neu' } });
    fireEvent.click(form.getByRole('checkbox', { name: 'account.created' }));
    fireEvent.click(form.getByRole('checkbox', { name: 'account.changed' }));
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    expect(form.getByText('Enter an https:// address.')).toBeTruthy();
    expect(form.getByText('Choose at least one event.')).toBeTruthy();
    expect(api.calls.map((c) => c.name)).not.toContain('updateWebhook');

    fireEvent.change(form.getByLabelText('URL (https://)'), { target: { value: ' https://erp.example.de/neu ' } });
    fireEvent.click(form.getByRole('checkbox', { name: 'case.changed' }));
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('done-notice')).textContent).toBe('https://erp.example.de/neu saved.');
    expect(api.calls.find((c) => c.name === 'updateWebhook')!.args).toMatchObject({
      params: { id: ERP_ID },
      body: { url: 'https://erp.example.de/neu', events: ['case.changed'] },
      ifMatch: '"3"',
    });
    expect(api.calls.find((c) => c.name === 'updateWebhook')!.args.body).not.toHaveProperty('description');
    expect(screen.queryByRole('form', { name: /^Edit / })).toBeNull();
    await waitFor(() => expect(api.calls.filter((c) => c.name === 'listWebhooks')).toHaveLength(2));
  });

  it('names who changed the endpoint in between and what it holds now, and overwrites on their version, in German', async () => {
    const theirs = endpoint({ etag: '"5"', events: ['account.created', 'account.changed', 'contact.changed'], status: 'active', pausedReason: null });
    const api = renderPage(
      {
        getWebhook: () => theirs,
        updateWebhook: (args) => (args.ifMatch === '"3"' ? changedByKai() : endpoint({ ...theirs, ...(args.body as Partial<WebhookEndpoint>), etag: '"6"' })),
      },
      ['CRM.Admin'],
      'de-DE',
    );
    await ready();
    fireEvent.click(item().getByRole('button', { name: 'https://erp.example.de/crm-hook bearbeiten' }));
    const form = within(screen.getByRole('form', { name: 'https://erp.example.de/crm-hook bearbeiten' }));
    fireEvent.change(form.getByLabelText('Beschreibung (optional)'), { target: { value: 'SAP S/4HANA' } });
    fireEvent.click(form.getByRole('button', { name: 'Speichern' }));
    const notice = await screen.findByTestId('changed-notice');
    const when = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-12-02T09:30:00.000Z'));
    expect(notice.textContent).toContain(`Kai Krüger hat diesen Datensatz am ${when} geändert, nachdem Sie ihn geöffnet haben.`);
    expect(notice.textContent).toContain('Geändert: Ereignisse.');
    expect(notice.textContent).toContain('Jetzt: https://erp.example.de/crm-hook · SAP Business One · Aktiv · Ereignisse: account.created, account.changed, contact.changed');
    await waitFor(() => expect(document.activeElement).toBe(notice));
    fireEvent.click(within(notice).getByRole('button', { name: 'Mit meinen Änderungen überschreiben' }));
    expect((await screen.findByTestId('done-notice')).textContent).toBe('https://erp.example.de/crm-hook gespeichert.');
    const [first, second] = api.calls.filter((c) => c.name === 'updateWebhook');
    expect(first!.args).toMatchObject({ ifMatch: '"3"', body: { description: 'SAP S/4HANA' } });
    expect(second!.args).toMatchObject({ ifMatch: '"5"', body: { description: 'SAP S/4HANA' } });
  });

  it('deletes an endpoint only after the confirmation, with its version, and cancelling gives the focus back', async () => {
    let listed = 0;
    const api = renderPage({
      listWebhooks: () => ((listed += 1) === 1 ? { items: [endpoint()] } : { items: [] }),
      deleteWebhook: () => undefined,
    });
    await ready();
    fireEvent.click(item().getByRole('button', { name: 'Delete https://erp.example.de/crm-hook' }));
    const confirm = within(screen.getByRole('group', { name: 'Delete https://erp.example.de/crm-hook' }));
    expect(confirm.getByText(/12 waiting deliveries and its delivery log are deleted with it/)).toBeTruthy();
    expect(document.activeElement).toBe(confirm.getByRole('button', { name: 'Delete endpoint' }));
    fireEvent.click(confirm.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(item().getByRole('button', { name: 'Delete https://erp.example.de/crm-hook' })));
    expect(api.calls.map((c) => c.name)).not.toContain('deleteWebhook');

    fireEvent.click(item().getByRole('button', { name: 'Delete https://erp.example.de/crm-hook' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete endpoint' }));
    expect((await screen.findByTestId('done-notice')).textContent).toBe('https://erp.example.de/crm-hook is deleted.');
    expect(api.calls.find((c) => c.name === 'deleteWebhook')!.args).toMatchObject({ params: { id: ERP_ID }, ifMatch: '"3"' });
    expect(await screen.findByText('No endpoint is registered yet.')).toBeTruthy();
  });

  it('offers to reload when the endpoint changed before the delete, in German', async () => {
    renderPage({ deleteWebhook: () => changedByKai() }, ['CRM.Admin'], 'de-DE');
    await ready();
    fireEvent.click(item().getByRole('button', { name: 'https://erp.example.de/crm-hook löschen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Endpunkt löschen' }));
    expect(await item().findByRole('button', { name: 'Neu laden' })).toBeTruthy();
  });

  it('shows the delivery log page by page, newest first, and filters it by status', async () => {
    const failed = delivery(3, {
      type: 'contact.changed',
      status: 'failed',
      attempts: 31,
      lastStatus: 503,
      lastError: 'HTTP 503',
      deliveredAt: null,
    });
    const waiting = delivery(2, { status: 'pending', attempts: 2, lastStatus: null, lastError: 'no answer within 10 s', nextAttemptAt: '2026-12-01T12:01:00.000Z', deliveredAt: null });
    const api = renderPage({
      webhookDeliveries: (args) => {
        const query = args.query as { status?: string; cursor?: string };
        if (query.status === 'failed') return { items: [failed], nextCursor: null };
        return query.cursor === 'page-2' ? { items: [delivery(1)], nextCursor: null } : { items: [failed, waiting], nextCursor: 'page-2' };
      },
    });
    await ready();
    const toggle = item().getByRole('button', { name: 'Delivery log of https://erp.example.de/crm-hook' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(document.querySelector(`[data-ready-key="deliveries-${ERP_ID}"]`)).not.toBeNull());
    const rows = () => [...document.querySelectorAll(`#webhook-log-${ERP_ID} tbody tr`)].map((tr) => [...tr.children].map((cell) => cell.textContent));
    const at = (iso: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    expect(rows()).toEqual([
      [at(failed.occurredAt), 'contact.changed', 'Failed', '31', 'HTTP 503', 'given up', 'Send again'],
      [at(waiting.occurredAt), 'account.changed', 'Waiting', '2', 'no answer within 10 s', at('2026-12-01T12:01:00.000Z'), ''],
    ]);
    expect(api.calls.find((c) => c.name === 'webhookDeliveries')!.args).toMatchObject({ params: { id: ERP_ID }, query: { limit: 20 } });
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows()[2]).toEqual([at(delivery(1).occurredAt), 'account.changed', 'Delivered', '1', '', `delivered ${at(delivery(1).deliveredAt!)}`, 'Send again']);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();

    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'failed' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]![2]).toBe('Failed');
    expect(api.calls.filter((c) => c.name === 'webhookDeliveries').at(-1)!.args.query).toEqual({ limit: 20, status: 'failed' });
    fireEvent.click(toggle);
    expect(document.getElementById(`webhook-log-${ERP_ID}`)).toBeNull();
  });

  it('sends a failed delivery again, or all failed ones, says so with the focus on it, and reloads the log and the count', async () => {
    let sent = false;
    const failed = delivery(3, { type: 'contact.changed', status: 'failed', attempts: 31, lastStatus: 503, lastError: 'HTTP 503', deliveredAt: null });
    const again = { ...failed, status: 'pending' as const, attempts: 0, nextAttemptAt: '2026-12-02T08:00:00.000Z' };
    const api = renderPage({
      listWebhooks: () => ({ items: [endpoint({ status: 'active', pausedReason: null, failingSince: null, pendingDeliveries: sent ? 1 : 0 })] }),
      webhookDeliveries: () => ({ items: [sent ? again : failed, delivery(1)], nextCursor: null }),
      redeliverWebhook: (args) => {
        sent = true;
        return { redelivered: (args.body as { eventIds?: string[] }).eventIds?.length ?? 4, paused: false };
      },
    });
    await ready();
    fireEvent.click(item().getByRole('button', { name: 'Delivery log of https://erp.example.de/crm-hook' }));
    await waitFor(() => expect(document.querySelector(`[data-ready-key="deliveries-${ERP_ID}"]`)).not.toBeNull());
    const at = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(failed.occurredAt));
    fireEvent.click(screen.getByRole('button', { name: `Send again: contact.changed of ${at}` }));
    const notice = await screen.findByText('Queued again: 1. Sent within seconds, with another 24 hours to get through.');
    expect(api.calls.find((c) => c.name === 'redeliverWebhook')!.args).toMatchObject({ params: { id: ERP_ID }, body: { eventIds: [failed.eventId] } });
    await waitFor(() => expect(document.activeElement).toBe(notice.closest('[role="status"]')));
    await waitFor(() => expect(document.querySelector(`#webhook-log-${ERP_ID} tbody tr[data-status="pending"]`)).not.toBeNull());
    await waitFor(() => expect(item().getByText(/· 1 deliveries waiting/)).toBeTruthy());
    // Nothing failed is left in the log, so "all failed" is no longer offered; the delivered one can still go again.
    expect(screen.queryByRole('button', { name: 'Send all failed deliveries of https://erp.example.de/crm-hook again' })).toBeNull();
    expect(within(document.getElementById(`webhook-log-${ERP_ID}`)!).getAllByRole('button', { name: /^Send again/ })).toHaveLength(1);
    cleanup();

    const german = renderPage({
      webhookDeliveries: () => ({ items: [failed], nextCursor: null }),
      redeliverWebhook: () => ({ redelivered: 4, paused: true }),
    }, ['CRM.Admin'], 'de-DE');
    await ready();
    fireEvent.click(item().getByRole('button', { name: 'Zustellprotokoll von https://erp.example.de/crm-hook' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Alle gescheiterten Zustellungen an https://erp.example.de/crm-hook erneut senden' }));
    expect(await screen.findByText('Erneut eingereiht: 4. Der Endpunkt ist pausiert: Gesendet wird, sobald er fortgesetzt wird.')).toBeTruthy();
    expect(german.calls.find((c) => c.name === 'redeliverWebhook')!.args.body).toEqual({});
    expect(await screen.findByRole('columnheader', { name: 'Aktion' })).toBeTruthy();
  });

  it('says why a delivery could not be queued again', async () => {
    renderPage({
      webhookDeliveries: () => ({ items: [delivery(1)], nextCursor: null }),
      redeliverWebhook: () => new ApiError('not-found', 404, null),
    });
    await ready();
    fireEvent.click(item().getByRole('button', { name: 'Delivery log of https://erp.example.de/crm-hook' }));
    fireEvent.click(await screen.findByRole('button', { name: /^Send again/ }));
    expect(await within(document.getElementById(`webhook-log-${ERP_ID}`)!).findByRole('alert')).toBeTruthy();
  });

  it('tells a manager the page is for administrators and asks the API nothing', async () => {
    const api = renderPage({}, ['CRM.Manager']);
    await ready();
    expect(screen.getByText('Registering, changing and pausing webhooks is for administrators (CRM.Admin); your role does not allow it.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Register an endpoint' })).toBeNull();
    expect(api.calls.map((c) => c.name)).toEqual(['me']);
  });
});
