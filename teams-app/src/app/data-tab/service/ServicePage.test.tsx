// The Data tab's "Service levels" page: administrators change the service levels and business hours with If-Match
// and see the server's reason at the field it names; managers read them; contracts are listed, created for an account
// picked by search, changed and ended with the version read, in English and German.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceContractListed, ServiceLevelSettings } from '@crm/common';
import { ApiError } from '@crm/common/web';
import type { AnswerOf } from '@crm/common/web/testing';
import { TabShell } from '../../TabShell';
import { ACCOUNT_ID, fakeApi, fakeHost, me, overview, testUuid, USER_ID, type FakeAnswers } from '../../test-fixtures';
import { DataTab } from '../DataTab';
import { dataTexts } from '../data-texts';

const LEVELS: ServiceLevelSettings = {
  low: { firstResponseHours: 48, resolutionHours: 240 },
  normal: { firstResponseHours: 24, resolutionHours: 120 },
  high: { firstResponseHours: 8, resolutionHours: 48 },
  urgent: { firstResponseHours: 2, resolutionHours: 24 },
  escalateTo: null,
  businessHours: null,
};
const settings = (serviceLevels = LEVELS, etag = '"3"'): AnswerOf<'getSettings'> => ({
  stages: [{ key: 'proposal', label: { de: 'Angebot', en: 'Proposal' }, probability: 50 }],
  sleepingAfterDays: 90,
  defaultCurrency: 'EUR',
  graphSync: { connected: false, contactCreation: 'known_domains', calendarDaysBack: 90, calendarDaysAhead: 365 },
  serviceLevels,
  etag,
});
const WESER_ID = testUuid('a7');
const contract = (fields: Partial<ServiceContractListed> = {}): ServiceContractListed => ({
  accountId: WESER_ID,
  accountName: 'Weser Werft AG',
  name: 'Premium-Wartung',
  levels: { high: { firstResponseHours: 4, resolutionHours: 16 } },
  validUntil: '2027-12-31',
  etag: '"2"',
  updatedAt: '2026-11-30T10:00:00.000Z',
  ...fields,
});
const BOSS_ID = testUuid('b1');
const TEAM = [
  { id: USER_ID, displayName: 'Anna Becker', managerId: null, etag: '"1"' },
  { id: BOSS_ID, displayName: 'Bea Chefin', managerId: null, etag: '"4"' },
];
const invalid = (field: string, reason: string) =>
  new ApiError('invalid', 400, {
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    detail: `${field} ${reason}`,
    errors: [{ field, in: 'body', reason }],
  });

function renderPage(answers: FakeAnswers = {}, roles: Parameters<typeof me>[0] = ['CRM.Admin'], locale = 'en-US') {
  const api = fakeApi({
    me: () => me(roles),
    getSettings: () => settings(),
    listColleagues: () => ({ items: [{ id: USER_ID, displayName: 'Anna Becker' }] }),
    listServiceContracts: () => ({ items: [contract()], nextCursor: null }),
    listTeam: () => ({ items: TEAM }),
    ...answers,
  });
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale, origin: null }) }}>
      <DataTab texts={dataTexts} page="service" save={() => undefined} />
    </TabShell>,
  );
  return api;
}
const levelsCard = async () => within(await screen.findByTestId('service-levels'));
const contractsCard = async () => within(await screen.findByTestId('service-contracts'));
const hours = (card: ReturnType<typeof within>, priority: string, label: string) =>
  within(card.getByRole('group', { name: priority })).getByLabelText(label) as HTMLInputElement;

afterEach(cleanup);

