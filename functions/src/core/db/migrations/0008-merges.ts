// Duplicates and merges (issue 17): pg_trgm for the similar-name search, one row per merge with what an undo needs, and
// the index the interactions export walks.
export const sql = /* sql */ `
-- The duplicates list finds similar names with pg_trgm, as the import does (0007 creates it too; either may run first).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE merges (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  entity text NOT NULL CHECK (entity IN ('contact', 'account')),
  -- No foreign keys: the merged record is gone after the merge, and the survivor may be deleted later.
  survivor_id uuid NOT NULL,
  merged_id uuid NOT NULL,
  -- The merged record's row and the survivor's row as they were, and every moved or removed link, so an undo puts back
  -- exactly that.
  undo jsonb NOT NULL,
  -- Counts per kind of what moved, for the answer and the audit.
  moved jsonb NOT NULL,
  -- The survivor's version the merge left: an undo refuses once the survivor was changed since.
  survivor_version integer NOT NULL,
  merged_by uuid,
  merged_at timestamptz NOT NULL DEFAULT now(),
  undone_by uuid,
  undone_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, merged_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (merged_by),
  FOREIGN KEY (tenant_id, undone_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (undone_by)
);
CREATE INDEX merges_by_survivor ON merges (tenant_id, survivor_id, merged_at DESC);

-- The interactions export pages through a tenant's interactions newest first.
CREATE INDEX interactions_by_occurred ON interactions (tenant_id, occurred_at DESC, id DESC);
`;
