// Person names and email addresses as matching keys. Academic titles and salutations written into the name cells
// ("Dr. Hans", "Herr Müller") are set apart rather than compared; emails compare as the CRM stores them.
import { Email, normalizeEmail } from '@crm/common';
import { foldText } from './folding';
import { because, type Reason } from './reasons';
import { trigramSimilarity } from './trigram';
import { SIMILAR_NAME_THRESHOLD } from './company-names';

const PREFIXES = /^(?:(?:herrn?|frau|mrs|mr|ms|prof|dr|dipl|ing|med|rer|nat|phil|jur|h\.\s?c)[.\s-]+)+/i;

export interface PersonName {
  firstName: string;
  lastName: string;
  /** "Dr.", "Prof. Dr." and salutations found in the name cells, as written. */
  prefix: string;
  key: string;
  firstKey: string;
  lastKey: string;
}

export function parsePersonName(firstName: string, lastName: string): PersonName {
  const split = (text: string) => {
    const trimmed = text.trim().replace(/\s+/g, ' ');
    const prefix = PREFIXES.exec(trimmed)?.[0] ?? '';
    // A cell that is nothing but a title ("Dr.") stays as written: there is no name left to keep.
    return prefix && prefix.length < trimmed.length ? { prefix: prefix.trim(), name: trimmed.slice(prefix.length) } : { prefix: '', name: trimmed };
  };
  const first = split(firstName);
  const last = split(lastName);
  const firstKey = foldText(first.name);
  const lastKey = foldText(last.name);
  return {
    firstName: first.name,
    lastName: last.name,
    prefix: [first.prefix, last.prefix].filter(Boolean).join(' '),
    key: `${firstKey} ${lastKey}`.trim(),
    firstKey,
    lastKey,
  };
}

export type PersonComparison = ({ kind: 'same' } & Reason) | ({ kind: 'similar'; score: number } & Reason) | { kind: 'different' };

export function comparePersons(a: PersonName, b: PersonName): PersonComparison {
  if (a.key === b.key) return { kind: 'same', ...because('person.same') };
  if (a.lastKey === b.lastKey && a.firstKey && b.firstKey && (a.firstKey.length === 1 || b.firstKey.length === 1) && a.firstKey[0] === b.firstKey[0]) {
    return { kind: 'similar', score: trigramSimilarity(a.key, b.key), ...because('person.sameLastNameAndInitial') };
  }
  const score = trigramSimilarity(a.key, b.key);
  return score >= SIMILAR_NAME_THRESHOLD ? { kind: 'similar', score, ...because('person.similar', { score: score.toFixed(2) }) } : { kind: 'different' };
}

export type EmailResult = { ok: true; email: string; domain: string } | ({ ok: false } & Reason);

/** Trimmed and lower-cased as the CRM stores every address (common's Email), with the domain for account matching. */
export function parseEmail(text: string): EmailResult {
  const parsed = Email.safeParse(text.replace(/^mailto:/i, ''));
  if (!parsed.success) return { ok: false, ...because('value.notEmail', { value: text.trim() }) };
  const email = normalizeEmail(parsed.data);
  return { ok: true, email, domain: email.slice(email.lastIndexOf('@') + 1) };
}
