// A file that cannot be read as what it claims to be. The code names the problem for the API's problem+json (a 4xx,
// never a 5xx), the message says it in words a user can act on; neither repeats the file's contents.
export type ImportFileProblem =
  | 'empty_file'
  | 'binary_file'
  | 'pdf_file'
  | 'legacy_xls'
  | 'not_xlsx'
  | 'kind_mismatch'
  | 'broken_xlsx'
  | 'sheet_not_found'
  | 'no_data'
  | 'invalid_encoding'
  | 'inconsistent_columns'
  | 'unterminated_quote'
  | 'invalid_quote'
  | 'unreadable_csv';

export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  constructor(
    readonly problem: ImportFileProblem,
    message: string,
    /** The 1-based line (CSV) or row (XLSX) where the problem starts, when there is one. */
    readonly line?: number,
  ) {
    super(message);
  }
}
