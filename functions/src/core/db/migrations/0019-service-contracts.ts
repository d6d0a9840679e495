// Service contracts (issue 18): an account's own response and resolution times, overriding the tenant's service levels
// for the priorities it names, until it runs out. One per account; a row's absence is "no contract".
export const sql = /* sql */ `
CREATE TABLE service_contracts (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  account_id uuid NOT NULL,
  name text NOT NULL DEFAULT '',
  levels jsonb NOT NULL DEFAULT '{}',
  valid_until date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, account_id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE CASCADE
);
`;
