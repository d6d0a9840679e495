// The possible-duplicate counts the insights' data quality shows, kept in the database rather than in one host's
// memory, so a host that starts (or a second instance) continues from the last count instead of pairing all accounts
// again. The pairs are stored as ids only; what each account looked like when it was paired is a fingerprint (a hash of
// what the rules read), so no name is copied here. Deleting an account deletes its pairs and fingerprint with it.
export const sql = /* sql */ `
CREATE TABLE duplicate_counts (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (tenant_id),
  -- The threshold the pairs were counted at; another one counts afresh.
  min_score double precision NOT NULL,
  -- A digest of the contacts' names and accounts when their pairs were counted, and that count.
  contacts_digest text NOT NULL,
  contacts_count integer NOT NULL,
  -- Raised by every write, so a refresh that read an older state does not overwrite a newer one.
  generation bigint NOT NULL DEFAULT 1,
  counted_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE duplicate_account_inputs (
  tenant_id uuid NOT NULL,
  account_id uuid NOT NULL,
  fingerprint text NOT NULL,
  PRIMARY KEY (tenant_id, account_id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE duplicate_account_pairs (
  tenant_id uuid NOT NULL,
  first_id uuid NOT NULL,
  second_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, first_id, second_id),
  FOREIGN KEY (tenant_id, first_id) REFERENCES accounts (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, second_id) REFERENCES accounts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX duplicate_account_pairs_by_second ON duplicate_account_pairs (tenant_id, second_id);
`;
