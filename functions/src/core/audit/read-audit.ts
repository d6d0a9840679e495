// The audit of reads: who read which person's data and when. A read must not wait for its own audit row (the context
// lookup is the pane's hot path), so entries go to an in-process buffer per database and are written in batches: when a
// batch is full, on the host's flush interval, before an export or erasure reads them, and on shutdown.
//
// What a crash loses: entries recorded since the last flush (at most one flush interval, by default 1 s, or one batch),
// because they exist only in this process's memory. A failed write keeps its entries for the next flush, up to
// MAX_PENDING per database; beyond that the oldest are dropped and counted in the log line. Both are documented in
// docs/PRIVACY.md.
import type { ReadAction } from '@crm/common';
import type { Actor } from '../actor';
import type { Db, Queryable } from '../db/db';
import { redactedError } from '../redacted-error';

export { READ_ACTIONS, type ReadAction } from '@crm/common';

/**
 * A record a read concerned: a contact, account, lead, opportunity or follow-up by id (a lead with its address, so the
 * person's export finds the read once they are a contact), or an address looked up that matched no contact.
 */
export interface ReadRecord {
  entity: 'contact' | 'account' | 'lead' | 'opportunity' | 'task' | 'address';
  id?: string | null;
  address?: string | null;
}

interface Entry {
  tenantId: string;
  actorId: string;
  at: Date;
  action: ReadAction;
  entity: ReadRecord['entity'];
  entityId: string | null;
  address: string | null;
}

export interface ReadAuditOptions {
  /** Off: reads are not recorded at all (CRM_READ_AUDIT=off). */
  enabled: boolean;
  /** Entries per INSERT; a full batch is written at once. */
  batchSize: number;
}

const MAX_PENDING = 50_000;
let options: ReadAuditOptions = { enabled: true, batchSize: 500 };

/** Set once by the composition root from the configuration. */
export const configureReadAudit = (next: Partial<ReadAuditOptions>): void => {
  options = { ...options, ...next };
};

export const readAuditEnabled = (): boolean => options.enabled;

class ReadBuffer {
  pending: Entry[] = [];
  /** One write at a time per database, so batches land in the order they were recorded. */
  writing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Queryable) {}

  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.writeAll());
    return this.writing;
  }

  private async writeAll(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, options.batchSize);
      try {
        await insertBatch(this.db, batch);
      } catch (error) {
        this.pending.unshift(...batch);
        const dropped = Math.max(0, this.pending.length - MAX_PENDING);
        if (dropped > 0) this.pending.splice(0, dropped);
        console.warn(
          `read audit: ${batch.length} entries not written, kept for the next flush${dropped ? `; ${dropped} oldest dropped` : ''}`,
          redactedError(error),
        );
        return;
      }
    }
  }
}

const buffers = new WeakMap<Db, ReadBuffer>();
/** Buffers holding entries, so the host's interval and shutdown can flush every database without knowing them. */
const dirty = new Set<ReadBuffer>();

const bufferOf = (db: Db): ReadBuffer => {
  let buffer = buffers.get(db);
  if (!buffer) {
    buffer = new ReadBuffer(db);
    buffers.set(db, buffer);
  }
  return buffer;
};

async function insertBatch(db: Queryable, batch: readonly Entry[]): Promise<void> {
  await db.query(
    `INSERT INTO read_audit (tenant_id, actor_id, at, action, entity, entity_id, address)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::uuid[], $7::text[])`,
    [
      batch.map((e) => e.tenantId),
      batch.map((e) => e.actorId),
      batch.map((e) => e.at.toISOString()),
      batch.map((e) => e.action),
      batch.map((e) => e.entity),
      batch.map((e) => e.entityId),
      batch.map((e) => e.address),
    ],
  );
}

/** Records that the actor read these records; returns at once, the rows are written with the next flush. */
export function recordReads(db: Db, actor: Actor, action: ReadAction, records: readonly ReadRecord[]): void {
  if (!options.enabled || records.length === 0) return;
  const buffer = bufferOf(db);
  const at = new Date();
  for (const record of records) {
    buffer.pending.push({
      tenantId: actor.tenantId,
      actorId: actor.userId,
      at,
      action,
      entity: record.entity,
      entityId: record.id ?? null,
      address: record.address ?? null,
    });
  }
  dirty.add(buffer);
  if (buffer.pending.length >= options.batchSize) void flushBuffer(buffer);
}

const flushBuffer = async (buffer: ReadBuffer): Promise<void> => {
  await buffer.flush();
  if (buffer.pending.length === 0) dirty.delete(buffer);
};

/** Writes what this database's buffer holds; reads of the audit (export, search, erasure) call it first. */
export const flushReadAudit = async (db: Db): Promise<void> => {
  const buffer = buffers.get(db);
  if (buffer) await flushBuffer(buffer);
};

/** Writes every database's buffer: the hosts' flush interval and their shutdown. */
export const flushAllReadAudits = async (): Promise<void> => {
  await Promise.all([...dirty].map(flushBuffer));
};

/** The hosts' periodic flush; the timer does not keep the process alive. Returns the stop, which flushes once more. */
export function startReadAuditFlusher(intervalMs: number): () => Promise<void> {
  const timer = setInterval(() => void flushAllReadAudits(), intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await flushAllReadAudits();
  };
}

/**
 * Retention of the read audit: removes the tenant's entries recorded before the given instant, at most `limit` of them
 * (oldest first) when given, so a retention run can delete in short transactions and resume; answers how many it removed.
 */
export async function deleteReadAuditBefore(db: Queryable, tenantId: string, before: Date, limit?: number): Promise<number> {
  const rows = await db.query<{ removed: number }>(
    `WITH gone AS (
       DELETE FROM read_audit WHERE tenant_id = $1 AND id IN (
         SELECT id FROM read_audit WHERE tenant_id = $1 AND at < $2 ORDER BY at, id LIMIT $3
       ) RETURNING 1
     ) SELECT count(*)::int AS removed FROM gone`,
    [tenantId, before.toISOString(), limit ?? null],
  );
  return Number(rows[0]?.removed ?? 0);
}