describe('service levels', () => {
  it('saves changed hours, escalation and business hours with If-Match, and puts a refused field’s reason at that field', async () => {
    // The fake API refuses a body its contract refuses, with the problem document the server sends.
    const api = renderPage({ putSettings: (args) => ({ ...(args.body as AnswerOf<'putSettings'>), etag: '"4"' }) });
    const card = await levelsCard();
    await waitFor(() => expect(hours(card, 'High', 'First response (hours)').value).toBe('8'));
    fireEvent.change(hours(card, 'High', 'First response (hours)'), { target: { value: '4' } });
    await waitFor(() => expect(card.getByRole('option', { name: 'Anna Becker' })).toBeTruthy());
    fireEvent.change(card.getByLabelText('Escalate overdue cases whose assignee has no manager to'), { target: { value: USER_ID } });
    expect(card.getByText('Off: the hours are clock hours, around the clock and on every day.')).toBeTruthy();
    fireEvent.click(card.getByRole('checkbox', { name: 'Count only the service team’s working hours' }));
    fireEvent.change(card.getByLabelText('Time zone (IANA name, e.g. Europe/Berlin)'), { target: { value: 'Berlin' } });
    fireEvent.click(card.getByRole('checkbox', { name: 'Saturday' }));
    fireEvent.change(card.getByLabelText('Days off, e.g. public holidays (one date a line, YYYY-MM-DD)'), { target: { value: '2026-12-24\n\n2026-12-31 ' } });
    fireEvent.click(card.getByRole('button', { name: 'Save service levels' }));

    const zone = card.getByLabelText('Time zone (IANA name, e.g. Europe/Berlin)');
    await waitFor(() => expect(card.getByText('an IANA time zone such as Europe/Berlin')).toBeTruthy());
    expect(zone.getAttribute('aria-invalid')).toBe('true');
    const first = api.calls.find((c) => c.name === 'putSettings')!;
    expect(first.args.ifMatch).toBe('"3"');
    expect(first.args.body).not.toHaveProperty('etag');
    expect((first.args.body as { serviceLevels: ServiceLevelSettings }).serviceLevels).toEqual({
      ...LEVELS,
      high: { firstResponseHours: 4, resolutionHours: 48 },
      escalateTo: USER_ID,
      businessHours: { timeZone: 'Berlin', days: [1, 2, 3, 4, 5, 6], start: '08:00', end: '17:00', holidays: ['2026-12-24', '2026-12-31'] },
    });
    expect((first.args.body as { stages: unknown }).stages).toEqual(settings().stages);

    fireEvent.change(zone, { target: { value: 'Europe/Berlin' } });
    fireEvent.click(card.getByRole('button', { name: 'Save service levels' }));
    expect((await screen.findByTestId('done-notice')).textContent).toBe('The service levels are saved.');
    // The next save carries the version the first one answered.
    fireEvent.click(card.getByRole('button', { name: 'Save service levels' }));
    await waitFor(() => expect(api.calls.filter((c) => c.name === 'putSettings').map((c) => c.args.ifMatch)).toEqual(['"3"', '"3"', '"4"']));
  });

  it('checks hours, days and dates before it sends anything, in German', async () => {
    const api = renderPage({}, ['CRM.Admin'], 'de-DE');
    const card = await levelsCard();
    await waitFor(() => expect(hours(card, 'Dringend', 'Lösung (Stunden)').value).toBe('24'));
    fireEvent.change(hours(card, 'Dringend', 'Lösung (Stunden)'), { target: { value: '0' } });
    fireEvent.click(card.getByRole('checkbox', { name: 'Nur die Arbeitszeit des Serviceteams zählen' }));
    for (const day of ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag']) fireEvent.click(card.getByRole('checkbox', { name: day }));
    fireEvent.change(card.getByLabelText('Freie Tage, z. B. Feiertage (ein Datum je Zeile, JJJJ-MM-TT)'), { target: { value: '24.12.2026' } });
    fireEvent.click(card.getByRole('button', { name: 'Servicelevel speichern' }));
    expect(card.getByText('Ganze Stunden von 1 bis 8760 eingeben.')).toBeTruthy();
    expect(card.getByText('Mindestens einen Arbeitstag wählen.')).toBeTruthy();
    expect(card.getByText('Kein Datum im Format JJJJ-MM-TT: 24.12.2026')).toBeTruthy();
    expect(api.calls.map((c) => c.name)).not.toContain('putSettings');
  });

  it('offers to reload when a colleague saved the settings in between, and shows what they saved', async () => {
    let version = 3;
    const api = renderPage({
      getSettings: () => settings({ ...LEVELS, normal: { firstResponseHours: version === 3 ? 24 : 12, resolutionHours: 120 } }, `"${version}"`),
      putSettings: () => new ApiError('changed', 412, { type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'settings were changed' }),
    });
    const card = await levelsCard();
    await waitFor(() => expect(hours(card, 'Normal', 'First response (hours)').value).toBe('24'));
    fireEvent.click(card.getByRole('button', { name: 'Save service levels' }));
    version = 4;
    fireEvent.click(await card.findByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(hours(card, 'Normal', 'First response (hours)').value).toBe('12'));
    expect(api.calls.filter((c) => c.name === 'getSettings')).toHaveLength(2);
  });

  it('lets a manager read the service levels but not change them', async () => {
    renderPage({}, ['CRM.Manager']);
    const card = await levelsCard();
    await waitFor(() => expect(hours(card, 'Low', 'Resolution (hours)').value).toBe('240'));
    expect(hours(card, 'Low', 'Resolution (hours)').disabled).toBe(true);
    expect(card.getByText('Only administrators change the service levels; you can read them here.')).toBeTruthy();
    expect(card.queryByRole('button', { name: 'Save service levels' })).toBeNull();
  });
});

describe('service contracts', () => {
  it('lists the contracts and creates one for an account picked by search, starting from the tenant’s hours', async () => {
    const hoffmann = overview(ACCOUNT_ID).account;
    let listed = [contract()];
    const api = renderPage({
      listAccounts: () => ({ items: [hoffmann], nextCursor: null }),
      getServiceContract: () => ({ accountId: ACCOUNT_ID, name: null, levels: {}, validUntil: null, etag: '"0"', updatedAt: null }),
      putServiceContract: (args) => {
        const body = args.body as { name: string | null; levels: ServiceContractListed['levels']; validUntil: string | null };
        const saved = { accountId: ACCOUNT_ID, ...body, etag: '"1"', updatedAt: '2026-12-03T08:00:00.000Z' };
        listed = [{ ...saved, accountName: hoffmann.name }, ...listed];
        return saved;
      },
      listServiceContracts: () => ({ items: listed, nextCursor: null }),
    });
    const card = await contractsCard();
    const weser = await card.findByText('Weser Werft AG: Premium-Wartung');
    expect(within(weser.closest('li')!).getByText('High: first response 4 h, resolution 16 h')).toBeTruthy();
    expect(within(weser.closest('li')!).getByText('valid until 31 Dec 2027')).toBeTruthy();

    fireEvent.click(card.getByRole('button', { name: 'New contract' }));
    fireEvent.change(card.getByRole('combobox', { name: 'Search accounts' }), { target: { value: 'hoff' } });
    fireEvent.click(await card.findByRole('option', { name: `Choose ${hoffmann.name}` }));
    const form = within(await card.findByRole('form', { name: `Contract of ${hoffmann.name}` }));
    expect(document.activeElement).toBe(form.getByLabelText('Name of the contract (optional)'));
    fireEvent.change(form.getByLabelText('Name of the contract (optional)'), { target: { value: 'Gold' } });
    fireEvent.click(form.getByRole('checkbox', { name: 'Own hours for Urgent' }));
    expect(hours(form as ReturnType<typeof within>, 'Urgent', 'First response (hours)').value).toBe('2');
    fireEvent.change(hours(form as ReturnType<typeof within>, 'Urgent', 'First response (hours)'), { target: { value: '1' } });
    fireEvent.change(form.getByLabelText('Last day it applies (optional)'), { target: { value: '2027-06-30' } });
    fireEvent.click(form.getByRole('button', { name: 'Save contract' }));

    expect((await screen.findByTestId('done-notice')).textContent).toBe(`The contract of ${hoffmann.name} is saved.`);
    const put = api.calls.find((c) => c.name === 'putServiceContract')!;
    expect(put.args).toMatchObject({
      params: { id: ACCOUNT_ID },
      ifMatch: '"0"',
      body: { name: 'Gold', levels: { urgent: { firstResponseHours: 1, resolutionHours: 24 } }, validUntil: '2027-06-30' },
    });
    expect(await card.findByText(`${hoffmann.name}: Gold`)).toBeTruthy();
  });

  it('changes a contract with its version, names a refused field, and ends one after asking, in German', async () => {
    const api = renderPage(
      {
        putServiceContract: () => invalid('levels.high.resolutionHours', 'Too big: expected number to be <=8760'),
        deleteServiceContract: () => undefined,
      },
      ['CRM.Manager'],
      'de-DE',
    );
    const card = await contractsCard();
    fireEvent.click(await card.findByRole('button', { name: 'Vertrag von Weser Werft AG bearbeiten' }));
    const form = within(await card.findByRole('form', { name: 'Vertrag von Weser Werft AG' }));
    fireEvent.change(hours(form as ReturnType<typeof within>, 'Hoch', 'Lösung (Stunden)'), { target: { value: '9000' } });
    fireEvent.click(form.getByRole('button', { name: 'Vertrag speichern' }));
    expect(form.getByText('Ganze Stunden von 1 bis 8760 eingeben.')).toBeTruthy();
    fireEvent.change(hours(form as ReturnType<typeof within>, 'Hoch', 'Lösung (Stunden)'), { target: { value: '20' } });
    fireEvent.click(form.getByRole('button', { name: 'Vertrag speichern' }));
    await waitFor(() => expect(form.getByText('Too big: expected number to be <=8760')).toBeTruthy());
    expect(api.calls.find((c) => c.name === 'putServiceContract')!.args.ifMatch).toBe('"2"');
    fireEvent.click(form.getByRole('button', { name: 'Abbrechen' }));

    fireEvent.click(card.getByRole('button', { name: 'Vertrag von Weser Werft AG beenden' }));
    const confirm = within(card.getByRole('group', { name: 'Vertrag von Weser Werft AG beenden' }));
    expect(document.activeElement).toBe(confirm.getByRole('button', { name: 'Beenden' }));
    fireEvent.click(confirm.getByRole('button', { name: 'Beenden' }));
    expect((await screen.findByTestId('done-notice')).textContent).toBe('Der Vertrag von Weser Werft AG ist beendet.');
    expect(api.calls.find((c) => c.name === 'deleteServiceContract')!.args).toMatchObject({ params: { id: WESER_ID }, ifMatch: '"2"' });
    // The list is read again in the effect after the notice renders, so the test waits for it rather than reading at once.
    await waitFor(() => expect(api.calls.filter((c) => c.name === 'listServiceContracts').length).toBeGreaterThanOrEqual(2));
  });

  it('says when no account has a contract yet and pages through many', async () => {
    const api = renderPage({
      listServiceContracts: (args) =>
        args.query?.cursor
          ? { items: [contract({ accountId: ACCOUNT_ID, accountName: 'Zander KG', name: null })], nextCursor: null }
          : { items: [contract()], nextCursor: 'next' },
    });
    const card = await contractsCard();
    fireEvent.click(await card.findByRole('button', { name: 'Show more contracts' }));
    expect(await card.findByText('Zander KG: Contract without a name')).toBeTruthy();
    expect(card.getByText('Weser Werft AG: Premium-Wartung')).toBeTruthy();
    expect(card.queryByRole('button', { name: 'Show more contracts' })).toBeNull();
    expect(api.calls.filter((c) => c.name === 'listServiceContracts').map((c) => c.args.query)).toEqual([{ limit: 50 }, { limit: 50, cursor: 'next' }]);
    cleanup();
    renderPage({ listServiceContracts: () => ({ items: [], nextCursor: null }) });
    expect(await (await contractsCard()).findByText('No account has a service contract yet.')).toBeTruthy();
  });

  it("sets a user's manager with the version read, clears it again, and shows them read-only to managers, in English and German", async () => {
    const puts: unknown[] = [];
    const api = renderPage({
      setManager: ({ params, body, ifMatch }) => {
        puts.push({ params, body, ifMatch });
        return { ...TEAM.find((m) => m.id === params.id)!, managerId: body.managerId, etag: `"${puts.length + 1}"` };
      },
    });
    const card = within(await screen.findByTestId('managers'));
    const anna = (await card.findByLabelText('Manager of Anna Becker')) as HTMLSelectElement;
    // Nobody manages themselves: Anna's list offers Bea, not Anna.
    expect([...anna.options].map((o) => o.textContent)).toEqual(['none', 'Bea Chefin']);
    // Choosing (as each arrow key does) sends nothing; Save does, once.
    fireEvent.change(anna, { target: { value: '' } });
    fireEvent.change(anna, { target: { value: BOSS_ID } });
    expect(puts).toEqual([]);
    fireEvent.click(card.getByRole('button', { name: 'Save the manager of Anna Becker' }));
    expect((await screen.findByTestId('done-notice')).textContent).toBe('The manager of Anna Becker is now Bea Chefin.');
    expect(card.queryByRole('button', { name: 'Save the manager of Anna Becker' })).toBeNull();
    fireEvent.change(card.getByLabelText('Manager of Anna Becker'), { target: { value: '' } });
    fireEvent.click(card.getByRole('button', { name: 'Save the manager of Anna Becker' }));
    await waitFor(() => expect(screen.getByTestId('done-notice').textContent).toBe('Anna Becker has no manager now.'));
    expect(puts).toEqual([
      { params: { id: USER_ID }, body: { managerId: BOSS_ID }, ifMatch: '"1"' },
      { params: { id: USER_ID }, body: { managerId: null }, ifMatch: '"2"' },
    ]);
    expect(api.calls.filter((c) => c.name === 'listTeam')).toHaveLength(1);
    cleanup();

    renderPage({ listTeam: () => ({ items: [TEAM[0]!, { ...TEAM[1]!, managerId: USER_ID }] }) }, ['CRM.Manager'], 'de-DE');
    const german = within(await screen.findByTestId('managers'));
    const bea = (await german.findByLabelText('Führungskraft von Bea Chefin')) as HTMLSelectElement;
    expect([bea.value, bea.disabled]).toEqual([USER_ID, true]);
    expect(german.getByText('Nur Administratoren tragen die Führungskräfte ein; hier können Sie sie lesen.')).toBeTruthy();
  });
});
