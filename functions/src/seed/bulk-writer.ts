// Streams items into tables in batches: per batch one INSERT ... SELECT FROM unnest(arrays) per table, on PGlite and PostgreSQL alike.
import type { Queryable } from '../core/db/db';

export type ColumnType = 'uuid' | 'text' | 'int' | 'numeric' | 'bool' | 'timestamptz' | 'date' | 'jsonb' | 'text[]';

/** A table's columns (tenant_id aside, which every row gets) and how to read each from a row object. */
export interface TableSpec<R> {
  table: string;
  columns: ReadonlyArray<readonly [name: string, type: ColumnType, value: (row: R) => unknown]>;
}

/** Where each written item goes: one table, and the rows (none, one or several) the item makes there. */
export interface Target<T> {
  table: string;
  types: readonly ColumnType[];
  names: readonly string[];
  append(item: T, columns: unknown[][]): void;
}

export function into<T, R>(spec: TableSpec<R>, rowsOf: (item: T) => Iterable<R>): Target<T> {
  return {
    table: spec.table,
    names: spec.columns.map(([name]) => name),
    types: spec.columns.map(([, type]) => type),
    append(item, columns) {
      for (const row of rowsOf(item)) {
        spec.columns.forEach(([, type, value], i) => {
          const v = value(row);
          // Arrays of arrays cannot travel as one parameter (unnest would flatten them), so JSON text carries them.
          columns[i]!.push(v !== null && (type === 'jsonb' || type === 'text[]') ? JSON.stringify(v) : v);
        });
      }
    },
  };
}

export const rowPerItem = <T>(spec: TableSpec<T>): Target<T> => into(spec, (item: T) => [item]);

const transport = (type: ColumnType) => (type === 'jsonb' || type === 'text[]' ? 'text' : type);
const read = (name: string, type: ColumnType) =>
  type === 'jsonb' ? `${name}::jsonb` : type === 'text[]' ? `ARRAY(SELECT jsonb_array_elements_text(${name}::jsonb))` : name;

function insertSql(target: Pick<Target<unknown>, 'table' | 'names' | 'types'>): string {
  const names = target.names.join(', ');
  const arrays = target.types.map((type, i) => `$${i + 2}::${transport(type)}[]`).join(', ');
  const values = target.names.map((name, i) => read(name, target.types[i]!)).join(', ');
  return `INSERT INTO ${target.table} (tenant_id, ${names}) SELECT $1::uuid, ${values} FROM unnest(${arrays}) AS t(${names})`;
}

export const BATCH_SIZE = 5000;

/**
 * Writes items batch by batch so that a million interactions never sit in memory or in one
 * statement. While the database inserts one batch, the next is generated (on a server that
 * overlaps the two). Returns the number of items; onBatch reports progress after each batch.
 */
export async function writeBatched<T>(
  tx: Queryable,
  tenantId: string,
  items: Iterable<T>,
  targets: ReadonlyArray<Target<T>>,
  onBatch?: (written: number) => void,
  batchSize = BATCH_SIZE,
): Promise<number> {
  const sql = targets.map(insertSql);
  const fresh = () => targets.map((t) => t.names.map((): unknown[] => []));
  let written = 0;
  const insert = async (buffers: unknown[][][], size: number) => {
    for (const [i, columns] of buffers.entries()) {
      if (columns[0]!.length > 0) await tx.query(sql[i]!, [tenantId, ...columns]);
    }
    written += size;
    onBatch?.(written);
  };
  // Generation is synchronous, so nothing can reject unobserved before the next await picks it up.
  let inFlight: Promise<void> = Promise.resolve();
  let buffers = fresh();
  let pending = 0;
  try {
    for (const item of items) {
      targets.forEach((target, i) => target.append(item, buffers[i]!));
      if (++pending >= batchSize) {
        await inFlight;
        inFlight = insert(buffers, pending);
        buffers = fresh();
        pending = 0;
      }
    }
  } catch (error) {
    // The transaction must not roll back under a statement that is still running.
    await inFlight.catch(() => undefined);
    throw error;
  }
  await inFlight;
  if (pending > 0) await insert(buffers, pending);
  return written;
}
