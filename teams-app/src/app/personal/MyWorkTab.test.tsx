// "My CRM": overdue follow-ups first and marked, the quarterly forecast, sleeping customers, in English and German.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@crm/common/web';
import { TabShell } from '../TabShell';
import { fakeApi, fakeHost, me, myWork, SLEEPING_ACCOUNT_ID, type FakeAnswer } from '../test-fixtures';
import { MyWorkTab } from './MyWorkTab';

function renderMine(answer: FakeAnswer<'myWork'>, locale = 'en-US') {
  const api = fakeApi({ myWork: answer, getMySync: () => ({ configured: false, connected: false, items: [] }), me: () => me() });
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale, origin: null }) }}>
      <MyWorkTab />
    </TabShell>,
  );
  return api;
}
const ready = () => waitFor(() => expect(document.querySelector('[data-ready-key="me"]')).not.toBeNull());

afterEach(cleanup);

describe('personal tab', () => {
  it('lists my follow-ups with the overdue one first and marked, the forecast and my sleeping customers', async () => {
    renderMine(() => myWork());
    await ready();
    const tasks = within(screen.getByTestId('my-tasks')).getAllByRole('listitem');
    expect(tasks.map((t) => t.getAttribute('data-overdue'))).toEqual(['true', 'false']);
    expect(tasks[0]!.textContent).toMatch(/^OverdueAngebot nachfassenoverdue since 26 Nov 2026 · Hoffmann Antriebstechnik GmbH$/);
    const forecast = screen.getByTestId('forecast').textContent!;
    expect(forecast).toContain('This quarter (2026-Q4)€370,0002 deals, €500,000 in total');
    expect(forecast).toContain('Next quarter (2027-Q1)€5,000');
    const sleeping = screen.getByTestId('sleeping');
    expect(within(sleeping).getByRole('heading').textContent).toBe('Sleeping customers (no interaction for more than 90 days)');
    expect(within(sleeping).getByRole('link', { name: 'Weser Sensorik GmbH' }).getAttribute('href')).toBe(`account.html?accountId=${SLEEPING_ACCOUNT_ID}`);
    expect(sleeping.textContent).toContain('181 days without contact');
  });

  it('speaks German and says so when there is nothing to do', async () => {
    renderMine(() => myWork({ tasks: [], openTaskCount: 0, sleeping: [] }), 'de-DE');
    await ready();
    expect(screen.queryByTestId('more-tasks')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Mein CRM' })).toBeTruthy();
    expect(screen.getByText('Keine offenen Wiedervorlagen. Gut gemacht.')).toBeTruthy();
    expect(screen.getByText('Keiner Ihrer Kunden schläft.')).toBeTruthy();
  });

  it('says so when it shows only the first of very many follow-ups', async () => {
    renderMine(() => myWork({ openTaskCount: 250 }));
    await ready();
    expect(screen.getByTestId('more-tasks').textContent).toBe('The 2 due first of your 250 open follow-ups.');
  });

  it('explains a failed sign-in instead of showing a blank tab', async () => {
    renderMine(() => new ApiError('unauthenticated', 401, null));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/sign-in has expired/));
  });
});
