// Goals of the analytics (issue 15): a target on one team key figure; its progress is computed when read. A second
// file of the 0006 slot, because 0006-insights was committed before the goals and may already be applied.
export const sql = /* sql */ `
CREATE TABLE goals (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title text NOT NULL,
  description text,
  metric text NOT NULL,
  start_value numeric NOT NULL,
  target_value numeric NOT NULL,
  start_date date NOT NULL,
  deadline date NOT NULL,
  created_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (created_by),
  CHECK (deadline > start_date),
  CHECK (target_value <> start_value)
);
CREATE INDEX goals_by_deadline ON goals (tenant_id, deadline, id);
`;
