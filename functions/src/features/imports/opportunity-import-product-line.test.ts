// The product line of opportunity lists, on PGlite and PostgreSQL: the columns "Produktlinie", "Product line" and "Sparte"
// map to it, a new opportunity takes it, an update changes it (old -> new) and a blank cell keeps it, and the undo puts
// the old one back.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { recordImportCalls, windows1252 } from './record-import-kit';

describeEachDatabase('imports: opportunity product line', (getDb) => {
  let api: ApiHarness;
  let manager: string;
  const tenantId = randomUUID();
  const { call, upload, rowsOf } = recordImportCalls(() => api, () => manager, 'Chancen.csv');
  const lines = async () =>
    Object.fromEntries(
      (
        await getDb().query<{ name: string; product_line: string | null }>(`SELECT name, product_line FROM opportunities WHERE tenant_id = $1`, [tenantId])
      ).map((r) => [r.name, r.product_line]),
    );

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    manager = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Manager'] });
    const accountId = (await call('POST', '/api/accounts', { body: { name: 'Müller GmbH' } })).body.id;
    await call('POST', '/api/opportunities', { body: { accountId, name: 'Wartung', productLine: 'Service' } });
    await call('POST', '/api/opportunities', { body: { accountId, name: 'Pumpen', productLine: 'Anlagen' } });
  });

  it('maps the German and English headers to the product line', async () => {
    for (const header of ['Produktlinie', 'Product line', 'Sparte']) {
      const uploaded = await upload(windows1252(`Firma;Verkaufschance;${header}\r\nMüller GmbH;Test;Service\r\n`));
      expect(uploaded.status).toBe(201);
      expect(uploaded.body.mapping.columns.find((c: { header: string }) => c.header === header).field).toBe('opportunity.productLine');
    }
  });

  it('creates with it, changes it, keeps it on a blank cell, and the undo puts the old one back', async () => {
    const list = ['Firma;Verkaufschance;Sparte', 'Müller GmbH;Ersatzteile;Ersatzteile', 'Müller GmbH;Wartung;Wartung Plus', 'Müller GmbH;Pumpen;', ''];
    const uploaded = await upload(windows1252(list.join('\r\n')));
    const rows = await rowsOf(uploaded.body.id, 'de');
    const decision = (row: number) => rows.find((r) => r.row === row)!.record.proposed;
    expect(decision(2)).toMatchObject({ action: 'create' });
    expect(decision(3)).toMatchObject({ action: 'update', reasonParams: { productLineFrom: 'Service', productLineTo: 'Wartung Plus' } });
    expect(decision(3).reason).toContain('Produktlinie Service -> Wartung Plus');
    expect(decision(4)).toMatchObject({ action: 'skip', reasonCode: 'opportunity.same' });
    expect((await call('POST', `/api/imports/${uploaded.body.id}/commit`)).body.status).toBe('committed');
    expect(await lines()).toEqual({ Ersatzteile: 'Ersatzteile', Wartung: 'Wartung Plus', Pumpen: 'Anlagen' });
    const outcome = (await rowsOf(uploaded.body.id)).find((r) => r.row === 3)!.outcome!.record;
    expect(outcome).toMatchObject({ action: 'updated', reason: 'changed productLine' });

    expect((await call('POST', `/api/imports/${uploaded.body.id}/undo`)).body).toMatchObject({ status: 'undone', undo: { reverted: 2 } });
    expect(await lines()).toEqual({ Wartung: 'Service', Pumpen: 'Anlagen' });
  });

  it('refuses a product line longer than 100 characters, naming the field', async () => {
    const uploaded = await upload(windows1252(`Firma;Verkaufschance;Produktlinie\r\nMüller GmbH;Lang;${'x'.repeat(101)}\r\n`));
    expect((await rowsOf(uploaded.body.id)).find((r) => r.row === 2)!.record.proposed).toMatchObject({
      action: 'error',
      field: 'opportunity.productLine',
      reasonCode: 'opportunity.productLineTooLong',
    });
  });
});
