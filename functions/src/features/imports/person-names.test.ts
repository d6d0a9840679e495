import { describe, expect, it } from 'vitest';
import { comparePersons, parseEmail, parsePersonName } from './person-names';

describe('person names', () => {
  it('sets titles and salutations apart and folds the rest', () => {
    expect(parsePersonName('Dr. Hans-Jürgen', 'Weiß')).toEqual({
      firstName: 'Hans-Jürgen',
      lastName: 'Weiß',
      prefix: 'Dr.',
      key: 'hans juergen weiss',
      firstKey: 'hans juergen',
      lastKey: 'weiss',
    });
    expect(parsePersonName('', 'Herr Prof. Dr. Müller').prefix).toBe('Herr Prof. Dr.');
    expect(parsePersonName('Dr.', '').firstName).toBe('Dr.');
    expect(parsePersonName('Drago', 'Ivić').firstName).toBe('Drago');
  });

  it('matches umlaut spellings and initials, and scores the rest', () => {
    expect(comparePersons(parsePersonName('Jürgen', 'Müller'), parsePersonName('JUERGEN', 'Mueller')).kind).toBe('same');
    expect(comparePersons(parsePersonName('J.', 'Müller'), parsePersonName('Jürgen', 'Müller'))).toMatchObject({
      kind: 'similar',
      reason: 'the same last name and first initial',
    });
    expect(comparePersons(parsePersonName('Julia', 'Hoffmann'), parsePersonName('Julia', 'Hofmann'))).toMatchObject({ kind: 'similar' });
    expect(comparePersons(parsePersonName('Julia', 'Hoffmann'), parsePersonName('Peter', 'Schulz')).kind).toBe('different');
  });
});

describe('email addresses', () => {
  it('trims and lower-cases as the CRM stores them, and gives the domain', () => {
    expect(parseEmail('  J.Mueller@Mueller-Bau.DE ')).toEqual({ ok: true, email: 'j.mueller@mueller-bau.de', domain: 'mueller-bau.de' });
    expect(parseEmail('mailto:info@example.de')).toMatchObject({ ok: true, email: 'info@example.de' });
  });

  it('refuses what is not an address', () => {
    expect(parseEmail('mueller at example.de')).toMatchObject({ ok: false, reason: '"mueller at example.de" is not an email address' });
  });
});
