// Webhook endpoints and their deliveries; every query names the tenant except the worker's claim, which serves all.
import type { WebhookDelivery, WebhookDeliveryQuery, WebhookEndpoint, WebhookEndpointCreate, WebhookEndpointPatch } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { decodeCursor, pageFrom } from '../../core/db/paging';
import { iso, isoOrNull, str, strOrNull, versionedFields, type Row } from '../../core/db/rows';
import { setClause, SqlParams } from '../../core/db/sql-builder';
import { updateVersioned, type UpdateOutcome } from '../../core/db/versioned';

const ENDPOINT_SELECT = `SELECT e.*,
  (SELECT count(*) FROM webhook_deliveries d WHERE d.tenant_id = e.tenant_id AND d.endpoint_id = e.id AND d.status = 'pending')::int AS pending
  FROM webhook_endpoints e`;

const toEndpoint = (row: Row): WebhookEndpoint => ({
  ...versionedFields(row),
  url: str(row, 'url'),
  description: strOrNull(row, 'description'),
  events: (row.events as WebhookEndpoint['events']) ?? [],
  status: str(row, 'status') as WebhookEndpoint['status'],
  pausedReason: strOrNull(row, 'paused_reason'),
  failingSince: isoOrNull(row.failing_since),
  pendingDeliveries: Number(row.pending ?? 0),
});

