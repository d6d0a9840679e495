// The part of a tenant that is planned up front (accounts, contact layout, deals); everything else streams from it.
import { planAccounts, type PlannedAccount } from './accounts';
import { layoutContacts, type ContactLayout } from './contacts';
import { idSource, type IdSource } from './ids';
import { planOpportunities, type PlannedOpportunity } from './opportunities';
import type { TenantSpec } from './tenant-spec';

export interface TenantPlan {
  spec: TenantSpec;
  ids: IdSource;
  accounts: PlannedAccount[];
  layout: ContactLayout;
  opportunities: PlannedOpportunity[];
}

/** Memory grows with accounts and deals only (tens of thousands), never with contacts or interactions. */
export function planTenant(spec: TenantSpec): TenantPlan {
  const ids = idSource(spec.seed, spec.tenantId);
  const accounts = planAccounts(spec, ids);
  const layout = layoutContacts(accounts, spec.sizes.contacts);
  return { spec, ids, accounts, layout, opportunities: planOpportunities({ spec, ids, accounts, layout }) };
}
