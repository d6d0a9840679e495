// Issue #12's "regarding any record" and "choose whom to link" in real Chromium: the Outlook preview at 350 x 800, by
// keyboard, against the local host; what was logged is read back through the API.
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { DEMO_FEATURED } from '@crm/common/demo';
import { describeInBrowser, screenshot } from '../support/browser';
import { localApi, type LocalApi } from '../support/local-api';
import type { LocalHostProcess } from '../support/local-host-process';
import { seededHostInBrowser } from '../support/seeded-host-in-browser';

interface Logged {
  id: string;
  accountIds: string[];
  contactIds: string[];
  opportunityIds: string[];
  complaintId: string | null;
  summary: string | null;
}

describeInBrowser('Outlook pane logging regarding any record, linked to whom the user chose (Chromium, 350 x 800)', () => {
  const suite = seededHostInBrowser('crm-pane-logging-', { context: { viewport: { width: 350, height: 800 } } });
  let host: LocalHostProcess;
  let page: Page;
  let api: LocalApi;
  // Records of an account nobody on the preview's emails belongs to, so only the search can find them.
  const token = Date.now().toString(36);
  const far = { account: '', opportunity: '', complaint: '' };
  const accountName = `Rheinau Fördertechnik ${token} GmbH`;
  const opportunityName = `Rollenbahn Halle 7 ${token}`;
  const complaintSubject = `Förderband quietscht ${token}`;

  const pane = () => page.getByTestId('task-pane');
  const open = async (key: string, lang: 'en' | 'de') => {
    await page.goto(`${host.url}/addin/?lang=${lang}`);
    await page.click(`[data-item-key="${key}"]`);
    await page.waitForSelector(`[data-ready-key="${key}"]`);
  };
  const press = async (locator: ReturnType<Page['getByRole']>, key = 'Enter') => {
    await locator.focus();
    await page.keyboard.press(key);
  };
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  const found = async (query: string) => (await api<{ items: Logged[] }>('GET', `/api/interactions?${query}`)).body.items;
  const contactId = async (email: string) =>
    (await api<{ items: Array<{ id: string }> }>('GET', `/api/contacts?email=${encodeURIComponent(email)}`)).body.items[0]!.id;

  /** Types into the form's search (which has the focus), moves to the only result with the arrow key and picks it with Enter. */
  const pickBySearch = async (form: ReturnType<Page['getByRole']>, typed: string, option: string) => {
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.keyboard.type(typed);
    await form.getByRole('option', { name: option }).waitFor();
    expect(await form.getByRole('option').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  };

  beforeAll(async () => {
    ({ host } = suite);
    api = localApi(host.url);
    far.account = (await api<{ id: string }>('POST', '/api/accounts', { body: { name: accountName } })).body.id;
    far.opportunity = (await api<{ id: string }>('POST', '/api/opportunities', { body: { accountId: far.account, name: opportunityName } })).body.id;
    far.complaint = (
      await api<{ id: string }>('POST', '/api/interactions', {
        body: { type: 'complaint', status: 'open', subject: complaintSubject, occurredAt: new Date(Date.now() - 86_400_000).toISOString(), accountIds: [far.account] },
      })
    ).body.id;
  });
  beforeEach(() => {
    ({ page } = suite);
  });

  it('logs an email regarding an opportunity of another account, found by typing, by keyboard alone', async () => {
    await open('withdrawn', 'en');
    await press(pane().getByRole('button', { name: 'Log email' }));
    const form = pane().getByRole('form', { name: 'Log email' });
    await form.waitFor();
    await pickBySearch(form, `halle 7 ${token}`, `Opportunity: ${opportunityName} · ${accountName}`);
    await expect.poll(() => form.getByTestId('regarding-chosen').innerText()).toBe(`Regarding: Opportunity: ${opportunityName} · ${accountName}`);
    expect(await pane().evaluate((el) => [el.scrollWidth <= el.clientWidth, el.getBoundingClientRect().width <= 350])).toEqual([true, true]);
    await screenshot(page, 'addin-regarding-search-350');
    await press(form.getByRole('button', { name: 'Log', exact: true }));
    await pane().getByTestId('logged-status').filter({ hasText: /^Logged by Anna Becker, / }).waitFor();

    const [logged] = await found(`internetMessageId=${encodeURIComponent('<preview-withdrawn@nordlicht-kunststoff.de>')}`);
    expect(logged!.opportunityIds).toEqual([far.opportunity]);
    expect(logged!.accountIds).toContain(far.account);
    expect(logged!.contactIds).toEqual([await contactId(DEMO_FEATURED.withdrawnEmailContact.email)]);
    const timeline = await api<{ items: Array<{ id: string }> }>('GET', `/api/accounts/${far.account}/timeline`);
    expect(timeline.body.items.map((i) => i.id)).toContain(logged!.id);
  });

  it('logs an email in German regarding an open complaint found by typing, from a sender nobody knows', async () => {
    await open('unknown', 'de');
    await press(pane().getByRole('button', { name: 'E-Mail protokollieren' }));
    const form = pane().getByRole('form', { name: 'E-Mail protokollieren' });
    await form.waitFor();
    await pickBySearch(form, `quietscht ${token}`, `Reklamation: ${complaintSubject} · ${accountName}`);
    await expect.poll(() => form.getByTestId('regarding-chosen').innerText()).toBe(`Bezug: Reklamation: ${complaintSubject} · ${accountName}`);
    await press(form.getByRole('button', { name: 'Protokollieren', exact: true }));
    await pane().getByTestId('logged-status').filter({ hasText: /^Protokolliert von Anna Becker, / }).waitFor();

    const [logged] = await found(`internetMessageId=${encodeURIComponent(`<preview-unknown@${DEMO_FEATURED.unknownSenderAtUnknownDomain.split('@')[1]}>`)}`);
    expect(logged!.complaintId).toBe(far.complaint);
    expect(logged!.accountIds).toEqual([far.account]);
    expect(logged!.contactIds).toEqual([]);
  });

  it('links only the people left ticked: one of the two contacts on a meeting unticked with the keyboard', async () => {
    const julia = await contactId(DEMO_FEATURED.knownContact.email);
    const stefan = await contactId('stefan.krueger@hoffmann-antriebstechnik.de');
    await open('meeting', 'en');
    await press(pane().getByRole('button', { name: 'Log meeting' }));
    const form = pane().getByRole('form', { name: 'Log meeting' });
    const linkTo = form.getByRole('group', { name: 'Link to' });
    const both = linkTo.getByRole('checkbox');
    await expect.poll(() => both.count()).toBe(2);
    expect(await Promise.all([0, 1].map((i) => both.nth(i).isChecked()))).toEqual([true, true]);
    // From the search, which has the focus, Tab walks to the people; Space unticks the one on focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    const stefanBox = linkTo.getByRole('checkbox', { name: 'Stefan Krüger' });
    for (let i = 0; i < 12 && !(await stefanBox.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await stefanBox.isChecked()).toBe(false);
    expect(await linkTo.getByRole('checkbox', { name: 'Julia Hoffmann' }).isChecked()).toBe(true);
    for (let i = 0; i < 12 && (await focusedText()) !== 'Log'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await pane().getByTestId('logged-status').filter({ hasText: /^Logged by Anna Becker, / }).waitFor();

    const [logged] = await found(`iCalUId=${encodeURIComponent('040000008200E00074C5B7101A82E00800000000PREVIEW0001')}`);
    expect(logged!.contactIds).toEqual([julia]);
    expect(logged!.contactIds).not.toContain(stefan);
  });
});