/** Idempotent by the client's id: a retry finds the endpoint and the secret it was given, if it is the same admin's. */
export async function insertEndpoint(
  tx: Queryable,
  tenantId: string,
  actorId: string,
  input: WebhookEndpointCreate,
  secret: string,
): Promise<{ endpoint: WebhookEndpoint; secret: string | null; created: boolean }> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO webhook_endpoints (tenant_id, id, url, description, events, secret, created_by)
     VALUES ($1, COALESCE($2, gen_random_uuid()), $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
    [tenantId, input.id ?? null, input.url, input.description ?? null, [...new Set(input.events)], secret, actorId],
  );
  const id = rows[0]?.id ?? input.id!;
  const stored = await tx.query<{ secret: string; created_by: string | null }>(
    `SELECT secret, created_by FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id],
  );
  return {
    endpoint: (await getEndpoint(tx, tenantId, id))!,
    secret: stored[0]?.created_by === actorId ? stored[0].secret : null,
    created: rows.length > 0,
  };
}

export async function getEndpoint(db: Queryable, tenantId: string, id: string): Promise<WebhookEndpoint | null> {
  const rows = await db.query(`${ENDPOINT_SELECT} WHERE e.tenant_id = $1 AND e.id = $2`, [tenantId, id]);
  return rows[0] ? toEndpoint(rows[0]) : null;
}

export async function listEndpoints(db: Queryable, tenantId: string): Promise<WebhookEndpoint[]> {
  return (await db.query(`${ENDPOINT_SELECT} WHERE e.tenant_id = $1 ORDER BY e.created_at, e.id`, [tenantId])).map(toEndpoint);
}

const columns = { url: { column: 'url' }, description: { column: 'description' }, events: { column: 'events' }, status: { column: 'status' } };

export async function updateEndpoint(
  tx: Queryable,
  tenantId: string,
  id: string,
  expectedVersion: number,
  patch: WebhookEndpointPatch,
): Promise<UpdateOutcome<WebhookEndpoint>> {
  const params = new SqlParams();
  const set = setClause({ ...patch, ...(patch.events ? { events: [...new Set(patch.events)] } : {}) }, columns, params);
  if (patch.status === 'paused') set.sql = [set.sql, `paused_reason = 'paused by an admin'`].join(', ');
  if (patch.status === 'active') set.sql = [set.sql, 'paused_reason = NULL, failing_since = NULL'].join(', ');
  const outcome = await updateVersioned(tx, 'webhook_endpoints', tenantId, id, expectedVersion, set, params);
  if (outcome.status !== 'ok') return outcome;
  // Resuming sends what waited at once, with a fresh 24 hours to get through.
  if (patch.status === 'active') {
    await tx.query(
      `UPDATE webhook_deliveries SET next_attempt_at = now(), deadline_at = GREATEST(deadline_at, now() + interval '24 hours')
       WHERE tenant_id = $1 AND endpoint_id = $2 AND status = 'pending'`,
      [tenantId, id],
    );
  }
  return { ...outcome, value: (await getEndpoint(tx, tenantId, id))! };
}

const toDelivery = (row: Row): WebhookDelivery => ({
  eventId: str(row, 'event_id'),
  type: str(row, 'event_type') as WebhookDelivery['type'],
  entity: str(row, 'entity'),
  entityId: strOrNull(row, 'entity_id'),
  occurredAt: iso(row.occurred_at),
  status: str(row, 'status') as WebhookDelivery['status'],
  attempts: Number(row.attempts),
  nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
  lastStatus: row.last_status === null || row.last_status === undefined ? null : Number(row.last_status),
  lastError: strOrNull(row, 'last_error'),
  deliveredAt: isoOrNull(row.delivered_at),
});

/** Newest first, by the outbox's sequence. */
export async function listDeliveries(db: Queryable, tenantId: string, endpointId: string, query: WebhookDeliveryQuery) {
  const params = new SqlParams();
  const where = [`tenant_id = ${params.add(tenantId)}`, `endpoint_id = ${params.add(endpointId)}`];
  if (query.status) where.push(`status = ${params.add(query.status)}`);
  const after = decodeCursor(query.cursor, ['text']);
  if (after) where.push(`seq < ${params.add(after[0])}::bigint`);
  const rows = await db.query(`SELECT * FROM webhook_deliveries WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ${query.limit + 1}`, params.values);
  const page = pageFrom(rows, query.limit, (row) => [String(row.seq)]);
  return { items: page.rows.map(toDelivery), nextCursor: page.nextCursor };
}

/**
 * Puts failed (or, when named, delivered) deliveries back in the queue, due now, with 24 hours and the back-off from
 * the start; attempts count again from 0. One waiting or held by a worker stays as it is.
 */
export async function requeueDeliveries(tx: Queryable, tenantId: string, endpointId: string, eventIds: readonly string[] | null): Promise<number> {
  const rows = await tx.query(
    `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), deadline_at = now() + interval '24 hours',
       lease_until = NULL, delivered_at = NULL
     WHERE tenant_id = $1 AND endpoint_id = $2 AND status <> 'pending'
       AND (CASE WHEN $3::uuid[] IS NULL THEN status = 'failed' ELSE event_id = ANY($3::uuid[]) END)
     RETURNING 1`,
    [tenantId, endpointId, eventIds ? [...eventIds] : null],
  );
  return rows.length;
}

/** A delivery a worker holds: what to send and where. */
export interface ClaimedDelivery {
  tenantId: string;
  seq: string;
  endpointId: string;
  url: string;
  secret: string;
  eventId: string;
  type: string;
  entity: string;
  entityId: string | null;
  changedFields: string[];
  occurredAt: Date;
  attempts: number;
  deadlineAt: Date;
}

/**
 * Takes up to `limit` due deliveries of active endpoints under a lease, only the oldest waiting one per record and
 * endpoint, so a receiver sees a record's events in order even across retries. The lease, not a held transaction,
 * marks them taken: PGlite has one connection, and a worker that dies lets go when the lease runs out.
 */
export async function claimDue(db: Queryable, now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
  const rows = await db.query(
    `UPDATE webhook_deliveries d SET lease_until = $1::timestamptz + ($2 || ' milliseconds')::interval, attempts = d.attempts + 1
     FROM webhook_endpoints e
     WHERE e.tenant_id = d.tenant_id AND e.id = d.endpoint_id AND (d.tenant_id, d.seq) IN (
       SELECT c.tenant_id, c.seq FROM webhook_deliveries c JOIN webhook_endpoints ce ON ce.tenant_id = c.tenant_id AND ce.id = c.endpoint_id
       WHERE c.status = 'pending' AND c.next_attempt_at <= $1 AND (c.lease_until IS NULL OR c.lease_until <= $1) AND ce.status = 'active'
         AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.tenant_id = c.tenant_id AND p.endpoint_id = c.endpoint_id
           AND p.entity_id IS NOT DISTINCT FROM c.entity_id AND p.status = 'pending' AND p.seq < c.seq)
       ORDER BY c.seq LIMIT $3 FOR UPDATE OF c SKIP LOCKED)
     RETURNING d.tenant_id, d.seq, d.endpoint_id, e.url, e.secret, d.event_id, d.event_type, d.entity, d.entity_id, d.changed_fields,
       d.occurred_at, d.attempts, d.deadline_at`,
    [now.toISOString(), String(leaseMs), limit],
  );
  return rows
    .map((row) => ({
      tenantId: str(row, 'tenant_id'),
      seq: String(row.seq),
      endpointId: str(row, 'endpoint_id'),
      url: str(row, 'url'),
      secret: str(row, 'secret'),
      eventId: str(row, 'event_id'),
      type: str(row, 'event_type'),
      entity: str(row, 'entity'),
      entityId: strOrNull(row, 'entity_id'),
      changedFields: (row.changed_fields as string[]) ?? [],
      occurredAt: new Date(row.occurred_at as string),
      attempts: Number(row.attempts),
      deadlineAt: new Date(row.deadline_at as string),
    }))
    .sort((a, b) => Number(a.seq) - Number(b.seq));
}

export async function markDelivered(db: Queryable, d: ClaimedDelivery, status: number, now: Date): Promise<void> {
  await db.query(
    `WITH done AS (
       UPDATE webhook_deliveries SET status = 'delivered', delivered_at = $3, last_status = $4, last_error = NULL, lease_until = NULL
       WHERE tenant_id = $1 AND seq = $2
     )
     UPDATE webhook_endpoints SET failing_since = NULL, last_delivered_at = GREATEST(last_delivered_at, $3::timestamptz) WHERE tenant_id = $1 AND id = $5`,
    [d.tenantId, d.seq, now.toISOString(), status, d.endpointId],
  );
}

/** A failed attempt: retry later, or give up at the deadline; an endpoint failing for 24 hours is paused with the reason. */
export async function markFailed(
  db: Queryable,
  d: ClaimedDelivery,
  failure: { status: number | null; error: string },
  now: Date,
  retryAt: Date | null,
): Promise<void> {
  await db.query(
    `WITH attempt AS (
       UPDATE webhook_deliveries SET status = CASE WHEN $5::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
         next_attempt_at = COALESCE($5::timestamptz, next_attempt_at), last_status = $3, last_error = $4, lease_until = NULL
       WHERE tenant_id = $1 AND seq = $2
     )
     UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, CASE
         -- A round attempts deliveries side by side: a success that committed first must not be overwritten by a
         -- failure of the same round, or the order of two answers would decide whether the endpoint counts as failing.
         -- Read from the endpoint's row (migration 0022), which a concurrent success has locked and this update re-reads.
         WHEN last_delivered_at >= $7::timestamptz - interval '1 minute' THEN NULL ELSE $7::timestamptz END),
       status = CASE WHEN COALESCE(failing_since, $7::timestamptz) <= $7::timestamptz - interval '24 hours' THEN 'paused' ELSE status END,
       paused_reason = CASE WHEN COALESCE(failing_since, $7::timestamptz) <= $7::timestamptz - interval '24 hours'
         THEN 'every delivery failed for 24 hours; last error: ' || $4 ELSE paused_reason END
     WHERE tenant_id = $1 AND id = $6`,
    [d.tenantId, d.seq, failure.status, failure.error, retryAt?.toISOString() ?? null, d.endpointId, now.toISOString()],
  );
}
