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

/** The fields a column can be mapped to: the account part and the person part of a row (the usual Excel customer list has both). */
export const ImportField = z.enum([
  'account.name',
  'account.legalForm',
  'account.customerNumber',
  'account.industry',
  'account.website',
  'account.street',
  'account.postalCode',
  'account.city',
  'account.country',
  'account.revenue',
  'contact.salutation',
  'contact.academicTitle',
  'contact.firstName',
  'contact.lastName',
  'contact.email',
  'contact.phone',
  'contact.mobile',
  'contact.jobTitle',
  'contact.department',
  'notes',
]);
export type ImportField = z.infer<typeof ImportField>;

export const ImportColumn = z
  .object({
    /** 0-based position in the file; the header is kept so that a saved template can find the column in the next file. */
    index: z.number().int().nonnegative().max(999),
    header: z.string().max(200),
    field: ImportField.nullable(),
  })
  .strict();
export type ImportColumn = z.infer<typeof ImportColumn>;

/** Which column feeds which field; a column left at null is not imported. Each field and each column at most once. */
export const ColumnMapping = z
  .object({ columns: z.array(ImportColumn).max(1000) })
  .strict()
  .superRefine(({ columns }, ctx) => {
    const indexes = new Set<number>();
    const fields = new Set<string>();
    columns.forEach((column, i) => {
      if (indexes.has(column.index)) ctx.addIssue({ code: 'custom', path: ['columns', i, 'index'], message: `column ${column.index} is mapped twice` });
      if (column.field && fields.has(column.field))
        ctx.addIssue({ code: 'custom', path: ['columns', i, 'field'], message: `${column.field} is already fed by another column` });
      indexes.add(column.index);
      if (column.field) fields.add(column.field);
    });
  });
export type ColumnMapping = z.infer<typeof ColumnMapping>;
