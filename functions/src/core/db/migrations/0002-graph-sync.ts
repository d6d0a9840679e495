// Graph sync: per-mailbox state, subscriptions, links from Graph items to CRM records, and field conflicts.
export const sql = /* sql */ `
CREATE TABLE mailbox_sync (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  user_id uuid NOT NULL,
  resource text NOT NULL CHECK (resource IN ('calendar', 'contacts')),
  enabled boolean NOT NULL DEFAULT true,
  -- What the user sees: not_synced, syncing, active, needs_permission, failed.
  status text NOT NULL DEFAULT 'not_synced',
  -- Where the state machine is: idle, initial (first full pass), incremental, push (contacts to the CRM folder).
  stage text NOT NULL DEFAULT 'idle',
  delta_link text,
  -- Progress inside a paged sync: the next page to fetch survives a crash and the run resumes there.
  next_link text,
  pages_done integer NOT NULL DEFAULT 0,
  items_done integer NOT NULL DEFAULT 0,
  folder_id text,
  pending boolean NOT NULL DEFAULT true,
  full_resync boolean NOT NULL DEFAULT false,
  -- The calendar window is fixed inside a delta link; a new pass every few days moves it forward.
  window_started_at timestamptz,
  last_success_at timestamptz,
  last_error text,
  missing_permission text,
  failure_count integer NOT NULL DEFAULT 0,
  retry_after timestamptz,
  claimed_by text,
  claimed_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id, resource),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX mailbox_sync_due ON mailbox_sync (pending, retry_after) WHERE enabled;

CREATE TABLE graph_subscriptions (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id text NOT NULL,
  user_id uuid NOT NULL,
  resource text NOT NULL,
  -- Random per subscription; a notification must carry it to be believed.
  client_state text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, user_id, resource),
  FOREIGN KEY (tenant_id, user_id, resource) REFERENCES mailbox_sync (tenant_id, user_id, resource) ON DELETE CASCADE
);

-- One row per Graph item a mailbox has shown us; deletions (@removed) name only the Graph id.
CREATE TABLE graph_items (
  tenant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('event', 'contact', 'crm_folder_contact')),
  graph_id text NOT NULL,
  record_id uuid NOT NULL,
  -- Field values at the last sync in both directions: what changed on which side is a comparison with it.
  synced jsonb NOT NULL DEFAULT '{}',
  synced_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id, kind, graph_id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX graph_items_by_record ON graph_items (tenant_id, record_id);

CREATE TABLE sync_conflicts (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  field text NOT NULL,
  crm_value text,
  outlook_value text,
  winner text NOT NULL CHECK (winner IN ('crm', 'outlook')),
  crm_changed_at timestamptz,
  outlook_changed_at timestamptz,
  detected_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX sync_conflicts_recent ON sync_conflicts (tenant_id, detected_at DESC);
`;
