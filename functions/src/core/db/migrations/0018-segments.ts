// Segment lists (issue 15): a saved filter over accounts or their contacts; the members are computed when read.
export const sql = /* sql */ `
CREATE TABLE segment_lists (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  description text,
  target text NOT NULL CHECK (target IN ('accounts', 'contacts')),
  filter jsonb NOT NULL,
  created_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (created_by)
);
CREATE INDEX segment_lists_by_name ON segment_lists (tenant_id, lower(name), id);
`;
