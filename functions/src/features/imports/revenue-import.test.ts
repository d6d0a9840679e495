// Revenue lists through the import API, on PGlite and on PostgreSQL: a German Excel file (Windows-1252, semicolons,
// 1.234,56 €) of revenue per account and period is previewed (create, update with old -> new, errors with their
// reasons), committed into account_revenue, imported again without changing anything, reported and undone.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { recordImportCalls, windows1252, type RecordRow } from './record-import-kit';

const REVENUE_LIST = [
  'Kundennummer;Firma;Periode;Umsatz;Kosten;Währung',
  'K-1001;Müller GmbH;März 2025;"1.234,56 €";"800,00";EUR',
  ';MUELLER GmbH;03/2025;"100,00";;',
  ';Weiss Bau AG;31.03.2025;"2.000,00";;',
  ';Schneider KG;2024;"6.000,00";;',
  ';Unbekannt GmbH;2025;"100,00";;',
  ';Müller AG;2025;"100,00";;',
  ';Schneider KG;Q1 2025;"100,00";;',
  ';Schneider KG;2025;"-5,00";;',
  ';Schneider KG;Mar 2025;"1.000,00";;USD',
  ';Schneider KG;2025-02;;;',
  'K-1001;;Apr 2025;"1.500,00";;',
  '',
].join('\r\n');

