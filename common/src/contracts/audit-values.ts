// The codes of the audit's entries without zod: the audit contract builds its filter from them, functions types its
// writers by them, and the Privacy tab names each in German and English without bringing zod into its download.

/** What a read was (`read_audit.action`); the Privacy tab and the personal-data PDF name each in German and English. */
export const READ_ACTIONS = ['view', 'list', 'context', 'compose', 'timeline', 'overview', 'consents', 'export', 'my_work', 'audit'] as const;
export type ReadAction = (typeof READ_ACTIONS)[number];

/** What a change was (`audit_log.action`). */
export const CHANGE_ACTIONS = [
  'create',
  'update',
  'delete',
  'log',
  'log-again',
  'consent',
  'settings',
  'sync',
  'erase',
  'restrict',
  'lift-restriction',
  'convert',
  'merge',
  'undo-merge',
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/**
 * The kinds of record the audit names (`entity`): reads name contact, account, lead, opportunity, task or address;
 * changes any of them but address. `tenant` is the company's settings.
 */
export const AUDIT_ENTITIES = [
  'contact',
  'account',
  'lead',
  'opportunity',
  'task',
  'interaction',
  'case',
  'service_contract',
  'revenue',
  'goal',
  'segment_list',
  'webhook',
  'privacy_request',
  'tenant',
  'user',
  'address',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
