// The one shape both readers produce: a header and data rows, each row with the number Excel shows for it, so every
// message about a row can point the user to the same row in their list.
export type ImportCell = string | number | boolean | Date | null;

export interface ImportRow {
  /** 1-based, counting the header as row 1 and empty rows too, as Excel numbers them. */
  row: number;
  cells: ImportCell[];
}

export interface ImportTable {
  header: string[];
  rows: ImportRow[];
}

export const isBlank = (cell: ImportCell): boolean => cell === null || (typeof cell === 'string' && cell.trim() === '');

/** The first non-empty row is the header; rows that are empty in every cell carry nothing and are left out. */
export function toTable(rows: ImportRow[]): ImportTable {
  const filled = rows.filter((row) => !row.cells.every(isBlank));
  const [head, ...data] = filled;
  if (!head) return { header: [], rows: [] };
  return { header: head.cells.map((cell) => (cell === null ? '' : String(cell).trim())), rows: data };
}
