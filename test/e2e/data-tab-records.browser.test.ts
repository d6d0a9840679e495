// The Teams Data tab's Import page in real Chromium, in German, with the two lists that name an account instead of
// creating one: revenue per account and year, and opportunities, each a German Excel file (semicolons, Windows-1252 with
// umlauts and €, 1.234,56 amounts, 31.03.2026 dates). Uploaded, previewed with what each row writes, committed and
// closed by keyboard; the CRM then holds the figures and the deals.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { describeInBrowser, screenshot } from '../support/browser';
import { localApi, type LocalApi } from '../support/local-api';
import type { LocalHostProcess } from '../support/local-host-process';
import { seededHostInBrowser } from '../support/seeded-host-in-browser';
import { windows1252 } from '../support/windows-1252';

const ACCOUNT = 'Größle Armaturen GmbH';
const NUMBER = 'K-7701';

const REVENUE_LIST = [
  'Kundennummer;Firma;Jahr;Umsatz;Kosten',
  `${NUMBER};${ACCOUNT};2024;"12.345,67 €";"8.000,00 €"`,
  `;${ACCOUNT};2025;"15.000,00 €";`,
  '',
].join('\r\n');

const OPPORTUNITY_LIST = [
  'Kundennummer;Verkaufschance;Phase;Betrag;Abschlussdatum',
  `${NUMBER};Wartungsvertrag Süd;Angebot versendet;"25.000,00 €";31.03.2026`,
  `${NUMBER};Ersatzteile Öko-Linie;Gewonnen;"4.500,50 €";15.01.2026`,
  '',
].join('\r\n');

