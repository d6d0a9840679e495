// Signed outbound webhooks (issue 18): the endpoints an admin registers, and one delivery row per event and endpoint,
// written in the same transaction as the change (a transactional outbox), sent later by a worker on either host.
export const sql = /* sql */ `
CREATE TABLE webhook_endpoints (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  url text NOT NULL,
  description text,
  events text[] NOT NULL,
  -- Standard Webhooks secret ("whsec_" + base64). Kept as it is because signing needs it; only admins can read this table
  -- through the API, and the API shows it once, when the endpoint is registered.
  secret text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
  paused_reason text,
  -- Since when every attempt failed; a success clears it, 24 hours of it pause the endpoint.
  failing_since timestamptz,
  created_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (created_by)
);

-- Thin events: which record changed, never its content, so no delivery can carry a restricted or erased person's data.
CREATE TABLE webhook_deliveries (
  tenant_id uuid NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  endpoint_id uuid NOT NULL,
  -- The same for every endpoint the event goes to and for every retry: receivers deduplicate by it (webhook-id).
  event_id uuid NOT NULL,
  event_type text NOT NULL,
  entity text NOT NULL,
  entity_id uuid,
  changed_fields text[] NOT NULL DEFAULT '{}',
  occurred_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  -- A worker holds a delivery while it sends; a worker that died lets go when the lease runs out (at least once).
  lease_until timestamptz,
  -- Retries stop here (24 hours after the event, or after the endpoint was resumed).
  deadline_at timestamptz NOT NULL DEFAULT now() + interval '24 hours',
  last_status integer,
  last_error text,
  delivered_at timestamptz,
  PRIMARY KEY (tenant_id, seq),
  FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_record ON webhook_deliveries (tenant_id, endpoint_id, entity_id, seq) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (tenant_id, endpoint_id, seq DESC);
`;
