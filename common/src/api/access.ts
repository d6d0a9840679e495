// Which app roles may do what: readers read, users write, managers delete, admins change tenant settings,
// the data protection officer (CRM.Privacy) and admins answer data subject requests. The API enforces it; the
// front-ends read the same table to disable what the signed-in user's role cannot do and to name the role it needs.
import type { AppRole } from '../contracts/enums';
import type { Access } from './endpoints';

export const rolesWith: Record<Exclude<Access, 'public'>, readonly AppRole[]> = {
  read: ['CRM.Admin', 'CRM.Manager', 'CRM.User', 'CRM.Reader', 'CRM.Privacy'],
  write: ['CRM.Admin', 'CRM.Manager', 'CRM.User'],
  manage: ['CRM.Admin', 'CRM.Manager'],
  admin: ['CRM.Admin'],
  privacy: ['CRM.Privacy', 'CRM.Admin'],
};

export const mayAccess = (roles: readonly AppRole[], access: Access): boolean =>
  access === 'public' || roles.some((role) => rolesWith[access].includes(role));
