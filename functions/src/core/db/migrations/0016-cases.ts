// Service cases (issue 18): a complaint or service request with priority, assignee, due times and history.
export const sql = /* sql */ `
CREATE TABLE cases (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  interaction_id uuid NOT NULL,
  account_id uuid,
  priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  assignee_id uuid,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'waiting', 'resolved', 'closed')),
  opened_at timestamptz NOT NULL,
  first_response_due timestamptz NOT NULL,
  resolution_due timestamptz NOT NULL,
  first_response_at timestamptz,
  resolved_at timestamptz,
  resolution text,
  -- 1 once the first response was overdue, 2 once the resolution was: each escalates once.
  escalation_level integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, interaction_id),
  FOREIGN KEY (tenant_id, interaction_id) REFERENCES interactions (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE SET NULL (account_id),
  FOREIGN KEY (tenant_id, assignee_id) REFERENCES users (tenant_id, id) ON DELETE SET NULL (assignee_id)
);
CREATE INDEX cases_open_due ON cases (resolution_due) WHERE status NOT IN ('resolved', 'closed');
CREATE INDEX cases_by_assignee ON cases (tenant_id, assignee_id, status);
CREATE INDEX cases_by_account ON cases (tenant_id, account_id, status);

CREATE TABLE case_events (
  tenant_id uuid NOT NULL,
  case_id uuid NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  kind text NOT NULL,
  from_value text,
  to_value text,
  PRIMARY KEY (tenant_id, seq),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX case_events_by_case ON case_events (tenant_id, case_id, seq);
`;
