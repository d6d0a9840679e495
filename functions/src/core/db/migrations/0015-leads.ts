// Leads (issue 18): prospects before they are customers, qualified with a transparent score and converted once.
export const sql = /* sql */ `
CREATE TABLE leads (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  source text NOT NULL CHECK (source IN ('email', 'web_form', 'event', 'import', 'manual')),
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'qualified', 'disqualified', 'converted')),
  disqualify_reason text,
  first_name text NOT NULL DEFAULT '',
  last_name text,
  email text,
  company text,
  phone text,
  industry text,
  employees integer,
  budget text NOT NULL DEFAULT 'unknown',
  timing text NOT NULL DEFAULT 'unknown',
  engagement text NOT NULL DEFAULT 'none',
  owner_id uuid,
  notes text,
  converted_at timestamptz,
  account_id uuid,
  contact_id uuid,
  opportunity_id uuid,
  created_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES users (tenant_id, id) ON DELETE SET NULL (owner_id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (created_by),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE SET NULL (account_id),
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE SET NULL (contact_id),
  FOREIGN KEY (tenant_id, opportunity_id) REFERENCES opportunities (tenant_id, id) ON DELETE SET NULL (opportunity_id)
);
CREATE INDEX leads_by_owner ON leads (tenant_id, owner_id, status, created_at DESC);
CREATE INDEX leads_by_created ON leads (tenant_id, created_at DESC, id DESC);
CREATE INDEX leads_by_email ON leads (tenant_id, email) WHERE email IS NOT NULL;
`;
