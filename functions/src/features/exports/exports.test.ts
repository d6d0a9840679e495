// Exports on both databases: the CSV parsed back as German Excel reads it, the XLSX opened back with exceljs, every page
// once, restricted persons absent, other tenants absent.
import { AccountCreate, ContactCreate, InteractionCreate, InteractionExportQuery, OpportunityCreate, type AppRole } from '@crm/common';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import type { Actor } from '../../core/actor';
import { flushReadAudit } from '../../core/audit/read-audit';
import type { Db } from '../../core/db/db';
import { createAccount } from '../accounts';
import { createContact } from '../contacts';
import { logInteraction } from '../interactions';
import { createOpportunity } from '../opportunities';
import { BOM } from './csv-writer';
import type { ExportFile } from './export-file';
import { exportAccounts, exportContacts, exportInteractions, exportOpportunities } from './service';

const csvOf = async (file: ExportFile): Promise<{ raw: string; rows: string[][] }> => {
  const raw = Buffer.from(await new Response(file.body).arrayBuffer()).toString('utf8');
  return { raw, rows: parse(raw, { delimiter: ';', bom: true, relax_column_count: false }) as string[][] };
};

const xlsxOf = async (bytes: ArrayBuffer): Promise<ExcelJS.Worksheet> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return workbook.worksheets[0]!;
};

const restrict = (db: Db, actor: Actor, contactId: string) =>
  db.query(`INSERT INTO contact_restrictions (tenant_id, contact_id, reason, restricted_by) VALUES ($1, $2, 'Art. 18 request', $3)`, [
    actor.tenantId,
    contactId,
    actor.userId,
  ]);

