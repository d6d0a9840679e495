import { describe, expect, it } from 'vitest';
import { decideRows, summarize, type CrmCandidates, type MappedRow } from './match-rules';

const crm: CrmCandidates = {
  accounts: [
    { id: 'acc-mueller', name: 'Müller GmbH', customerNumber: '4711', domains: ['mueller.de'] },
    { id: 'acc-hofmann', name: 'Hofmann Antriebstechnik GmbH', customerNumber: null, domains: ['hofmann-antriebe.de'] },
    { id: 'acc-weber', name: 'Weber OHG', customerNumber: null, domains: [] },
  ],
  contacts: [
    { id: 'con-weiss', firstName: 'Jürgen', lastName: 'Weiß', emails: ['j.weiss@mueller.de'], accountId: 'acc-mueller' },
    { id: 'con-lang', firstName: 'Anna', lastName: 'Lang', emails: [], accountId: 'acc-weber' },
  ],
};

let next = 2;
const row = (values: MappedRow['values']): MappedRow => ({ row: next++, values });
// The English texts stay what rows stored before the reason codes held; the codes are checked in reasons.test.ts.
const withoutCodes = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'reasonCode' || key === 'reasonParams' ? undefined : v))) as T;
const decide = (rows: MappedRow[], candidates: CrmCandidates = crm) => withoutCodes(decideRows(rows, candidates));

