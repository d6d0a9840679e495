// Data protection (issue 14): erasures with their blocklist of keyed address hashes, the minimised proofs of withdrawals
// and objections an erasure keeps, and restrictions of processing.
export const sql = /* sql */ `
-- The per-tenant key of the blocklist's HMAC-SHA256. It never leaves the database except into the process that hashes,
-- so a copy of the blocklist alone does not let anyone test guessed addresses.
CREATE TABLE privacy_keys (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  hmac_key bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id)
);

-- That an erasure happened, by whom and why; nothing of the erased person (the reason is the requester's words,
-- which the API asks not to contain personal data).
CREATE TABLE erasures (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- The id the erased contact had: earlier audit entries name it, so the trail ends with its erasure. No foreign key.
  contact_id uuid NOT NULL,
  erased_by uuid,
  reason text NOT NULL,
  erased_at timestamptz NOT NULL DEFAULT now(),
  -- How many records each step removed, for the answer to the person and the audit.
  counts jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, erased_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (erased_by)
);

-- HMAC-SHA256(tenant key, normalised address) of every erased address: create, import and sync refuse them.
CREATE TABLE erased_addresses (
  tenant_id uuid NOT NULL,
  address_hash bytea NOT NULL,
  erasure_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, address_hash),
  FOREIGN KEY (tenant_id, erasure_id) REFERENCES erasures (tenant_id, id)
);

-- What is left of a withdrawal or objection after its person was erased: channel, purpose, what and when, tied to the
-- erasure and so to the address hashes only. Keeps the proof that marketing stopped on request (Art. 7(3), 21(3) and
-- the accountability of Art. 5(2) DSGVO; objections to advertising under s.7 UWG) without keeping who it was.
CREATE TABLE erased_consent_proofs (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  erasure_id uuid NOT NULL,
  channel text NOT NULL,
  purpose text NOT NULL,
  action text NOT NULL CHECK (action IN ('withdrawn', 'objected')),
  captured_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, erasure_id) REFERENCES erasures (tenant_id, id)
);
CREATE INDEX erased_consent_proofs_by_erasure ON erased_consent_proofs (tenant_id, erasure_id);

-- Restriction of processing (Art. 18): one row per restriction, open while lifted_at is null; lifting keeps the row
-- with who lifted it and why, so the history of a person's restriction can be shown to them.
CREATE TABLE contact_restrictions (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  contact_id uuid NOT NULL,
  reason text NOT NULL,
  restricted_by uuid,
  restricted_at timestamptz NOT NULL DEFAULT now(),
  lift_reason text,
  lifted_by uuid,
  lifted_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, restricted_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (restricted_by),
  FOREIGN KEY (tenant_id, lifted_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (lifted_by)
);
CREATE UNIQUE INDEX contact_restrictions_open ON contact_restrictions (tenant_id, contact_id) WHERE lifted_at IS NULL;
`;
