// Imports of CSV and XLSX lists: what was detected in a file (so a user can see and override it) and the column mapping,
// a plain object that can be saved as a template for the next import.
import { z } from 'zod';
import { kindTakes } from './import-kinds';
import { IsoDateTime, Uuid, Versioned, pageOf, PageQuery } from './primitives';

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
  /** One sentence per setting saying why it was chosen, for the preview (in the language of Accept-Language). */
  reasons: z.array(z.string()),
  /** The reasons' codes and parameters, as stored (formats read before 2026-12-03 have none and stay English). */
  reasonCodes: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.unknown()) })).optional(),
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
  /** An email-marketing consent; imported only together with its source and date, and never over a withdrawal or objection. */
  'consent.email',
  'consent.source',
  'consent.date',
  'notes',
  /**
   * Revenue per account and period (kind `revenue`): the account is found by customer number or name, never created.
   * The period is a year (`2025`) or a month (`2025-03`, `03/2025`, `März 2025`, `31.03.2025`); a month number or name
   * alone takes its year from `revenue.year`.
   */
  'revenue.period',
  'revenue.year',
  'revenue.amount',
  'revenue.cost',
  /** Must be the tenant's default currency: the CRM keeps revenue in one currency. */
  'revenue.currency',
  /**
   * Opportunities (kind `opportunities`): the account is found by customer number or name, never created; an
   * opportunity of that account with the same name is updated. The stage as the tenant's stage model names it (key, German
   * or English label) or won / lost; the amount in German or English notation; the close date as lists write it; the
   * owner by the user's email address; the currency an ISO code (the tenant's when left out); the product line as the
   * tenant names it (optional). The external id (the ERP's offer number) finds the opportunity before its name does, so
   * a renamed deal is updated too.
   */
  'opportunity.name',
  'opportunity.stage',
  'opportunity.amount',
  'opportunity.closeDate',
  'opportunity.owner',
  'opportunity.currency',
  'opportunity.productLine',
  'opportunity.externalId',
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

// The import pipeline: upload, preview with a decision per row, the user's decisions, commit, undo and the report.

/** What a list holds, from the fields its columns are mapped to: the usual Excel customer list has both parts on each row. */
export const ImportKind = z.enum(['accounts', 'contacts', 'combined', 'revenue', 'opportunities']);
export type ImportKind = z.infer<typeof ImportKind>;

/**
 * The fields a column can feed in a list of each kind (`kindTakes`): the mapping of a kind chosen by the user offers
 * these, and the API proposes a mapping for the kind from them.
 */
const fieldsOf = (kind: ImportKind): readonly ImportField[] => ImportField.options.filter((field) => kindTakes(kind, field));
export const IMPORT_KIND_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  accounts: fieldsOf('accounts'),
  contacts: fieldsOf('contacts'),
  combined: fieldsOf('combined'),
  revenue: fieldsOf('revenue'),
  opportunities: fieldsOf('opportunities'),
};

export const ImportStatus = z.enum(['preview', 'committing', 'committed', 'undone']);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const ImportAction = z.enum(['create', 'update', 'merge', 'review', 'skip', 'error']);
export type ImportAction = z.infer<typeof ImportAction>;

/** The file name and, optionally, what to read instead of what would be detected; the body is the file itself. */
export const ImportUploadQuery = ImportReadOptions.extend({
  fileName: z.string().trim().min(1).max(255),
}).strict();
export type ImportUploadQuery = z.infer<typeof ImportUploadQuery>;

/** Nested reasons (a customer number matches, but the legal forms differ) are parameters of the outer one. */
const ReasonParams = z.record(z.string(), z.unknown());

/**
 * Why: `reason` is the text in the language the request asked for (Accept-Language: de or en); `reasonCode` and
 * `reasonParams` are the stable form behind it. Rows stored before the codes existed have English text and no code.
 */
const ReasonFields = {
  reason: z.string(),
  reasonCode: z.string().optional(),
  reasonParams: ReasonParams.optional(),
};

export const ImportCandidate = z.object({
  /** A CRM record, or null when the candidate is the record an earlier row of the file makes (row). */
  existingId: Uuid.nullable(),
  row: z.number().int().nullable(),
  name: z.string(),
  score: z.number(),
  ...ReasonFields,
});

/** A proposed decision for the account part or the contact part of a row. */
export const ImportDecision = z.object({
  action: ImportAction,
  ...ReasonFields,
  existingId: Uuid.nullable().optional(),
  intoRow: z.number().int().nullable().optional(),
  field: z.string().nullable().optional(),
  candidates: z.array(ImportCandidate).optional(),
});
export type ImportDecision = z.infer<typeof ImportDecision>;

/** What the user chose instead of the proposal: update names the record, merge names the earlier row. */
export const ImportChoice = z
  .object({
    action: z.enum(['create', 'update', 'merge', 'skip']),
    existingId: Uuid.optional(),
    intoRow: z.number().int().min(2).optional(),
  })
  .strict()
  .superRefine((choice, ctx) => {
    if (choice.action === 'update' && !choice.existingId) ctx.addIssue({ code: 'custom', path: ['existingId'], message: 'is required to update a record' });
    if (choice.action === 'merge' && !choice.intoRow) ctx.addIssue({ code: 'custom', path: ['intoRow'], message: 'is required to merge into a row' });
  });
