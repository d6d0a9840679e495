// Initial schema. Every key starts with tenant_id so tenants stay isolated and Citus can distribute by it.
export const sql = /* sql */ `
CREATE TABLE tenants (
  tenant_id uuid PRIMARY KEY,
  name text NOT NULL DEFAULT '',
  settings jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  entra_oid text NOT NULL,
  display_name text NOT NULL DEFAULT '',
  email text,
  roles text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, entra_oid)
);

CREATE TABLE accounts (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  domains text[] NOT NULL DEFAULT '{}',
  parent_account_id uuid,
  industry text,
  segment text,
  rating text,
  owner_id uuid,
  address jsonb,
  custom_fields jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, parent_account_id) REFERENCES accounts (tenant_id, id) ON DELETE SET NULL (parent_account_id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES users (tenant_id, id) ON DELETE SET NULL (owner_id)
);
CREATE INDEX accounts_by_name ON accounts (tenant_id, lower(name), id);
CREATE INDEX accounts_by_owner ON accounts (tenant_id, owner_id);

CREATE TABLE account_domains (
  tenant_id uuid NOT NULL,
  domain text NOT NULL,
  account_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, domain),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX account_domains_by_account ON account_domains (tenant_id, account_id);

CREATE TABLE contacts (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  account_id uuid,
  first_name text NOT NULL DEFAULT '',
  last_name text NOT NULL,
  emails text[] NOT NULL DEFAULT '{}',
  phones jsonb NOT NULL DEFAULT '[]',
  job_title text,
  buying_role text,
  owner_id uuid,
  communication_preferences jsonb NOT NULL DEFAULT '{}',
  custom_fields jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES users (tenant_id, id) ON DELETE SET NULL (owner_id)
);
CREATE INDEX contacts_by_account ON contacts (tenant_id, account_id);
CREATE INDEX contacts_by_name ON contacts (tenant_id, lower(last_name), lower(first_name), id);

CREATE TABLE contact_emails (
  tenant_id uuid NOT NULL,
  email text NOT NULL,
  contact_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, email),
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_emails_by_contact ON contact_emails (tenant_id, contact_id);

CREATE TABLE opportunities (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL,
  name text NOT NULL,
  stage text NOT NULL,
  amount numeric(14, 2) NOT NULL DEFAULT 0,
  currency text NOT NULL DEFAULT 'EUR',
  probability integer NOT NULL,
  expected_close date,
  owner_id uuid,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
  close_reason text,
  closed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES users (tenant_id, id) ON DELETE SET NULL (owner_id)
);
CREATE INDEX opportunities_open_by_account ON opportunities (tenant_id, account_id) WHERE status = 'open';
CREATE INDEX opportunities_by_owner ON opportunities (tenant_id, owner_id, status);
CREATE INDEX opportunities_by_name ON opportunities (tenant_id, lower(name), id);

CREATE TABLE opportunity_contacts (
  tenant_id uuid NOT NULL,
  opportunity_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, opportunity_id, contact_id),
  FOREIGN KEY (tenant_id, opportunity_id) REFERENCES opportunities (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE interactions (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  type text NOT NULL,
  direction text,
  occurred_at timestamptz NOT NULL,
  subject text NOT NULL DEFAULT '',
  summary text,
  source text NOT NULL,
  internet_message_id text,
  ical_uid text,
  teams_message_id text,
  conversation_id text,
  status text,
  resolution text,
  resolved_at timestamptz,
  teams_origin jsonb,
  created_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (created_by)
);
CREATE UNIQUE INDEX interactions_by_message_id ON interactions (tenant_id, internet_message_id) WHERE internet_message_id IS NOT NULL;
CREATE UNIQUE INDEX interactions_by_ical_uid ON interactions (tenant_id, ical_uid) WHERE ical_uid IS NOT NULL;
CREATE UNIQUE INDEX interactions_by_teams_message ON interactions (tenant_id, teams_message_id) WHERE teams_message_id IS NOT NULL;
CREATE INDEX interactions_by_conversation ON interactions (tenant_id, conversation_id) WHERE conversation_id IS NOT NULL;

-- The link tables repeat occurred_at, type and openness so a timeline or the open complaints of
-- an account come from one index range, however many interactions the tenant has.
CREATE TABLE interaction_accounts (
  tenant_id uuid NOT NULL,
  interaction_id uuid NOT NULL,
  account_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  type text NOT NULL,
  is_open boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, interaction_id, account_id),
  FOREIGN KEY (tenant_id, interaction_id) REFERENCES interactions (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX interaction_accounts_timeline ON interaction_accounts (tenant_id, account_id, occurred_at DESC, interaction_id DESC);
CREATE INDEX interaction_accounts_open ON interaction_accounts (tenant_id, account_id, type) WHERE is_open;

CREATE TABLE interaction_contacts (
  tenant_id uuid NOT NULL,
  interaction_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, interaction_id, contact_id),
  FOREIGN KEY (tenant_id, interaction_id) REFERENCES interactions (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX interaction_contacts_timeline ON interaction_contacts (tenant_id, contact_id, occurred_at DESC, interaction_id DESC);

CREATE TABLE interaction_opportunities (
  tenant_id uuid NOT NULL,
  interaction_id uuid NOT NULL,
  opportunity_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, interaction_id, opportunity_id),
  FOREIGN KEY (tenant_id, interaction_id) REFERENCES interactions (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, opportunity_id) REFERENCES opportunities (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX interaction_opportunities_by_opportunity ON interaction_opportunities (tenant_id, opportunity_id);

CREATE TABLE interaction_loggers (
  tenant_id uuid NOT NULL,
  interaction_id uuid NOT NULL,
  user_id uuid NOT NULL,
  logged_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, interaction_id, user_id),
  FOREIGN KEY (tenant_id, interaction_id) REFERENCES interactions (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE tasks (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL DEFAULT 'follow_up',
  title text NOT NULL,
  description text,
  due_date date NOT NULL,
  assignee_id uuid,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  account_id uuid,
  contact_id uuid,
  opportunity_id uuid,
  interaction_id uuid,
  completed_at timestamptz,
  created_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, assignee_id) REFERENCES users (tenant_id, id) ON DELETE SET NULL (assignee_id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE SET NULL (contact_id),
  FOREIGN KEY (tenant_id, opportunity_id) REFERENCES opportunities (tenant_id, id) ON DELETE SET NULL (opportunity_id),
  FOREIGN KEY (tenant_id, interaction_id) REFERENCES interactions (tenant_id, id) ON DELETE SET NULL (interaction_id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (created_by)
);
CREATE INDEX tasks_open_by_account ON tasks (tenant_id, account_id) WHERE status = 'open';
CREATE INDEX tasks_open_by_contact ON tasks (tenant_id, contact_id) WHERE status = 'open';
CREATE INDEX tasks_by_assignee ON tasks (tenant_id, assignee_id, status, due_date, id);

CREATE TABLE consents (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  contact_id uuid NOT NULL,
  channel text NOT NULL,
  purpose text NOT NULL,
  legal_basis text NOT NULL,
  action text NOT NULL CHECK (action IN ('granted', 'withdrawn', 'objected')),
  source text NOT NULL,
  note text,
  captured_by uuid,
  captured_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, captured_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (captured_by)
);
CREATE INDEX consents_by_contact ON consents (tenant_id, contact_id, channel, purpose, captured_at DESC, recorded_at DESC);

-- The ledger is append-only: a change of mind is a new entry, never an edit of an old one.
CREATE FUNCTION consents_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consent entries are append-only' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents FOR EACH ROW EXECUTE FUNCTION consents_append_only();

CREATE TABLE audit_log (
  tenant_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id uuid,
  changed_fields text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_log_by_entity ON audit_log (tenant_id, entity, entity_id, at DESC);
`;
