// The Teams "Data" tab in real Chromium against the local host: a German Excel list (semicolons, Windows-1252 bytes with
// umlauts and €, 31.12.2025 dates) uploaded, previewed, committed, reported and undone; an export downloaded; two
// duplicate contacts merged and the merge undone; service levels, business hours and a service contract set by keyboard
// in German (the server's refusal shown at its field); a webhook endpoint registered and paused, another changed, its
// delivery log read and deleted, all by keyboard; and a role without access told which role it needs.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { DEMO_FEATURED } from '@crm/common/demo';
import { describeInBrowser, screenshot } from '../support/browser';
import { localApi, type LocalApi } from '../support/local-api';
import type { LocalHostProcess } from '../support/local-host-process';
import { seededHostInBrowser } from '../support/seeded-host-in-browser';
import { windows1252 } from '../support/windows-1252';

const GERMAN_LIST = [
  'Kundennummer;Firma;Vorname;Nachname;E-Mail;Ort;Umsatz;Einwilligung;Einwilligung Quelle;Einwilligung Datum',
  'K-9001;Bäckerei Größle GmbH;Jürgen;Weißmüller;j.weissmueller@groessle-test.de;München;"1.234,56 €";ja;Messe 2025, Formular;31.12.2025',
  'K-9001;Bäckerei Größle GmbH;Änne;Schön;aenne.schoen@groessle-test.de;München;"1.234,56 €";;;',
  '',
].join('\r\n');

