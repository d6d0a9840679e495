// Which app roles may do what: readers read, users write, managers delete, admins change tenant settings,
// the data protection officer (CRM.Privacy) and admins answer data subject requests.
import type { Access, AppRole } from '@crm/common';
import { forbidden } from './principal';

const allowed: Record<Exclude<Access, 'public'>, readonly AppRole[]> = {
  read: ['CRM.Admin', 'CRM.Manager', 'CRM.User', 'CRM.Reader', 'CRM.Privacy'],
  write: ['CRM.Admin', 'CRM.Manager', 'CRM.User'],
  manage: ['CRM.Admin', 'CRM.Manager'],
  admin: ['CRM.Admin'],
  privacy: ['CRM.Privacy', 'CRM.Admin'],
};

const verbs: Record<Exclude<Access, 'public'>, string> = {
  read: 'read CRM data',
  write: 'change CRM data',
  manage: 'delete records',
  admin: 'change tenant settings',
  privacy: 'handle data subject requests (erasure, restriction, access)',
};

export function requireAccess(roles: readonly AppRole[], access: Access): void {
  if (access === 'public') return;
  if (roles.some((role) => allowed[access].includes(role))) return;
  throw forbidden(`your role (${roles.join(', ')}) may not ${verbs[access]}; it needs one of ${allowed[access].join(', ')}`);
}
