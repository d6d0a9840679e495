// What a host makes from one write of a tenant's stored analysis (the head row's xmin it was read from), held per
// database handle, tenant and period: a refresh, an analysis made again or another tenant never gets what is not its
// own, and the oldest entry goes once a host holds `limit` of them.
import type { Db } from '../../core/db/db';

export class HeldPerAnalysis<T extends { rowVersion: string }> {
  private readonly held = new WeakMap<Db, Map<string, T>>();

  constructor(private readonly limit: number) {}

  get(db: Db, tenantId: string, period: string): T | undefined {
    return this.held.get(db)?.get(`${tenantId}\n${period}`);
  }

  hold(db: Db, tenantId: string, period: string, entry: T): T {
    let entries = this.held.get(db);
    if (!entries) this.held.set(db, (entries = new Map()));
    const key = `${tenantId}\n${period}`;
    // Re-inserted so the map's order is the order of last refresh; the first key is the one refreshed longest ago.
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > this.limit) entries.delete(entries.keys().next().value!);
    return entry;
  }

  /** Lets go of the entry unless another was held since. */
  drop(db: Db, tenantId: string, period: string, entry: T): void {
    const entries = this.held.get(db);
    const key = `${tenantId}\n${period}`;
    if (entries?.get(key) === entry) entries.delete(key);
  }
}
