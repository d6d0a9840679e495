// `retention-run.ts --explain`: the plans of the statements of chosen batches of a run, as the run issues them. Each
// statement is run first under EXPLAIN (ANALYZE, BUFFERS) inside a savepoint that is rolled back, then for real, so
// the batch goes on with its true results and commits as usual. On PostgreSQL, auto_explain logs the statements the
// triggers run inside them too (EXPLAIN only reports a trigger's total time); they are read back from the server's log.
// The plans go to a file; one summary line per statement (its time, the buffers it touched, rows filters threw away,
// its triggers' time) to the console.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db, Queryable } from '../../functions/src/core/db/db';

const first = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 70);

export interface BatchExplainer {
  /** For RunOptions.statements: explains the statements of the batch when `explainNext` was called before it. */
  statements: (tx: Queryable) => Queryable;
  /** Explains the next batch, writing its plans to the file. */
  explainNext: (file: string) => void;
  /** The summary of the batch explained last, once it is done. */
  taken: () => string[] | null;
}

export async function batchExplainer(db: Db): Promise<BatchExplainer> {
  const log =
    db.kind === 'postgres' ? join(dirname((await db.query<{ data_directory: string }>('SHOW data_directory'))[0]!.data_directory), 'server.log') : null;
  let file: string | null = null;
  let done: string[] | null = null;
  return {
    explainNext: (target) => {
      file = target;
      done = null;
    },
    taken: () => done,
    statements: (tx) => {
      // A batch that finds nothing left (a class with no records) ends before recording itself: the next one is explained.
      if (!file) return tx;
      const target = file;
      const plans: string[] = [];
      const summary: string[] = [];
      let logFrom = log ? statSync(log).size : 0;
      let statementsLeft = 0;
      const explained: Queryable = {
        exec: (sql) => tx.exec(sql),
        async query<T>(sql: unknown, params?: readonly unknown[]) {
          const text = typeof sql === 'string' ? sql : null;
          if (!text) return tx.query<T>(sql as string, params);
          if (log && statementsLeft === 0) {
            await tx.query(`LOAD 'auto_explain'`);
            for (const setting of ['log_analyze = on', 'log_buffers = on', 'log_nested_statements = on']) {
              await tx.query(`SET LOCAL auto_explain.${setting}`);
            }
            logFrom = statSync(log).size;
          }
          statementsLeft++;
          // auto_explain for the real statement only, not for its EXPLAIN as well.
          if (log) await tx.query('SET LOCAL auto_explain.log_min_duration = -1');
          await tx.query('SAVEPOINT explain_batch');
          const plan = (await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params)).map((r) => r['QUERY PLAN']);
          await tx.query('ROLLBACK TO SAVEPOINT explain_batch');
          plans.push(`-- ${first(text)}\n${plan.join('\n')}\n`);
          const time = plan.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
          const buffers = plan.find((l) => l.trim().startsWith('Buffers:'))?.trim() ?? 'Buffers: none';
          const filtered = plan
            .filter((l) => /Rows Removed by (Filter|Join Filter)/.test(l))
            .map((l) => Number(l.replace(/.*: /, '')))
            .reduce((s, n) => s + n, 0);
          const triggers = plan.filter((l) => l.startsWith('Trigger ')).map((l) => l.replace(/^Trigger /, '').replace(/ on \w+/, ''));
          summary.push(
            `${time.padStart(11)}  ${first(text)}  [${buffers}${filtered ? `, rows removed by filters ${filtered}` : ''}]${triggers.length ? ` triggers: ${triggers.join('; ')}` : ''}`,
          );
          if (log) await tx.query('SET LOCAL auto_explain.log_min_duration = 0');
          const result = await tx.query<T>(text, params);
          if (/^UPDATE retention_runs SET counts/.test(text.trim())) {
            // The batch's last statement: collect the triggers' plans auto_explain logged for it.
            const nested = log ? readFileSync(log, 'utf8').slice(logFrom) : '';
            const triggerPlans = nested.split(/\n(?=\S.*LOG: {2}duration:)/).filter((entry) => entry.includes('insight_changes'));
            writeFileSync(target, `${plans.join('\n')}\n-- statements run by triggers (auto_explain)\n${triggerPlans.join('\n')}`);
            for (const entry of triggerPlans) {
              const duration = /duration: ([\d.]+ ms)/.exec(entry)?.[1] ?? '?';
              const rows = /FROM (new_rows|old_rows) r(?: JOIN (\w+))?/.exec(entry);
              summary.push(`${duration.padStart(11)}    in a trigger: ${rows ? `${rows[1]}${rows[2] ? ` joined with ${rows[2]}` : ''}` : 'insight_changes'}`);
            }
            done = summary;
            file = null;
          }
          return result;
        },
      };
      return explained;
    },
  };
}