describe('row decisions', () => {
  it('makes one account of a company on many rows, folding umlaut spellings, and one contact per person', () => {
    next = 2;
    const decisions = decide([
      row({ 'account.name': 'Bäckerei Öztürk e.K.', 'contact.firstName': 'Ayşe', 'contact.lastName': 'Öztürk', 'contact.email': 'ayse@oeztuerk.de' }),
      row({ 'account.name': 'BAECKEREI OEZTUERK e. K.', 'contact.firstName': 'Mehmet', 'contact.lastName': 'Öztürk' }),
      row({ 'account.name': 'Bäckerei Öztürk e.K.', 'contact.lastName': 'Oeztuerk', 'contact.firstName': 'Mehmet' }),
      row({ 'account.name': 'Bäckerei Öztürk e.K.', 'contact.email': ' AYSE@oeztuerk.de' }),
    ]);
    expect(decisions.map((d) => d.account)).toEqual([
      { action: 'create', reason: 'no account with this name, customer number or email domain' },
      { action: 'merge', intoRow: 2, reason: 'the same company as row 2' },
      { action: 'merge', intoRow: 2, reason: 'the same company as row 2' },
      { action: 'merge', intoRow: 2, reason: 'the same company as row 2' },
    ]);
    expect(decisions.map((d) => d.contact?.action)).toEqual(['create', 'create', 'merge', 'merge']);
    expect(decisions[2]?.contact).toEqual({ action: 'merge', intoRow: 3, reason: 'the same person at the same company as row 3' });
    expect(decisions[3]?.contact).toEqual({ action: 'merge', intoRow: 2, reason: 'the same email address as row 2' });
  });

  it('updates exact matches in the CRM: customer number, then name with legal form, contacts by email, then by name within the account', () => {
    next = 2;
    const decisions = decide([
      row({ 'account.customerNumber': '4711', 'account.name': 'Müller GmbH Maschinenbau', 'contact.email': 'J.Weiss@Mueller.de' }),
      row({ 'account.name': 'MUELLER GMBH', 'contact.firstName': 'Anna', 'contact.lastName': 'Lang' }),
      row({ 'account.name': 'Weber oHG', 'contact.firstName': 'Anna', 'contact.lastName': 'Lang' }),
    ]);
    expect(decisions[0]).toEqual({
      row: 2,
      account: { action: 'update', existingId: 'acc-mueller', reason: 'the same customer number (the CRM has the name "Müller GmbH")' },
      contact: { action: 'update', existingId: 'con-weiss', reason: 'a contact with the same email address' },
    });
    // "Müller GmbH Maschinenbau" ends in no legal form, so row 3 is not its company, but the CRM's "Müller GmbH".
    expect(decisions[1]?.account).toEqual({ action: 'update', existingId: 'acc-mueller', reason: 'an account with the same name and legal form' });
    expect(decisions[1]?.contact).toEqual({ action: 'create', reason: 'no contact with this name at this company' });
    expect(decisions[2]?.account).toEqual({ action: 'update', existingId: 'acc-weber', reason: 'an account with the same name and legal form' });
    expect(decisions[2]?.contact).toEqual({ action: 'update', existingId: 'con-lang', reason: 'a contact with the same name at the same account' });
  });

  it('never merges names that differ only in legal form: a person decides', () => {
    next = 2;
    const [inCrm, inFile, again] = decide([row({ 'account.name': 'Müller AG' }), row({ 'account.name': 'Müller KG' }), row({ 'account.name': 'Müller AG' })]);
    expect(inCrm?.account).toMatchObject({
      action: 'review',
      candidates: [
        {
          existingId: 'acc-mueller',
          row: null,
          name: 'Müller GmbH',
          score: 1,
          reason: 'the same name, but the legal forms differ (AG / GmbH): possibly different legal entities',
        },
      ],
    });
    expect(inFile?.account).toMatchObject({ action: 'review', candidates: [{ row: 2, name: 'Müller AG' }, { existingId: 'acc-mueller' }] });
    // The same unclear company again joins the row the person decides on, instead of asking twice.
    expect(again?.account).toEqual({ action: 'merge', intoRow: 2, reason: 'the same company as row 2' });
  });

  it('proposes typos, plain vowels for umlauts and email domains as candidates with score and reason', () => {
    next = 2;
    const [typo] = decide([row({ 'account.name': 'Hoffmann Antriebstechnik' })]);
    const [misspelt] = decide([row({ 'account.name': 'Hofmann Antribstechnik GmbH' })]);
    const [domain] = decide([row({ 'account.name': 'HA Vertrieb', 'contact.lastName': 'Kurz', 'contact.email': 'kurz@hofmann-antriebe.de' })]);
    expect(typo?.account).toMatchObject({
      action: 'review',
      candidates: [
        {
          existingId: 'acc-hofmann',
          score: expect.closeTo(0.8846, 4),
          reason: 'names differ only in umlauts or double letters (similarity 0.88); only one has a legal form (GmbH)',
        },
      ],
    });
    expect(misspelt?.account).toMatchObject({
      action: 'review',
      candidates: [{ existingId: 'acc-hofmann', reason: expect.stringMatching(/^similar names \(similarity 0\.\d\d\)$/) }],
    });
    expect(domain?.account).toMatchObject({
      action: 'review',
      candidates: [{ existingId: 'acc-hofmann', reason: "the email domain hofmann-antriebe.de is this account's" }],
    });
    const [both] = decide([row({ 'account.name': 'Hofmann Antriebe GmbH', 'contact.email': 'info@hofmann-antriebe.de' })]);
    expect(both?.account).toMatchObject({
      action: 'review',
      candidates: [
        {
          existingId: 'acc-hofmann',
          reason: expect.stringMatching(/^similar names \(similarity 0\.\d\d\); the email domain hofmann-antriebe\.de is this account's$/),
        },
      ],
    });
    const [muller] = decide([row({ 'account.name': 'Muller GmbH' })]);
    expect(muller?.account).toMatchObject({
      action: 'review',
      candidates: [{ existingId: 'acc-mueller', score: 0.5, reason: 'names differ only in umlauts or double letters (similarity 0.50)' }],
    });
  });

  it('asks a person when a customer number or email points to a record whose other key disagrees', () => {
    next = 2;
    const [number, person] = decide([
      row({ 'account.customerNumber': '4711', 'account.name': 'Müller AG' }),
      row({ 'account.name': 'Müller GmbH', 'contact.firstName': 'Juergen', 'contact.lastName': 'Weiss', 'contact.email': 'juergen@weiss-privat.de' }),
    ]);
    expect(number?.account).toMatchObject({
      action: 'review',
      reason: 'customer number 4711 matches; the same name, but the legal forms differ (AG / GmbH): possibly different legal entities',
    });
    expect(person?.contact).toEqual({
      action: 'review',
      reason: 'a possible match at the same company; a person decides',
      candidates: [{ existingId: 'con-weiss', row: null, name: 'Jürgen Weiß', score: 1, reason: 'the same name at the same account, another email address' }],
    });
  });

  it('reports errors with the field and skips rows without values', () => {
    next = 2;
    const decisions = decide([
      row({ 'account.name': 'Schulz KG', 'account.revenue': '1.234', 'contact.lastName': 'Schulz', 'contact.email': 'schulz(at)schulz.de' }),
      row({ 'account.customerNumber': '0815', 'contact.firstName': 'Peter', 'contact.jobTitle': 'Einkauf' }),
      row({ 'account.name': '  ', 'contact.email': null }),
      row({ 'account.name': 'Neu GmbH', 'account.revenue': '12.500' }),
    ]);
    expect(decisions[0]).toEqual({
      row: 2,
      account: { action: 'error', field: 'account.revenue', reason: '"1.234" is 1234 in German notation and 1.234 in English notation' },
      contact: { action: 'error', field: 'contact.email', reason: '"schulz(at)schulz.de" is not an email address' },
    });
    expect(decisions[1]).toEqual({
      row: 3,
      account: { action: 'error', field: 'account.name', reason: 'no company name, and customer number 0815 is not in the CRM' },
      contact: { action: 'error', field: 'contact.lastName', reason: 'a contact needs a last name or an email address' },
    });
    expect(decisions[2]).toEqual({ row: 4, account: { action: 'skip', reason: 'no value in any column mapped to an account or a contact' }, contact: null });
    // A German amount elsewhere in the column settles "1.234" as 1234.
    expect(
      decide([row({ 'account.name': 'Schulz KG', 'account.revenue': '1.234' }), row({ 'account.name': 'Neu GmbH', 'account.revenue': '99,90' })]).map(
        (d) => d.account?.action,
      ),
    ).toEqual(['create', 'create']);
    expect(summarize(decisions)).toEqual({
      account: { create: 0, update: 0, merge: 0, review: 0, skip: 1, error: 3 },
      contact: { create: 0, update: 0, merge: 0, review: 0, skip: 0, error: 2 },
    });
  });
});
