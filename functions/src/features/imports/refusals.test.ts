import { describe, expect, it } from 'vitest';
import { conflict, DomainError, invalid, notFound, staleVersion } from '../../core/errors';
import { because, renderReason } from './reasons';
import { refusalOf } from './refusals';

// The refusals as the accounts, contacts and privacy rules raise them (their messages may name an address or a company).
const REFUSALS: [string, DomainError, string][] = [
  [
    'an erased address',
    conflict('this address belongs to a person whose data was erased at their request (GDPR Art. 17), so it may not be stored again', 'emails[0]', {
      reason: 'erased',
    }),
    'nicht importiert: die Adresse gehört einer Person, deren Daten auf ihren Wunsch gelöscht wurden (DSGVO Art. 17), und darf nicht wieder gespeichert werden',
  ],
  [
    'a restricted person',
    conflict('processing of this person is restricted (GDPR Art. 18): the record is read-only until the restriction is lifted', undefined, {
      reason: 'restricted',
    }),
    'nicht importiert: die Verarbeitung dieser Person ist eingeschränkt (DSGVO Art. 18): der Datensatz ist schreibgeschützt, bis die Einschränkung aufgehoben ist',
  ],
  [
    'an address another contact has',
    conflict('a contact with the email lena@weber-gmbh.de already exists', 'emails', { existingId: 'c1' }),
    'nicht importiert: eine der E-Mail-Adressen gehört schon einem anderen Kontakt',
  ],
  [
    'a domain another account has',
    conflict('the domain weber-gmbh.de already belongs to account "Weber GmbH"', 'domains', { existingId: 'a1' }),
    'nicht importiert: eine der Domains gehört schon einer anderen Firma',
  ],
  ['a version changed meanwhile', staleVersion('contact'), 'nicht importiert: der Datensatz wurde inzwischen von jemand anderem geändert'],
  ['a record gone', notFound('account'), 'nicht importiert: den Datensatz gibt es nicht (mehr)'],
  ['a value the contract refuses', invalid('accountId', 'does not exist in this tenant'), 'nicht importiert: das CRM lehnt den Wert von accountId ab'],
  ['a value without a field', new DomainError('invalid', 'the request contains text the database cannot store'), 'nicht importiert: das CRM lehnt einen Wert ab'],
  ['any other refusal', conflict('a record with the same unique key already exists'), 'nicht importiert: das CRM hat den Datensatz abgelehnt'],
];

describe('the CRM refusals a commit outcome quotes', () => {
  it.each(REFUSALS)('words %s in German, without the English message, and quotes the message in English', (_what, error, german) => {
    const outcome = because('outcome.notImported', { message: error.message, refusal: refusalOf(error) });
    const stored = JSON.parse(JSON.stringify(outcome)) as typeof outcome;
    expect(renderReason(stored, 'de')).toBe(german);
    expect(renderReason(stored, 'en')).toBe(`not imported: ${error.message}`);
    expect(outcome.reason).toBe(`not imported: ${error.message}`);
  });

  it('quotes the message in German too for outcomes stored before the refusal had a code', () => {
    const stored = { reason: 'not imported: x', reasonCode: 'outcome.notImported', reasonParams: { message: 'x' } };
    expect(renderReason(stored, 'de')).toBe('nicht importiert: x');
  });
});
