// Imports of CSV and XLSX lists: what was detected in a file (so a user can see and override it) and the column mapping,
// a plain object that can be saved as a template for the next import.
import { z } from 'zod';

export const ImportFileKind = z.enum(['csv', 'xlsx']);
export type ImportFileKind = z.infer<typeof ImportFileKind>;

/** `utf-8-bom` is UTF-8 behind a byte-order mark, as Excel writes "CSV UTF-8"; `utf-16le` is Excel's "Unicode Text". */
export const ImportEncoding = z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']);
export type ImportEncoding = z.infer<typeof ImportEncoding>;

export const ImportDelimiter = z.enum([';', ',', '\t']);
export type ImportDelimiter = z.infer<typeof ImportDelimiter>;

/** What the user may set instead of what was detected; anything left out is detected. */
export const ImportReadOptions = z
  .object({
    kind: ImportFileKind.optional(),
    encoding: ImportEncoding.optional(),
    delimiter: ImportDelimiter.optional(),
    sheet: z.string().trim().min(1).max(31).optional(),
  })
  .strict();
export type ImportReadOptions = z.infer<typeof ImportReadOptions>;

export const DetectedImportFormat = z.object({
  kind: ImportFileKind,
  /** Null for XLSX, whose text is always Unicode. */
  encoding: ImportEncoding.nullable(),
  delimiter: ImportDelimiter.nullable(),
  /** The sheet read, and every sheet the workbook has, in workbook order (empty for CSV). */
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  /** Which settings came from the user rather than from detection. */
  overridden: z.array(z.enum(['kind', 'encoding', 'delimiter', 'sheet'])),
  /** One sentence per setting saying why it was chosen, for the preview. */
  reasons: z.array(z.string()),
  columnCount: z.number().int().nonnegative(),
  rowCount: z.number().int().nonnegative(),
});
export type DetectedImportFormat = z.infer<typeof DetectedImportFormat>;
