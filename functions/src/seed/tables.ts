// Column lists of the tables the seed writes, in the order the generators produce values.
import type { TableSpec } from './bulk-writer';

export const USERS: TableSpec = {
  table: 'users',
  columns: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['entra_oid', 'text'],
    ['display_name', 'text'],
    ['email', 'text'],
    ['roles', 'text[]'],
  ],
};
export const ACCOUNTS: TableSpec = {
  table: 'accounts',
  columns: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['name', 'text'],
    ['domains', 'text[]'],
    ['parent_account_id', 'uuid'],
    ['industry', 'text'],
    ['segment', 'text'],
    ['rating', 'text'],
    ['owner_id', 'uuid'],
    ['address', 'jsonb'],
    ['custom_fields', 'jsonb'],
    ['created_at', 'timestamptz'],
  ],
};
export const ACCOUNT_DOMAINS: TableSpec = {
  table: 'account_domains',
  columns: [
    ['tenant_id', 'uuid'],
    ['domain', 'text'],
    ['account_id', 'uuid'],
  ],
};
export const CONTACTS: TableSpec = {
  table: 'contacts',
  columns: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['account_id', 'uuid'],
    ['first_name', 'text'],
    ['last_name', 'text'],
    ['emails', 'text[]'],
    ['phones', 'jsonb'],
    ['job_title', 'text'],
    ['buying_role', 'text'],
    ['owner_id', 'uuid'],
    ['communication_preferences', 'jsonb'],
    ['created_at', 'timestamptz'],
  ],
};
export const CONTACT_EMAILS: TableSpec = {
  table: 'contact_emails',
  columns: [
    ['tenant_id', 'uuid'],
    ['email', 'text'],
    ['contact_id', 'uuid'],
  ],
};
export const OPPORTUNITIES: TableSpec = {
  table: 'opportunities',
  columns: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['account_id', 'uuid'],
    ['name', 'text'],
    ['stage', 'text'],
    ['amount', 'numeric'],
    ['currency', 'text'],
    ['probability', 'int'],
    ['expected_close', 'date'],
    ['owner_id', 'uuid'],
    ['status', 'text'],
    ['close_reason', 'text'],
    ['closed_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
  ],
};
export const OPPORTUNITY_CONTACTS: TableSpec = {
  table: 'opportunity_contacts',
  columns: [
    ['tenant_id', 'uuid'],
    ['opportunity_id', 'uuid'],
    ['contact_id', 'uuid'],
  ],
};
export const INTERACTIONS: TableSpec = {
  table: 'interactions',
  columns: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['type', 'text'],
    ['direction', 'text'],
    ['occurred_at', 'timestamptz'],
    ['subject', 'text'],
    ['summary', 'text'],
    ['source', 'text'],
    ['internet_message_id', 'text'],
    ['ical_uid', 'text'],
    ['conversation_id', 'text'],
    ['status', 'text'],
    ['resolution', 'text'],
    ['resolved_at', 'timestamptz'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
  ],
};
export const INTERACTION_ACCOUNTS: TableSpec = {
  table: 'interaction_accounts',
  columns: [
    ['tenant_id', 'uuid'],
    ['interaction_id', 'uuid'],
    ['account_id', 'uuid'],
    ['occurred_at', 'timestamptz'],
    ['type', 'text'],
    ['is_open', 'bool'],
  ],
};
export const INTERACTION_CONTACTS: TableSpec = {
  table: 'interaction_contacts',
  columns: [
    ['tenant_id', 'uuid'],
    ['interaction_id', 'uuid'],
    ['contact_id', 'uuid'],
    ['occurred_at', 'timestamptz'],
  ],
};
export const INTERACTION_OPPORTUNITIES: TableSpec = {
  table: 'interaction_opportunities',
  columns: [
    ['tenant_id', 'uuid'],
    ['interaction_id', 'uuid'],
    ['opportunity_id', 'uuid'],
  ],
};
export const INTERACTION_LOGGERS: TableSpec = {
  table: 'interaction_loggers',
  columns: [
    ['tenant_id', 'uuid'],
    ['interaction_id', 'uuid'],
    ['user_id', 'uuid'],
    ['logged_at', 'timestamptz'],
  ],
};
export const TASKS: TableSpec = {
  table: 'tasks',
  columns: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['kind', 'text'],
    ['title', 'text'],
    ['description', 'text'],
    ['due_date', 'date'],
    ['assignee_id', 'uuid'],
    ['status', 'text'],
    ['account_id', 'uuid'],
    ['contact_id', 'uuid'],
    ['opportunity_id', 'uuid'],
    ['completed_at', 'timestamptz'],
    ['created_by', 'uuid'],
  ],
};
export const CONSENTS: TableSpec = {
  table: 'consents',
  columns: [
    ['tenant_id', 'uuid'],
    ['id', 'uuid'],
    ['contact_id', 'uuid'],
    ['channel', 'text'],
    ['purpose', 'text'],
    ['legal_basis', 'text'],
    ['action', 'text'],
    ['source', 'text'],
    ['note', 'text'],
    ['captured_by', 'uuid'],
    ['captured_at', 'timestamptz'],
  ],
};
