import { describe, expect, it } from 'vitest';
import { compareCompanies, parseCompanyName } from './company-names';

const form = (name: string) => {
  const parsed = parseCompanyName(name);
  return [parsed.base, parsed.legalForm];
};

describe('company names', () => {
  it('recognises German and foreign legal forms at the end, the longest first', () => {
    expect(form('Müller GmbH')).toEqual(['Müller', 'GmbH']);
    expect(form('Müller GmbH & Co. KG')).toEqual(['Müller', 'GmbH & Co. KG']);
    expect(form('Müller GmbH&Co.KG')).toEqual(['Müller', 'GmbH & Co. KG']);
    expect(form('Müller GmbH und Co. KG')).toEqual(['Müller', 'GmbH & Co. KG']);
    expect(form('Bäckerei Öztürk e.K.')).toEqual(['Bäckerei Öztürk', 'e.K.']);
    expect(form('Sportverein Blau-Weiß e. V.')).toEqual(['Sportverein Blau-Weiß', 'e.V.']);
    expect(form('Lemke UG (haftungsbeschränkt)')).toEqual(['Lemke', 'UG (haftungsbeschränkt)']);
    expect(form('Schmidt & Co. KG')).toEqual(['Schmidt & Co.', 'KG']);
    expect(form('Weber OHG')).toEqual(['Weber', 'OHG']);
    expect(form('Allianz SE')).toEqual(['Allianz', 'SE']);
    expect(form('Acme Ltd.')).toEqual(['Acme', 'Ltd']);
    expect(form('Acme, Inc.')).toEqual(['Acme', 'Inc.']);
    expect(form('Dupont S.A.')).toEqual(['Dupont', 'S.A.']);
    expect(form('Dupont SARL')).toEqual(['Dupont', 'SARL']);
    expect(form('Van Dijk B.V.')).toEqual(['Van Dijk', 'B.V.']);
    expect(form('Hofmann Antriebstechnik Aktiengesellschaft')).toEqual(['Hofmann Antriebstechnik', 'AG']);
  });

  it('leaves names without a legal form whole, also when a word only looks like one', () => {
    expect(form('Bausa')).toEqual(['Bausa', null]);
    expect(form('GmbH')).toEqual(['GmbH', null]);
    expect(form('Stadtwerke Ulm')).toEqual(['Stadtwerke Ulm', null]);
    expect(parseCompanyName('Müller', 'GmbH').legalForm).toBe('GmbH');
  });

  it('folds case, umlauts, ß, punctuation and spacing: Müller = MUELLER, Weiß = Weiss', () => {
    expect(compareCompanies(parseCompanyName('Müller GmbH'), parseCompanyName('MUELLER  gmbh'))).toMatchObject({
      kind: 'same',
      score: 1,
      reason: 'the same name once case, umlauts, ß and punctuation are folded',
    });
    expect(compareCompanies(parseCompanyName('Weiß-Bau AG'), parseCompanyName('Weiss Bau AG')).kind).toBe('same');
  });

  it('never treats names that differ only in legal form as the same entity', () => {
    expect(compareCompanies(parseCompanyName('Müller GmbH'), parseCompanyName('Müller AG'))).toMatchObject({
      kind: 'legal_form_differs',
      score: 1,
      reason: 'the same name, but the legal forms differ (GmbH / AG): possibly different legal entities',
    });
    expect(compareCompanies(parseCompanyName('Müller GmbH'), parseCompanyName('Müller GmbH & Co. KG')).kind).toBe('legal_form_differs');
    expect(compareCompanies(parseCompanyName('Müller'), parseCompanyName('Müller GmbH'))).toMatchObject({
      reason: 'the same name, but only one has a legal form (GmbH): possibly different legal entities',
    });
  });

  it('scores typos and plain vowels for umlauts as candidates with the reason, never as the same', () => {
    const typo = compareCompanies(parseCompanyName('Hoffmann Antriebstechnik'), parseCompanyName('Hofmann Antriebstechnik GmbH'));
    expect(typo).toMatchObject({
      kind: 'similar',
      score: expect.closeTo(0.8846, 4),
      reason: 'names differ only in umlauts or double letters (similarity 0.88); only one has a legal form (GmbH)',
    });
    const plain = compareCompanies(parseCompanyName('Müller GmbH'), parseCompanyName('Muller GmbH'));
    expect(plain).toMatchObject({ kind: 'similar', score: 0.5, reason: 'names differ only in umlauts or double letters (similarity 0.50)' });
    expect(compareCompanies(parseCompanyName('Schmidt Logistik GmbH'), parseCompanyName('Schmitt Logistik GmbH'))).toMatchObject({
      kind: 'similar',
      reason: expect.stringMatching(/^similar names/),
    });
    expect(compareCompanies(parseCompanyName('Müller GmbH'), parseCompanyName('Schneider GmbH')).kind).toBe('different');
  });
});
