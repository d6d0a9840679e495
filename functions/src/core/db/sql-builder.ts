// Builds parameterised WHERE and SET clauses so queries stay injection-free and tenant-scoped.

export class SqlParams {
  readonly values: unknown[] = [];
  /** Adds a value and returns its placeholder ($n). */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface ColumnSpec {
  column: string;
  encode?: (value: unknown) => unknown;
}

/** SET clause for the fields present in a patch; unknown fields were already rejected by the contract. */
export function setClause(patch: Record<string, unknown>, columns: Record<string, ColumnSpec>, params: SqlParams): { sql: string; fields: string[] } {
  const parts: string[] = [];
  const fields: string[] = [];
  for (const [field, value] of Object.entries(patch)) {
    const spec = columns[field];
    if (!spec || value === undefined) continue;
    parts.push(`${spec.column} = ${params.add(spec.encode ? spec.encode(value) : value)}`);
    fields.push(field);
  }
  return { sql: parts.join(', '), fields };
}

export const json = (value: unknown): string => JSON.stringify(value ?? null);
