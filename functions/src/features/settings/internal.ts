// Who counts as a colleague on an email: the tenant's users, and the tenant's own domains.
import { normalizeEmail } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { tenantUserEmails } from '../../core/tenancy/users-store';
import { getSettings } from './store';

export interface InternalPeople {
  emails: ReadonlySet<string>;
  domains: ReadonlySet<string>;
}

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);

/** The configured internal domains, or when none are configured, the domains of the tenant users' own addresses. */
export async function internalPeople(db: Queryable, tenantId: string): Promise<InternalPeople> {
  const [settings, userEmails] = await Promise.all([getSettings(db, tenantId), tenantUserEmails(db, tenantId)]);
  const emails = new Set(userEmails.map((email) => normalizeEmail(email)).filter((email) => email.includes('@')));
  const configured = settings.internalDomains ?? [];
  const domains = configured.length > 0 ? configured : [...emails].map(domainOf);
  return { emails, domains: new Set(domains) };
}

export const isInternal = (people: InternalPeople, email: string): boolean => people.emails.has(email) || people.domains.has(domainOf(email));
