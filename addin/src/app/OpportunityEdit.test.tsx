// "Act in the pane" (#12): an open opportunity's stage, amount, expected close and product line changed from the pane with If-Match;
// when a colleague changed it in between, the pane says who, when, what and what it holds now, and the user reloads it
// or overwrites it knowingly. In English and German.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { Opportunity, OpportunityPatch } from '@crm/common';
import { ApiError } from '@crm/common/web';
import { accountContext, knownPerson, paneApi, testUuid } from './test-fixtures';
import { julia, message, ready, renderPane } from './pane-test-kit';

const HOFFMANN = testUuid('a1');
const DEAL = testUuid('d1');
const BEN = testUuid('u2');
const THEIR_CHANGE_AT = '2026-12-02T09:42:00.000Z';
afterEach(cleanup);

const deal = (fields: Partial<Opportunity> = {}): Opportunity => ({
  id: DEAL,
  etag: '"1"',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  accountId: HOFFMANN,
  accountName: 'Hoffmann GmbH',
  name: 'Linie 3',
  stage: 'qualified',
  amount: 1000,
  currency: 'EUR',
  probability: 25,
  weightedAmount: 250,
  expectedCloseDate: '2027-03-31',
  ownerId: null,
  status: 'open',
  productLine: null,
  externalId: null,
  closeReason: null,
  closedAt: null,
  ...fields,
});
const stages = [
  { key: 'qualified', label: { de: 'Qualifiziert', en: 'Qualified' }, probability: 25 },
  { key: 'proposal', label: { de: 'Angebot', en: 'Proposal' }, probability: 50 },
];
const theirs = deal({ etag: '"2"', stage: 'proposal', amount: 900, updatedAt: THEIR_CHANGE_AT });
const overtaken = () =>
  new ApiError('changed', 412, {
    type: 'https://httpstatuses.io/412',
    title: 'Changed by someone else',
    status: 412,
    detail: 'opportunity was changed by someone else since you read it; reload and try again',
    lastChange: { by: { id: BEN, name: 'Ben Schulz' }, at: THEIR_CHANGE_AT, action: 'update', fields: ['stage', 'amount', 'probability'] },
  });

/** The pane on Julia's email with one open deal; `update` answers each PATCH in turn. */
function setup(update: (ifMatch: string | undefined, body: OpportunityPatch) => Opportunity | Error, opened = deal()) {
  const patches: Array<{ ifMatch: string | undefined; body: OpportunityPatch }> = [];
  let contexts = 0;
  const api = paneApi({
    context: () => {
      contexts += 1;
      return {
        people: [knownPerson(julia.email, julia.name, HOFFMANN, 'Hoffmann GmbH')],
        accounts: [accountContext(HOFFMANN, 'Hoffmann GmbH', { openOpportunities: [opened] })],
      };
    },
    more: {
      getSettings: () => ({
        stages,
        sleepingAfterDays: 90,
        defaultCurrency: 'EUR',
        graphSync: { connected: false, contactCreation: 'known_domains', calendarDaysBack: 90, calendarDaysAhead: 365 },
        etag: '"1"',
      }),
      updateOpportunity: ({ body, ifMatch }) => {
        patches.push({ ifMatch, body: body as OpportunityPatch });
        return update(ifMatch, body as OpportunityPatch);
      },
      getOpportunity: () => theirs,
    },
  });
  return { api, patches, contexts: () => contexts };
}

const open = async (name = 'Change Linie 3') => {
  fireEvent.click(await screen.findByRole('button', { name }));
  return screen.findByRole('form', { name });
};

