// The Data tab's "Possible duplicates" page: pairs of contacts and accounts with their reasons, comparing a pair,
// choosing the record to keep and per differing field whose value it keeps, merging with If-Match, and undoing it.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@crm/common/web';
import { TabShell } from '../TabShell';
import { fakeApi, fakeHost, me, type FakeAnswers } from '../test-fixtures';
import { DataTab } from './DataTab';
import { dataTexts } from './data-texts';
import { account, accountPair, contactPair, JUERGEN2_ID, JUERGEN_ID, juergen, juergen2, merge, MERGE_ID, MUELLER_AG_ID, MUELLER_GMBH_ID } from './data-fixtures';

function renderTab(answers: FakeAnswers = {}, locale = 'en-US') {
  const api = fakeApi({
    me: () => me(['CRM.Manager']),
    contactDuplicates: () => ({ items: [contactPair()], nextCursor: null }),
    accountDuplicates: () => ({ items: [accountPair()], nextCursor: null }),
    getContact: (args) => (args.params.id === JUERGEN_ID ? juergen() : juergen2()),
    getAccount: (args) =>
      args.params.id === MUELLER_GMBH_ID
        ? account({ id: MUELLER_GMBH_ID, name: 'Müller GmbH', industry: 'Maschinenbau' })
        : account({ id: MUELLER_AG_ID, name: 'Müller AG', industry: 'Handel', etag: '"9"' }),
    mergeContacts: () => merge(),
    mergeAccounts: () => merge({ entity: 'account', survivorId: MUELLER_AG_ID, mergedId: MUELLER_GMBH_ID }),
    undoMerge: () => merge({ undoneAt: '2026-12-02T12:05:00.000Z' }),
    ...answers,
  });
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale, origin: null }) }}>
      <DataTab texts={dataTexts} page="duplicates" save={() => undefined} />
    </TabShell>,
  );
  return api;
}
const list = async () => within(await screen.findByTestId('duplicates'));
const calls = (api: ReturnType<typeof renderTab>, name: string) => api.calls.filter((c) => c.name === name);

afterEach(cleanup);

describe('duplicates page', () => {
  it('lists possible duplicate contacts with their reason and score', async () => {
    renderTab();
    await list();
    const pair = await screen.findByText('Jürgen Weiß and Juergen Weiss');
    const item = pair.closest('li')!;
    expect(item.textContent).toContain('similar name, same account');
    expect(item.textContent).toContain('score 0.82');
    expect(item.textContent).toContain('similar names within the account · Müller GmbH, j.weiss@mueller-gmbh.de · Müller GmbH, jw@mueller-gmbh.de');
  });

  it('compares a pair, keeps the chosen values of differing fields and merges with If-Match, then undoes the merge', async () => {
    const api = renderTab();
    const page = await list();
    fireEvent.click(await page.findByRole('button', { name: 'Compare and merge Jürgen Weiß and Juergen Weiss' }));
    const panel = within(await screen.findByTestId('merge-panel'));
    const fields = within(await panel.findByTestId('merge-fields'));
    // The job title only one has is kept by rule; the names and the custom field that differ are chosen.
    expect(fields.getAllByRole('row').slice(1).map((r) => r.getAttribute('data-field'))).toEqual(['firstName', 'lastName', 'custom:kundennummer']);
    fireEvent.click(within(fields.getByRole('radiogroup', { name: 'Value of Last name' })).getByRole('radio', { name: 'Weiss' }));
    fireEvent.click(within(fields.getByRole('radiogroup', { name: 'Value of Custom field kundennummer' })).getByRole('radio', { name: 'K-2' }));
    fireEvent.click(panel.getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(calls(api, 'mergeContacts')).toHaveLength(1));
    expect(calls(api, 'mergeContacts')[0]!.args).toEqual({
      params: { id: JUERGEN_ID },
      ifMatch: '"3"',
      body: { mergedId: JUERGEN2_ID, mergedEtag: '"7"', fields: { firstName: 'survivor', lastName: 'merged' }, customFields: { kundennummer: 'merged' } },
    });
    const done = await screen.findByTestId('merge-done');
    expect(done.textContent).toContain('Merged into Jürgen Weiß. Moved: interactions 3, consents 1.');
    await waitFor(() => expect(calls(api, 'contactDuplicates')).toHaveLength(2));
    fireEvent.click(within(done).getByRole('button', { name: 'Undo the merge' }));
    await waitFor(() => expect(screen.getByTestId('merge-done').textContent).toContain('The merge was undone: both records are back as they were.'));
    expect(calls(api, 'undoMerge')[0]!.args.params).toEqual({ id: MERGE_ID });
  });

  it('warns that accounts differing only in legal form are different legal entities, and merges into the one chosen to keep', async () => {
    const api = renderTab();
    const page = await list();
    fireEvent.click(page.getByRole('radio', { name: 'Accounts' }));
    expect(await page.findByText('Different legal entities unless you know better: the names differ only in legal form.')).toBeTruthy();
    expect(page.getByText('Müller GmbH and Müller AG').closest('li')!.textContent).toContain('legal form differs');
    fireEvent.click(page.getByRole('button', { name: 'Compare and merge Müller GmbH and Müller AG' }));
    const panel = within(await screen.findByTestId('merge-panel'));
    await panel.findByTestId('merge-fields');
    fireEvent.click(panel.getByRole('radio', { name: 'Keep Müller AG' }));
    const fields = within(panel.getByTestId('merge-fields'));
    fireEvent.click(within(fields.getByRole('radiogroup', { name: 'Value of Industry' })).getByRole('radio', { name: 'Maschinenbau' }));
    fireEvent.click(panel.getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(calls(api, 'mergeAccounts')).toHaveLength(1));
    expect(calls(api, 'mergeAccounts')[0]!.args).toEqual({
      params: { id: MUELLER_AG_ID },
      ifMatch: '"9"',
      body: { mergedId: MUELLER_GMBH_ID, mergedEtag: '"5"', fields: { name: 'survivor', industry: 'merged' }, customFields: {} },
    });
  });

  it('shows why a merge was refused and keeps the comparison open', async () => {
    renderTab({
      mergeContacts: () =>
        new ApiError('changed', 412, { type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'the contact was changed by someone else' }),
    });
    const page = await list();
    fireEvent.click(await page.findByRole('button', { name: 'Compare and merge Jürgen Weiß and Juergen Weiss' }));
    const panel = within(await screen.findByTestId('merge-panel'));
    await panel.findByTestId('merge-fields');
    fireEvent.click(panel.getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(panel.getByRole('alert').textContent).toContain('the contact was changed by someone else'));
    expect(screen.queryByTestId('merge-done')).toBeNull();
  });

  it('says when there are no duplicates, in German', async () => {
    renderTab({ contactDuplicates: () => ({ items: [], nextCursor: null }) }, 'de-DE');
    const page = await list();
    expect(await page.findByText('Keine möglichen Dubletten gefunden.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Mögliche Dubletten' })).toBeTruthy();
  });
});
