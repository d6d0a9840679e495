// The account's figures block both hosts load: closed until asked, then the ABC class, lifetime value with its inputs
// and yearly terms, churn risk with its factors (largest first) and the segment's rule, in English and German.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { createI18n, I18nProvider, type Language } from '../i18n/i18n';
import { accountInsights, AT_RISK_ID, fakeApi, tenantSettings, type FakeAnswers } from '../testing';
import { AccountInsightsBlock } from './AccountInsightsBlock';

function renderBlock(language: Language = 'en', answers: FakeAnswers = {}) {
  const api = fakeApi({ accountInsights: () => accountInsights(), getSettings: () => tenantSettings(), ...answers });
  render(
    <I18nProvider i18n={createI18n(language)}>
      <AccountInsightsBlock api={api.client} accountId={AT_RISK_ID} language={language} />
    </I18nProvider>,
  );
  return api;
}

afterEach(cleanup);

describe('account insights block', () => {
  it('asks for the figures only when opened, then shows each with how it was computed', async () => {
    const api = renderBlock();
    expect(screen.getByRole('heading', { level: 2, name: 'Insights' })).toBeTruthy();
    const toggle = screen.getByRole('button', { name: 'Show ABC class, lifetime value, segment, churn risk and key figures' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(api.calls).toEqual([]);
    toggle.focus();
    fireEvent.click(toggle);
    const view = await screen.findByTestId('account-insights');
    // Besides the figures, the stage model names the stages deals were lost in.
    expect(api.calls.map((c) => [c.name, c.args])).toEqual([
      ['getSettings', {}],
      ['accountInsights', { params: { id: AT_RISK_ID }, query: { period: 'last-12-months' }, signal: expect.any(AbortSignal) as AbortSignal }],
    ]);
    await waitFor(() => expect(within(view).getByText('Lost by stage: Proposal 2')).toBeTruthy());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)?.contains(view)).toBe(true);
    expect(document.activeElement).toBe(toggle);

    expect(within(view).getByTestId('account-insights-range').textContent).toBe('Period: 1 Dec 2025 to 30 Nov 2026.');
    expect(within(view).getByTestId('abc-of').textContent).toBe('Class B: rank 3 of 9 customers by revenue €7,500.00. A up to rank 1, B up to rank 3.');
    expect(view.textContent).toContain('Customers ranked by revenue in the period: A are the top share');
    expect(within(view).getByTestId('clv-value').textContent).toBe('€1,872.36');
    expect(view.textContent).toContain('CLV = sum over t = 1..N of (revenue_t - cost_t) * retention^t / (1 + d)^t');
    expect(
      within(within(view).getByTestId('clv-terms'))
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'Year tRevenueCostRetention^t1 / (1 + d)^tPresent value',
      '1€8,750.00€6,125.000.520.9259€1,263.85',
      '2€8,750.00€6,125.000.27040.8573€608.51',
      'Sum€1,872.36',
    ]);
    expect(within(view).getByTestId('risk-score').textContent).toBe('48');
    // Largest contribution first: the top reasons lead, each with its points against its weight.
    const factors = within(within(view).getByTestId('risk-factors')).getAllByRole('row').slice(1);
    expect(factors.map((r) => r.getAttribute('data-factor'))).toEqual(['inactivity', 'revenueTrend', 'complaints', 'consents', 'buyingCenter']);
    expect(factors[0]!.textContent).toBe('Time since the last contact35 of 35no contact for 97 days, usually every 30');
    expect(factors[1]!.textContent).toBe('Revenue trend12.5 of 25revenue -25% against the previous period');
    expect(within(view).getByRole('heading', { name: 'Segment: At risk' })).toBeTruthy();
    expect(within(view).getByTestId('segment-rule').textContent).toBe('Rule that set it: churn risk 48 is at least 40');

    fireEvent.click(screen.getByRole('button', { name: 'Hide the figures' }));
    expect(screen.queryByTestId('account-insights')).toBeNull();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('speaks German and formats as de-DE does', async () => {
    renderBlock('de');
    expect(screen.getByRole('heading', { level: 2, name: 'Auswertung' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'ABC-Klasse, Kundenwert, Segment, Abwanderungsrisiko und Kennzahlen anzeigen' }));
    const view = await screen.findByTestId('account-insights');
    expect(within(view).getByTestId('account-insights-range').textContent).toBe('Zeitraum: 01.12.2025 bis 30.11.2026.');
    expect(within(view).getByTestId('clv-value').textContent).toBe('1.872,36\u00a0€');
    expect(view.querySelector('[data-factor="revenueTrend"]')!.textContent).toBe('Umsatzentwicklung12,5 von 25Umsatz -25\u00a0% gegenüber der Vorperiode');
    expect(within(view).getByRole('heading', { name: 'Segment: Gefährdet' })).toBeTruthy();
  });

  it('says when the account has no revenue and so no class, and no segment', async () => {
    renderBlock('en', {
      accountInsights: () =>
        accountInsights({
          abc: { class: null, revenue: 0, rank: null, customers: 9, aUpToRank: 1, bUpToRank: 3 },
          segment: { segment: null, rule: 'no rule matched' },
        }),
    });
    fireEvent.click(screen.getByRole('button', { name: /^Show ABC class/ }));
    const view = await screen.findByTestId('account-insights');
    expect(within(view).getByTestId('abc-of').textContent).toBe('No revenue in the period, so no class (9 customers have one).');
    expect(within(view).getByRole('heading', { name: 'Segment: No segment' })).toBeTruthy();
  });

  it('explains a failure and asks again on retry', async () => {
    let calls = 0;
    renderBlock('en', { accountInsights: () => (++calls === 1 ? new ApiError('server', 500, null) : accountInsights()) });
    fireEvent.click(screen.getByRole('button', { name: /^Show ABC class/ }));
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('account-insights')).toBeTruthy();
    expect(calls).toBe(2);
  });
});