describeInBrowser('Teams Data tab in Chromium', () => {
  const suite = seededHostInBrowser('crm-data-tab-', { context: { acceptDownloads: true } });
  let host: LocalHostProcess;
  let api: LocalApi;
  let page: Page;

  const open = async (lang = 'en') => {
    await page.goto(`${host.url}/teams/data.html?lang=${lang}`);
    await page.waitForSelector('[data-ready-key="import"]');
  };
  const download = async (click: () => Promise<void>) => {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
  };

  beforeAll(async () => {
    ({ host } = suite);
    api = localApi(host.url);
  });
  beforeEach(() => {
    ({ page } = suite);
  });

  it('imports a German Excel list: detected format, preview, commit, report, undo, history', async () => {
    await open();
    await page.getByLabel('File (CSV or XLSX, up to 20 MB)').setInputFiles({ name: 'Kunden.csv', mimeType: 'text/csv', buffer: windows1252(GERMAN_LIST) });
    await page.getByRole('button', { name: 'Upload and preview' }).click();
    const current = page.getByTestId('import-current');
    await current.waitFor();
    await page.waitForSelector('[data-ready-key="import-rows"]');
    expect(await page.getByLabel('Encoding (detected)').inputValue()).toBe('windows-1252');
    expect(await page.getByLabel('Separator (detected)').inputValue()).toBe(';');
    expect(await page.getByRole('heading', { name: /Kunden\.csv: 2 rows of accounts and contacts/ }).count()).toBe(1);
    expect(await page.getByLabel('Einwilligung Datum').inputValue()).toBe('consent.date');
    const row2 = page.locator('[data-row="2"]');
    const row3 = page.locator('[data-row="3"]');
    expect(await row2.textContent()).toContain('Bäckerei Größle GmbH');
    expect(await row2.textContent()).toContain('Jürgen Weißmüller');
    expect(await row3.locator('[data-part="account"]').getAttribute('data-proposed')).toBe('merge');
    expect(await page.getByTestId('import-summary').textContent()).toContain('0 still to decide');
    await screenshot(page, 'data-import-preview');

    // The keyboard reaches the commit button and starts the import.
    await page.getByRole('button', { name: 'Import now' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Imported: 2 of 2 rows.').waitFor();
    await page.waitForSelector('[data-row="2"] [data-outcome]');
    expect(await row2.locator('[data-outcome]').textContent()).toContain('Account: Created');
    expect(await row3.locator('[data-outcome]').textContent()).toContain('Account: Linked');

    const accounts = await api<{ items: Array<{ id: string; name: string; customFields: Record<string, unknown> }> }>(
      'GET',
      `/api/accounts?q=${encodeURIComponent('Größle')}`,
    );
    expect(accounts.body.items).toMatchObject([{ name: 'Bäckerei Größle GmbH', customFields: { customerNumber: 'K-9001', revenue: '1234.56' } }]);
    const contacts = await api<{ items: Array<{ id: string; firstName: string }> }>('GET', `/api/contacts?accountId=${accounts.body.items[0]!.id}`);
    expect(contacts.body.items.map((c) => c.firstName).sort()).toEqual(['Jürgen', 'Änne']);
    const juergen = contacts.body.items.find((c) => c.firstName === 'Jürgen')!;
    const consents = await api<{ history: Array<{ source: string; capturedAt: string }> }>('GET', `/api/contacts/${juergen.id}/consents`);
    expect(consents.body.history).toMatchObject([{ source: 'Messe 2025, Formular', capturedAt: '2025-12-31T00:00:00.000Z' }]);

    const report = await download(() => page.getByRole('button', { name: 'Download the report (CSV)' }).click());
    expect([...report.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(report.bytes.toString('utf8')).toMatch(/\r\n2;Bäckerei Größle GmbH;Jürgen Weißmüller;created;/);

    await page.getByRole('button', { name: 'Undo this import' }).click();
    await page.getByRole('button', { name: 'Undo now' }).click();
    await page.getByTestId('undo-report').waitFor();
    expect(await page.getByTestId('undo-report').textContent()).toMatch(/Undone: \d+ records reverted\./);
    expect((await api<{ items: unknown[] }>('GET', `/api/accounts?q=${encodeURIComponent('Größle')}`)).body.items).toEqual([]);
    const history = page.getByTestId('import-history');
    await history.getByRole('button', { name: 'Open Kunden.csv' }).waitFor();
    expect(await history.locator('li', { hasText: 'Kunden.csv' }).first().textContent()).toContain('Undone');
    await screenshot(page, 'data-import-undone');
  });

  it('downloads accounts as CSV for German Excel and as XLSX', async () => {
    await open();
    await page.getByRole('navigation', { name: 'Pages of the Data tab' }).getByRole('button', { name: 'Export' }).click();
    await page.waitForSelector('[data-ready-key="export"]');
    const csv = await download(() => page.getByRole('button', { name: 'Download' }).click());
    expect(csv.name).toMatch(/\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toContain(';');
    expect(text).toContain(DEMO_FEATURED.knownContact.accountName);
    await page.getByRole('radio', { name: 'Excel workbook (XLSX)' }).check();
    const xlsx = await download(() => page.getByRole('button', { name: 'Download' }).click());
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await page.getByTestId('done-notice').waitFor();
  });

  it('merges two duplicate contacts with all their history and undoes the merge', async () => {
    const company = await api<{ id: string }>('POST', '/api/accounts', { body: { name: 'Doppeltest Armaturen GmbH' } });
    const a = await api<{ id: string }>('POST', '/api/contacts', {
      body: { firstName: 'Jürgen', lastName: 'Zwilling', accountId: company.body.id, emails: ['jz@doppeltest.de'] },
    });
    const b = await api<{ id: string }>('POST', '/api/contacts', {
      body: { firstName: 'Juergen', lastName: 'Zwilling', accountId: company.body.id, jobTitle: 'Einkauf' },
    });
    await api('POST', '/api/interactions', {
      body: {
        type: 'note',
        subject: 'Anruf wegen Ventilen',
        occurredAt: '2026-11-20T10:00:00.000Z',
        source: 'teams',
        accountIds: [company.body.id],
        contactIds: [b.body.id],
      },
    });
    await open();
    await page.getByRole('navigation', { name: 'Pages of the Data tab' }).getByRole('button', { name: 'Possible duplicates' }).click();
    await page.waitForSelector('[data-ready-key="duplicates"]');
    const compare = page.getByRole('button', { name: /^Compare and merge .*Zwilling and .*Zwilling$/ });
    // The demo tenant has pairs of its own; the list pages, best first.
    while ((await compare.count()) === 0) {
      await page.getByRole('button', { name: 'Show more pairs' }).click();
      await page.waitForSelector('[data-ready-key="duplicates"]');
    }
    await compare.click();
    const panel = page.getByTestId('merge-panel');
    await panel.getByTestId('merge-fields').waitFor();
    await panel.getByRole('radio', { name: 'Keep Jürgen Zwilling' }).check();
    await panel.getByRole('radiogroup', { name: 'Value of First name' }).getByRole('radio', { name: 'Jürgen' }).check();
    await screenshot(page, 'data-duplicates-merge');
    await panel.getByRole('button', { name: 'Merge' }).click();
    const done = page.getByTestId('merge-done');
    await done.getByText(/Merged into Jürgen Zwilling\./).waitFor();
    const survivor = await api<{ firstName: string; emails: string[]; jobTitle: string | null }>('GET', `/api/contacts/${a.body.id}`);
    expect(survivor.body).toMatchObject({ firstName: 'Jürgen', emails: ['jz@doppeltest.de'], jobTitle: 'Einkauf' });
    // The merged contact's history moved to the one kept.
    const timeline = await api<{ items: Array<{ subject: string; contactIds: string[] }> }>('GET', `/api/accounts/${company.body.id}/timeline`);
    expect(timeline.body.items.find((i) => i.subject === 'Anruf wegen Ventilen')!.contactIds).toEqual([a.body.id]);
    await expect(api('GET', `/api/contacts/${b.body.id}`)).rejects.toThrow(/answered 404/);

    await done.getByRole('button', { name: 'Undo the merge' }).click();
    await page.getByText('The merge was undone: both records are back as they were.').waitFor();
    expect((await api<{ firstName: string }>('GET', `/api/contacts/${b.body.id}`)).body.firstName).toBe('Juergen');
  });

  it('sets service levels, business hours and a service contract by keyboard, in German, with the server’s refusal at its field', async () => {
    await open('de');
    await page.getByRole('navigation', { name: 'Seiten der Registerkarte Daten' }).getByRole('button', { name: 'Servicelevel' }).click();
    await page.waitForSelector('[data-ready-key="service"]');
    const levels = page.getByTestId('service-levels');
    const high = levels.getByRole('group', { name: 'Hoch' });
    await high.getByLabel('Erste Antwort (Stunden)').fill('6');
    await levels.getByRole('checkbox', { name: 'Nur die Arbeitszeit des Serviceteams zählen' }).check();
    const zone = levels.getByLabel('Zeitzone (IANA-Name, z. B. Europe/Berlin)');
    await zone.fill('Berlin');
    await levels.getByRole('button', { name: 'Servicelevel speichern' }).focus();
    await page.keyboard.press('Enter');
    await levels.getByTestId('business-hours').getByText('an IANA time zone such as Europe/Berlin', { exact: true }).waitFor();
    expect(await zone.getAttribute('aria-invalid')).toBe('true');
    await zone.fill('Europe/Berlin');
    await levels.getByLabel('Freie Tage, z. B. Feiertage (ein Datum je Zeile, JJJJ-MM-TT)').fill('2026-12-24\n2026-12-31');
    await levels.getByRole('button', { name: 'Servicelevel speichern' }).focus();
    await page.keyboard.press('Enter');
    await levels.getByText('Die Servicelevel sind gespeichert.').waitFor();
    const saved = await api<{ serviceLevels: { high: { firstResponseHours: number }; businessHours: { timeZone: string; holidays: string[] } } }>('GET', '/api/settings');
    expect(saved.body.serviceLevels.high.firstResponseHours).toBe(6);
    expect(saved.body.serviceLevels.businessHours).toMatchObject({ timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], holidays: ['2026-12-24', '2026-12-31'] });
    await screenshot(page, 'data-service-levels');

    const contracts = page.getByTestId('service-contracts');
    await page.waitForSelector('[data-ready-key="service-contracts"]', { state: 'attached' });
    await contracts.getByRole('button', { name: 'Neuer Vertrag' }).click();
    const account = DEMO_FEATURED.knownContact.accountName;
    const search = contracts.getByRole('combobox', { name: 'Firmen suchen' });
    await search.fill(account);
    await contracts.getByRole('option', { name: `${account} auswählen` }).waitFor();
    // The results are a listbox: the arrow keys move to the account, Enter picks it.
    while ((await contracts.getByRole('option', { name: `${account} auswählen` }).getAttribute('aria-selected')) !== 'true') await search.press('ArrowDown');
    await search.press('Enter');
    const form = contracts.getByRole('form', { name: `Vertrag von ${account}` });
    await form.getByLabel('Name des Vertrags (optional)').fill('Premium-Wartung');
    await form.getByRole('checkbox', { name: 'Eigene Stunden für Dringend' }).check();
    await form.getByRole('group', { name: 'Dringend' }).getByLabel('Erste Antwort (Stunden)').fill('1');
    await form.getByRole('button', { name: 'Vertrag speichern' }).focus();
    await page.keyboard.press('Enter');
    await contracts.getByText(`Der Vertrag von ${account} ist gespeichert.`).waitFor();
    const item = contracts.getByRole('listitem').filter({ hasText: `${account}: Premium-Wartung` });
    await item.getByText('Dringend: erste Antwort 1 h, Lösung 24 h').waitFor();
    const accountId = (await item.getAttribute('data-account-id'))!;
    const contract = await api<{ name: string; levels: Record<string, unknown>; etag: string }>('GET', `/api/accounts/${accountId}/service-contract`);
    expect(contract.body).toMatchObject({ name: 'Premium-Wartung', levels: { urgent: { firstResponseHours: 1, resolutionHours: 24 } }, etag: '"1"' });

    await item.getByRole('button', { name: `Vertrag von ${account} beenden` }).click();
    // The confirmation takes the focus, so Enter ends the contract.
    await page.keyboard.press('Enter');
    await contracts.getByText(`Der Vertrag von ${account} ist beendet.`).waitFor();
    expect((await api<{ etag: string }>('GET', `/api/accounts/${accountId}/service-contract`)).body.etag).toBe('"0"');
  });

  it('registers a webhook endpoint by keyboard, shows its secret once, and pauses it, as the API then lists it', async () => {
    await open();
    await page.getByRole('navigation', { name: 'Pages of the Data tab' }).getByRole('button', { name: 'Webhooks' }).click();
    await page.waitForSelector('[data-ready-key="webhooks"]', { state: 'attached' });
    const form = page.getByRole('form', { name: 'Register an endpoint' });
    // .invalid never resolves: the delivery worker's tries fail quietly and reach no one.
    await form.getByLabel('URL (https://)').fill('https://erp.invalid/crm-hook');
    await form.getByLabel('Description (optional)').fill('ERP-Test');
    await form.getByRole('checkbox', { name: 'case.changed' }).focus();
    await page.keyboard.press('Space');
    await form.getByRole('button', { name: 'Register' }).focus();
    await page.keyboard.press('Enter');
    const secret = page.getByLabel('Signing secret');
    await secret.waitFor();
    expect((await secret.inputValue()).length).toBeGreaterThan(20);
    const listed = await api<{ items: Array<{ id: string; url: string; events: string[]; status: string }> }>('GET', '/api/webhooks');
    const mine = listed.body.items.find((w) => w.url === 'https://erp.invalid/crm-hook')!;
    expect(mine).toMatchObject({ events: ['case.changed'], status: 'active' });
    expect(JSON.stringify(listed.body)).not.toContain(await secret.inputValue());

    await page.getByRole('button', { name: 'Pause https://erp.invalid/crm-hook' }).click();
    await page.getByText('https://erp.invalid/crm-hook is paused; events wait until it is resumed.').waitFor();
    expect((await api<{ status: string; pausedReason: string | null }>('GET', `/api/webhooks/${mine.id}`)).body.status).toBe('paused');
    await page.locator(`[data-webhook-id="${mine.id}"]`).getByText('Paused', { exact: true }).waitFor();
    await screenshot(page, 'data-webhooks');
  });

  it('changes an endpoint, reads its delivery log and deletes it by keyboard, as the API then has it', async () => {
    // .invalid never resolves: the worker's tries fail and the delivery keeps waiting for its next try.
    const url = `https://erp-${Date.now()}.invalid/hook`;
    const registered = await api<{ id: string }>('POST', '/api/webhooks', { body: { url, events: ['account.created'], description: 'Alt' } });
    const id = registered.body.id;
    await api('POST', '/api/accounts', { body: { name: `Webhook-Probe ${Date.now()} GmbH` } });
    await open();
    await page.getByRole('navigation', { name: 'Pages of the Data tab' }).getByRole('button', { name: 'Webhooks' }).click();
    await page.waitForSelector('[data-ready-key="webhooks"]', { state: 'attached' });
    const item = page.locator(`[data-webhook-id="${id}"]`);

    await item.getByRole('button', { name: `Edit ${url}` }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: `Edit ${url}` });
    // The form takes the focus at its first field.
    await form.getByLabel('URL (https://)').and(page.locator(':focus')).waitFor();
    await form.getByLabel('Description (optional)').fill('ERP neu');
    await form.getByRole('checkbox', { name: 'contact.created' }).focus();
    await page.keyboard.press('Space');
    await form.getByRole('button', { name: 'Save' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`${url} saved.`).waitFor();
    const changed = await api<{ description: string; events: string[]; url: string }>('GET', `/api/webhooks/${id}`);
    expect(changed.body).toMatchObject({ url, description: 'ERP neu', events: ['account.created', 'contact.created'] });
    await item.getByText('ERP neu', { exact: true }).waitFor();

    const log = item.getByRole('button', { name: `Delivery log of ${url}` });
    await log.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-ready-key="deliveries-${id}"]`, { state: 'attached' });
    const deliveries = await api<{ items: Array<{ eventId: string; type: string }> }>('GET', `/api/webhooks/${id}/deliveries`);
    expect(deliveries.body.items.map((d) => d.type)).toEqual(['account.created']);
    const row = item.locator(`tr[data-event-id="${deliveries.body.items[0]!.eventId}"]`);
    expect(await row.locator('td').first().textContent()).toBe('account.created');
    expect(await log.getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'data-webhooks-log');

    await item.getByRole('button', { name: `Delete ${url}` }).focus();
    await page.keyboard.press('Enter');
    // The confirmation takes the focus, so Enter deletes.
    await item.getByRole('button', { name: 'Delete endpoint' }).and(page.locator(':focus')).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(`${url} is deleted.`).waitFor();
    const left = await api<{ items: Array<{ id: string }> }>('GET', '/api/webhooks');
    expect(left.body.items.map((w) => w.id)).not.toContain(id);
  });

  it('tells a user without a manager role which role the tab needs, in German', async () => {
    await page.route('**/dev/token', (route) => route.continue({ postData: JSON.stringify({ roles: ['CRM.User'] }) }));
    await page.goto(`${host.url}/teams/data.html?lang=de`);
    const notice = page.getByTestId('needs-role');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Ihre Rolle (CRM.User) erlaubt es nicht; nötig ist eine dieser Rollen: CRM.Admin, CRM.Manager.');
    expect(await page.getByRole('navigation').count()).toBe(0);
  });
});
