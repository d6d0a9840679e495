// Opportunity lists through the import API, on PGlite and on PostgreSQL: a German Excel file (Windows-1252, semicolons,
// 12.500,00 €, 31.03.2026, stages in German and English) is previewed (create, update with old -> new, skip, errors
// naming the field), committed set-wise and audited, imported again without changing anything, and undone.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { recordImportCalls, windows1252 } from './record-import-kit';

const SELLER = 'vertrieb@firma.test';
const OPPORTUNITY_LIST = [
  'Kundennummer;Firma;Verkaufschance;Phase;Betrag;Abschlussdatum;Verantwortlich',
  `K-1001;Müller GmbH;Wartungsvertrag 2026;Angebot;"12.500,00 €";31.03.2026;${SELLER.toUpperCase()}`,
  ';MUELLER GmbH;Ersatzteile;Verhandlung;"1.000,50";15.4.2026;',
  ';Weiß-Bau AG;Neubau Halle;Negotiation;"80.000,00";30.06.2026;',
  ';Schneider KG;Rahmenvertrag;Gewonnen;;;',
  ';Schneider KG;Servicepaket;Qualifiziert;"2.000,00";;',
  ';Unbekannt GmbH;Test;Lead;"100,00";;',
  ';Müller AG;Test;Lead;"100,00";;',
  ';Schneider KG;Falsche Phase;Irgendwas;"100,00";;',
  ';Schneider KG;Negativ;Lead;"-5,00";;',
  ';Schneider KG;Datum;Lead;"100,00";31.02.2026;',
  ';Schneider KG;Fremder;Lead;"100,00";;niemand@firma.test',
  ';MÜLLER GmbH;wartungsvertrag 2026;Lead;;;',
  ';Schneider KG;;Lead;;;',
  '',
].join('\r\n');

