// What the commit says it did with each row, composed at the commit (what an update filled and what it kept as the CRM
// has it, a domain left out, the company of an earlier row that was not imported), in German and in English: the
// preview and the report render it in the language of Accept-Language, as they do the proposal's reasons.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import type { ImportOutcomePart } from '@crm/common';
import { recordImportCalls, windows1252 } from './record-import-kit';

const LIST = [
  'Firma;Branche;Straße;PLZ;Ort;Website;Vorname;Nachname;E-Mail;Position;Abteilung',
  'Weber GmbH;Handel;Ringstraße 1;10115;Berlin;www.fremd-ag.de;Lena;Weber;lena@weber-gmbh.de;Vertrieb;Einkauf',
  'Neumann KG;;;;;www.fremd-ag.de;Max;Neumann;max@neumann-kg.de;;',
  'Klein OHG;;;;;;Ida;Klein;ida@klein-ohg.de;;',
  'Klein OHG;;;;;;Olaf;Klein;olaf@klein-ohg.de;;',
  '',
].join('\r\n');

interface Row {
  row: number;
  outcome: { account: ImportOutcomePart; contact: ImportOutcomePart };
}

describeEachDatabase('import outcomes in German and English', (getDb) => {
  let api: ApiHarness;
  let manager = '';
  const tenantId = randomUUID();
  const { call, upload } = recordImportCalls(
    () => api,
    () => manager,
    'Kunden.csv',
  );
  const outcomes = async (id: string, lang: string) => {
    const rows = (await call('GET', `/api/imports/${id}?limit=200`, { headers: { 'accept-language': lang } })).body.rows.items as Row[];
    return (row: number) => rows.find((r) => r.row === row)!.outcome;
  };
  let importId = '';

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    manager = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Manager'] });
    const create = async (path: string, body: unknown) => (await call('POST', path, { body })).body;
    await create('/api/accounts', { name: 'Fremd AG', domains: ['fremd-ag.de'] });
    const weber = await create('/api/accounts', { name: 'Weber GmbH', industry: 'Maschinenbau', domains: ['weber-gmbh.de'] });
    await create('/api/contacts', { firstName: 'Lena', lastName: 'Weber', emails: ['lena@weber-gmbh.de'], jobTitle: 'Einkauf', accountId: weber.id });

    const uploaded = await upload(windows1252(LIST));
    expect(uploaded.body).toMatchObject({ kind: 'combined' });
    importId = uploaded.body.id;
    // Row 4's company is not imported, so row 5, the same company, creates it.
    const decided = await call('PATCH', `/api/imports/${importId}`, {
      body: { rows: [{ row: 4, account: { action: 'skip' } }], bulk: ['updateExactMatches'] },
      headers: { 'if-match': uploaded.body.etag },
    });
    expect(decided.body.summary.awaitingDecision).toBe(0);
    expect((await call('POST', `/api/imports/${importId}/commit`)).body).toMatchObject({ status: 'committed' });
  });

  it('says in German what the commit filled and kept, left out and created in place of a row not imported', async () => {
    const de = await outcomes(importId, 'de-DE,de;q=0.9');
    expect(de(2).account).toMatchObject({
      action: 'updated',
      reason: 'ergänzt: Adresse; im CRM belassen: Branche, Domain fremd-ag.de (die einer anderen Firma)',
      reasonCode: 'outcome.accountFilled',
    });
    expect(de(2).contact).toMatchObject({
      action: 'updated',
      reason: 'ergänzt: Abteilung; im CRM belassen: Position',
      reasonCode: 'outcome.contactFilled',
    });
    expect(de(3).account).toMatchObject({
      action: 'created',
      reason: expect.stringMatching(/; die Domain fremd-ag\.de gehört einer anderen Firma und wurde weggelassen$/),
      reasonCode: 'outcome.domainLeftOut',
    });
    expect(de(3).account.reason).not.toMatch(/account|belongs/);
    expect(de(5).account).toMatchObject({ action: 'created', reason: 'Zeile 4, dieselbe Firma, wurde nicht importiert' });
  });

  it('says the same in English, and both languages share the codes and parameters', async () => {
    const en = await outcomes(importId, 'en');
    expect(en(2).account.reason).toBe("filled address; kept the CRM's industry, domain fremd-ag.de (another account's)");
    expect(en(2).contact.reason).toBe("added department; kept the CRM's job title");
    expect(en(3).account.reason).toMatch(/; the domain fremd-ag\.de belongs to another account and was left out$/);
    expect(en(5).account.reason).toBe('row 4, the same company, was not imported');
    const de = await outcomes(importId, 'de');
    const codes = (outcome: (row: number) => Row['outcome']) =>
      [2, 3, 4, 5].flatMap((row) => [outcome(row).account, outcome(row).contact].map((part) => [part.reasonCode, part.reasonParams]));
    expect(codes(de)).toEqual(codes(en));
    expect(codes(en).filter(([code]) => code === undefined)).toEqual([]);
  });

  it('writes the German outcomes into the German report', async () => {
    const response = await api.app.request(`https://crm.test/api/imports/${importId}/report`, {
      headers: { authorization: `Bearer ${manager}`, 'accept-language': 'de' },
    });
    expect(response.headers.get('content-language')).toBe('de');
    const lines = new TextDecoder().decode(new Uint8Array(await response.arrayBuffer())).split('\r\n');
    const { account, contact } = (await outcomes(importId, 'de'))(2);
    // Cells with a semicolon are quoted, as Excel writes them.
    expect(lines.find((line) => line.startsWith('2;'))).toBe(
      `2;Weber GmbH;Lena Weber;updated;"ergänzt: Adresse; im CRM belassen: Branche, Domain fremd-ag.de (die einer anderen Firma)";updated;"ergänzt: Abteilung; im CRM belassen: Position";;${account.id};${contact.id}`,
    );
    expect(lines.find((line) => line.startsWith('5;'))).toMatch(
      /^5;Klein OHG;Olaf Klein;created;Zeile 4, dieselbe Firma, wurde nicht importiert;created;ein neuer Kontakt;/,
    );
  });
});
