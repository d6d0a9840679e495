// XLSX workbooks, read with exceljs (MIT, on the npm registry). SheetJS was not taken: its npm package `xlsx` stopped at
// 0.18.5 (2022, with published prototype-pollution and ReDoS advisories) and newer builds are distributed only from
// the vendor's own CDN, outside the registry this project installs from.
import type { CellValue, Worksheet } from 'exceljs';
import { ImportFileError } from './import-file-error';
import type { ImportCell, ImportRow } from './table';

export interface WorkbookSheet {
  name: string;
  rows: ImportRow[];
  /** Hidden sheets are never chosen unless the user names them. */
  hidden: boolean;
}

export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookSheet[]> {
  // Loaded on the first workbook: exceljs and its zip libraries cost a host about 0.4 s of CPU at every start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError('broken_xlsx', 'The file is a ZIP archive but not a readable XLSX workbook (damaged, or another Office format such as .docx).');
  }
  if (workbook.worksheets.length === 0) {
    throw new ImportFileError('not_xlsx', 'The file is a ZIP archive without any worksheet, so it is not an XLSX workbook.');
  }
  return workbook.worksheets.map((sheet) => ({ name: sheet.name, hidden: sheet.state !== 'visible', rows: sheetRows(sheet) }));
}

function sheetRows(sheet: Worksheet): ImportRow[] {
  const rows: ImportRow[] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: ImportCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value);
    });
    width = Math.max(width, cells.length);
    rows.push({ row: rowNumber, cells });
  });
  // Rows end at their last filled cell; pad them so that every row has a cell for every column.
  return rows.map(({ row, cells }) => ({ row, cells: Array.from({ length: width }, (_, i) => cells[i] ?? null) }));
}

function cellValue(value: CellValue): ImportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellValue(value.text as CellValue);
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? null : cellValue(value.result);
  // An error cell (#N/A, #REF!) keeps its text, so the value checks report it instead of the row losing the cell.
  if ('error' in value) return value.error;
  return null;
}