export type ImportChoice = z.infer<typeof ImportChoice>;

export const ImportOutcomePart = z.object({
  action: z.enum(['created', 'updated', 'unchanged', 'linked', 'skipped', 'failed']),
  id: Uuid.nullable(),
  ...ReasonFields,
});
export type ImportOutcomePart = z.infer<typeof ImportOutcomePart>;

export const ImportRowOutcome = z.object({
  account: ImportOutcomePart.nullable(),
  contact: ImportOutcomePart.nullable(),
  /** What became of a consent column: recorded, or why not. */
  consent: z.string().nullable(),
  /** The code and parameters of the consent text, when it has one. */
  consentCode: z.string().optional(),
  consentParams: ReasonParams.optional(),
  /** The revenue period or opportunity the row wrote (kinds `revenue` and `opportunities`). */
  record: ImportOutcomePart.nullable().optional(),
});
export type ImportRowOutcome = z.infer<typeof ImportRowOutcome>;

const ImportPart = z.object({ proposed: ImportDecision, chosen: ImportChoice.nullable() });

export const ImportRowView = z.object({
  /** The row as Excel numbers it (the header is row 1). */
  row: z.number().int(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  account: ImportPart.nullable(),
  contact: ImportPart.nullable(),
  /**
   * The revenue period or the opportunity a row of kind `revenue` or `opportunities` writes (create, update, skip or
   * error); such a row has no account or contact part, as it never creates or changes either.
   */
  record: ImportPart.nullable().optional(),
  outcome: ImportRowOutcome.nullable(),
});
export type ImportRowView = z.infer<typeof ImportRowView>;

const ActionCounts = z.record(ImportAction, z.number().int());

export const ImportSummary = z.object({
  /** Per part, by the decision that will be carried out (the user's choice, else the proposal). */
  account: ActionCounts,
  contact: ActionCounts,
  /** The revenue periods or opportunities of a `revenue` or `opportunities` list. */
  record: ActionCounts.optional(),
  /** Parts still proposed for review that no one has decided; commit waits for them. */
  awaitingDecision: z.number().int(),
  /** Parts that are the same record as an earlier row of the file. */
  duplicatesInFile: z.number().int(),
  /** Parts that match a CRM record (update, or a review with a CRM candidate). */
  matchesInCrm: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportUndoReport = z.object({
  reverted: z.number().int(),
  /** Records the undo did not touch, and why (edited since the import, or used by other records). */
  leftAlone: z.array(
    z.object({
      entity: z.enum(['account', 'contact', 'consent', 'revenue', 'opportunity']),
      id: Uuid,
      row: z.number().int(),
      /** In the language of Accept-Language where the reason has a code (undone before 2026-12-03: English). */
      reason: z.string(),
      reasonCode: z.string().optional(),
      reasonParams: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});
export type ImportUndoReport = z.infer<typeof ImportUndoReport>;

export const Import = Versioned.extend({
  fileName: z.string(),
  /** SHA-256 of the file, hex: the same file uploaded again answers this import. */
  fileHash: z.string(),
  fileSize: z.number().int(),
  status: ImportStatus,
  kind: ImportKind,
  format: DetectedImportFormat,
  mapping: ColumnMapping,
  summary: ImportSummary,
  progress: z.object({ committedRows: z.number().int(), totalRows: z.number().int() }),
  committedAt: IsoDateTime.nullable(),
  undoneAt: IsoDateTime.nullable(),
  /** Undo is possible until then (30 days after the commit). */
  undoUntil: IsoDateTime.nullable(),
  undo: ImportUndoReport.nullable(),
});
export type Import = z.infer<typeof Import>;

export const ImportPreviewQuery = PageQuery.extend({
  /** Only rows with this decision in either part. */
  action: ImportAction.optional(),
});
export type ImportPreviewQuery = z.infer<typeof ImportPreviewQuery>;

export const ImportPreview = Import.extend({ rows: pageOf(ImportRowView) });
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportBulkAction = z.enum(['skipErrors', 'updateExactMatches', 'skipExactMatches', 'skipUndecided']);

export const ImportPatch = z
  .object({
    /** Read the file again with these settings; the mapping is proposed again and every choice is reset. */
    read: ImportReadOptions.optional(),
    /** A new mapping; saved as the template for the next import, and every choice is reset. */
    mapping: ColumnMapping.optional(),
    /**
     * What the list holds, chosen by the user: without a mapping the columns are proposed again for this kind (by header,
     * only its fields); with one, the mapping must make a list of this kind. Every choice is reset.
     */
    kind: ImportKind.optional(),
    rows: z
      .array(
        z
          .object({
            row: z.number().int().min(2),
            account: ImportChoice.nullable().optional(),
            contact: ImportChoice.nullable().optional(),
            record: ImportChoice.nullable().optional(),
          })
          .strict(),
      )
      .max(1000)
      .optional(),
    bulk: z.array(ImportBulkAction).max(4).optional(),
  })
  .strict();
export type ImportPatch = z.infer<typeof ImportPatch>;
