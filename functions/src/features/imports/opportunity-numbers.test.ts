// Opportunity lists with the ERP's number (external id), on PGlite and on PostgreSQL: the first list creates its deals
// with their numbers (and gives an unnumbered deal of the same name its number); the ERP's updated list, with a renamed
// deal and another amount, updates them by number instead of creating them twice; the undo puts the old names back.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { recordImportCalls, windows1252 } from './record-import-kit';

const FIRST_LIST = [
  'Kundennummer;Firma;Angebotsnummer;Verkaufschance;Phase;Betrag',
  'K-1001;Müller GmbH;AN-100;Wartung Nord;Angebot;"10.000,00 €"',
  ';Schneider KG;AN-200;Servicepaket;Verhandlung;"2.500,00 €"',
  ';Schneider KG;AN-201;Servicepaket;Lead;"900,00 €"',
  ';Müller GmbH;AN-100;Doppelt;Lead;',
  '',
].join('\r\n');

const UPDATED_LIST = [
  'Nummer;Firma;Verkaufschance;Phase;Betrag',
  'AN-100;Müller GmbH;Wartung Nord und Süd;Angebot;"12.000,00 €"',
  'AN-201;Schneider KG;Servicepaket Klein;Lead;"900,00 €"',
  'AN-200;Müller GmbH;Servicepaket;Verhandlung;"2.500,00 €"',
  '',
].join('\r\n');

describeEachDatabase('imports: opportunities by their number in the ERP', (getDb) => {
  let api: ApiHarness;
  let manager = '';
  const tenantId = randomUUID();
  const { call, upload, rowsOf } = recordImportCalls(
    () => api,
    () => manager,
    'Angebote.csv',
  );
  const stored = () =>
    getDb().query<{ name: string; external_id: string | null; amount: string; stage: string }>(
      `SELECT name, external_id, amount::text AS amount, stage FROM opportunities WHERE tenant_id = $1 ORDER BY external_id, name`,
      [tenantId],
    );
  const commitSkippingErrors = async (id: string, etag: string) => {
    expect((await call('PATCH', `/api/imports/${id}`, { body: { bulk: ['skipErrors'] }, headers: { 'if-match': etag } })).status).toBe(200);
    expect((await call('POST', `/api/imports/${id}/commit`)).body).toMatchObject({ status: 'committed' });
  };
  let serviceId = '';
  let updatedImport = '';

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    manager = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Manager'] });
    const create = async (path: string, body: unknown) => (await call('POST', path, { body })).body.id as string;
    await create('/api/accounts', { name: 'Müller GmbH', customFields: { customerNumber: 'K-1001' } });
    const schneider = await create('/api/accounts', { name: 'Schneider KG' });
    serviceId = await create('/api/opportunities', { accountId: schneider, name: 'Servicepaket', stage: 'qualified', amount: 2000 });
  });

  it('creates the deals with their numbers, gives the unnumbered deal of that name its number, and refuses a number twice', async () => {
    const uploaded = await upload(windows1252(FIRST_LIST));
    expect(uploaded.body.kind).toBe('opportunities');
    expect(uploaded.body.mapping.columns.find((column: { header: string }) => column.header === 'Angebotsnummer').field).toBe('opportunity.externalId');
    const rows = await rowsOf(uploaded.body.id);
    const decision = (row: number) => rows.find((r) => r.row === row)!.record.proposed;
    expect(decision(2)).toMatchObject({ action: 'create' });
    expect(decision(3)).toMatchObject({ action: 'update', existingId: serviceId, reason: expect.stringMatching(/number – -> AN-200, stage/) });
    // A second Servicepaket with a number of its own is another deal.
    expect(decision(4)).toMatchObject({ action: 'create' });
    expect(decision(5)).toMatchObject({ action: 'error', field: 'opportunity.externalId', reason: 'the same number AN-100 as row 2' });
    await commitSkippingErrors(uploaded.body.id, uploaded.body.etag);
    expect(await stored()).toEqual([
      { name: 'Wartung Nord', external_id: 'AN-100', amount: '10000.00', stage: 'proposal' },
      { name: 'Servicepaket', external_id: 'AN-200', amount: '2500.00', stage: 'negotiation' },
      { name: 'Servicepaket', external_id: 'AN-201', amount: '900.00', stage: 'lead' },
    ]);
    expect((await call('GET', `/api/opportunities/${serviceId}`)).body).toMatchObject({ externalId: 'AN-200' });
  });

  it('updates the deals of the ERP’s updated list by number, a renamed one too, instead of creating them twice', async () => {
    const uploaded = await upload(windows1252(UPDATED_LIST), 'Angebote-neu.csv');
    updatedImport = uploaded.body.id;
    expect(uploaded.body.mapping.columns[0]).toMatchObject({ header: 'Nummer', field: 'opportunity.externalId' });
    const de = await rowsOf(updatedImport, 'de');
    const decision = (row: number) => de.find((r) => r.row === row)!.record.proposed;
    expect(decision(2)).toMatchObject({
      action: 'update',
      reason:
        'die Verkaufschance „Wartung Nord und Süd“ von Müller GmbH ändert sich: Name „Wartung Nord“ -> „Wartung Nord und Süd“, Betrag 10.000,00 -> 12.000,00',
    });
    expect(decision(3)).toMatchObject({ action: 'update', reason: expect.stringMatching(/Name „Servicepaket“ -> „Servicepaket Klein“$/) });
    expect(decision(4)).toMatchObject({
      action: 'error',
      field: 'opportunity.externalId',
      reason: expect.stringMatching(/^die Verkaufschance mit der Nummer AN-200 \(„Servicepaket“\) gehört zu einer anderen Firma/),
    });
    await commitSkippingErrors(updatedImport, uploaded.body.etag);
    expect(await stored()).toEqual([
      { name: 'Wartung Nord und Süd', external_id: 'AN-100', amount: '12000.00', stage: 'proposal' },
      { name: 'Servicepaket', external_id: 'AN-200', amount: '2500.00', stage: 'negotiation' },
      { name: 'Servicepaket Klein', external_id: 'AN-201', amount: '900.00', stage: 'lead' },
    ]);
    // The number is the deal's: the API refuses it on another opportunity.
    const taken = await call('POST', '/api/opportunities', {
      body: { accountId: (await call('GET', `/api/opportunities/${serviceId}`)).body.accountId, name: 'Kopie', externalId: 'AN-100' },
    });
    expect(taken.status).toBe(409);
  });

  it('undoes the updated list: the old names and amounts come back, the numbers stay', async () => {
    expect((await call('POST', `/api/imports/${updatedImport}/undo`)).body).toMatchObject({ status: 'undone', undo: { reverted: 2, leftAlone: [] } });
    expect(await stored()).toEqual([
      { name: 'Wartung Nord', external_id: 'AN-100', amount: '10000.00', stage: 'proposal' },
      { name: 'Servicepaket', external_id: 'AN-200', amount: '2500.00', stage: 'negotiation' },
      { name: 'Servicepaket', external_id: 'AN-201', amount: '900.00', stage: 'lead' },
    ]);
  });
});
