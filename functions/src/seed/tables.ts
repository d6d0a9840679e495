// How planned objects become rows: the seeded tables, their columns and where each value comes from.
import type { PlannedAccount } from './accounts';
import type { TableSpec } from './bulk-writer';
import type { PlannedConsent } from './consents';
import type { PlannedContact } from './contacts';
import type { PlannedInteraction } from './interactions';
import type { PlannedOpportunity } from './opportunities';
import type { PlannedTask } from './tasks';
import type { SeedUser } from './tenant-spec';

export const USERS: TableSpec<SeedUser> = {
  table: 'users',
  columns: [
    ['id', 'uuid', (u) => u.id],
    ['entra_oid', 'text', (u) => u.oid],
    ['display_name', 'text', (u) => u.displayName],
    ['email', 'text', (u) => u.email],
    ['roles', 'text[]', (u) => u.roles],
  ],
};

export const ACCOUNTS: TableSpec<PlannedAccount> = {
  table: 'accounts',
  columns: [
    ['id', 'uuid', (a) => a.id],
    ['name', 'text', (a) => a.name],
    ['domains', 'text[]', (a) => a.domains],
    ['parent_account_id', 'uuid', (a) => a.parentId],
    ['industry', 'text', (a) => a.industry],
    ['segment', 'text', (a) => a.segment],
    ['rating', 'text', (a) => a.rating],
    ['owner_id', 'uuid', (a) => a.ownerId],
    ['address', 'jsonb', (a) => ({ street: a.street, postalCode: a.city.postalCode, city: a.city.city, country: a.country.code })],
    ['custom_fields', 'jsonb', (a) => a.customFields],
    ['created_at', 'timestamptz', (a) => a.createdAt],
    ['updated_at', 'timestamptz', (a) => a.createdAt],
  ],
};

export const ACCOUNT_DOMAINS: TableSpec<{ account: PlannedAccount; domain: string }> = {
  table: 'account_domains',
  columns: [
    ['domain', 'text', (d) => d.domain],
    ['account_id', 'uuid', (d) => d.account.id],
  ],
};

export const CONTACTS: TableSpec<PlannedContact> = {
  table: 'contacts',
  columns: [
    ['id', 'uuid', (c) => c.id],
    ['account_id', 'uuid', (c) => c.accountId],
    ['first_name', 'text', (c) => c.firstName],
    ['last_name', 'text', (c) => c.lastName],
    ['emails', 'text[]', (c) => c.emails],
    ['phones', 'jsonb', (c) => c.phones],
    ['job_title', 'text', (c) => c.jobTitle],
    ['buying_role', 'text', (c) => c.buyingRole],
    ['owner_id', 'uuid', (c) => c.ownerId],
    ['communication_preferences', 'jsonb', (c) => c.communicationPreferences],
    ['created_at', 'timestamptz', (c) => c.createdAt],
    ['updated_at', 'timestamptz', (c) => c.createdAt],
  ],
};

export const CONTACT_EMAILS: TableSpec<{ contact: PlannedContact; email: string }> = {
  table: 'contact_emails',
  columns: [
    ['email', 'text', (e) => e.email],
    ['contact_id', 'uuid', (e) => e.contact.id],
  ],
};

export const OPPORTUNITIES: TableSpec<PlannedOpportunity> = {
  table: 'opportunities',
  columns: [
    ['id', 'uuid', (o) => o.id],
    ['account_id', 'uuid', (o) => o.accountId],
    ['name', 'text', (o) => o.name],
    ['stage', 'text', (o) => o.stage],
    ['amount', 'numeric', (o) => o.amount],
    ['currency', 'text', () => 'EUR'],
    ['probability', 'int', (o) => o.probability],
    ['expected_close', 'date', (o) => o.expectedClose],
    ['owner_id', 'uuid', (o) => o.ownerId],
    ['status', 'text', (o) => o.status],
    ['close_reason', 'text', (o) => o.closeReason],
    ['closed_at', 'timestamptz', (o) => o.closedAt],
    ['created_at', 'timestamptz', (o) => o.createdAt],
    ['updated_at', 'timestamptz', (o) => o.closedAt ?? o.createdAt],
  ],
};

export const OPPORTUNITY_CONTACTS: TableSpec<{ opportunity: PlannedOpportunity; contactId: string }> = {
  table: 'opportunity_contacts',
  columns: [
    ['opportunity_id', 'uuid', (l) => l.opportunity.id],
    ['contact_id', 'uuid', (l) => l.contactId],
  ],
};

