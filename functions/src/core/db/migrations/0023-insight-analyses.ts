// The current analysis of a tenant, precomputed per period (issue 15), so the insights endpoints read one row instead
// of recomputing the whole tenant (18 s for an account's figures on the large benchmark tenant). Not the monthly
// insight_snapshots: those keep history for trends; these are replaced on every refresh.
//
// Freshness comes from insight_changes: statement-level triggers on every table the analysis reads append which
// accounts a statement touched (a NULL account: the whole tenant, e.g. its settings), in the writer's own transaction,
// so a change is recorded exactly when it commits and a rolled back one never is. Append-only rows take no lock another
// writer waits for (a per-tenant counter row would serialise every write of a tenant until commit). A refresh folds the
// rows it read into each period's dirty set and deletes them; rows committed later stay and make the analysis stale.
const table = (name: string, touched: (rel: string) => string) => /* sql */ `
CREATE FUNCTION insight_changed_${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO insight_changes (tenant_id, account_id) SELECT DISTINCT tenant_id, account_id FROM (${touched('new_rows')}) t;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO insight_changes (tenant_id, account_id) SELECT DISTINCT tenant_id, account_id FROM (${touched('old_rows')}) t;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER insight_changed_ins AFTER INSERT ON ${name} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insight_changed_${name}();
CREATE TRIGGER insight_changed_upd AFTER UPDATE ON ${name} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insight_changed_${name}();
CREATE TRIGGER insight_changed_del AFTER DELETE ON ${name} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION insight_changed_${name}();
`;

const viaContact = (rel: string) =>
  `SELECT r.tenant_id, c.account_id FROM ${rel} r JOIN contacts c ON c.tenant_id = r.tenant_id AND c.id = r.contact_id WHERE c.account_id IS NOT NULL`;

export const sql = /* sql */ `
CREATE TABLE insight_changes (
  tenant_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  -- NULL: the change concerns the whole tenant (its settings); every account is recomputed.
  account_id uuid,
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE insight_analyses (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  -- A period as GET /api/insights takes it: last-12-months, 2025, 2025-Q3, 2025-07.
  period text NOT NULL,
  -- The instant the figures are as of; NULL until the first refresh finished.
  computed_at timestamptz,
  -- The last refresh that gathered every account's facts (an incremental one gathers only the dirty accounts').
  full_at timestamptz,
  -- Counts the refreshes: the data version the answers carry.
  version bigint NOT NULL DEFAULT 0,
  team jsonb,
  -- Accounts whose facts changed since computed_at (folded from insight_changes); dirty_all: the whole tenant.
  dirty_accounts uuid[] NOT NULL DEFAULT '{}',
  dirty_all boolean NOT NULL DEFAULT true,
  -- Counts the folds into the dirty set: a refresh clears it only when no fold came in while it computed.
  folds bigint NOT NULL DEFAULT 0,
  -- The refresh running now: one at a time per tenant and period; a crashed one's lease runs out, the old figures stay.
  lease_token uuid,
  lease_until timestamptz,
  PRIMARY KEY (tenant_id, period)
);

CREATE TABLE insight_account_analyses (
  tenant_id uuid NOT NULL,
  period text NOT NULL,
  account_id uuid NOT NULL,
  -- The inputs gathered from the database, kept so an incremental refresh re-ranks all accounts from them.
  facts jsonb NOT NULL,
  -- GET /api/accounts/{id}/insights without its freshness.
  answer jsonb NOT NULL,
  PRIMARY KEY (tenant_id, period, account_id),
  FOREIGN KEY (tenant_id, period) REFERENCES insight_analyses (tenant_id, period) ON DELETE CASCADE
);

${table('accounts', (rel) => `SELECT tenant_id, id AS account_id FROM ${rel}`)}
${table('account_revenue', (rel) => `SELECT tenant_id, account_id FROM ${rel}`)}
${table('opportunities', (rel) => `SELECT tenant_id, account_id FROM ${rel}`)}
${table('contacts', (rel) => `SELECT tenant_id, account_id FROM ${rel} WHERE account_id IS NOT NULL`)}
${table('consents', viaContact)}
${table('interaction_contacts', viaContact)}
${table('interaction_accounts', (rel) => `SELECT tenant_id, account_id FROM ${rel}`)}
${table(
  'interactions',
  (rel) => `SELECT r.tenant_id, ia.account_id FROM ${rel} r JOIN interaction_accounts ia ON ia.tenant_id = r.tenant_id AND ia.interaction_id = r.id
    UNION ALL ${viaContact(`(SELECT ic.tenant_id, ic.contact_id FROM ${rel} r JOIN interaction_contacts ic ON ic.tenant_id = r.tenant_id AND ic.interaction_id = r.id)`)}`,
)}
CREATE FUNCTION insight_changed_settings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO insight_changes (tenant_id, account_id)
  SELECT n.tenant_id, NULL FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id WHERE n.settings IS DISTINCT FROM o.settings;
  RETURN NULL;
END $$;
CREATE TRIGGER insight_changed_upd AFTER UPDATE ON tenants REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insight_changed_settings();
`;
