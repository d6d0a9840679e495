// Retention with anonymisation (issue 14): the tenant's policies, the runs with their counts, the records a preview
// found due (ids only, dropped as the run handles them), and when a contact or interaction was anonymised.
export const sql = /* sql */ `
-- An anonymised record stays (account figures count it) without what identifies anyone; the mark keeps later runs from
-- picking it again and starts the period of the consent proofs the person left.
ALTER TABLE contacts ADD COLUMN anonymised_at timestamptz;
ALTER TABLE interactions ADD COLUMN anonymised_at timestamptz;

-- One document per tenant: the policy of every data class (read through its schema, with defaults for what is missing).
CREATE TABLE retention_policies (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  policies jsonb NOT NULL,
  daily_run boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id),
  FOREIGN KEY (tenant_id, updated_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (updated_by)
);

-- A preview and the run that carries it out are one row: the policies as they were, the instant the periods count back
-- from, and per data class how many records were due, done and skipped. Never which records, never their content.
CREATE TABLE retention_runs (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'running', 'paused', 'completed')),
  trigger text NOT NULL CHECK (trigger IN ('manual', 'daily')),
  as_of timestamptz NOT NULL,
  policies jsonb NOT NULL,
  policies_version integer NOT NULL,
  counts jsonb NOT NULL DEFAULT '{}',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  -- A worker holds the run until then; one that died lets the next take over once it has passed.
  lease_until timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (created_by)
);
CREATE INDEX retention_runs_by_created ON retention_runs (tenant_id, created_at DESC, id DESC);

-- What the preview found due and the run has not handled yet: the run works through these in batches and deletes each
-- batch with its change, so what is left is exactly where an interrupted run resumes.
CREATE TABLE retention_run_items (
  tenant_id uuid NOT NULL,
  run_id uuid NOT NULL,
  data_class text NOT NULL,
  record_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, run_id, data_class, record_id),
  FOREIGN KEY (tenant_id, run_id) REFERENCES retention_runs (tenant_id, id) ON DELETE CASCADE
);
`;
