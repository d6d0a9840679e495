// Monthly snapshots of the team insights (issue 15), for trends: what the figures were when a month had just ended,
// which later data (a complaint resolved, a deal reopened) cannot recompute.
export const sql = /* sql */ `
CREATE TABLE insight_snapshots (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  -- The month that had just ended: the snapshot's twelve months end with it.
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  figures jsonb NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, month)
);
`;