export const INTERACTIONS: TableSpec<PlannedInteraction> = {
  table: 'interactions',
  columns: [
    ['id', 'uuid', (i) => i.id],
    ['type', 'text', (i) => i.type],
    ['direction', 'text', (i) => i.direction],
    ['occurred_at', 'timestamptz', (i) => i.occurredAt],
    ['subject', 'text', (i) => i.subject],
    ['summary', 'text', (i) => i.summary],
    ['source', 'text', (i) => i.source],
    ['internet_message_id', 'text', (i) => i.internetMessageId],
    ['ical_uid', 'text', (i) => i.iCalUId],
    ['teams_message_id', 'text', (i) => i.teamsMessageId],
    ['conversation_id', 'text', (i) => i.conversationId],
    ['status', 'text', (i) => i.status],
    ['resolution', 'text', (i) => i.resolution],
    ['resolved_at', 'timestamptz', (i) => i.resolvedAt],
    ['created_by', 'uuid', (i) => i.createdBy],
    ['created_at', 'timestamptz', (i) => i.occurredAt],
    ['updated_at', 'timestamptz', (i) => i.resolvedAt ?? i.occurredAt],
  ],
};

/** The link tables repeat occurred_at, type and openness (see the schema), so the seed must too. */
export const INTERACTION_ACCOUNTS: TableSpec<PlannedInteraction> = {
  table: 'interaction_accounts',
  columns: [
    ['interaction_id', 'uuid', (i) => i.id],
    ['account_id', 'uuid', (i) => i.accountId],
    ['occurred_at', 'timestamptz', (i) => i.occurredAt],
    ['type', 'text', (i) => i.type],
    ['is_open', 'bool', (i) => i.status === 'open'],
  ],
};

export const INTERACTION_CONTACTS: TableSpec<{ interaction: PlannedInteraction; contactId: string }> = {
  table: 'interaction_contacts',
  columns: [
    ['interaction_id', 'uuid', (l) => l.interaction.id],
    ['contact_id', 'uuid', (l) => l.contactId],
    ['occurred_at', 'timestamptz', (l) => l.interaction.occurredAt],
  ],
};

export const INTERACTION_OPPORTUNITIES: TableSpec<{ interaction: PlannedInteraction; opportunityId: string }> = {
  table: 'interaction_opportunities',
  columns: [
    ['interaction_id', 'uuid', (l) => l.interaction.id],
    ['opportunity_id', 'uuid', (l) => l.opportunityId],
  ],
};

export const INTERACTION_LOGGERS: TableSpec<PlannedInteraction> = {
  table: 'interaction_loggers',
  columns: [
    ['interaction_id', 'uuid', (i) => i.id],
    ['user_id', 'uuid', (i) => i.createdBy],
    ['logged_at', 'timestamptz', (i) => i.occurredAt],
  ],
};

export const TASKS: TableSpec<PlannedTask> = {
  table: 'tasks',
  columns: [
    ['id', 'uuid', (t) => t.id],
    ['kind', 'text', (t) => t.kind],
    ['title', 'text', (t) => t.title],
    ['description', 'text', (t) => t.description],
    ['due_date', 'date', (t) => t.dueDate],
    ['assignee_id', 'uuid', (t) => t.assigneeId],
    ['status', 'text', (t) => t.status],
    ['account_id', 'uuid', (t) => t.accountId],
    ['contact_id', 'uuid', (t) => t.contactId],
    ['opportunity_id', 'uuid', (t) => t.opportunityId],
    ['completed_at', 'timestamptz', (t) => t.completedAt],
    ['created_by', 'uuid', (t) => t.createdBy],
    ['created_at', 'timestamptz', (t) => t.createdAt],
    ['updated_at', 'timestamptz', (t) => t.completedAt ?? t.createdAt],
  ],
};

export const CONSENTS: TableSpec<PlannedConsent> = {
  table: 'consents',
  columns: [
    ['id', 'uuid', (k) => k.id],
    ['contact_id', 'uuid', (k) => k.contactId],
    ['channel', 'text', (k) => k.channel],
    ['purpose', 'text', (k) => k.purpose],
    ['legal_basis', 'text', (k) => k.legalBasis],
    ['action', 'text', (k) => k.action],
    ['source', 'text', (k) => k.source],
    ['note', 'text', (k) => k.note],
    ['captured_by', 'uuid', (k) => k.capturedBy],
    ['captured_at', 'timestamptz', (k) => k.capturedAt],
    ['recorded_at', 'timestamptz', (k) => k.capturedAt],
  ],
};
