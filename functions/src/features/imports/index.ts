// The imports feature's public entry. This slice is the database-free core: reading a file, mapping its columns and
// proposing a decision per row; the upload API, preview, commit and undo build on it.
export { readImportFile, type ReadImportFile } from './file-format';
export { ImportFileError, type ImportFileProblem } from './import-file-error';
export type { ImportCell, ImportRow, ImportTable } from './table';
export { applyTemplate, mapRow, suggestMapping } from './column-mapping';
export { detectDateOrder, detectNumberStyle, parseDate, parseDecimal } from './values';
export { foldText } from './folding';
export { compareCompanies, parseCompanyName, SIMILAR_NAME_THRESHOLD } from './company-names';
export { trigramSimilarity } from './trigram';
export { comparePersons, parsePersonName } from './person-names';
export { decideRows, numberKey, summarize, type CrmCandidates, type Decision, type RowDecision } from './match-rules';
