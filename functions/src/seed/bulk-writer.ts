// Inserts many rows per round trip with unnest() over one array per column, on PGlite and PostgreSQL alike.
import type { Queryable } from '../store/db';

export type ColumnType = 'uuid' | 'text' | 'int' | 'numeric' | 'bool' | 'timestamptz' | 'date' | 'jsonb' | 'text[]';

export interface TableSpec {
  table: string;
  columns: ReadonlyArray<readonly [name: string, type: ColumnType]>;
}

// Arrays of arrays cannot be passed as one parameter (unnest would flatten them), so JSON text carries them.
const transport = (type: ColumnType) => (type === 'jsonb' || type === 'text[]' ? 'text' : type);
const select = (name: string, type: ColumnType) =>
  type === 'jsonb' ? `${name}::jsonb` : type === 'text[]' ? `ARRAY(SELECT jsonb_array_elements_text(${name}::jsonb))` : name;

export async function insertRows(tx: Queryable, spec: TableSpec, rows: ReadonlyArray<readonly unknown[]>): Promise<void> {
  if (rows.length === 0) return;
  const columns = spec.columns.map(([name]) => name);
  const params = spec.columns.map(([, type], index) =>
    rows.map((row) => {
      const value = row[index];
      return value !== null && (type === 'jsonb' || type === 'text[]') ? JSON.stringify(value) : value;
    }),
  );
  const unnest = spec.columns.map(([, type], index) => `$${index + 1}::${transport(type)}[]`).join(', ');
  await tx.query(
    `INSERT INTO ${spec.table} (${columns.join(', ')})
     SELECT ${spec.columns.map(([name, type]) => select(name, type)).join(', ')} FROM unnest(${unnest}) AS t(${columns.join(', ')})`,
    params,
  );
}

/** Writes rows in batches so a million interactions never sit in one statement or in memory at once. */
export async function insertBatched<T>(
  tx: Queryable,
  spec: TableSpec,
  items: Iterable<T>,
  toRow: (item: T) => readonly unknown[],
  batchSize = 5000,
): Promise<number> {
  let batch: (readonly unknown[])[] = [];
  let count = 0;
  for (const item of items) {
    batch.push(toRow(item));
    if (batch.length >= batchSize) {
      await insertRows(tx, spec, batch);
      count += batch.length;
      batch = [];
    }
  }
  await insertRows(tx, spec, batch);
  return count + batch.length;
}