describeInBrowser('Teams Data tab: revenue and opportunity lists in Chromium', () => {
  const suite = seededHostInBrowser('crm-data-records-', { context: { acceptDownloads: true } });
  let host: LocalHostProcess;
  let api: LocalApi;
  let page: Page;
  let accountId = '';

  /** The German page, the file chosen and uploaded by keyboard, and the preview's rows loaded. */
  const uploadInGerman = async (name: string, list: string) => {
    await page.goto(`${host.url}/teams/data.html?lang=de`);
    await page.waitForSelector('[data-ready-key="import"]');
    await page.getByLabel('Datei (CSV oder XLSX, bis 20 MB)').setInputFiles({ name, mimeType: 'text/csv', buffer: windows1252(list) });
    await page.getByRole('button', { name: 'Hochladen und Vorschau' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('import-current').waitFor();
    await page.waitForSelector('[data-ready-key="import-rows"]');
    expect(await page.getByLabel('Zeichenkodierung (erkannt)').inputValue()).toBe('windows-1252');
  };
  const commitByKeyboard = async (rows: number) => {
    await page.getByRole('button', { name: 'Jetzt importieren' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`Importiert: ${rows} von ${rows} Zeilen.`).waitFor();
    await page.waitForSelector(`[data-row="${rows + 1}"] [data-outcome]`);
  };
  const recordCell = (row: number) => page.locator(`[data-row="${row}"] [data-part="record"]`);

  beforeAll(async () => {
    ({ host } = suite);
    api = localApi(host.url);
    accountId = (await api<{ id: string }>('POST', '/api/accounts', { body: { name: ACCOUNT, customFields: { customerNumber: NUMBER } } })).body.id;
  });
  beforeEach(() => {
    ({ page } = suite);
  });

  it('imports revenue per year from a German Excel list, each row saying in German what it writes', async () => {
    await uploadInGerman('Umsätze.csv', REVENUE_LIST);
    await page.getByRole('heading', { name: 'Umsätze.csv: 2 Zeilen mit Umsätzen je Zeitraum' }).waitFor();
    expect(await page.getByLabel('Die Liste enthält').inputValue()).toBe('revenue');
    expect(await page.getByLabel('Jahr', { exact: true }).inputValue()).toBe('revenue.year');
    expect(await recordCell(2).getAttribute('data-proposed')).toBe('create');
    expect(await recordCell(2).textContent()).toContain(`2024 für ${ACCOUNT}: Umsatz 12.345,67`);
    // The second row names the company without its number: found by its name, umlauts and all.
    expect(await recordCell(3).textContent()).toContain(`2025 für ${ACCOUNT}: Umsatz 15.000,00`);
    expect(await page.getByTestId('import-summary').textContent()).toContain('Umsatzzeiträume: 2 neu');
    await screenshot(page, 'data-import-revenue-de');

    await commitByKeyboard(2);
    expect(await page.locator('[data-row="2"] [data-outcome]').textContent()).toContain('Angelegt (der Zeitraum wurde angelegt)');
    const imports = await api<{ items: Array<{ id: string; fileName: string; kind: string; status: string }> }>('GET', '/api/imports');
    const mine = imports.body.items.find((item) => item.fileName === 'Umsätze.csv')!;
    expect(mine).toMatchObject({ kind: 'revenue', status: 'committed' });
    const preview = await api<{ rows: { items: Array<{ row: number; outcome: { record: { action: string; id: string } } }> } }>(
      'GET',
      `/api/imports/${mine.id}`,
    );
    expect(preview.body.rows.items.map((row) => [row.row, row.outcome.record.action])).toEqual([
      [2, 'created'],
      [3, 'created'],
    ]);
    // The report downloads in the page's language, for German Excel.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bericht herunterladen (CSV)' }).click()]);
    const report = readFileSync((await file.path())!);
    expect([...report.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(report.subarray(3).toString('utf8').split('\r\n').slice(0, 2)).toEqual([
      'Zeile;Firma;Ergebnis;Grund;Datensatz-ID',
      `2;${ACCOUNT};created;der Zeitraum wurde angelegt;${preview.body.rows.items[0]!.outcome.record.id}`,
    ]);
  });

  it('imports opportunities from a German Excel list by the account’s customer number, German stages and amounts', async () => {
    await uploadInGerman('Verkaufschancen.csv', OPPORTUNITY_LIST);
    await page.getByRole('heading', { name: 'Verkaufschancen.csv: 2 Zeilen mit Verkaufschancen' }).waitFor();
    expect(await page.getByLabel('Die Liste enthält').inputValue()).toBe('opportunities');
    expect(await recordCell(2).getAttribute('data-proposed')).toBe('create');
    expect(await recordCell(2).textContent()).toContain(`eine neue Verkaufschance „Wartungsvertrag Süd“ für ${ACCOUNT}: Phase`);
    expect(await recordCell(2).textContent()).toContain('Betrag 25.000,00');
    expect(await recordCell(3).textContent()).toMatch(/Betrag 4\.500,50, gewonnen/);
    await screenshot(page, 'data-import-opportunities-de');

    await commitByKeyboard(2);
    expect(await page.locator('[data-row="3"] [data-outcome]').textContent()).toContain('Angelegt (die Verkaufschance wurde angelegt)');
    const opportunities = await api<{ items: Array<{ name: string; amount: number; status: string; expectedCloseDate: string | null }> }>(
      'GET',
      `/api/opportunities?accountId=${accountId}`,
    );
    expect(
      opportunities.body.items
        .map(({ name, amount, status, expectedCloseDate }) => ({ name, amount, status, expectedCloseDate }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual([
      { name: 'Ersatzteile Öko-Linie', amount: 4500.5, status: 'won', expectedCloseDate: '2026-01-15' },
      { name: 'Wartungsvertrag Süd', amount: 25000, status: 'open', expectedCloseDate: '2026-03-31' },
    ]);

    // The import closes by keyboard, and the page is ready for the next list.
    await page.getByRole('button', { name: 'Diesen Import schließen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Hochladen und Vorschau' }).waitFor();
    expect(await page.getByTestId('import-current').count()).toBe(0);
  });
});
