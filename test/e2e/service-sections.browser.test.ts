// Issue #18's leads and service cases in the Teams personal tab "My CRM", in real Chromium against the local host: an
// overdue case marked and resolved by keyboard, a lead's score explained and the lead converted, a case handed to a
// colleague who then finds its follow-up in My CRM, a colleague's change in between named, and the sections in German.
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { DEMO_FEATURED, DEMO_USERS } from '@crm/common/demo';
import { describeInBrowser, screenshot } from '../support/browser';
import { localApi, type LocalApi } from '../support/local-api';
import type { LocalHostProcess } from '../support/local-host-process';
import { seededHostInBrowser } from '../support/seeded-host-in-browser';

const HOUR = 3_600_000;
type Versioned = { id: string; etag: string };

describeInBrowser('My CRM leads and cases in Chromium', () => {
  const suite = seededHostInBrowser('crm-service-tab-');
  let host: LocalHostProcess;
  let api: LocalApi;
  let colleagueApi: LocalApi;
  let accountId: string;
  let page: Page;
  const colleague = DEMO_USERS[1]!;

  const open = async (lang = 'en') => {
    await page.goto(`${host.url}/teams/personal.html?lang=${lang}`);
    await page.waitForSelector('[data-ready-key="service"]');
  };
  /** A complaint on the featured account that came in `hoursAgo`, and its case, assigned to the signed-in user. */
  const caseFor = async (subject: string, hoursAgo: number, priority: string) => {
    const occurredAt = new Date(Date.now() - hoursAgo * HOUR).toISOString();
    const complaint = await api<Versioned>('POST', '/api/interactions', {
      body: { type: 'complaint', direction: 'inbound', subject, occurredAt, accountIds: [accountId] },
    });
    return (await api<Versioned>('POST', '/api/cases', { body: { interactionId: complaint.body.id, priority } })).body;
  };

  beforeAll(async () => {
    ({ host } = suite);
    api = localApi(host.url);
    colleagueApi = localApi(host.url, colleague);
    // The colleague signs in once, so the tenant knows them as someone to hand over to.
    await colleagueApi('GET', '/api/me');
    const accounts = await api<{ items: Array<{ id: string; name: string }> }>('GET', `/api/accounts?q=${encodeURIComponent('Hoffmann')}`);
    accountId = accounts.body.items.find((a) => a.name === DEMO_FEATURED.knownContact.accountName)!.id;
  });
  beforeEach(() => {
    ({ page } = suite);
  });

  it('marks an overdue case with its due times and resolves it by keyboard', async () => {
    const late = await caseFor('Spindel blockiert (Browsertest)', 3, 'urgent');
    await open();
    const item = page.locator(`[data-case-id="${late.id}"]`);
    expect(await item.getAttribute('data-overdue')).toBe('true');
    expect(await item.textContent()).toContain('Overdue');
    expect(await item.getByTestId('first-response').textContent()).toMatch(/^First response due /);
    expect(await item.getByTestId('resolution-due').textContent()).toMatch(/^Resolution due /);
    await item.getByTestId('case-history').locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await item.getByTestId('case-history').locator('li').first().textContent()).toContain('Opened');
    await screenshot(page, 'my-crm-cases');

    await item.getByRole('button', { name: 'Resolve Spindel blockiert (Browsertest)' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Spindel getauscht, Kunde informiert');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('case-resolved').waitFor();
    const stored = await api<{ status: string; resolution: string }>('GET', `/api/cases/${late.id}`);
    expect(stored.body).toMatchObject({ status: 'resolved', resolution: 'Spindel getauscht, Kunde informiert' });
    await page.locator(`[data-case-id="${late.id}"]`).waitFor({ state: 'detached' });
  });

  it('names the colleague who changed a case after the list was read, and resolves it on their version by keyboard (#12)', async () => {
    const pump = await caseFor('Pumpe undicht (Browsertest)', 1, 'normal');
    await open();
    // Markus Wolf raises the priority after My CRM read the list: the resolve below goes on the version read before.
    await colleagueApi('PATCH', `/api/cases/${pump.id}`, { body: { priority: 'high' }, ifMatch: pump.etag });
    const item = page.locator(`[data-case-id="${pump.id}"]`);
    await item.getByRole('button', { name: 'Resolve Pumpe undicht (Browsertest)' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Dichtung ersetzt');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const notice = item.getByTestId('changed-notice');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain(`${colleague.displayName} changed this record on`);
    expect(text).toContain('Changed: Priority.');
    expect(text).toContain('priority High');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('changed-notice');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Overwrite with my changes');
    await page.keyboard.press('Enter');
    await page.getByTestId('case-resolved').waitFor();
    const stored = await api<{ status: string; priority: string; resolution: string }>('GET', `/api/cases/${pump.id}`);
    expect(stored.body).toMatchObject({ status: 'resolved', priority: 'high', resolution: 'Dichtung ersetzt' });
  });

  it("explains a lead's score and converts it into a customer with an opportunity", async () => {
    const lead = (
      await api<Versioned>('POST', '/api/leads', {
        body: {
          source: 'event',
          firstName: 'Xaver',
          lastName: 'Quendt',
          company: 'Quendt Xylotechnik GmbH',
          employees: 120,
          budget: 'approved',
          timing: 'within_3_months',
        },
      })
    ).body;
    await open();
    const item = page.locator(`[data-lead-id="${lead.id}"]`);
    await item.getByTestId('lead-score').locator('summary').click();
    expect(await item.locator('[data-criterion="budget"]').textContent()).toBe('Budget 25 of 25: Budget approved');
    expect(await item.locator('[data-criterion="size"]').textContent()).toContain('120 employees, within 50–500');
    await item.getByRole('button', { name: 'Convert Xaver Quendt into a customer' }).click();
    await page.getByLabel('Opportunity name (optional)').fill('Prüfstand 2027');
    await page.getByLabel('Amount in EUR (optional)').fill('48000');
    await page.getByRole('form', { name: 'Convert Xaver Quendt into a customer' }).getByRole('button', { name: 'Convert' }).click();
    await page.getByTestId('lead-converted').waitFor();
    expect(await page.getByTestId('lead-converted').textContent()).toContain('Xaver Quendt is now a customer.');
    const stored = await api<{ status: string; accountId: string; opportunityId: string | null }>('GET', `/api/leads/${lead.id}`);
    expect(stored.body.status).toBe('converted');
    expect(stored.body.opportunityId).not.toBeNull();
    expect(await page.getByTestId('lead-converted').getByRole('link').getAttribute('href')).toBe(`account.html?accountId=${stored.body.accountId}`);
  });

  it('hands a case to a colleague, who finds the follow-up in their My CRM', async () => {
    const handed = await caseFor('Lieferschein fehlt (Browsertest)', 1, 'normal');
    await open();
    // A keyboard user passing the options: the arrow changes the closed select's value, which hands over nothing.
    const priority = page.getByLabel('Priority of Lieferschein fehlt (Browsertest)');
    await priority.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('button', { name: 'Save: Priority of Lieferschein fehlt (Browsertest)' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Save: Priority of Lieferschein fehlt (Browsertest)' }).waitFor({ state: 'detached' });
    expect(await priority.inputValue()).toBe('normal');
    const untouched = await api<{ priority: string; etag: string }>('GET', `/api/cases/${handed.id}`);
    expect([untouched.body.priority, untouched.body.etag]).toEqual(['normal', handed.etag]);
    await page.getByLabel('Hand Lieferschein fehlt (Browsertest) over to').selectOption({ label: colleague.displayName });
    await page.getByRole('button', { name: 'Hand Lieferschein fehlt (Browsertest) over to the colleague chosen' }).click();
    await page.getByTestId('handed-over').waitFor();
    expect(await page.getByTestId('handed-over').textContent()).toBe(
      `Lieferschein fehlt (Browsertest) handed over to ${colleague.displayName}, who finds it in My CRM and is notified in Teams.`,
    );
    await page.locator(`[data-case-id="${handed.id}"]`).waitFor({ state: 'detached' });
    const work = await colleagueApi<{ tasks: Array<{ title: string }> }>('GET', '/api/me/work');
    expect(work.body.tasks.map((t) => t.title)).toContain('Übergabe / Handover: Reklamation / complaint Lieferschein fehlt (Browsertest)');
  });

  it('speaks German', async () => {
    await caseFor('Geräusch am Getriebe (Browsertest)', 1, 'high');
    await open('de');
    expect(await page.getByRole('heading', { name: 'Meine Servicefälle' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Meine Leads' }).count()).toBe(1);
    expect(await page.getByLabel('Priorität von Geräusch am Getriebe (Browsertest)').inputValue()).toBe('high');
    await screenshot(page, 'my-crm-cases-de');
  });
});
