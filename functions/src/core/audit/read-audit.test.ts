// The read audit's buffer: nothing written until a flush, one INSERT per batch, and a failed write kept for the next.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../actor';
import type { Db } from '../db/db';
import { configureReadAudit, flushAllReadAudits, flushReadAudit, recordReads } from './read-audit';

const actor: Actor = { tenantId: '00000000-0000-4000-8000-000000000001', userId: '00000000-0000-4000-8000-000000000002', displayName: 'A', roles: ['CRM.User'] };

/** A database that keeps every statement's parameters and fails the writes it is told to. */
function recordingDb(failures = 0) {
  const inserts: unknown[][][] = [];
  let failing = failures;
  const db: Db = {
    kind: 'pglite',
    async query<T>(_sql: unknown, params?: readonly unknown[]): Promise<T[]> {
      if (failing > 0) {
        failing -= 1;
        throw new Error('connection lost');
      }
      inserts.push(params as unknown[][]);
      return [];
    },
    exec: async () => undefined,
    transaction: async (fn) => fn(db),
    close: async () => undefined,
  };
  return { db, inserts };
}

describe('read audit buffer', () => {
  afterEach(() => configureReadAudit({ enabled: true, batchSize: 500 }));

  it('writes nothing while the read is answered, and everything in one statement at the flush', async () => {
    const { db, inserts } = recordingDb();
    recordReads(db, actor, 'context', [{ entity: 'contact', id: '00000000-0000-4000-8000-00000000000a', address: 'a@x.example' }, { entity: 'address', address: 'b@x.example' }]);
    recordReads(db, actor, 'view', [{ entity: 'account', id: '00000000-0000-4000-8000-00000000000b' }]);
    expect(inserts).toHaveLength(0);
    await flushReadAudit(db);
    expect(inserts).toHaveLength(1);
    const [tenants, actors, , actions, entities, ids, addresses] = inserts[0]!;
    expect(tenants).toEqual([actor.tenantId, actor.tenantId, actor.tenantId]);
    expect(actors).toEqual([actor.userId, actor.userId, actor.userId]);
    expect(actions).toEqual(['context', 'context', 'view']);
    expect(entities).toEqual(['contact', 'address', 'account']);
    expect(ids).toEqual(['00000000-0000-4000-8000-00000000000a', null, '00000000-0000-4000-8000-00000000000b']);
    expect(addresses).toEqual(['a@x.example', 'b@x.example', null]);
  });

  it('writes a full batch at once, without waiting for a flush', async () => {
    configureReadAudit({ batchSize: 2 });
    const { db, inserts } = recordingDb();
    recordReads(db, actor, 'list', [{ entity: 'contact', id: '00000000-0000-4000-8000-00000000000a' }, { entity: 'contact', id: '00000000-0000-4000-8000-00000000000b' }]);
    await flushAllReadAudits();
    expect(inserts).toHaveLength(1);
    expect(inserts[0]![4]).toHaveLength(2);
  });

  it('keeps the entries of a failed write and writes them with the next flush', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { db, inserts } = recordingDb(1);
    recordReads(db, actor, 'view', [{ entity: 'contact', id: '00000000-0000-4000-8000-00000000000a' }]);
    await flushReadAudit(db);
    expect(inserts).toHaveLength(0);
    expect(warn).toHaveBeenCalledWith('read audit: 1 entries not written, kept for the next flush', expect.anything());
    warn.mockRestore();
    await flushAllReadAudits();
    expect(inserts).toHaveLength(1);
    expect(inserts[0]![5]).toEqual(['00000000-0000-4000-8000-00000000000a']);
  });

  it('records nothing when read auditing is switched off', async () => {
    configureReadAudit({ enabled: false });
    const { db, inserts } = recordingDb();
    recordReads(db, actor, 'view', [{ entity: 'contact', id: '00000000-0000-4000-8000-00000000000a' }]);
    await flushReadAudit(db);
    expect(inserts).toHaveLength(0);
  });
});
