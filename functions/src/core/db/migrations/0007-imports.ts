// Imports of CSV and XLSX lists (issue 17): the uploaded file with its hash, a decision per row, what the commit did to
// which record (so it can be undone), the last mapping as the template for the next list, and the match keys of the
// accounts with a trigram index for the fuzzy candidate search.
export const sql = /* sql */ `
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE imports (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  file_name text NOT NULL,
  -- SHA-256 of the bytes, hex: the same file uploaded again answers the import it already has.
  file_hash text NOT NULL,
  file_bytes bytea NOT NULL,
  read_options jsonb NOT NULL DEFAULT '{}',
  format jsonb NOT NULL,
  mapping jsonb NOT NULL,
  kind text NOT NULL,
  status text NOT NULL DEFAULT 'preview' CHECK (status IN ('preview', 'committing', 'committed', 'undone')),
  row_count integer NOT NULL,
  committed_rows integer NOT NULL DEFAULT 0,
  -- Held by the worker committing the batches; a process that died leaves it to expire, then the next call resumes.
  lease_until timestamptz,
  undo_report jsonb,
  created_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  committed_at timestamptz,
  undone_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (created_by)
);
CREATE UNIQUE INDEX imports_by_hash ON imports (tenant_id, file_hash) WHERE status <> 'undone';
CREATE INDEX imports_by_created ON imports (tenant_id, created_at DESC, id);

-- One row of the list: its values by field, the proposed decision, the user's choice and, once committed, the outcome.
CREATE TABLE import_rows (
  tenant_id uuid NOT NULL,
  import_id uuid NOT NULL,
  row_number integer NOT NULL,
  "values" jsonb NOT NULL,
  proposal jsonb NOT NULL,
  -- What the row would write (the account, contact and consent inputs), checked when the preview was made.
  plan jsonb NOT NULL,
  choice jsonb NOT NULL DEFAULT '{}',
  -- The actions that will be carried out (choice, else proposal), kept apart for filtering and the summary.
  account_action text,
  contact_action text,
  outcome jsonb,
  account_id uuid,
  contact_id uuid,
  PRIMARY KEY (tenant_id, import_id, row_number),
  FOREIGN KEY (tenant_id, import_id) REFERENCES imports (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX import_rows_pending ON import_rows (tenant_id, import_id, row_number) WHERE outcome IS NULL;

-- Every record a commit created or changed, with the fields it changed as they were and the version it left, so an
-- undo puts back exactly that and leaves alone what was edited since.
CREATE TABLE import_changes (
  tenant_id uuid NOT NULL,
  import_id uuid NOT NULL,
  entity text NOT NULL CHECK (entity IN ('account', 'contact', 'consent')),
  entity_id uuid NOT NULL,
  change text NOT NULL CHECK (change IN ('created', 'updated')),
  before jsonb,
  version_after integer,
  row_number integer NOT NULL,
  PRIMARY KEY (tenant_id, import_id, entity, entity_id),
  FOREIGN KEY (tenant_id, import_id) REFERENCES imports (tenant_id, id) ON DELETE CASCADE
);

-- The mapping of the last list, applied to the next one by header.
CREATE TABLE import_templates (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  name text NOT NULL,
  mapping jsonb NOT NULL,
  saved_by uuid,
  saved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, name),
  FOREIGN KEY (tenant_id, saved_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (saved_by)
);

-- The folded name key (legal form apart) and customer number of every account, computed by the same code that folds
-- the file's names and refreshed per account version before each preview; the GIN index serves pg_trgm's % operator.
CREATE TABLE import_account_keys (
  tenant_id uuid NOT NULL,
  account_id uuid NOT NULL,
  account_version integer NOT NULL,
  name_key text NOT NULL,
  number_key text,
  PRIMARY KEY (tenant_id, account_id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX import_account_keys_by_name ON import_account_keys (tenant_id, name_key);
CREATE INDEX import_account_keys_by_number ON import_account_keys (tenant_id, number_key) WHERE number_key IS NOT NULL;
CREATE INDEX import_account_keys_trgm ON import_account_keys USING gin (name_key gin_trgm_ops);
`;
