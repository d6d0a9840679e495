// The insight triggers of 0023 found the account of a changed consent or interaction link through its contact by
// joining the statement's transition table with contacts. A transition table has no statistics, so the planner joined
// it with every contact of the tenant on tenant_id first and probed interaction_contacts once per pair: a statement
// changing n rows cost n times the tenant's contacts in index probes. Measured on PostgreSQL: anonymising 500 emails
// (one retention batch) in a tenant of 100 contacts spent 1.3 s in the interactions' trigger, twice (old and new rows),
// where the update itself took 80 ms; a tenant of 10,000 contacts pays that for every email logged. The contact's
// account is now looked up per row by the contact's primary key, which no estimate can turn into a cross join.
// Same rows appended to insight_changes as before; the triggers stay as 0023 made them.
export const fn = (name: string, touched: (rel: string) => string) => /* sql */ `
CREATE OR REPLACE FUNCTION insight_changed_${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO insight_changes (tenant_id, account_id) SELECT DISTINCT tenant_id, account_id FROM (${touched('new_rows')}) t;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO insight_changes (tenant_id, account_id) SELECT DISTINCT tenant_id, account_id FROM (${touched('old_rows')}) t;
  END IF;
  RETURN NULL;
END $$;
`;

/** rel: rows with tenant_id and contact_id; their contacts' accounts, one primary-key lookup per row. */
export const viaContact = (rel: string) =>
  `SELECT tenant_id, account_id FROM (
     SELECT r.tenant_id, (SELECT c.account_id FROM contacts c WHERE c.tenant_id = r.tenant_id AND c.id = r.contact_id) AS account_id FROM ${rel} r
   ) via_contact WHERE account_id IS NOT NULL`;

export const sql = /* sql */ `
${fn('consents', viaContact)}
${fn('interaction_contacts', viaContact)}
${fn(
  'interactions',
  (rel) => `SELECT r.tenant_id, ia.account_id FROM ${rel} r JOIN interaction_accounts ia ON ia.tenant_id = r.tenant_id AND ia.interaction_id = r.id
    UNION ALL ${viaContact(`(SELECT ic.tenant_id, ic.contact_id FROM ${rel} r JOIN interaction_contacts ic ON ic.tenant_id = r.tenant_id AND ic.interaction_id = r.id)`)}`,
)}
`;
