// "Act on a deal in the account tab" (#12): an open opportunity's stage, amount and expected close changed from the Teams
// account tab with If-Match, through the edit form the pane uses; when a colleague changed it in between, the tab says
// who, when, what and what it holds now, and the user reloads it or overwrites it knowingly. In English and German.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { Opportunity, OpportunityPatch } from '@crm/common';
import { ApiError } from '@crm/common/web';
import { TabShell } from '../TabShell';
import { ACCOUNT_ID, fakeApi, fakeHost, opportunity, overview, testUuid } from '../test-fixtures';
import { AccountTab } from './AccountTab';

const DEAL = testUuid('d1');
const BEN = testUuid('u2');
const THEIR_CHANGE_AT = '2026-12-02T09:42:00.000Z';
afterEach(cleanup);

const deal = (fields: Partial<Opportunity> = {}) =>
  opportunity({ id: DEAL, etag: '"1"', name: 'Rahmenvertrag 2027', stage: 'negotiation', amount: 480_000, probability: 75, ...fields });
const stages = [
  { key: 'proposal', label: { de: 'Angebot', en: 'Proposal' }, probability: 50 },
  { key: 'negotiation', label: { de: 'Verhandlung', en: 'Negotiation' }, probability: 75 },
];
const theirs = deal({ etag: '"2"', stage: 'proposal', amount: 450_000, probability: 50, updatedAt: THEIR_CHANGE_AT });
const overtaken = () =>
  new ApiError('changed', 412, {
    type: 'https://httpstatuses.io/412',
    title: 'Changed by someone else',
    status: 412,
    detail: 'opportunity was changed by someone else since you read it; reload and try again',
    lastChange: { by: { id: BEN, name: 'Ben Schulz' }, at: THEIR_CHANGE_AT, action: 'update', fields: ['stage', 'amount', 'probability'] },
  });

/** The account tab with one open deal; `update` answers each PATCH in turn. */
function setup(update: (ifMatch: string | undefined, body: OpportunityPatch) => Opportunity | Error, locale = 'en-GB') {
  const patches: Array<{ ifMatch: string | undefined; body: OpportunityPatch }> = [];
  let overviews = 0;
  let settings = 0;
  const pipeline = (o: Opportunity) => [
    { stage: stages.find((s) => s.key === o.stage)!, count: 1, amount: o.amount, weightedAmount: o.weightedAmount, opportunities: [o] },
  ];
  let current = deal();
  const api = fakeApi({
    accountOverview: () => {
      overviews += 1;
      return overview(ACCOUNT_ID, { pipeline: pipeline(current) });
    },
    accountTimeline: () => ({ items: [], nextCursor: null }),
    getSettings: () => {
      settings += 1;
      return {
        stages,
        sleepingAfterDays: 90,
        defaultCurrency: 'EUR',
        graphSync: { connected: false, contactCreation: 'known_domains', calendarDaysBack: 90, calendarDaysAhead: 365 },
        etag: '"1"',
      };
    },
    updateOpportunity: ({ body, ifMatch }) => {
      patches.push({ ifMatch, body: body as OpportunityPatch });
      const answer = update(ifMatch, body as OpportunityPatch);
      if (!(answer instanceof Error)) current = answer;
      return answer;
    },
    getOpportunity: () => theirs,
  });
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale }) }}>
      <AccountTab accountId={ACCOUNT_ID} />
    </TabShell>,
  );
  return { patches, overviews: () => overviews, settings: () => settings };
}

const ready = () => waitFor(() => expect(document.querySelector(`[data-ready-key="${ACCOUNT_ID}"]`)).not.toBeNull());
const open = async (name: string) => {
  fireEvent.click(await screen.findByRole('button', { name }));
  return screen.findByRole('form', { name });
};

it('saves only the fields changed, with the version read, amounts with cents, and refreshes the pipeline', async () => {
  const { patches, overviews, settings } = setup((_m, body) => deal({ ...body, etag: '"2"', weightedAmount: 240_000 } as Partial<Opportunity>));
  await ready();
  // The stage model is asked for when a form opens, not on the tab's first render.
  expect(settings()).toBe(0);
  const form = await open('Change Rahmenvertrag 2027');
  await waitFor(() => expect(within(form).getByRole('option', { name: 'Proposal' })).toBeTruthy());
  expect(document.activeElement).toBe(within(form).getByLabelText('Stage'));
  fireEvent.change(within(form).getByLabelText('Stage'), { target: { value: 'proposal' } });
  fireEvent.change(within(form).getByLabelText('Amount (EUR)'), { target: { value: '480000.50' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
  expect(await screen.findByText('Opportunity "Rahmenvertrag 2027" saved.')).toBeTruthy();
  expect(patches).toEqual([{ ifMatch: '"1"', body: { stage: 'proposal', amount: 480_000.5 } }]);
  await waitFor(() => expect(overviews()).toBe(2));
  expect(await screen.findByText('Proposal (50 %): 1')).toBeTruthy();
  expect(screen.queryByRole('form', { name: 'Change Rahmenvertrag 2027' })).toBeNull();
});

it("names who changed it, when and what it holds now, and overwrites knowingly on the colleague's version, in German", async () => {
  const { patches } = setup((ifMatch, body) => (ifMatch === '"1"' ? overtaken() : deal({ ...theirs, ...body, etag: '"3"' } as Partial<Opportunity>)), 'de-DE');
  await ready();
  const form = await open('Rahmenvertrag 2027 ändern');
  fireEvent.change(within(form).getByLabelText('Erwarteter Abschluss'), { target: { value: '2027-06-30' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Speichern' }));
  const notice = await screen.findByTestId('changed-notice');
  const when = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(THEIR_CHANGE_AT));
  expect(notice.textContent).toContain(`Ben Schulz hat diesen Datensatz am ${when} geändert, nachdem Sie ihn geöffnet haben.`);
  expect(notice.textContent).toContain('Geändert: Phase, Betrag (EUR), Wahrscheinlichkeit.');
  expect(notice.textContent).toMatch(/Jetzt: Angebot · 450\.000\s€ · Abschluss/);
  await waitFor(() => expect(document.activeElement).toBe(notice));

  fireEvent.click(within(notice).getByRole('button', { name: 'Mit meinen Änderungen überschreiben' }));
  expect(await screen.findByText('Verkaufschance „Rahmenvertrag 2027“ gespeichert.')).toBeTruthy();
  // Only the close date was mine: the colleague's stage and amount stay.
  expect(patches).toEqual([
    { ifMatch: '"1"', body: { expectedCloseDate: '2027-06-30' } },
    { ifMatch: '"2"', body: { expectedCloseDate: '2027-06-30' } },
  ]);
});

it("reloads the colleague's version into the form and drops my change", async () => {
  const { patches } = setup(() => overtaken());
  await ready();
  const form = await open('Change Rahmenvertrag 2027');
  fireEvent.change(within(form).getByLabelText('Amount (EUR)'), { target: { value: '1' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
  const notice = await screen.findByTestId('changed-notice');
  fireEvent.click(within(notice).getByRole('button', { name: 'Reload (drop my changes)' }));
  await waitFor(() => expect(screen.queryByTestId('changed-notice')).toBeNull());
  expect((within(form).getByLabelText('Amount (EUR)') as HTMLInputElement).value).toBe('450000');
  expect((within(form).getByLabelText('Stage') as HTMLSelectElement).value).toBe('proposal');
  expect(patches).toHaveLength(1);
});
