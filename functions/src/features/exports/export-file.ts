// Streams an export page by page, so 100,000 rows never sit in memory at once: CSV line by line, XLSX through exceljs's
// streaming writer (each row committed as it is written, no shared-strings table).
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type { ExportFileOptions } from '@crm/common';
import { csvHeader, csvLine } from './csv-writer';
import { cellsOf, type Cell, type CellType, type Column } from './table';

export interface ExportFile {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  filename: string;
}

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const toWeb = (stream: Readable): ReadableStream<Uint8Array> => Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;

function csvStream<T>(columns: readonly Column<T>[], pages: AsyncIterable<readonly T[]>, options: ExportFileOptions): ReadableStream<Uint8Array> {
  async function* chunks() {
    yield Buffer.from(csvHeader(columns.map((c) => c.header)), 'utf8');
    for await (const page of pages) yield Buffer.from(page.map((item) => csvLine(cellsOf(columns, item), options)).join(''), 'utf8');
  }
  return toWeb(Readable.from(chunks()));
}

// German Excel shows these as 31.12.2025, 31.12.2025 14:30 and 1.234,56; the values stay numbers and dates.
const NUMBER_FORMATS: Partial<Record<CellType, string>> = {
  date: 'dd.mm.yyyy',
  timestamp: 'dd.mm.yyyy hh:mm',
  decimal: '#,##0.00',
  integer: '0',
};

/** Text stays a string cell, never a formula, so XLSX needs no apostrophe guard. */
function xlsxValue(cell: Cell): string | number | Date | null {
  if (cell.value === null) return null;
  if (cell.type === 'date') return new Date(`${cell.value}T00:00:00Z`);
  if (cell.type === 'timestamp') return new Date(String(cell.value));
  return cell.value;
}

function xlsxStream<T>(columns: readonly Column<T>[], pages: AsyncIterable<readonly T[]>, sheetName: string): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  void (async () => {
    try {
      // Loaded on the first XLSX: exceljs and its zip libraries cost a host about 0.4 s of CPU at every start.
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map((c, i) => ({
        header: c.header,
        key: String(i),
        width: c.width ?? 16,
        ...(NUMBER_FORMATS[c.type] ? { style: { numFmt: NUMBER_FORMATS[c.type] } } : {}),
      }));
      sheet.getRow(1).font = { bold: true };
      for await (const page of pages) {
        if (out.destroyed) return;
        for (const item of page) sheet.addRow(cellsOf(columns, item).map(xlsxValue)).commit();
        // exceljs ignores the stream's backpressure; waiting here keeps a slow download from buffering the whole file.
        if (out.writableNeedDrain) await once(out, 'drain');
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return toWeb(out);
}

export function exportFile<T>(
  name: string,
  columns: readonly Column<T>[],
  pages: AsyncIterable<readonly T[]>,
  options: ExportFileOptions,
  today = new Date(),
): ExportFile {
  const body = options.format === 'csv' ? csvStream(columns, pages, options) : xlsxStream(columns, pages, name);
  return { body, contentType: CONTENT_TYPES[options.format], filename: `${name}-${today.toISOString().slice(0, 10)}.${options.format}` };
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every page of a keyset-paged list. The first page is read before the file starts, so a failure there is still a
 * problem document and not a broken download.
 */
export async function allPages<T>(fetch: (cursor: string | undefined) => Promise<Page<T>>): Promise<AsyncIterable<readonly T[]>> {
  const first = await fetch(undefined);
  return (async function* () {
    let page = first;
    yield page.items;
    while (page.nextCursor) {
      page = await fetch(page.nextCursor);
      yield page.items;
    }
  })();
}
