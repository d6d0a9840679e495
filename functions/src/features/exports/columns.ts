// The columns of each export. Headers are the English names the import recognises (docs/IMPORTS.md), so an exported
// list can be imported again and mapped without help.
import type { Account, Contact, Opportunity } from '@crm/common';
import type { Column } from './table';

const joined = (values: readonly string[]): string | null => (values.length > 0 ? values.join(', ') : null);

export const accountColumns: readonly Column<Account>[] = [
  { header: 'ID', type: 'text', value: (a) => a.id, width: 38 },
  { header: 'Company', type: 'text', value: (a) => a.name, width: 32 },
  { header: 'Domains', type: 'text', value: (a) => joined(a.domains), width: 24 },
  { header: 'Industry', type: 'text', value: (a) => a.industry, width: 20 },
  { header: 'Segment', type: 'text', value: (a) => a.segment, width: 16 },
  { header: 'Rating', type: 'text', value: (a) => a.rating, width: 8 },
  { header: 'Owner', type: 'text', value: (a) => a.ownerName, width: 20 },
  { header: 'Street', type: 'text', value: (a) => a.address?.street ?? null, width: 28 },
  { header: 'Postal code', type: 'text', value: (a) => a.address?.postalCode ?? null, width: 10 },
  { header: 'City', type: 'text', value: (a) => a.address?.city ?? null, width: 20 },
  { header: 'Country', type: 'text', value: (a) => a.address?.country ?? null, width: 8 },
  { header: 'Created', type: 'timestamp', value: (a) => a.createdAt, width: 18 },
  { header: 'Updated', type: 'timestamp', value: (a) => a.updatedAt, width: 18 },
];

const phones = (c: Contact, mobile: boolean) => c.phones.filter((p) => (p.type === 'mobile') === mobile).map((p) => p.number);

export const contactColumns: readonly Column<Contact>[] = [
  { header: 'ID', type: 'text', value: (c) => c.id, width: 38 },
  { header: 'First name', type: 'text', value: (c) => c.firstName, width: 16 },
  { header: 'Last name', type: 'text', value: (c) => c.lastName, width: 20 },
  { header: 'Email', type: 'text', value: (c) => c.emails[0] ?? null, width: 30 },
  { header: 'Other emails', type: 'text', value: (c) => joined(c.emails.slice(1)), width: 30 },
  { header: 'Phone', type: 'text', value: (c) => joined(phones(c, false)), width: 20 },
  { header: 'Mobile', type: 'text', value: (c) => joined(phones(c, true)), width: 20 },
  { header: 'Job title', type: 'text', value: (c) => c.jobTitle, width: 24 },
  { header: 'Buying role', type: 'text', value: (c) => c.buyingRole, width: 16 },
  { header: 'Company', type: 'text', value: (c) => c.accountName, width: 32 },
  { header: 'Account ID', type: 'text', value: (c) => c.accountId, width: 38 },
  { header: 'Created', type: 'timestamp', value: (c) => c.createdAt, width: 18 },
  { header: 'Updated', type: 'timestamp', value: (c) => c.updatedAt, width: 18 },
];

export const opportunityColumns: readonly Column<Opportunity>[] = [
  { header: 'ID', type: 'text', value: (o) => o.id, width: 38 },
  { header: 'Opportunity', type: 'text', value: (o) => o.name, width: 32 },
  { header: 'Company', type: 'text', value: (o) => o.accountName, width: 32 },
  { header: 'Account ID', type: 'text', value: (o) => o.accountId, width: 38 },
  { header: 'Stage', type: 'text', value: (o) => o.stage, width: 16 },
  { header: 'Status', type: 'text', value: (o) => o.status, width: 8 },
  { header: 'Amount', type: 'decimal', value: (o) => o.amount, width: 14 },
  { header: 'Currency', type: 'text', value: (o) => o.currency, width: 8 },
  { header: 'Probability %', type: 'integer', value: (o) => o.probability, width: 12 },
  { header: 'Weighted amount', type: 'decimal', value: (o) => o.weightedAmount, width: 14 },
  { header: 'Expected close', type: 'date', value: (o) => o.expectedCloseDate, width: 14 },
  { header: 'Product line', type: 'text', value: (o) => o.productLine, width: 20 },
  { header: 'Close reason', type: 'text', value: (o) => o.closeReason, width: 24 },
  { header: 'Closed', type: 'timestamp', value: (o) => o.closedAt, width: 18 },
  { header: 'Created', type: 'timestamp', value: (o) => o.createdAt, width: 18 },
  { header: 'Updated', type: 'timestamp', value: (o) => o.updatedAt, width: 18 },
];

/** One interaction with the names of what it is linked to (restricted persons already left out). */
export interface InteractionExportRow {
  id: string;
  occurredAt: string;
  type: string;
  direction: string | null;
  subject: string;
  summary: string | null;
  status: string | null;
  source: string;
  accounts: string[];
  contacts: string[];
  /** For the read audit, not a column. */
  contactIds: string[];
  loggedBy: string[];
  createdAt: string;
}

export const interactionColumns: readonly Column<InteractionExportRow>[] = [
  { header: 'ID', type: 'text', value: (i) => i.id, width: 38 },
  { header: 'Date (UTC)', type: 'timestamp', value: (i) => i.occurredAt, width: 18 },
  { header: 'Type', type: 'text', value: (i) => i.type, width: 12 },
  { header: 'Direction', type: 'text', value: (i) => i.direction, width: 10 },
  { header: 'Subject', type: 'text', value: (i) => i.subject, width: 40 },
  { header: 'Notes', type: 'text', value: (i) => i.summary, width: 60 },
  { header: 'Status', type: 'text', value: (i) => i.status, width: 10 },
  { header: 'Source', type: 'text', value: (i) => i.source, width: 10 },
  { header: 'Companies', type: 'text', value: (i) => joined(i.accounts), width: 32 },
  { header: 'Contacts', type: 'text', value: (i) => joined(i.contacts), width: 32 },
  { header: 'Logged by', type: 'text', value: (i) => joined(i.loggedBy), width: 24 },
  { header: 'Created', type: 'timestamp', value: (i) => i.createdAt, width: 18 },
];