it('saves only the fields changed, with the version read, amounts with cents, and refreshes the card', async () => {
  const { api, patches, contexts } = setup((_m, body) => deal({ ...body, etag: '"2"' } as Partial<Opportunity>));
  renderPane([message('m1', julia)], api.client);
  await ready('m1');
  const form = await open();
  expect(document.activeElement).toBe(within(form).getByLabelText('Stage'));
  fireEvent.change(within(form).getByLabelText('Stage'), { target: { value: 'proposal' } });
  fireEvent.change(within(form).getByLabelText('Amount (EUR)'), { target: { value: '1250.50' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
  expect(await screen.findByText('Opportunity "Linie 3" saved.')).toBeTruthy();
  expect(patches).toEqual([{ ifMatch: '"1"', body: { stage: 'proposal', amount: 1250.5 } }]);
  await waitFor(() => expect(contexts()).toBe(2));
});

it("names who changed it, when and what it holds now, and overwrites knowingly with the colleague's version", async () => {
  const { api, patches } = setup((ifMatch, body) => (ifMatch === '"1"' ? overtaken() : deal({ ...body, etag: '"3"' } as Partial<Opportunity>)));
  renderPane([message('m1', julia)], api.client);
  await ready('m1');
  const form = await open();
  fireEvent.change(within(form).getByLabelText('Expected close'), { target: { value: '2027-06-30' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
  const notice = await screen.findByTestId('changed-notice');
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(THEIR_CHANGE_AT));
  expect(notice.textContent).toContain(`Ben Schulz changed this record on ${when}, after you opened it.`);
  expect(notice.textContent).toContain('Changed: Stage, Amount (EUR), Probability.');
  expect(notice.textContent).toContain('Now: Proposal · €900 · closes 31 Mar 2027');
  await waitFor(() => expect(document.activeElement).toBe(notice));
  expect(screen.queryByText('Opportunity "Linie 3" saved.')).toBeNull();

  fireEvent.click(within(notice).getByRole('button', { name: 'Overwrite with my changes' }));
  expect(await screen.findByText('Opportunity "Linie 3" saved.')).toBeTruthy();
  // Only the close date was mine: the colleague's stage and amount stay.
  expect(patches).toEqual([
    { ifMatch: '"1"', body: { expectedCloseDate: '2027-06-30' } },
    { ifMatch: '"2"', body: { expectedCloseDate: '2027-06-30' } },
  ]);
});

it("reloads the colleague's version into the form, drops mine, and saves the next change on top of theirs (German)", async () => {
  const { api, patches } = setup((ifMatch, body) => (ifMatch === '"1"' ? overtaken() : deal({ ...body, etag: '"3"' } as Partial<Opportunity>)));
  renderPane([message('m1', julia)], api.client, 'de-DE');
  await ready('m1');
  const form = await open('Linie 3 ändern');
  fireEvent.change(within(form).getByLabelText('Betrag (EUR)'), { target: { value: '5000' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Speichern' }));
  const notice = await screen.findByTestId('changed-notice');
  expect(notice.textContent).toContain('Ben Schulz hat diesen Datensatz am');
  expect(notice.textContent).toContain('Geändert: Phase, Betrag (EUR), Wahrscheinlichkeit.');
  expect(notice.textContent).toMatch(/Jetzt: Angebot · 900\s€ · Abschluss 31\.03\.2027/);

  fireEvent.click(within(notice).getByRole('button', { name: 'Neu laden (meine Änderungen verwerfen)' }));
  await waitFor(() => expect(screen.queryByTestId('changed-notice')).toBeNull());
  expect((within(form).getByLabelText('Phase') as HTMLSelectElement).value).toBe('proposal');
  expect((within(form).getByLabelText('Betrag (EUR)') as HTMLInputElement).value).toBe('900');
  fireEvent.change(within(form).getByLabelText('Erwarteter Abschluss'), { target: { value: '2027-04-30' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Speichern' }));
  expect(await screen.findByText('Verkaufschance „Linie 3“ gespeichert.')).toBeTruthy();
  expect(patches[1]).toEqual({ ifMatch: '"2"', body: { expectedCloseDate: '2027-04-30' } });
});

it('sets the optional product line and clears it with a blank, in English and German', async () => {
  const { api, patches } = setup((_m, body) => deal({ ...body, etag: '"2"' } as Partial<Opportunity>));
  renderPane([message('m1', julia)], api.client);
  await ready('m1');
  const form = await open();
  fireEvent.change(within(form).getByLabelText('Product line'), { target: { value: ' Ersatzteile ' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
  expect(await screen.findByText('Opportunity "Linie 3" saved.')).toBeTruthy();
  expect(patches).toEqual([{ ifMatch: '"1"', body: { productLine: 'Ersatzteile' } }]);
  cleanup();

  const german = setup((_m, body) => deal({ ...body, etag: '"3"' } as Partial<Opportunity>), deal({ productLine: 'Service' }));
  renderPane([message('m1', julia)], german.api.client, 'de-DE');
  await ready('m1');
  const deForm = await open('Linie 3 ändern');
  expect((within(deForm).getByLabelText('Produktlinie') as HTMLInputElement).value).toBe('Service');
  fireEvent.change(within(deForm).getByLabelText('Produktlinie'), { target: { value: '  ' } });
  fireEvent.click(within(deForm).getByRole('button', { name: 'Speichern' }));
  expect(await screen.findByText('Verkaufschance „Linie 3“ gespeichert.')).toBeTruthy();
  expect(german.patches).toEqual([{ ifMatch: '"1"', body: { productLine: null } }]);
});
