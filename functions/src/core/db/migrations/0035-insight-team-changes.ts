// An interaction linked to no account and no contact (a request logged before anyone knew the sender, an import row
// without a company) counts in the team's figures: the requests' response time and the interactions logged. The
// triggers of 0023 and 0025 record which accounts a statement touched, so such an interaction left the analysis
// current until some other write. Every statement on interactions now also records the nil account id, which marks
// the team's figures stale without making any account's facts dirty (current.ts leaves it out of the accounts it
// gathers again). At INSERT the links are not written yet, so every insert is recorded: one row per statement.
import { fn, viaContact } from './0025-insight-trigger-lookups';

const TEAM_ONLY_CHANGE = '00000000-0000-0000-0000-000000000000';

const touched = (rel: string) => `SELECT r.tenant_id, ia.account_id FROM ${rel} r JOIN interaction_accounts ia ON ia.tenant_id = r.tenant_id AND ia.interaction_id = r.id
    UNION ALL ${viaContact(`(SELECT ic.tenant_id, ic.contact_id FROM ${rel} r JOIN interaction_contacts ic ON ic.tenant_id = r.tenant_id AND ic.interaction_id = r.id)`)}
    UNION ALL SELECT DISTINCT r.tenant_id, '${TEAM_ONLY_CHANGE}'::uuid FROM ${rel} r`;

// 0025's function, with the rows above.
export const sql = fn('interactions', touched);
