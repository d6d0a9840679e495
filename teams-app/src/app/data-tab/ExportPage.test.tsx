// The Data tab and its "Export" page: only managers and administrators get the pages, others read which role they
// need; an export asks the chosen list's endpoint with its filters and the file options and saves the file it answers.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@crm/common/web';
import { TabShell } from '../TabShell';
import { fakeApi, fakeHost, me, type FakeAnswers } from '../test-fixtures';
import { DataTab } from './DataTab';
import { dataTexts } from './data-texts';

function renderTab(answers: FakeAnswers = {}, locale = 'en-US') {
  const saved: Array<{ name: string; blob: Blob }> = [];
  const api = fakeApi({ me: () => me(['CRM.Manager']), ...answers });
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale, origin: null }) }}>
      <DataTab texts={dataTexts} page="export" save={(blob, name) => saved.push({ blob, name })} />
    </TabShell>,
  );
  return { api, saved };
}
const exportPage = async () => within(await screen.findByTestId('export'));
const csv = (name: string) => new File(['\ufeffName;Ort\r\nMüller GmbH;München\r\n'], name, { type: 'text/csv' });

afterEach(cleanup);

describe('data tab', () => {
  it('tells a user without a manager role which role the tab needs, and calls nothing else', async () => {
    const { api } = renderTab({ me: () => me(['CRM.User']) });
    const notice = await screen.findByTestId('needs-role');
    expect(notice.textContent).toBe(
      'Importing, exporting and merging records, service levels and webhooks are for managers and administrators. Your role (CRM.User) does not allow it; it needs one of these roles: CRM.Admin, CRM.Manager. Ask your administrator if you need it.',
    );
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(api.calls.map((c) => c.name)).toEqual(['me']);
  });

  it('says so in German too', async () => {
    renderTab({ me: () => me(['CRM.Reader']) }, 'de-DE');
    expect(screen.getByRole('heading', { level: 1, name: 'Daten' })).toBeTruthy();
    expect((await screen.findByTestId('needs-role')).textContent).toContain('Ihre Rolle (CRM.Reader) erlaubt es nicht; nötig ist eine dieser Rollen: CRM.Admin, CRM.Manager.');
  });

  it('explains a failure to learn the roles instead of showing a blank tab', async () => {
    renderTab({ me: () => new ApiError('server', 500, null) });
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});

describe('export page', () => {
  it('downloads accounts as CSV for German Excel with the decimal comma by default, and saves the file under the server’s name', async () => {
    const { api, saved } = renderTab({ exportAccounts: () => csv('accounts-2026-12-02.csv') });
    const page = await exportPage();
    expect(within(screen.getByRole('navigation', { name: 'Pages of the Data tab' })).getByRole('button', { name: 'Export' }).getAttribute('aria-current')).toBe('page');
    fireEvent.change(page.getByLabelText('Only records matching (optional)'), { target: { value: 'müller ' } });
    fireEvent.click(page.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(saved.map((s) => s.name)).toEqual(['accounts-2026-12-02.csv']));
    expect(api.calls.find((c) => c.name === 'exportAccounts')?.args.query).toEqual({ format: 'csv', decimal: 'comma', q: 'müller' });
    expect(await saved[0]!.blob.text()).toBe('\ufeffName;Ort\r\nMüller GmbH;München\r\n');
    expect(page.getByTestId('done-notice').textContent).toBe('Downloaded accounts-2026-12-02.csv.');
  });

  it('downloads opportunities of one status as XLSX, without a decimal option', async () => {
    const { api, saved } = renderTab({ exportOpportunities: () => new File(['PK'], 'opportunities.xlsx') });
    const page = await exportPage();
    fireEvent.click(page.getByRole('radio', { name: 'Opportunities' }));
    fireEvent.change(page.getByLabelText('Status'), { target: { value: 'won' } });
    fireEvent.click(page.getByRole('radio', { name: 'Excel workbook (XLSX)' }));
    expect(page.queryByText('Decimal separator in amounts')).toBeNull();
    fireEvent.click(page.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(saved.map((s) => s.name)).toEqual(['opportunities.xlsx']));
    expect(api.calls.find((c) => c.name === 'exportOpportunities')?.args.query).toEqual({ format: 'xlsx', status: 'won' });
  });

  it('exports interactions of one type with the decimal point, in German', async () => {
    const { api, saved } = renderTab({ exportInteractions: () => csv('interactions.csv') }, 'de-DE');
    const page = await exportPage();
    fireEvent.click(page.getByRole('radio', { name: 'Interaktionen' }));
    expect(page.queryByLabelText('Nur passende Datensätze (optional)')).toBeNull();
    fireEvent.change(page.getByLabelText('Art'), { target: { value: 'complaint' } });
    fireEvent.click(page.getByRole('radio', { name: 'Punkt (1234.56)' }));
    fireEvent.click(page.getByRole('button', { name: 'Herunterladen' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(api.calls.find((c) => c.name === 'exportInteractions')?.args.query).toEqual({ format: 'csv', decimal: 'point', type: ['complaint'] });
    expect(page.getByTestId('done-notice').textContent).toBe('interactions.csv heruntergeladen.');
  });

  it('shows the API’s problem and saves nothing when the export is refused', async () => {
    const { saved } = renderTab({
      exportContacts: () => new ApiError('forbidden', 403, { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'needs CRM.Manager' }),
    });
    const page = await exportPage();
    fireEvent.click(page.getByRole('radio', { name: 'Contacts' }));
    fireEvent.click(page.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(page.getByRole('alert').textContent).toContain('needs CRM.Manager'));
    expect(saved).toEqual([]);
  });
});
