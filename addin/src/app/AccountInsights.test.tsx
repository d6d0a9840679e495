// The account card's figures (#15): the shared block loads after the pane's first screen, asks for the account's
// insights only when opened, and shows the ABC class, lifetime value, churn risk and segment, in English and German.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { accountInsights } from '@crm/common/web/testing';
import { accountContext, knownPerson, paneApi, testUuid } from './test-fixtures';
import { julia, message, ready, renderPane } from './pane-test-kit';

const HOFFMANN = testUuid('a1');
afterEach(cleanup);

function setup() {
  return paneApi({
    context: () => ({ people: [knownPerson(julia.email, julia.name, HOFFMANN, 'Hoffmann GmbH')], accounts: [accountContext(HOFFMANN, 'Hoffmann GmbH')] }),
    more: { accountInsights: ({ params }) => accountInsights({ accountId: params.id, name: 'Hoffmann GmbH' }) },
  });
}

it('shows the account’s figures on the card when asked, with their definitions', async () => {
  const api = setup();
  renderPane([message('m1', julia)], api.client);
  await ready('m1');
  const card = document.querySelector(`[data-account="${HOFFMANN}"]`) as HTMLElement;
  const toggle = await within(card).findByRole('button', { name: 'Show ABC class, lifetime value, segment, churn risk and key figures' });
  expect(api.calls.some((c) => c.name === 'accountInsights')).toBe(false);
  fireEvent.click(toggle);
  const view = await within(card).findByTestId('account-insights');
  expect(api.calls.filter((c) => c.name === 'accountInsights').map((c) => c.args.params)).toEqual([{ id: HOFFMANN }]);
  expect(within(view).getByTestId('abc-of').textContent).toBe('Class B: rank 3 of 9 customers by revenue €7,500.00. A up to rank 1, B up to rank 3.');
  expect(within(view).getByTestId('clv-value').textContent).toBe('€1,872.36');
  expect(within(view).getByTestId('risk-score').textContent).toBe('48');
  expect(view.querySelector('[data-factor="inactivity"]')!.textContent).toBe('Time since the last contact35 of 35no contact for 97 days, usually every 30');
  expect(within(view).getByTestId('segment-rule').textContent).toBe('Rule that set it: churn risk 48 is at least 40');
});

it('speaks German in a German Outlook', async () => {
  const api = setup();
  renderPane([message('m1', julia)], api.client, 'de-DE');
  await ready('m1');
  fireEvent.click(await screen.findByRole('button', { name: 'ABC-Klasse, Kundenwert, Segment, Abwanderungsrisiko und Kennzahlen anzeigen' }));
  const view = await screen.findByTestId('account-insights');
  expect(within(view).getByTestId('clv-value').textContent).toBe('1.872,36\u00a0€');
  expect(within(view).getByRole('heading', { name: 'Segment: Gefährdet' })).toBeTruthy();
});
