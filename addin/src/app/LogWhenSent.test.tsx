// "Log when sent" in the compose pane: the choice with its regarding record is kept on the draft for the send handler,
// and the tenant setting switches it on for emails to known customers.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { PreviewItem } from '../preview/preview-items';
import { interaction } from '@crm/common/web/testing';
import { accountContext, knownPerson, paneApi, testUuid } from './test-fixtures';
import { julia, message, ready, renderPane } from './pane-test-kit';

const NORDLICHT = testUuid('a7');
afterEach(cleanup);

const draft = (key: string): PreviewItem => ({ ...message(key, julia), mode: 'compose', from: null, recipients: [{ email: 'tom@kunde.de', name: 'Tom' }] });
const tom = knownPerson('tom@kunde.de', 'Tom Berger', NORDLICHT, 'Nordlicht');
const settings = (logWhenSentToCustomers: boolean) => ({
  getSettings: () => ({
    stages: [{ key: 'proposal', label: { de: 'Angebot', en: 'Proposal' }, probability: 50 }],
    sleepingAfterDays: 90,
    defaultCurrency: 'EUR',
    graphSync: { connected: false, contactCreation: 'known_domains' as const, calendarDaysBack: 90, calendarDaysAhead: 365 },
    logWhenSentToCustomers,
    etag: '"1"',
  }),
});
const api = (byDefault: boolean) => paneApi({ context: () => ({ people: [tom], accounts: [accountContext(NORDLICHT, 'Nordlicht')] }), more: settings(byDefault) });

it('keeps the choice, its account and the known recipients on the draft when switched on, and nothing when switched off', async () => {
  const host = renderPane([draft('d1')], api(false).client);
  await ready('d1');
  const toggle = screen.getByRole('switch', { name: 'Log when sent' }) as HTMLInputElement;
  expect(toggle.checked).toBe(false);
  fireEvent.click(toggle);
  await waitFor(async () => expect(await host.getLogWhenSent()).toMatchObject({ accountId: NORDLICHT, opportunityId: null, contacts: { 'tom@kunde.de': tom.status === 'known' ? tom.contact.id : '' } }));
  const key = (await host.getLogWhenSent())!.key;
  expect(key).toMatch(/^[0-9a-f-]{36}$/);
  expect((screen.getByRole('combobox', { name: /Regarding/ }) as HTMLSelectElement).value).toBe(NORDLICHT);
  fireEvent.click(toggle);
  await waitFor(async () => expect(await host.getLogWhenSent()).toBeNull());
});

it('starts switched on for an email to a known customer when the tenant setting says so, in German', async () => {
  const host = renderPane([draft('d1')], api(true).client, 'de-DE');
  await ready('d1');
  await waitFor(() => expect((screen.getByRole('switch', { name: 'Beim Senden protokollieren' }) as HTMLInputElement).checked).toBe(true));
  expect((await host.getLogWhenSent())?.accountId).toBe(NORDLICHT);
});

it('stays off by default without the tenant setting', async () => {
  const host = renderPane([draft('d1')], api(false).client);
  await ready('d1');
  expect((screen.getByRole('switch', { name: 'Log when sent' }) as HTMLInputElement).checked).toBe(false);
  expect(await host.getLogWhenSent()).toBeNull();
});

it('finds a received copy by its log key and logs it with the key and its sender, so it joins the record made when it was sent', async () => {
  const logKey = '2b0c7a4e-5f3d-4c1e-9a8b-6d7e8f9a0b1c';
  const asked: unknown[] = [];
  const bodies: unknown[] = [];
  const api = paneApi({
    context: () => ({ people: [tom], accounts: [accountContext(NORDLICHT, 'Nordlicht')] }),
    onLog: (body) => (bodies.push(body), interaction({ subject: 'Subject r1', type: 'email', logKey })),
    more: {
      context: (args) => (asked.push(args.query), { people: [tom], accounts: [accountContext(NORDLICHT, 'Nordlicht')], logged: [] }),
    },
  });
  renderPane([message('r1', julia, { logKey })], api.client);
  await ready('r1');
  // The sender goes with the key: the API counts a header only from a colleague's email.
  expect(asked).toEqual([expect.objectContaining({ logKey, sender: julia.email, internetMessageId: '<m1@kunde.de>' })]);
  fireEvent.click(screen.getByRole('button', { name: 'Log email' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Log' }));
  await waitFor(() => expect(bodies).toEqual([expect.objectContaining({ type: 'email', logKey, sender: julia.email, internetMessageId: '<m1@kunde.de>' })]));
});

