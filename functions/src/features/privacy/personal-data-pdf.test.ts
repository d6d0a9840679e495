// The personal-data export as PDF: the same content as the JSON, readable in German and English, umlauts, ß and € intact.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { fontRuns } from './personal-data-pdf';

const folder = mkdtempSync(join(tmpdir(), 'personal-data-pdf-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The document's text as pdftotext (poppler) reads it, in reading order. */
function pdfText(bytes: Uint8Array): string {
  const file = join(folder, `${randomUUID()}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describeEachDatabase('personal data export as PDF', (getDb) => {
  let api: ApiHarness;
  let officer: string;
  let personId: string;

  const pdf = async (path: string, headers: Record<string, string>) => {
    const response = await api.app.request(`https://crm.test${path}`, { headers: { authorization: `Bearer ${officer}`, ...headers } });
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    const tenantId = randomUUID();
    const admin = await api.token({ tenantId, userId: randomUUID(), name: 'Jürgen Weiß', roles: ['CRM.Admin'] });
    officer = await api.token({ tenantId, userId: randomUUID(), name: 'Datenschutz Döring', roles: ['CRM.Privacy'] });
    const post = async (path: string, body: unknown) => {
      const response = await api.call('POST', path, { token: admin, body });
      expect(response.status, response.text).toBe(201);
      return response.body as { id: string };
    };
    const account = await post('/api/accounts', { name: 'Müller Maschinenbau GmbH', domains: ['mueller-maschinen.example'] });
    const person = await post('/api/contacts', {
      firstName: 'Łukasz',
      lastName: 'Größmann',
      emails: ['lukasz@mueller-maschinen.example'],
      jobTitle: 'Leiter Einkauf, Straße 1',
      accountId: account.id,
    });
    personId = person.id;
    await post('/api/interactions', {
      type: 'email',
      direction: 'inbound',
      occurredAt: '2026-10-01T08:00:00Z',
      subject: 'Angebot über 1.234,50 € für Ersatzteile',
      summary: 'Bitte um Rückruf wegen der Maße.',
      source: 'addin',
      contactIds: [person.id],
    });
    await post('/api/consents', {
      contactId: person.id,
      channel: 'email',
      purpose: 'newsletter',
      legalBasis: 'consent',
      action: 'granted',
      source: 'Messe Hannover',
      capturedAt: '2026-01-01T00:00:00Z',
    });
    await post('/api/opportunities', { accountId: account.id, name: 'Ersatzteile Größe M', amount: 1234.5, contactIds: [person.id] });
  });

  it('answers Accept: application/pdf with a German document holding what the JSON holds', async () => {
    const { response, bytes } = await pdf(`/api/contacts/${personId}/personal-data`, {
      accept: 'application/pdf',
      'accept-language': 'de-DE,de;q=0.9,en;q=0.5',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-language')).toBe('de');
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const text = pdfText(bytes);
    for (const expected of [
      'Auskunft über Ihre gespeicherten personenbezogenen Daten',
      'Łukasz Größmann',
      'Leiter Einkauf, Straße 1',
      'lukasz@mueller-maschinen.example',
      'Müller Maschinenbau GmbH',
      'Angebot über 1.234,50 € für Ersatzteile',
      'Bitte um Rückruf wegen der Maße.',
      'Richtung: eingehend',
      'Herkunft: Outlook-Add-in',
      'Messe Hannover',
      'Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)',
      'Zwecke und Rechtsgrundlagen',
      'Kundenbeziehung',
      'Vertrag oder berechtigtes Interesse',
      'Ersatzteile Größe M · 1.234,50 €',
      '01.10.2026, 10:00 MESZ',
      'Speicherdauer',
      'Unsere Löschfristen (die deutschen Standardfristen',
      'Wer im Unternehmen Ihre Daten gelesen hat',
      'Datenschutz Döring · Auskunft (Export)',
    ]) {
      expect(text).toContain(expected);
    }
    // The CRM's own purpose was printed with its English legal basis in the German document before.
    expect(text).not.toMatch(/legitimate|managing the business/);
  });

  it('answers ?format=pdf&lang=en in English whatever Accept-Language says', async () => {
    const { response, bytes } = await pdf(`/api/contacts/${personId}/personal-data?format=pdf&lang=en`, { 'accept-language': 'de' });
    expect(response.status).toBe(200);
    const text = pdfText(bytes);
    expect(text).toContain('Personal data we hold about you');
    expect(text).toContain('Direction: inbound');
    expect(text).toContain('Ersatzteile Größe M · €1,234.50');
    expect(text).toContain('1 Oct 2026, 10:00 CEST');
    expect(text).toContain('customer relationship');
    expect(text).toContain('contract or legitimate interest');
    expect(text).toContain('consent (Art. 6(1)(a) GDPR)');
    expect(text).not.toContain('Auskunft');
  });

  it('keeps JSON the default and refuses what it cannot produce', async () => {
    const json = await api.call('GET', `/api/contacts/${personId}/personal-data`, {
      token: officer,
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    const refused = await api.call('GET', `/api/contacts/${personId}/personal-data`, { token: officer, headers: { accept: 'text/csv' } });
    expect(refused.status).toBe(406);
    expect(refused.body.errors).toEqual([{ field: 'Accept', in: 'header', reason: 'must allow application/json or application/pdf' }]);
    const badFormat = await api.call('GET', `/api/contacts/${personId}/personal-data?format=docx`, { token: officer });
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.errors[0]).toMatchObject({ field: 'format', in: 'query' });
  });

  it('is for CRM.Privacy and CRM.Admin only, in PDF too', async () => {
    const user = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.User'] });
    const response = await api.app.request(`https://crm.test/api/contacts/${personId}/personal-data?format=pdf`, {
      headers: { authorization: `Bearer ${user}` },
    });
    expect(response.status).toBe(403);
  });
});

describe('font runs', () => {
  const face = (name: string, chars: string) => ({ name, data: Buffer.alloc(0), has: (cp: number) => chars.includes(String.fromCodePoint(cp)) });
  const latin = face('latin', 'abcdefghijklmnopqrstuvwxyzäöüß €');
  const ext = face('ext', 'Łł ');

  it('gives each character the first face that has it, keeping spaces in the run they are in', () => {
    expect(fontRuns('Łukasz Größe', [latin, ext])).toEqual([
      { face: 'ext', text: 'Ł' },
      { face: 'latin', text: 'ukasz Größe' },
    ]);
    expect(fontRuns('ał b', [latin, ext])).toEqual([
      { face: 'latin', text: 'a' },
      { face: 'ext', text: 'ł ' },
      { face: 'latin', text: 'b' },
    ]);
  });

  it('draws a character no face has from the first face instead of dropping it', () => {
    expect(fontRuns('a\u4e2d', [latin, ext])).toEqual([{ face: 'latin', text: 'a\u4e2d' }]);
  });
});
