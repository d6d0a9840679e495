// The Data tab's "Import" page: upload, what was detected with overrides, the mapping, the preview's decisions per row
// and in bulk, the commit with progress, the report, undo and the history, in English and German.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Import } from '@crm/common';
import { ApiError } from '@crm/common/web';
import { TabShell } from '../TabShell';
import { fakeApi, fakeHost, me, type FakeAnswers } from '../test-fixtures';
import { DataTab } from './DataTab';
import { dataTexts } from './data-texts';
import { anImport, EARLIER_IMPORT_ID, HOFFMANN_ID, IMPORT_ID, preview, rows } from './data-fixtures';

function renderTab(answers: FakeAnswers = {}, locale = 'en-US') {
  const saved: Array<{ name: string; blob: Blob }> = [];
  const api = fakeApi({
    me: () => me(['CRM.Admin']),
    listImports: () => ({ items: [anImport({ id: EARLIER_IMPORT_ID, fileName: 'Messe 2025.xlsx', status: 'committed', kind: 'contacts' })], nextCursor: null }),
    uploadImport: () => anImport(),
    getImport: () => preview(),
    updateImport: (args) => anImport({ etag: `"${Number(JSON.parse(args.ifMatch)) + 1}"` }),
    ...answers,
  });
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale, origin: null }) }}>
      <DataTab texts={dataTexts} save={(blob, name) => saved.push({ blob, name })} />
    </TabShell>,
  );
  return { api, saved };
}

/** A German Excel CSV as the browser hands it over: Windows-1252 bytes (ü = 0xFC, € = 0x80). */
const germanCsv = () => new File([new Uint8Array([0x46, 0x69, 0x72, 0x6d, 0x61, 0x3b, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x80])], 'Kunden.csv');

async function upload(file: File = germanCsv()) {
  const page = within(await screen.findByTestId('import-upload'));
  fireEvent.change(page.getByLabelText('File (CSV or XLSX, up to 20 MB)'), { target: { files: [file] } });
  fireEvent.click(page.getByRole('button', { name: 'Upload and preview' }));
  await screen.findByTestId('import-current');
  await waitFor(() => expect(document.querySelector('[data-ready-key="import-rows"]')).not.toBeNull());
}
const row = (n: number) => document.querySelector(`[data-row="${n}"]`) as HTMLElement;
const calls = (api: ReturnType<typeof renderTab>['api'], name: string) => api.calls.filter((c) => c.name === name);

afterEach(cleanup);

