// What an export writes, independent of the file format: typed columns, so CSV and XLSX format each value alike.

/** A date is 'YYYY-MM-DD'; a timestamp is an ISO instant, written in UTC. */
export type CellType = 'text' | 'integer' | 'decimal' | 'date' | 'timestamp';

export interface Column<T> {
  header: string;
  type: CellType;
  value: (item: T) => string | number | null;
  /** XLSX column width in characters. */
  width?: number;
}

export type Cell = { type: CellType; value: string | number | null };

export const cellsOf = <T>(columns: readonly Column<T>[], item: T): Cell[] => columns.map((c) => ({ type: c.type, value: c.value(item) }));