describeEachDatabase('exports', (getDb) => {
  let actor: Actor;
  let accountId: string;
  let restrictedId: string;
  let harness: ApiHarness;
  const token = (roles: AppRole[] = ['CRM.User'], who = actor) => harness.token({ tenantId: who.tenantId, userId: who.userId, roles });

  beforeAll(async () => {
    const db = getDb();
    actor = await seedActor(db, { name: 'Jürgen Weiß' });
    harness = await createApiHarness(db);
    accountId = (
      await createAccount(
        db,
        actor,
        AccountCreate.parse({ name: 'Bäckerei Öztürk; "Süd" GmbH', industry: 'Lebensmittel', address: { city: 'München', country: 'de' } }),
      )
    ).value.id;
    await createAccount(db, actor, AccountCreate.parse({ name: 'Müller AG', segment: '=SUM(A1:A9)' }));
    const add = (input: z.input<typeof ContactCreate>) => createContact(db, actor, ContactCreate.parse(input));
    const sommer = (
      await add({
        firstName: 'Maria',
        lastName: 'Sömmer-Groß',
        emails: ['maria@oeztuerk.de', 'm.s@oeztuerk.de'],
        phones: [
          { type: 'work', number: '+49 89 1234' },
          { type: 'mobile', number: '0171 555' },
        ],
        jobTitle: '@Einkauf\nLeitung',
        accountId,
      })
    ).value;
    restrictedId = (await add({ firstName: 'Rita', lastName: 'Gesperrt', emails: ['rita@oeztuerk.de'], accountId })).value.id;
    await restrict(db, actor, restrictedId);
    await createOpportunity(
      db,
      actor,
      OpportunityCreate.parse({ accountId, name: 'Wartung 5.000 € für Öfen', amount: 1234.56, expectedCloseDate: '2026-03-31', productLine: 'Öfen & Service' }),
    );
    const log = (input: z.input<typeof InteractionCreate>) => logInteraction(db, actor, InteractionCreate.parse(input));
    await log({
      type: 'note',
      subject: 'Preise für Brötchen',
      summary: 'Zeile 1\nZeile 2; "zitiert"',
      occurredAt: '2026-01-10T09:30:00Z',
      contactIds: [sommer.id, restrictedId],
    });
    await log({ type: 'call', subject: 'Nur über Rita', occurredAt: '2026-01-11T09:30:00Z', contactIds: [restrictedId] });
    await log({ type: 'meeting', subject: '+ Jahresgespräch', occurredAt: '2026-01-12T09:30:00Z', accountIds: [accountId] });
  });

  it('writes contacts as German Excel reads CSV: BOM, semicolons, quoted fields, umlauts, formula guard; the restricted person absent', async () => {
    const file = await exportContacts(getDb(), actor, { format: 'csv', decimal: 'comma' });
    expect(file).toMatchObject({ contentType: 'text/csv; charset=utf-8' });
    expect(file.filename).toMatch(/^contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    const { raw, rows } = await csvOf(file);
    expect(raw.startsWith(BOM)).toBe(true);
    expect(raw).toContain('\r\n');
    const [header, ...data] = rows;
    expect(header).toEqual([
      'ID',
      'First name',
      'Last name',
      'Email',
      'Other emails',
      'Phone',
      'Mobile',
      'Job title',
      'Buying role',
      'Company',
      'Account ID',
      'Created',
      'Updated',
    ]);
    expect(data).toHaveLength(1);
    expect(data[0]!.slice(1, 10)).toEqual([
      'Maria',
      'Sömmer-Groß',
      'maria@oeztuerk.de',
      'm.s@oeztuerk.de',
      "'+49 89 1234",
      '0171 555',
      "'@Einkauf\nLeitung",
      '',
      'Bäckerei Öztürk; "Süd" GmbH',
    ]);
    expect(data[0]![11]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(raw).not.toContain('Gesperrt');
    await flushReadAudit(getDb());
    const audited = await getDb().query<{ entity_id: string }>(
      `SELECT entity_id FROM read_audit WHERE tenant_id = $1 AND action = 'export' AND entity = 'contact'`,
      [actor.tenantId],
    );
    expect(audited.map((r) => r.entity_id)).toContain(data[0]![0]);
    expect(audited.map((r) => r.entity_id)).not.toContain(restrictedId);
  });

  it('writes amounts with the decimal comma by default and with the point on request', async () => {
    const comma = (await csvOf(await exportOpportunities(getDb(), actor, { format: 'csv', decimal: 'comma' }))).rows;
    const amount = comma[0]!.indexOf('Amount');
    expect(comma[1]![amount]).toBe('1234,56');
    expect(comma[1]![1]).toBe('Wartung 5.000 € für Öfen');
    expect(comma[1]![comma[0]!.indexOf('Expected close')]).toBe('2026-03-31');
    expect(comma[1]![comma[0]!.indexOf('Product line')]).toBe('Öfen & Service');
    const point = (await csvOf(await exportOpportunities(getDb(), actor, { format: 'csv', decimal: 'point' }))).rows;
    expect(point[1]![amount]).toBe('1234.56');
  });

  it('writes XLSX that opens with typed cells: numbers, dates, umlauts and €, and formula-like text as text', async () => {
    const file = await exportOpportunities(getDb(), actor, { format: 'xlsx', decimal: 'comma' });
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await xlsxOf(await new Response(file.body).arrayBuffer());
    expect(sheet.name).toBe('opportunities');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (name: string) => sheet.getRow(2).getCell(header.indexOf(name) + 1).value;
    expect(cell('Opportunity')).toBe('Wartung 5.000 € für Öfen');
    expect(cell('Company')).toBe('Bäckerei Öztürk; "Süd" GmbH');
    expect(cell('Amount')).toBe(1234.56);
    expect(cell('Expected close')).toEqual(new Date('2026-03-31T00:00:00Z'));
    expect(cell('Product line')).toBe('Öfen & Service');
    expect(sheet.rowCount).toBe(2);

    const accounts = await xlsxOf(await new Response((await exportAccounts(getDb(), actor, { format: 'xlsx', decimal: 'comma' })).body).arrayBuffer());
    const accountHeader = (accounts.getRow(1).values as unknown[]).slice(1);
    const müller = accounts.getRow(3);
    expect(müller.getCell(accountHeader.indexOf('Company') + 1).value).toBe('Müller AG');
    // A string cell, not a formula: nothing to guard in XLSX.
    expect(müller.getCell(accountHeader.indexOf('Segment') + 1).value).toBe('=SUM(A1:A9)');
    expect(accounts.getRow(2).getCell(accountHeader.indexOf('City') + 1).value).toBe('München');
  });

  it('guards formula-like text in CSV with an apostrophe', async () => {
    const { rows } = await csvOf(await exportAccounts(getDb(), actor, { format: 'csv', decimal: 'comma' }));
    expect(rows.map((r) => r[1])).toEqual(['Company', 'Bäckerei Öztürk; "Süd" GmbH', 'Müller AG']);
    expect(rows[2]![rows[0]!.indexOf('Segment')]).toBe("'=SUM(A1:A9)");
  });

  it('leaves out interactions about restricted persons alone and their names from the others, newest first', async () => {
    const query = (input: z.input<typeof InteractionExportQuery>) => InteractionExportQuery.parse(input);
    const { rows } = await csvOf(await exportInteractions(getDb(), actor, query({ type: [] })));
    const [header, ...data] = rows;
    const col = (name: string) => header!.indexOf(name);
    expect(data.map((r) => r[col('Subject')])).toEqual(["'+ Jahresgespräch", 'Preise für Brötchen']);
    expect(data[1]![col('Notes')]).toBe('Zeile 1\nZeile 2; "zitiert"');
    expect(data[1]![col('Contacts')]).toBe('Maria Sömmer-Groß');
    expect(data[1]![col('Companies')]).toBe('Bäckerei Öztürk; "Süd" GmbH');
    expect(data[1]![col('Logged by')]).toBe('Jürgen Weiß');
    expect(data[1]![col('Date (UTC)')]).toBe('2026-01-10 09:30:00');
    const calls = await csvOf(await exportInteractions(getDb(), actor, query({ type: 'meeting' })));
    expect(calls.rows.slice(1).map((r) => r[col('Type')])).toEqual(['meeting']);
    // The account timeline's search words, as its Export button sends them (case-insensitive, % taken literally).
    const searched = await csvOf(await exportInteractions(getDb(), actor, query({ type: [], q: 'BRÖTCHEN' })));
    expect(searched.rows.slice(1).map((r) => r[col('Subject')])).toEqual(['Preise für Brötchen']);
    expect((await csvOf(await exportInteractions(getDb(), actor, query({ type: [], q: '100%' })))).rows).toHaveLength(1);
  });

  it('leaves out a letter kept only under its retention duty after an erasure', async () => {
    const db = getDb();
    const tenant = await seedActor(db);
    const kept = await logInteraction(db, tenant, InteractionCreate.parse({ type: 'email', subject: 'Bestellung 4711', occurredAt: '2026-11-05T10:00:00Z' }));
    await logInteraction(db, tenant, InteractionCreate.parse({ type: 'email', subject: 'Angebot', occurredAt: '2026-11-06T10:00:00Z' }));
    await db.query(`UPDATE interactions SET retained_until = '2032-12-31' WHERE tenant_id = $1 AND id = $2`, [tenant.tenantId, kept.value.id]);
    const { rows } = await csvOf(await exportInteractions(db, tenant, InteractionExportQuery.parse({})));
    expect(rows.slice(1).map((r) => r[rows[0]!.indexOf('Subject')])).toEqual(['Angebot']);
  });

  it('walks every page once, in list order, with the list filters', async () => {
    const db = getDb();
    const tenant = await seedActor(db);
    const names = ['Delta', 'alpha', 'Echo', 'charlie', 'Bravo'];
    for (const name of names) await createAccount(db, tenant, AccountCreate.parse({ name, industry: name.length === 5 ? 'Bau' : 'Handel' }));
    const all = (await csvOf(await exportAccounts(db, tenant, { format: 'csv', decimal: 'comma' }, 2))).rows.slice(1).map((r) => r[1]);
    expect(all).toEqual(['alpha', 'Bravo', 'charlie', 'Delta', 'Echo']);
    const bau = (await csvOf(await exportAccounts(db, tenant, { format: 'csv', decimal: 'comma', industry: 'Bau' }, 1))).rows.slice(1).map((r) => r[1]);
    expect(bau).toEqual(['alpha', 'Bravo', 'Delta']);
  });

  it('serves the file over HTTP for download, only the caller tenant, and names a bad format', async () => {
    const stranger = await seedActor(getDb());
    await createAccount(getDb(), stranger, AccountCreate.parse({ name: 'Fremde GmbH' }));
    const response = await harness.app.request('https://crm.test/api/exports/accounts?format=xlsx', {
      headers: { authorization: `Bearer ${await token(['CRM.Reader'], stranger)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="accounts-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const sheet = await xlsxOf(await response.arrayBuffer());
    expect(sheet.getColumn(2).values.slice(1)).toEqual(['Company', 'Fremde GmbH']);

    const csv = await harness.call('GET', '/api/exports/contacts?accountId=' + accountId, { token: await token() });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.text).toContain('Sömmer-Groß');
    const bad = await harness.call('GET', '/api/exports/contacts?format=pdf', { token: await token() });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'format', in: 'query' });
  });
});