describeEachDatabase('imports: opportunities', (getDb) => {
  let api: ApiHarness;
  let manager: string;
  const tenantId = randomUUID();
  const { call, upload, rowsOf } = recordImportCalls(() => api, () => manager, 'Verkaufschancen.csv');
  const opportunities = () =>
    getDb().query<{
      account_id: string;
      name: string;
      stage: string;
      probability: number;
      status: string;
      amount: string;
      currency: string;
      close: string | null;
      owner_id: string | null;
      closed: boolean;
    }>(
      `SELECT account_id, name, stage, probability, status, amount::text AS amount, currency, to_char(expected_close, 'YYYY-MM-DD') AS close, owner_id,
         closed_at IS NOT NULL AS closed
       FROM opportunities WHERE tenant_id = $1 ORDER BY name`,
      [tenantId],
    );
  const userId = async (email: string) =>
    (await getDb().query<{ id: string }>(`SELECT id FROM users WHERE tenant_id = $1 AND email = $2`, [tenantId, email]))[0]!.id;
  const ids = {} as Record<'mueller' | 'weiss' | 'schneider' | 'halle' | 'rahmen' | 'service', string>;
  let importId = '';

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    manager = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Manager'], email: 'leitung@firma.test' });
    // The seller signs in once, so the CRM knows them as a user.
    const seller = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.User'], email: SELLER });
    expect((await api.call('GET', '/api/me', { token: seller })).status).toBe(200);
    const create = async (path: string, body: unknown) => (await call('POST', path, { body })).body.id as string;
    ids.mueller = await create('/api/accounts', { name: 'Müller GmbH', customFields: { customerNumber: 'K-1001' } });
    await create('/api/accounts', { name: 'Müller KG' });
    ids.weiss = await create('/api/accounts', { name: 'Weiß-Bau AG' });
    ids.schneider = await create('/api/accounts', { name: 'Schneider KG' });
    ids.halle = await create('/api/opportunities', { accountId: ids.weiss, name: 'Neubau Halle', stage: 'proposal', amount: 50000 });
    ids.rahmen = await create('/api/opportunities', { accountId: ids.schneider, name: 'Rahmenvertrag', stage: 'commit', amount: 10000 });
    ids.service = await create('/api/opportunities', { accountId: ids.schneider, name: 'Servicepaket', stage: 'qualified', amount: 2000 });
  });

  it('previews a German Excel opportunity list: stages in German and English, old -> new, and every error naming its field', async () => {
    const response = await upload(windows1252(OPPORTUNITY_LIST));
    expect(response.status).toBe(201);
    importId = response.body.id;
    expect(response.body).toMatchObject({ kind: 'opportunities', format: { encoding: 'windows-1252', delimiter: ';' }, progress: { totalRows: 13 } });
    const fields = Object.fromEntries(response.body.mapping.columns.map((c: { header: string; field: string }) => [c.header, c.field]));
    expect(fields).toEqual({
      Kundennummer: 'account.customerNumber',
      Firma: 'account.name',
      Verkaufschance: 'opportunity.name',
      Phase: 'opportunity.stage',
      Betrag: 'opportunity.amount',
      Abschlussdatum: 'opportunity.closeDate',
      Verantwortlich: 'opportunity.owner',
    });
    const rows = await rowsOf(importId);
    const decision = (row: number) => rows.find((r) => r.row === row)!.record.proposed;
    expect(rows.every((row) => row.account === null && row.contact === null)).toBe(true);
    expect(decision(2)).toMatchObject({ action: 'create', reasonCode: 'opportunity.new', reasonParams: { name: 'Wartungsvertrag 2026', amount: '12500.00' } });
    expect(decision(3)).toMatchObject({ action: 'create', reasonParams: { account: 'Müller GmbH', amount: '1000.50' } });
    expect(decision(4)).toMatchObject({
      action: 'update',
      existingId: ids.halle,
      reasonCode: 'opportunity.changes',
      reasonParams: { amountFrom: '50000.00', amountTo: '80000.00', closeFrom: '', closeTo: '2026-06-30' },
    });
    expect(decision(5)).toMatchObject({ action: 'update', existingId: ids.rahmen, reasonParams: { statusFrom: 'open', statusTo: 'won' } });
    expect(decision(6)).toMatchObject({ action: 'skip', existingId: ids.service, reasonCode: 'opportunity.same' });
    expect(decision(7)).toMatchObject({ action: 'error', field: 'account.name', reasonCode: 'opportunity.accountUnknown' });
    // Müller AG is neither Müller GmbH nor Müller KG: never guessed, and never created.
    expect(decision(8)).toMatchObject({ action: 'error', field: 'account.name', reasonCode: 'opportunity.accountUnclear' });
    expect(decision(9)).toMatchObject({ action: 'error', field: 'opportunity.stage', reasonCode: 'opportunity.stageUnknown' });
    expect(decision(10)).toMatchObject({ action: 'error', field: 'opportunity.amount', reasonCode: 'opportunity.amountNegative' });
    expect(decision(11)).toMatchObject({ action: 'error', field: 'opportunity.closeDate', reasonCode: 'value.notCalendarDate' });
    expect(decision(12)).toMatchObject({ action: 'error', field: 'opportunity.owner', reasonCode: 'opportunity.ownerUnknown' });
    // The same account (umlauts and case folded) and the same name (case folded) as row 2.
    expect(decision(13)).toMatchObject({ action: 'error', field: 'opportunity.name', reasonCode: 'opportunity.sameAsRow', reasonParams: { row: 2 } });
    expect(decision(14)).toMatchObject({ action: 'error', field: 'opportunity.name', reasonCode: 'opportunity.nameMissing' });

    // What was detected, in German for the German tab (stored in English with codes).
    const format = (await call('GET', `/api/imports/${importId}?limit=1`, { headers: { 'accept-language': 'de' } })).body.format;
    expect(format.reasons).toEqual([
      'CSV: die Datei ist Text',
      'Zeichensatz windows-1252: kein gültiges UTF-8, als Windows-1252 gelesen (Excel „CSV (Trennzeichen-getrennt)“)',
      expect.stringMatching(/^Trennzeichen Semikolon: es teilt jede der ersten \d+ Zeilen in 7 Spalten$/),
    ]);
    expect(response.body.format.reasons[1]).toBe('Encoding windows-1252: not valid UTF-8, read as Windows-1252 (Excel "CSV (Trennzeichen-getrennt)")');
    const german = await rowsOf(importId, 'de');
    expect(german.find((r) => r.row === 4)!.record.proposed.reason).toBe(
      'die Verkaufschance „Neubau Halle“ von Weiß-Bau AG ändert sich: Phase „Angebot“ -> „Verhandlung“, Betrag 50.000,00 -> 80.000,00, Abschlussdatum – -> 30.06.2026',
    );
    expect(german.find((r) => r.row === 2)!.record.proposed.reason).toBe(
      'eine neue Verkaufschance „Wartungsvertrag 2026“ für Müller GmbH: Phase „Angebot“, Betrag 12.500,00',
    );
    const { body } = await call('GET', `/api/imports/${importId}`);
    expect(body.summary).toMatchObject({ record: { create: 2, update: 2, skip: 1, error: 8 }, awaitingDecision: 8, matchesInCrm: 2 });
  });

  it('commits once the errors are skipped: set-wise, audited, the owner by email, the importer where the list names none', async () => {
    const etag = (await call('GET', `/api/imports/${importId}`)).body.etag;
    const bad = await call('PATCH', `/api/imports/${importId}`, { body: { rows: [{ row: 7, record: { action: 'create' } }] }, headers: { 'if-match': etag } });
    expect(bad.body).toMatchObject({ status: 400, errors: [{ field: 'rows[0].record.action' }] });
    await call('PATCH', `/api/imports/${importId}`, { body: { bulk: ['skipErrors'] }, headers: { 'if-match': etag } });
    const committed = await call('POST', `/api/imports/${importId}/commit`);
    expect(committed.body).toMatchObject({ status: 'committed', progress: { committedRows: 13 } });
    const rows = await rowsOf(importId);
    const outcome = (row: number) => rows.find((r) => r.row === row)!.outcome!.record;
    expect(outcome(2)).toMatchObject({ action: 'created', id: expect.any(String) });
    expect(outcome(4)).toMatchObject({ action: 'updated', id: ids.halle });
    expect(outcome(6)).toMatchObject({ action: 'skipped' });
    const seller = await userId(SELLER);
    const importer = await userId('leitung@firma.test');
    expect(await opportunities()).toEqual([
      {
        account_id: ids.mueller,
        name: 'Ersatzteile',
        stage: 'negotiation',
        probability: 75,
        status: 'open',
        amount: '1000.50',
        currency: 'EUR',
        close: '2026-04-15',
        owner_id: importer,
        closed: false,
      },
      {
        account_id: ids.weiss,
        name: 'Neubau Halle',
        stage: 'negotiation',
        probability: 75,
        status: 'open',
        amount: '80000.00',
        currency: 'EUR',
        close: '2026-06-30',
        owner_id: importer,
        closed: false,
      },
      // Won: the status and its time, the stage as it was.
      {
        account_id: ids.schneider,
        name: 'Rahmenvertrag',
        stage: 'commit',
        probability: 90,
        status: 'won',
        amount: '10000.00',
        currency: 'EUR',
        close: null,
        owner_id: importer,
        closed: true,
      },
      {
        account_id: ids.schneider,
        name: 'Servicepaket',
        stage: 'qualified',
        probability: 25,
        status: 'open',
        amount: '2000.00',
        currency: 'EUR',
        close: null,
        owner_id: importer,
        closed: false,
      },
      {
        account_id: ids.mueller,
        name: 'Wartungsvertrag 2026',
        stage: 'proposal',
        probability: 50,
        status: 'open',
        amount: '12500.00',
        currency: 'EUR',
        close: '2026-03-31',
        owner_id: seller,
        closed: false,
      },
    ]);
    const audit = await getDb().query<{ action: string; entity_id: string; changed_fields: string[] | null }>(
      `SELECT action, entity_id, changed_fields FROM audit_log WHERE tenant_id = $1 AND entity = 'opportunity'`,
      [tenantId],
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'create', entity_id: outcome(2).id }),
        expect.objectContaining({ action: 'create', entity_id: outcome(3).id }),
        { action: 'update', entity_id: ids.halle, changed_fields: ['stage', 'probability', 'amount', 'expectedCloseDate'] },
        { action: 'update', entity_id: ids.rahmen, changed_fields: ['status'] },
      ]),
    );
    // A retried commit writes nothing twice.
    expect((await call('POST', `/api/imports/${importId}/commit`)).body.progress.committedRows).toBe(13);
    expect(await opportunities()).toHaveLength(5);
  });

  it('reports the rows for German Excel', async () => {
    const response = await api.app.request(`https://crm.test/api/imports/${importId}/report`, {
      headers: { authorization: `Bearer ${manager}`, 'accept-language': 'de' },
    });
    const lines = new TextDecoder()
      .decode(new Uint8Array(await response.arrayBuffer()))
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe('Zeile;Firma;Ergebnis;Grund;Datensatz-ID');
    expect(lines[1]).toMatch(/^2;Müller GmbH;created;die Verkaufschance wurde angelegt;[0-9a-f-]{36}$/);
    expect(lines.find((line) => line.startsWith('4;'))).toBe(`4;Weiß-Bau AG;updated;geändert: Phase, Wahrscheinlichkeit, Betrag, Abschlussdatum;${ids.halle}`);
  });

  it('imports the same list again (saved as UTF-8) without changing anything', async () => {
    const before = await opportunities();
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(OPPORTUNITY_LIST)]);
    const second = await upload(utf8, 'Verkaufschancen-UTF8.csv');
    expect(second.status).toBe(201);
    const rows = await rowsOf(second.body.id);
    for (const row of [2, 3, 4, 5, 6])
      expect(rows.find((r) => r.row === row)!.record.proposed).toMatchObject({ action: 'skip', reasonCode: 'opportunity.same' });
    await call('PATCH', `/api/imports/${second.body.id}`, { body: { bulk: ['skipErrors'] }, headers: { 'if-match': second.body.etag } });
    expect((await call('POST', `/api/imports/${second.body.id}/commit`)).body.status).toBe('committed');
    expect(await opportunities()).toEqual(before);
    expect((await call('POST', `/api/imports/${second.body.id}/undo`)).body.undo).toEqual({ reverted: 0, leftAlone: [] });
  });

  it('undoes the import: deletes what it created, puts back what it changed, and leaves alone (in German) what was edited since', async () => {
    const rows = await rowsOf(importId);
    const spareParts = rows.find((r) => r.row === 3)!.outcome!.record.id!;
    const read = await call('GET', `/api/opportunities/${spareParts}`);
    expect((await call('PATCH', `/api/opportunities/${spareParts}`, { body: { amount: 1200 }, headers: { 'if-match': read.body.etag } })).status).toBe(200);
    const undone = await call('POST', `/api/imports/${importId}/undo`, { headers: { 'accept-language': 'de' } });
    expect(undone.headers.get('content-language')).toBe('de');
    expect(undone.body).toMatchObject({ status: 'undone', undo: { reverted: 3 } });
    expect(undone.body.undo.leftAlone).toEqual([
      { entity: 'opportunity', id: spareParts, row: 3, reason: 'seit dem Import bearbeitet', reasonCode: 'undo.editedSince', reasonParams: {} },
    ]);
    expect((await call('GET', `/api/imports/${importId}`)).body.undo.leftAlone[0].reason).toBe('edited since the import');
    const after = await opportunities();
    expect(after.map((o) => o.name)).toEqual(['Ersatzteile', 'Neubau Halle', 'Rahmenvertrag', 'Servicepaket']);
    expect(after.find((o) => o.name === 'Neubau Halle')).toMatchObject({ stage: 'proposal', probability: 50, amount: '50000.00', close: null });
    expect(after.find((o) => o.name === 'Rahmenvertrag')).toMatchObject({ stage: 'commit', status: 'open', closed: false });
  });

  it('takes the kind the user chooses: the columns proposed again for it, or a 400 naming kind when they cannot make one', async () => {
    const list = new TextEncoder().encode('Firma;Name;Phase;Betrag\r\nSchneider KG;Wartung 2027;Lead;"500,00"\r\n');
    const uploaded = await upload(list, 'Liste.csv');
    // "Name" could be the company or a person: read as a customer list, its Phase and Betrag are nobody's.
    expect(uploaded.body).toMatchObject({ kind: 'accounts' });
    expect(uploaded.body.mapping.columns.map((c: { field: string | null }) => c.field)).toEqual(['account.name', null, null, null]);
    const chosen = await call('PATCH', `/api/imports/${uploaded.body.id}`, { body: { kind: 'opportunities' }, headers: { 'if-match': uploaded.body.etag } });
    expect(chosen.status).toBe(200);
    expect(chosen.body.kind).toBe('opportunities');
    expect(chosen.body.mapping.columns.map((c: { field: string | null }) => c.field)).toEqual([
      'account.name',
      'opportunity.name',
      'opportunity.stage',
      'opportunity.amount',
    ]);
    expect(chosen.body.summary.record).toMatchObject({ create: 1 });
    const refused = await call('PATCH', `/api/imports/${uploaded.body.id}`, { body: { kind: 'revenue' }, headers: { 'if-match': chosen.body.etag } });
    expect(refused.body).toMatchObject({ status: 400, errors: [{ field: 'kind' }] });
  });
});
