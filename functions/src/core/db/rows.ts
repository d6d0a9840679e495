// Small conversions from database rows to API shapes, identical for PGlite and pg.
import type { InteractionSummary } from '@crm/common';

export const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString());
export const isoOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : iso(value));
export const etagOf = (version: unknown): string => `"${Number(version)}"`;

export type Row = Record<string, unknown>;
export const str = (row: Row, key: string): string => String(row[key]);
export const strOrNull = (row: Row, key: string): string | null => (row[key] === null || row[key] === undefined ? null : String(row[key]));
export const numOf = (row: Row, key: string): number => Number(row[key]);

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const versionedFields = (row: Row) => ({
  id: str(row, 'id'),
  etag: etagOf(row.version),
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

/** An interactions row as the short form lists show (context lookup, account overview). */
export const toInteractionSummary = (row: Row): InteractionSummary => ({
  id: str(row, 'id'),
  type: str(row, 'type') as InteractionSummary['type'],
  direction: strOrNull(row, 'direction') as InteractionSummary['direction'],
  occurredAt: iso(row.occurred_at),
  subject: str(row, 'subject'),
  status: strOrNull(row, 'status') as InteractionSummary['status'],
  source: str(row, 'source') as InteractionSummary['source'],
});
