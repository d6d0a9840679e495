// The Data tab's "Webhooks" page: an administrator sees each endpoint's status, why it is paused and what waits,
// pauses and resumes it with If-Match, and registers a new one, whose secret is shown once; a manager is told it is for
// administrators and nothing is asked of the API; in English and German.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookEndpoint } from '@crm/common';
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

  it('tells a manager the page is for administrators and asks the API nothing', async () => {
    const api = renderPage({}, ['CRM.Manager']);
    await ready();
    expect(screen.getByText('Registering and pausing webhooks is for administrators (CRM.Admin); your role does not allow it.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Register an endpoint' })).toBeNull();
    expect(api.calls.map((c) => c.name)).toEqual(['me']);
  });
});
