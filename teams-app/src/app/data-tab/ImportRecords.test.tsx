// The Import page for lists whose rows write one record each (opportunities, revenue per period): the kind the user
// chooses, the mapping offering that kind's fields, each row's decision with what it creates or changes (old -> new),
// the only choice such a row has (skip), and the result after the commit, in German and English.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TabShell } from '../TabShell';
import { fakeApi, fakeHost, me, type FakeAnswers } from '../test-fixtures';
import { DataTab } from './DataTab';
import { dataTexts } from './data-texts';
import { anImport, opportunityImport, opportunityRows, preview, revenueRows } from './data-fixtures';

function renderTab(answers: FakeAnswers, locale = 'en-US') {
  const api = fakeApi({
    me: () => me(['CRM.Manager']),
    listImports: () => ({ items: [], nextCursor: null }),
    ...answers,
  });
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale, origin: null }) }}>
      <DataTab texts={dataTexts} save={() => undefined} />
    </TabShell>,
  );
  return { api };
}

async function upload(label = 'File (CSV or XLSX, up to 20 MB)', button = 'Upload and preview') {
  const page = within(await screen.findByTestId('import-upload'));
  fireEvent.change(page.getByLabelText(label), { target: { files: [new File(['Firma;Verkaufschance'], 'Liste.csv')] } });
  fireEvent.click(page.getByRole('button', { name: button }));
  await screen.findByTestId('import-current');
  await waitFor(() => expect(document.querySelector('[data-ready-key="import-rows"]')).not.toBeNull());
}
const row = (n: number) => document.querySelector(`[data-row="${n}"]`) as HTMLElement;
const options = (select: HTMLElement) => [...(select as HTMLSelectElement).options].map((option) => option.textContent);

afterEach(cleanup);

describe('import page: opportunities and revenue', () => {
  it('shows an opportunity list’s decisions in German: what is created, what changes from old to new, and offers only skipping', async () => {
    const { api } = renderTab(
      {
        uploadImport: () => opportunityImport(),
        getImport: () => preview(opportunityImport(), opportunityRows()),
        updateImport: () => opportunityImport({ etag: '"2"' }),
      },
      'de-DE',
    );
    await upload('Datei (CSV oder XLSX, bis 20 MB)', 'Hochladen und Vorschau');
    expect(screen.getByRole('heading', { name: /Verkaufschancen.csv: 4 Zeilen mit Verkaufschancen/ })).toBeTruthy();
    expect(screen.getByTestId('import-summary').textContent).toContain(
      'Verkaufschancen: 1 neu, 1 geändert, 1 unverändert oder übersprungen, 1 Fehler',
    );
    // No person column and no account decision: the row writes an opportunity only.
    const headers = [...document.querySelectorAll('[data-testid="import-rows"] thead th')].map((th) => th.textContent);
    expect(headers).toEqual(['Zeile', 'Firma', 'Aus der Liste', 'Verkaufschance']);
    expect(row(3).querySelector('[data-values]')!.textContent).toBe('Verkaufschance: Neubau Halle · Phase: Negotiation · Betrag: 80.000,00');
    const update = row(3).querySelector('[data-part="record"]') as HTMLElement;
    expect(update.getAttribute('data-proposed')).toBe('update');
    expect(update.textContent).toContain('Aktualisieren');
    expect(update.textContent).toContain('Phase „Angebot“ -> „Verhandlung“, Betrag 50.000,00 -> 80.000,00');
    expect(row(5).querySelector('[data-part="record"]')!.textContent).toContain('Feld: Firma');
    const decision = within(row(5)).getByLabelText('Entscheidung für Verkaufschance in Zeile 5');
    expect(options(decision)).toEqual(['Wie vorgeschlagen: Fehler', 'Überspringen']);
    fireEvent.change(decision, { target: { value: 'skip' } });
    await waitFor(() => expect(api.calls.filter((c) => c.name === 'updateImport')).toHaveLength(1));
    expect(api.calls.find((c) => c.name === 'updateImport')!.args.body).toEqual({ rows: [{ row: 5, record: { action: 'skip' } }] });
    // Exact matches of accounts are nothing such a list has.
    expect(screen.queryByRole('button', { name: 'Alle exakten Treffer aktualisieren' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Alle Fehler überspringen' })).toBeTruthy();
  });

  it('lets the user choose what the list holds, which proposes the columns again, and offers that kind’s fields only', async () => {
    const { api } = renderTab({
      uploadImport: () => anImport(),
      getImport: () => preview(api.calls.some((c) => c.name === 'updateImport') ? opportunityImport({ etag: '"2"' }) : anImport(), []),
      updateImport: () => opportunityImport({ etag: '"2"' }),
    });
    await upload();
    const mapping = within(screen.getByTestId('import-mapping'));
    const kind = mapping.getByLabelText('The list holds') as HTMLSelectElement;
    expect(kind.value).toBe('combined');
    expect(options(kind)).toEqual(['Accounts and contacts (one row each)', 'Accounts', 'Contacts', 'Revenue per account and period', 'Opportunities']);
    expect(options(mapping.getByLabelText('Firma'))).toContain('Email');
    expect(options(mapping.getByLabelText('Firma'))).not.toContain('Stage');
    fireEvent.change(kind, { target: { value: 'opportunities' } });
    await waitFor(() => expect(api.calls.filter((c) => c.name === 'updateImport')).toHaveLength(1));
    expect(api.calls.find((c) => c.name === 'updateImport')!.args).toMatchObject({ ifMatch: '"1"', body: { kind: 'opportunities' } });
    // The answer's mapping is shown, with the fields of an opportunity list.
    const remapped = () => within(screen.getByTestId('import-mapping'));
    await waitFor(() => expect((remapped().getByLabelText('Verkaufschance') as HTMLSelectElement).value).toBe('opportunity.name'));
    expect((remapped().getByLabelText('The list holds') as HTMLSelectElement).value).toBe('opportunities');
    const offered = options(remapped().getByLabelText('Phase'));
    expect(offered).toEqual([
      'Not imported',
      'Company',
      'Legal form',
      'Customer number',
      'Opportunity',
      'Stage',
      'Amount',
      'Close date',
      'Owner (email)',
      'Currency of the amount',
      'Product line',
      'Number in another system (ERP)',
    ]);
  });

  it('shows a committed revenue list’s result per row', async () => {
    const committed = anImport({
      fileName: 'Umsatz.csv',
      kind: 'revenue',
      status: 'committed',
      progress: { committedRows: 1, totalRows: 1 },
      committedAt: '2026-12-02T10:00:00.000Z',
      undoUntil: '2027-01-01T10:00:00.000Z',
      summary: { ...anImport().summary, record: { create: 0, update: 1, merge: 0, review: 0, skip: 0, error: 0 }, awaitingDecision: 0 },
    });
    renderTab({ uploadImport: () => committed, getImport: () => preview(committed, revenueRows()) });
    await upload();
    expect(screen.getByTestId('import-summary').textContent).toContain(
      'Revenue periods: 0 new, 1 with other figures (replaced), 0 unchanged or skipped, 0 errors',
    );
    expect(row(2).querySelector('[data-values]')!.textContent).toBe('Period (year or month): 2024 · Revenue in the period: 6.000,00');
    expect(row(2).querySelector('[data-part="record"]')!.textContent).toContain('revenue 5000.00 -> 6000.00');
    expect(row(2).querySelector('[data-outcome]')!.textContent).toBe('Revenue period: Updated (the figures were replaced)');
  });
});
