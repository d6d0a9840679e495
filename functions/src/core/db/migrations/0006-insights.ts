// Analytics (issue 15): revenue and cost per account and period, written by the import and the API, read by the ABC
// analysis, the customer lifetime value and the revenue trend of the churn risk.
export const sql = /* sql */ `
CREATE TABLE account_revenue (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL,
  -- A period is a calendar year or a calendar month, named by its first day, so a year and its months never collide
  -- and sums over a date range need no calendar arithmetic.
  period_kind text NOT NULL CHECK (period_kind IN ('year', 'month')),
  period_start date NOT NULL,
  revenue numeric(14,2) NOT NULL,
  -- Null when the source does not know the cost; the lifetime value then applies the tenant's default margin.
  cost numeric(14,2),
  source text NOT NULL CHECK (source IN ('import', 'api')),
  -- The import that wrote the row; no foreign key, so the rows outlive the import's own record.
  import_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE CASCADE,
  CHECK (
    (period_kind = 'month' AND extract(day FROM period_start) = 1)
    OR (period_kind = 'year' AND extract(day FROM period_start) = 1 AND extract(month FROM period_start) = 1)
  )
);
CREATE UNIQUE INDEX account_revenue_period ON account_revenue (tenant_id, account_id, period_kind, period_start);
CREATE INDEX account_revenue_by_start ON account_revenue (tenant_id, period_start);
`;
