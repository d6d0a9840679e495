// Which existing contacts may be the person about to be added, and why: the same name, the same last name with the same
// first initial, or the same name before the @ at another address. A colleague at the same company or an address at
// the same domain is no reason on its own (the contact search also matches email domains, which name the company).
import type { Contact } from '@crm/common';

export type SimilarReason = 'sameName' | 'sameInitial' | 'sameAddressName';

export interface SimilarContact {
  contact: Contact;
  reason: SimilarReason;
}

// Case and accents aside (é = e); a German collator keeps ä apart from ae, which is what people type too.
const collator = new Intl.Collator('de', { sensitivity: 'base', usage: 'search' });
const same = (a: string, b: string) => a.trim() !== '' && collator.compare(a.trim(), b.trim()) === 0;
const localPart = (email: string) => email.slice(0, email.lastIndexOf('@')).toLowerCase();

function reasonFor(contact: Contact, person: { firstName: string; lastName: string; email: string }): SimilarReason | null {
  if (same(contact.lastName, person.lastName)) {
    if (same(contact.firstName, person.firstName)) return 'sameName';
    // Either first name may be only an initial ("J" from j.hoffmann@...), or missing.
    const [a, b] = [contact.firstName.trim(), person.firstName.trim()];
    return !a || !b || same(a[0]!, b[0]!) ? 'sameInitial' : null;
  }
  const local = localPart(person.email);
  const sameLocal = (e: string) => localPart(e) === local && e.toLowerCase() !== person.email.toLowerCase();
  return local.length > 2 && contact.emails.some(sameLocal) ? 'sameAddressName' : null;
}

/** The candidates that may be the person, each once, with the reason; the rest dropped. */
export function similarContacts(candidates: readonly Contact[], person: { firstName: string; lastName: string; email: string }): SimilarContact[] {
  const seen = new Set<string>();
  const found: SimilarContact[] = [];
  for (const contact of candidates) {
    if (seen.has(contact.id)) continue;
    seen.add(contact.id);
    const reason = reasonFor(contact, person);
    if (reason) found.push({ contact, reason });
  }
  return found;
}
