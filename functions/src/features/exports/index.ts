// The exports feature's public entry: the file writer other features' lists export through (a segment list).
export { exportFile, type ExportFile } from './export-file';
export type { Column } from './table';
