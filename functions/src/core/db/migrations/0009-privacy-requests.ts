// Data subject requests (issue 14, Art. 12, 15-21 DSGVO): the register with its deadlines, the actions taken, the changes
// a rectification links; and the audit of reads (who read which person's data, when).
export const sql = /* sql */ `
-- One row per request. The person is an existing contact or, when they are not (or no longer) in the CRM, only the address
-- they wrote from: nothing else of them is stored. contact_id has no foreign key, so a request outlives the erasure it asked for.
CREATE TABLE privacy_requests (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  version integer NOT NULL DEFAULT 1,
  type text NOT NULL CHECK (type IN ('access', 'rectification', 'erasure', 'restriction', 'portability', 'objection')),
  contact_id uuid,
  email text,
  received_on date NOT NULL,
  -- One month from receipt (Art. 12(3)); extended_due_on is set once, with its reason, by whom and when.
  due_on date NOT NULL,
  extended_due_on date,
  extension_reason text,
  extended_by uuid,
  extended_at timestamptz,
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'in_progress', 'completed', 'rejected')),
  -- The answer sent to the person: when, and what it said in the officer's words.
  answer_sent_on date,
  answer text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CHECK (contact_id IS NOT NULL OR email IS NOT NULL),
  CHECK ((extended_due_on IS NULL) = (extension_reason IS NULL)),
  CHECK ((answer_sent_on IS NULL) = (answer IS NULL))
);
-- The register's order: open requests first, then by the deadline in force (requests-store.ts listRequestRows).
CREATE INDEX privacy_requests_by_due ON privacy_requests (tenant_id, ((status NOT IN ('received', 'in_progress'))::int), COALESCE(extended_due_on, due_on), id);
CREATE INDEX privacy_requests_by_contact ON privacy_requests (tenant_id, contact_id);

-- What was done for a request, by whom and when; appended, never changed. kind says what it was (so the tab can word it
-- in the reader's language), detail holds the officer's note, the new status, deadline or answer date.
CREATE TABLE privacy_request_actions (
  tenant_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  request_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  kind text NOT NULL CHECK (kind IN ('registered', 'note', 'status', 'extended', 'answered', 'contact_linked', 'changes_linked')),
  detail text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, request_id) REFERENCES privacy_requests (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX privacy_request_actions_by_request ON privacy_request_actions (tenant_id, request_id, id);

-- The audit log entries of the edits a rectification request (Art. 16) led to.
CREATE TABLE privacy_request_changes (
  tenant_id uuid NOT NULL,
  request_id uuid NOT NULL,
  audit_id bigint NOT NULL,
  PRIMARY KEY (tenant_id, request_id, audit_id),
  FOREIGN KEY (tenant_id, request_id) REFERENCES privacy_requests (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, audit_id) REFERENCES audit_log (tenant_id, id) ON DELETE CASCADE
);

-- Reads of personal data: one row per record a read concerned. The context lookup stores the address looked up (and the
-- contact it matched), never its answer. Written in batches from an in-process buffer (core/audit/read-audit.ts), so no
-- foreign keys: a user or contact deleted before the flush must not fail the batch, and the rows outlive both.
CREATE TABLE read_audit (
  tenant_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL,
  actor_id uuid,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id uuid,
  address text,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX read_audit_by_at ON read_audit (tenant_id, at DESC, id DESC);
CREATE INDEX read_audit_by_entity ON read_audit (tenant_id, entity, entity_id, at DESC);
CREATE INDEX read_audit_by_actor ON read_audit (tenant_id, actor_id, at DESC);
CREATE INDEX read_audit_by_address ON read_audit (tenant_id, address) WHERE address IS NOT NULL;
`;