describeEachDatabase('imports: revenue per account and period', (getDb) => {
  let api: ApiHarness;
  let manager: string;
  const tenantId = randomUUID();
  const { call, upload, rowsOf } = recordImportCalls(
    () => api,
    () => manager,
    'Umsatz.csv',
  );
  const revenue = () =>
    getDb().query<{
      account_id: string;
      period_kind: string;
      period_start: string;
      revenue: string;
      cost: string | null;
      source: string;
      import_id: string | null;
    }>(
      `SELECT account_id, period_kind, to_char(period_start, 'YYYY-MM-DD') AS period_start, revenue::text AS revenue, cost::text AS cost, source, import_id
       FROM account_revenue WHERE tenant_id = $1 ORDER BY account_id, period_start`,
      [tenantId],
    );
  const ids = {} as Record<'mueller' | 'muellerAg' | 'weiss' | 'schneider', string>;
  let importId = '';

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    manager = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Manager'] });
    const create = async (body: unknown) => (await call('POST', '/api/accounts', { body })).body.id as string;
    ids.mueller = await create({ name: 'Müller GmbH', customFields: { customerNumber: 'K-1001' } });
    ids.muellerAg = await create({ name: 'Müller KG' });
    ids.weiss = await create({ name: 'Weiß-Bau AG' });
    ids.schneider = await create({ name: 'Schneider KG' });
    // A year the CRM had before the list: the import replaces its figures, and the undo puts them back.
    await getDb().query(
      `INSERT INTO account_revenue (tenant_id, account_id, period_kind, period_start, revenue, cost, source) VALUES ($1, $2, 'year', '2024-01-01', 5000, 3000, 'api')`,
      [tenantId, ids.schneider],
    );
  });

  it('previews a German Excel revenue list: periods as lists write them, the stored year old -> new, and every error with its reason', async () => {
    const response = await upload(windows1252(REVENUE_LIST));
    expect(response.status).toBe(201);
    importId = response.body.id;
    expect(response.body).toMatchObject({ kind: 'revenue', format: { encoding: 'windows-1252', delimiter: ';' }, progress: { totalRows: 11 } });
    const fields = Object.fromEntries(response.body.mapping.columns.map((c: { header: string; field: string }) => [c.header, c.field]));
    expect(fields).toEqual({
      Kundennummer: 'account.customerNumber',
      Firma: 'account.name',
      Periode: 'revenue.period',
      Umsatz: 'revenue.amount',
      Kosten: 'revenue.cost',
      Währung: 'revenue.currency',
    });
    const rows = await rowsOf(importId);
    const decision = (row: number) => rows.find((r) => r.row === row)!.record.proposed;
    expect(rows.every((row) => row.account === null && row.contact === null)).toBe(true);
    expect(decision(2)).toMatchObject({ action: 'create', reasonCode: 'revenue.newPeriod', reasonParams: { period: '2025-03', revenue: '1234.56' } });
    // The same company (umlauts and case folded) and the same month as row 2: an error, not a sum.
    expect(decision(3)).toMatchObject({ action: 'error', field: 'revenue.period', reasonCode: 'revenue.sameAsRow', reasonParams: { row: 2 } });
    expect(decision(4)).toMatchObject({ action: 'create', reasonParams: { period: '2025-03', account: 'Weiß-Bau AG' } });
    expect(decision(5)).toMatchObject({
      action: 'update',
      existingId: expect.any(String),
      reasonCode: 'revenue.periodStored',
      reasonParams: { period: '2024', oldRevenue: '5000.00', revenue: '6000.00' },
    });
    expect(decision(6)).toMatchObject({ action: 'error', field: 'account.name', reasonCode: 'revenue.accountUnknown' });
    // Müller AG is not Müller GmbH or Müller KG (another legal form): never guessed.
    expect(decision(7)).toMatchObject({ action: 'error', field: 'account.name', reasonCode: 'revenue.accountUnclear' });
    expect(decision(8)).toMatchObject({ action: 'error', field: 'revenue.period', reasonCode: 'revenue.periodInvalid' });
    expect(decision(9)).toMatchObject({ action: 'error', field: 'revenue.amount', reasonCode: 'revenue.negative' });
    expect(decision(10)).toMatchObject({ action: 'error', field: 'revenue.currency', reasonParams: { currency: 'USD', tenantCurrency: 'EUR' } });
    expect(decision(11)).toMatchObject({ action: 'error', field: 'revenue.amount', reasonCode: 'revenue.amountMissing' });
    // The customer number alone finds the account.
    expect(decision(12)).toMatchObject({ action: 'create', reasonParams: { period: '2025-04', account: 'Müller GmbH' } });

    const german = await rowsOf(importId, 'de');
    expect(german.find((r) => r.row === 5)!.record.proposed.reason).toBe('2024 für Schneider KG ist gespeichert: Umsatz 5.000,00 -> 6.000,00');
    expect(german.find((r) => r.row === 6)!.record.proposed.reason).toMatch(
      /^keine Firma im CRM ist „Unbekannt GmbH“; eine Umsatzzeile legt nie eine Firma an/,
    );
    const { body } = await call('GET', `/api/imports/${importId}`);
    expect(body.summary).toMatchObject({ record: { create: 3, update: 1, error: 7 }, awaitingDecision: 7, matchesInCrm: 1 });
    expect(body.summary.account).toMatchObject({ create: 0, update: 0, error: 0 });
    expect((await call('GET', `/api/imports/${importId}?action=error`)).body.rows.items).toHaveLength(7);
  });

  it('commits only once the errors are decided, into account_revenue with source import; a row can only be skipped', async () => {
    expect((await call('POST', `/api/imports/${importId}/commit`)).body).toMatchObject({ status: 409, awaitingDecision: 7 });
    const etag = (await call('GET', `/api/imports/${importId}`)).body.etag;
    const bad = await call('PATCH', `/api/imports/${importId}`, { body: { rows: [{ row: 6, record: { action: 'create' } }] }, headers: { 'if-match': etag } });
    expect(bad.body).toMatchObject({ status: 400, errors: [{ field: 'rows[0].record.action' }] });
    const patched = await call('PATCH', `/api/imports/${importId}`, { body: { bulk: ['skipErrors'] }, headers: { 'if-match': etag } });
    expect(patched.body.summary).toMatchObject({ awaitingDecision: 0, record: { skip: 7 } });
    const committed = await call('POST', `/api/imports/${importId}/commit`);
    expect(committed.body).toMatchObject({ status: 'committed', progress: { committedRows: 11 } });
    const rows = await rowsOf(importId);
    const outcome = (row: number) => rows.find((r) => r.row === row)!.outcome!.record;
    expect(outcome(2)).toMatchObject({ action: 'created', id: expect.any(String) });
    expect(outcome(5)).toMatchObject({ action: 'updated', id: decisionId(rows, 5) });
    expect(outcome(6)).toMatchObject({ action: 'skipped' });
    expect(await revenue()).toEqual(
      expect.arrayContaining([
        {
          account_id: ids.mueller,
          period_kind: 'month',
          period_start: '2025-03-01',
          revenue: '1234.56',
          cost: '800.00',
          source: 'import',
          import_id: importId,
        },
        { account_id: ids.mueller, period_kind: 'month', period_start: '2025-04-01', revenue: '1500.00', cost: null, source: 'import', import_id: importId },
        { account_id: ids.weiss, period_kind: 'month', period_start: '2025-03-01', revenue: '2000.00', cost: null, source: 'import', import_id: importId },
        // The list has no cost for the year: the stored one stays.
        {
          account_id: ids.schneider,
          period_kind: 'year',
          period_start: '2024-01-01',
          revenue: '6000.00',
          cost: '3000.00',
          source: 'import',
          import_id: importId,
        },
      ]),
    );
    expect(await revenue()).toHaveLength(4);
    expect((await call('POST', `/api/imports/${importId}/commit`)).body.progress.committedRows).toBe(11);
  });

  it('reports the rows for German Excel', async () => {
    const response = await api.app.request(`https://crm.test/api/imports/${importId}/report`, {
      headers: { authorization: `Bearer ${manager}`, 'accept-language': 'de' },
    });
    const text = new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()));
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Zeile;Firma;Ergebnis;Grund;Datensatz-ID');
    expect(lines[1]).toMatch(/^2;Müller GmbH;created;der Zeitraum wurde angelegt;[0-9a-f-]{36}$/);
    expect(lines.find((line) => line.startsWith('5;'))).toMatch(/^5;Schneider KG;updated;die Zahlen wurden ersetzt;/);
  });

  it('imports the same figures again (saved as UTF-8) without changing anything', async () => {
    const before = await revenue();
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(REVENUE_LIST)]);
    const second = await upload(utf8, 'Umsatz-UTF8.csv');
    expect(second.status).toBe(201);
    const rows = await rowsOf(second.body.id);
    for (const row of [2, 4, 5, 12])
      expect(rows.find((r) => r.row === row)!.record.proposed).toMatchObject({ action: 'skip', reasonCode: 'revenue.sameFigures' });
    await call('PATCH', `/api/imports/${second.body.id}`, { body: { bulk: ['skipErrors'] }, headers: { 'if-match': second.body.etag } });
    expect((await call('POST', `/api/imports/${second.body.id}/commit`)).body.status).toBe('committed');
    expect(await revenue()).toEqual(before);
    const undone = await call('POST', `/api/imports/${second.body.id}/undo`);
    expect(undone.body.undo).toEqual({ reverted: 0, leftAlone: [] });
    expect(await revenue()).toEqual(before);
  });

  it('undoes the import: removes the periods it added, puts back the year it replaced, and leaves alone a period changed since', async () => {
    const rows = await rowsOf(importId);
    const weiss = rows.find((r) => r.row === 4)!.outcome!.record.id!;
    await getDb().query(`UPDATE account_revenue SET revenue = 2100 WHERE tenant_id = $1 AND id = $2`, [tenantId, weiss]);
    const undone = await call('POST', `/api/imports/${importId}/undo`);
    expect(undone.body).toMatchObject({ status: 'undone', undo: { reverted: 3 } });
    expect(undone.body.undo.leftAlone).toEqual([
      { entity: 'revenue', id: weiss, row: 4, reason: 'its figures were changed since the import', reasonCode: 'undo.figuresChanged', reasonParams: {} },
    ]);
    expect(await revenue()).toEqual([
      ...[
        { account_id: ids.weiss, period_kind: 'month', period_start: '2025-03-01', revenue: '2100.00', cost: null, source: 'import', import_id: importId },
        { account_id: ids.schneider, period_kind: 'year', period_start: '2024-01-01', revenue: '5000.00', cost: '3000.00', source: 'api', import_id: null },
      ].sort((a, b) => a.account_id.localeCompare(b.account_id)),
    ]);
  });

  it('reads a list with a period, revenue and person columns as a revenue list, and as a customer list when the user says so', async () => {
    const list = ['Kundennummer;Firma;Jahr;Umsatz;Vorname;Nachname;E-Mail', 'K-1001;Müller GmbH;2023;"4.000,00 €";Jürgen;Weiß;j.weiss@mueller-gmbh.de', ''];
    const uploaded = await upload(windows1252(list.join('\r\n')), 'Umsatz-mit-Ansprechpartner.csv');
    expect(uploaded.status).toBe(201);
    const fieldOf = (body: { mapping: { columns: { header: string; field: string | null }[] } }) =>
      Object.fromEntries(body.mapping.columns.map((column) => [column.header, column.field]));
    expect(uploaded.body.kind).toBe('revenue');
    expect(fieldOf(uploaded.body)).toEqual({
      Kundennummer: 'account.customerNumber',
      Firma: 'account.name',
      Jahr: 'revenue.year',
      Umsatz: 'revenue.amount',
      Vorname: null,
      Nachname: null,
      'E-Mail': null,
    });
    const rows = await rowsOf(uploaded.body.id, 'de');
    expect(rows[0]!.record.proposed).toMatchObject({ action: 'create', reason: '2023 für Müller GmbH: Umsatz 4.000,00' });
    const combined = await call('PATCH', `/api/imports/${uploaded.body.id}`, { body: { kind: 'combined' }, headers: { 'if-match': uploaded.body.etag } });
    expect(combined.status).toBe(200);
    expect(combined.body.kind).toBe('combined');
    expect(fieldOf(combined.body)).toMatchObject({ Jahr: null, Umsatz: 'account.revenue', Nachname: 'contact.lastName', 'E-Mail': 'contact.email' });
  });
});

const decisionId = (rows: RecordRow[], row: number) => rows.find((r) => r.row === row)!.record.proposed.existingId;
