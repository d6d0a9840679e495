// The account's key figures inside its figures view, in English and German, for an account with some of everything,
// one without any records, and an analysis stored before the figures existed.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n, I18nProvider, type Language } from '../i18n/i18n';
import { accountInsights, accountKeyFigures, tenantSettings } from '../testing';
import type { AccountInsights } from '../../contracts/insights';
import { accountInsightsTexts } from './account-insights-texts';
import { AccountInsightsView } from './AccountInsightsView';

function renderView(insights: AccountInsights, language: Language = 'en') {
  render(
    <I18nProvider i18n={createI18n(language, accountInsightsTexts)}>
      <AccountInsightsView insights={insights} stages={tenantSettings().stages} />
    </I18nProvider>,
  );
  return screen.getByTestId('account-key-figures');
}

const figure = (section: HTMLElement, name: string) => section.querySelector(`[data-figure="${name}"]`)?.textContent;

afterEach(cleanup);

describe('account key figures view', () => {
  it('shows each figure with the counts it comes from', () => {
    const section = renderView(accountInsights());
    expect(within(section).getByRole('heading', { level: 3, name: 'Key figures of the account' })).toBeTruthy();
    expect(within(section).getAllByRole('term').map((t) => t.textContent)).toEqual([
      'Win rate',
      'Complaints',
      'Response time',
      'Product lines bought',
      'Purchases',
      'Key fields filled',
      'Interactions logged',
    ]);
    expect(figure(section, 'winRate')).toBe('33.3%: 1 won, 2 lostLost by stage: Proposal 2');
    expect(figure(section, 'complaints')).toBe('2 received in the period, 1 open now1 resolved in the period: median 30 h, 90th percentile 30 h to resolution');
    expect(figure(section, 'responseTime')).toBe(
      'median 26.5 h, 90th percentile 46.1 h: 2 of 3 requests answeredFrom an inbound email or web form to the first outbound email or call on the account or in its conversation.',
    );
    expect(figure(section, 'productLines')).toBe('Ersatzteile, Service (cross-selling: more than one line)1 won without a product line');
    expect(figure(section, 'purchases')).toMatch(/^4 in the period \(repeat customer\)Each won opportunity/);
    expect(figure(section, 'dataQuality')).toBe(
      '50% of the account’s 4 and its 2 contacts’ 4 key fields eachMissing on the account: domain, countryContacts with: email 2/2, phone 1/2, job title 1/2, buying role 0/2',
    );
    expect(figure(section, 'adoption')).toBe('13 in the period, 0.25 a weekOutlook 9, Sync 4');
  });

  it('says plainly what an account without any records has', () => {
    const none = accountKeyFigures({
      winRate: { won: 0, lost: 0, rate: null, lostByStage: [] },
      complaints: { count: 0, open: 0, resolved: 0, medianResolutionHours: null, p90ResolutionHours: null },
      responseTime: { requests: 1, answered: 0, medianHours: null, p90Hours: null },
      productLines: { lines: [], crossBuyer: false, withoutProductLine: 0 },
      purchases: { count: 0, repeat: false },
      dataQuality: {
        accountFields: (['owner', 'industry', 'domain', 'country'] as const).map((field) => ({ field, filled: true })),
        contacts: 0,
        contactFields: (['email', 'phone', 'jobTitle', 'buyingRole'] as const).map((field) => ({ field, filled: 0 })),
        completeness: 1,
        possibleDuplicateAccounts: 0,
      },
      adoption: { logged: 0, perWeek: 0, bySource: [] },
    });
    const section = renderView(accountInsights({ keyFigures: none }));
    expect(figure(section, 'winRate')).toBe('No opportunity won or lost in the period');
    expect(figure(section, 'complaints')).toBe('0 received in the period, 0 open now');
    expect(figure(section, 'responseTime')).toMatch(/^none of 1 requests answered yet/);
    expect(figure(section, 'productLines')).toBe('No opportunity won with a product line');
    expect(figure(section, 'dataQuality')).toBe('100% of the account’s 4 and its 0 contacts’ 4 key fields eachThe account has all its key fields.');
    expect(figure(section, 'adoption')).toBe('None logged in the period');
  });

  it('names how many other accounts may be the same company and how many contacts the same person, in English and German', () => {
    const figures = accountKeyFigures();
    const paired = accountInsights({ keyFigures: { ...figures, dataQuality: { ...figures.dataQuality, possibleDuplicateAccounts: 2 } } });
    expect(figure(renderView(paired), 'dataQuality')).toMatch(/Possibly the same company as other accounts: 2 \(Data tab, Possible duplicates\)$/);
    cleanup();
    expect(figure(renderView(paired, 'de'), 'dataQuality')).toMatch(/Möglicherweise dieselbe Firma wie andere Firmen: 2 \(Daten-Tab, Mögliche Dubletten\)$/);
    cleanup();
    const people = accountInsights({ keyFigures: { ...figures, dataQuality: { ...figures.dataQuality, possibleDuplicateContacts: 3 } } });
    expect(figure(renderView(people), 'dataQuality')).toMatch(/Contacts possibly the same person as another contact: 3 \(Data tab, Possible duplicates\)$/);
    cleanup();
    expect(figure(renderView(people, 'de'), 'dataQuality')).toMatch(/Kontakte, die möglicherweise dieselbe Person wie ein anderer Kontakt sind: 3 \(Daten-Tab, Mögliche Dubletten\)$/);
  });

  it('says the figures come with the next refresh when the stored analysis has none', () => {
    const { keyFigures: _none, ...before } = accountInsights();
    const section = renderView(before);
    expect(section.textContent).toBe('Key figures of the accountThe account’s key figures come with the next refresh of the analysis.');
  });

  it('speaks German and formats as de-DE does', () => {
    const section = renderView(accountInsights(), 'de');
    expect(within(section).getByRole('heading', { level: 3, name: 'Kennzahlen der Firma' })).toBeTruthy();
    expect(figure(section, 'winRate')).toBe('33,3\u00a0%: 1 gewonnen, 2 verloren' + 'Verloren nach Phase: Angebot 2');
    expect(figure(section, 'responseTime')).toMatch(/^Median 26,5 h, 90\. Perzentil 46,1 h: 2 von 3 Anfragen beantwortet/);
    expect(figure(section, 'adoption')).toBe('13 im Zeitraum, 0,25 pro WocheOutlook 9, Synchronisation 4');
  });
});