describe('import page', () => {
  it('uploads the file itself and shows what was detected, the mapping, the summary and a decision per row', async () => {
    const { api } = renderTab();
    expect(within(await screen.findByRole('navigation')).getByRole('button', { name: 'Import' }).getAttribute('aria-current')).toBe('page');
    await upload();
    const call = calls(api, 'uploadImport')[0]!;
    expect(call.args.query).toEqual({ fileName: 'Kunden.csv' });
    expect(new Uint8Array(await call.args.file!.arrayBuffer())).toEqual(new Uint8Array([0x46, 0x69, 0x72, 0x6d, 0x61, 0x3b, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x80]));
    expect(screen.getByRole('heading', { name: /Kunden.csv: 4 rows of accounts and contacts/ })).toBeTruthy();
    const format = within(screen.getByTestId('import-format'));
    expect((format.getByLabelText('Encoding (detected)') as HTMLSelectElement).value).toBe('windows-1252');
    expect((format.getByLabelText('Separator (detected)') as HTMLSelectElement).value).toBe(';');
    expect(format.getByText(/not valid UTF-8, read as Windows-1252/)).toBeTruthy();
    const mapping = within(screen.getByTestId('import-mapping'));
    expect((mapping.getByLabelText('Firma') as HTMLSelectElement).value).toBe('account.name');
    expect((mapping.getByLabelText('Umsatz') as HTMLSelectElement).value).toBe('');
    expect(screen.getByTestId('import-summary').textContent).toContain('Accounts: 1 new, 1 update, 1 same as an earlier row, 1 to decide, 0 skipped, 0 errors');
    expect(screen.getByTestId('import-summary').textContent).toContain('1 duplicates within the file, 2 matches in the CRM, 2 still to decide');
    expect(row(2).textContent).toContain('Müller GmbH');
    expect(row(4).querySelector('[data-part="account"]')!.textContent).toContain('Müller GmbH: the names differ only in legal form (AG, GmbH) (score 1.00)');
    expect(row(5).querySelector('[data-part="contact"]')!.textContent).toContain('a contact needs a last name or an email address · Field: Last name');
    expect(within(screen.getByTestId('import-commit')).getByRole('button', { name: 'Import now' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('2 parts still need a decision before the import can start.')).toBeTruthy();
    expect(within(screen.getByTestId('import-history')).getByRole('button', { name: 'Open Messe 2025.xlsx' })).toBeTruthy();
  });

  it('changes one row’s decision with If-Match, to a CRM candidate or an earlier row, and keeps the choice shown', async () => {
    const { api } = renderTab();
    await upload();
    fireEvent.change(within(row(5)).getByLabelText('Decision for the Account of row 5'), { target: { value: `update:${HOFFMANN_ID}` } });
    await waitFor(() => expect(calls(api, 'updateImport')).toHaveLength(1));
    fireEvent.change(within(row(4)).getByLabelText('Decision for the Account of row 4'), { target: { value: 'merge:2' } });
    await waitFor(() => expect(calls(api, 'updateImport')).toHaveLength(2));
    const [first, second] = calls(api, 'updateImport');
    expect(first!.args).toMatchObject({ params: { id: IMPORT_ID }, ifMatch: '"1"', body: { rows: [{ row: 5, account: { action: 'update', existingId: HOFFMANN_ID } }] } });
    // The second change carries the ETag the first one answered.
    expect(second!.args).toMatchObject({ ifMatch: '"2"', body: { rows: [{ row: 4, account: { action: 'merge', intoRow: 2 } }] } });
    expect((within(row(5)).getByLabelText('Decision for the Account of row 5') as HTMLSelectElement).value).toBe(`update:${HOFFMANN_ID}`);
    expect(within(row(5)).getByRole('option', { name: 'Update Hoffmann Antriebstechnik (0.88)' })).toBeTruthy();
    expect(calls(api, 'getImport')).toHaveLength(1);
  });

  it('takes bulk decisions and reads the rows again', async () => {
    const { api } = renderTab({
      updateImport: () => anImport({ etag: '"2"', summary: { ...anImport().summary, awaitingDecision: 0 } }),
    });
    await upload();
    fireEvent.click(screen.getByRole('button', { name: 'Skip all errors' }));
    await waitFor(() => expect(calls(api, 'getImport')).toHaveLength(2));
    expect(calls(api, 'updateImport')[0]!.args.body).toEqual({ bulk: ['skipErrors'] });
    fireEvent.click(screen.getByRole('button', { name: 'Update all exact matches' }));
    await waitFor(() => expect(calls(api, 'updateImport')[1]?.args).toMatchObject({ ifMatch: '"2"', body: { bulk: ['updateExactMatches'] } }));
    await waitFor(() => expect(within(screen.getByTestId('import-commit')).getByRole('button', { name: 'Import now' }).hasAttribute('disabled')).toBe(false));
  });

  it('filters the rows by decision and pages through them', async () => {
    const { api } = renderTab({
      getImport: (args) =>
        args.query?.cursor ? preview(anImport(), rows().slice(2)) : preview(anImport(), rows().slice(0, 2), 'next-page'),
    });
    await upload();
    expect(row(4)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show more rows' }));
    await waitFor(() => expect(row(4)).not.toBeNull());
    expect(row(2)).not.toBeNull();
    fireEvent.change(screen.getByLabelText('Show rows'), { target: { value: 'review' } });
    await waitFor(() => expect(calls(api, 'getImport').at(-1)!.args.query).toEqual({ limit: 50, action: 'review' }));
  });

  it('adjusts the mapping, refusing a field chosen twice, and overrides the separator', async () => {
    const { api } = renderTab();
    await upload();
    const mapping = within(screen.getByTestId('import-mapping'));
    fireEvent.change(mapping.getByLabelText('Umsatz'), { target: { value: 'account.name' } });
    expect(mapping.getByRole('alert').textContent).toBe('Company is chosen for more than one column.');
    expect(mapping.getByRole('button', { name: 'Apply the mapping' }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(mapping.getByLabelText('Umsatz'), { target: { value: 'account.revenue' } });
    fireEvent.click(mapping.getByRole('button', { name: 'Apply the mapping' }));
    await waitFor(() => expect(calls(api, 'updateImport')).toHaveLength(1));
    expect(calls(api, 'updateImport')[0]!.args.body).toEqual({
      mapping: { columns: expect.arrayContaining([{ index: 3, header: 'Umsatz', field: 'account.revenue' }]) },
    });
    const format = within(screen.getByTestId('import-format'));
    fireEvent.change(format.getByLabelText('Separator (detected)'), { target: { value: ',' } });
    fireEvent.click(format.getByRole('button', { name: 'Read again with these settings' }));
    await waitFor(() => expect(calls(api, 'updateImport')).toHaveLength(2));
    expect(calls(api, 'updateImport')[1]!.args.body).toEqual({ read: { kind: 'csv', encoding: 'windows-1252', delimiter: ',' } });
  });

  it('commits with progress until done, shows every row’s result, downloads the report and undoes with confirmation', async () => {
    const ready = anImport({ summary: { ...anImport().summary, awaitingDecision: 0 } });
    const committed = anImport({
      status: 'committed',
      progress: { committedRows: 4, totalRows: 4 },
      committedAt: '2026-12-02T10:00:00.000Z',
      undoUntil: '2027-01-01T10:00:00.000Z',
    });
    let commits = 0;
    const done = rows().map((r) => ({ ...r, outcome: { account: { action: 'created' as const, id: HOFFMANN_ID, reason: 'new account' }, contact: null, consent: null } }));
    const { api, saved } = renderTab({
      uploadImport: () => ready,
      commitImport: () => (++commits === 1 ? anImport({ status: 'committing', progress: { committedRows: 2, totalRows: 4 } }) : committed),
      getImport: () => (commits >= 2 ? preview(committed, done) : preview(ready)),
      importReport: () => new File(['\ufeffRow;Company'], 'Kunden-report.csv', { type: 'text/csv' }),
      undoImport: () =>
        anImport({
          status: 'undone',
          undoneAt: '2026-12-02T11:00:00.000Z',
          undo: { reverted: 5, leftAlone: [{ entity: 'contact', id: HOFFMANN_ID, row: 3, reason: 'edited since the import' }] },
        }),
    });
    await upload();
    fireEvent.click(screen.getByRole('button', { name: 'Import now' }));
    await waitFor(() => expect(screen.getByTestId('done-notice').textContent).toBe('Imported: 4 of 4 rows.'));
    expect(commits).toBe(2);
    await waitFor(() => expect(row(2).querySelector('[data-outcome]')!.textContent).toBe('Account: Created (new account)'));
    expect(screen.queryByTestId('import-mapping')).toBeNull();
    expect(screen.getByText('Can be undone until 1 Jan 2027.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Download the report (CSV)' }));
    await waitFor(() => expect(saved.map((s) => s.name)).toEqual(['Kunden-report.csv']));
    fireEvent.click(screen.getByRole('button', { name: 'Undo this import' }));
    expect(calls(api, 'undoImport')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Undo now' }));
    const report = await screen.findByTestId('undo-report');
    expect(report.textContent).toContain('Undone: 5 records reverted.');
    expect(report.textContent).toContain('row 3, contact: edited since the import');
    // The history is read again after the commit and after the undo, so it shows their status.
    const names = () => api.calls.map((c) => c.name);
    await waitFor(() => expect(names().lastIndexOf('listImports')).toBeGreaterThan(names().indexOf('undoImport')));
    expect(names().slice(names().indexOf('commitImport'), names().indexOf('importReport'))).toContain('listImports');
  });

  it('shows why a commit or an upload was refused', async () => {
    const problem = (status: number, detail: string) => new ApiError(status === 409 ? 'conflict' : 'invalid', status, { type: 'about:blank', title: 'x', status, detail });
    renderTab({
      uploadImport: () => problem(400, 'the file is a PDF, not a list'),
    });
    await waitFor(() => screen.getByTestId('import-upload'));
    const page = within(screen.getByTestId('import-upload'));
    fireEvent.change(page.getByLabelText('File (CSV or XLSX, up to 20 MB)'), { target: { files: [new File(['%PDF-1.7'], 'Kunden.csv')] } });
    fireEvent.click(page.getByRole('button', { name: 'Upload and preview' }));
    await waitFor(() => expect(page.getByRole('alert').textContent).toContain('the file is a PDF, not a list'));
  });

  it('refuses a file above 20 MB before sending it', async () => {
    const { api } = renderTab();
    const page = within(await screen.findByTestId('import-upload'));
    const big = new File(['x'], 'Riesig.csv');
    Object.defineProperty(big, 'size', { value: 21 * 1024 * 1024 });
    fireEvent.change(page.getByLabelText('File (CSV or XLSX, up to 20 MB)'), { target: { files: [big] } });
    fireEvent.click(page.getByRole('button', { name: 'Upload and preview' }));
    expect(await page.findByText('The file has 21.0 MB; the limit is 20 MB.')).toBeTruthy();
    expect(calls(api, 'uploadImport')).toEqual([]);
  });

  it('opens an earlier import from the history', async () => {
    const earlier: Import = anImport({ id: EARLIER_IMPORT_ID, fileName: 'Messe 2025.xlsx', status: 'committed', kind: 'contacts' });
    const { api } = renderTab({ getImport: () => preview(earlier, []) });
    fireEvent.click(await screen.findByRole('button', { name: 'Open Messe 2025.xlsx' }));
    await screen.findByTestId('import-current');
    expect(calls(api, 'getImport')[0]!.args.params).toEqual({ id: EARLIER_IMPORT_ID });
    expect(screen.getByRole('heading', { name: /Messe 2025.xlsx: 4 rows of contacts/ })).toBeTruthy();
  });

  it('says why an earlier import could not be opened', async () => {
    renderTab({ getImport: () => new ApiError('not-found', 404, { type: 'about:blank', title: 'Not Found', status: 404, detail: 'import not found' }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Open Messe 2025.xlsx' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('import not found'));
    expect(screen.queryByTestId('import-current')).toBeNull();
  });

  it('speaks German', async () => {
    renderTab({}, 'de-DE');
    const page = within(await screen.findByTestId('import-upload'));
    fireEvent.change(page.getByLabelText('Datei (CSV oder XLSX, bis 20 MB)'), { target: { files: [germanCsv()] } });
    fireEvent.click(page.getByRole('button', { name: 'Hochladen und Vorschau' }));
    await screen.findByTestId('import-current');
    expect(screen.getByRole('heading', { name: /Kunden.csv: 4 Zeilen mit Firmen und Kontakten/ })).toBeTruthy();
    expect(screen.getByTestId('import-summary').textContent).toContain('Firmen: 1 neu, 1 aktualisieren, 1 wie eine frühere Zeile, 1 zu entscheiden');
    expect(screen.getByRole('button', { name: 'Alle Fehler überspringen' })).toBeTruthy();
    await waitFor(() => expect(within(row(4)).getByLabelText('Entscheidung für Firma in Zeile 4')).toBeTruthy());
  });
});
