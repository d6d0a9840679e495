// Where a phase's database time goes: a Db that counts every statement (also inside transactions) and its time.
import { performance } from 'node:perf_hooks';
import type { Db, Queryable, Statement } from '../../functions/src/core/db/db';

export interface StatementFigures {
  statement: string;
  count: number;
  ms: number;
}

const label = (sql: string | Statement) => (typeof sql === 'string' ? sql : sql.text).replace(/\s+/g, ' ').trim().slice(0, 90);

export function profiledDb(db: Db): { db: Db; top: (n: number) => StatementFigures[]; total: () => { count: number; ms: number } } {
  const figures = new Map<string, StatementFigures>();
  const timed = async <T>(sql: string | Statement, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      const key = label(sql);
      const entry = figures.get(key) ?? { statement: key, count: 0, ms: 0 };
      entry.count += 1;
      entry.ms += performance.now() - started;
      figures.set(key, entry);
    }
  };
  const wrap = (q: Queryable): Queryable => ({
    query: <T>(sql: string | Statement, params?: readonly unknown[]) => timed(sql, () => q.query<T>(sql, params)),
    exec: (sql) => timed(sql, () => q.exec(sql)),
  });
  const profiled: Db = {
    ...wrap(db),
    kind: db.kind,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
  const all = () => [...figures.values()];
  return {
    db: profiled,
    top: (n) =>
      all()
        .sort((a, b) => b.ms - a.ms)
        .slice(0, n),
    total: () => all().reduce((sum, f) => ({ count: sum.count + f.count, ms: sum.ms + f.ms }), { count: 0, ms: 0 }),
  };
}
