// Who is calling: the tenant and user every domain operation is scoped to.
import type { AppRole } from '@crm/common';

export interface Actor {
  tenantId: string;
  userId: string;
  displayName: string;
  roles: readonly AppRole[];
}
