// Exports: the list endpoints' filters plus the file format, for CSV that German Excel opens and for XLSX.
import { z } from 'zod';
import { AccountListQuery } from './accounts';
import { ContactListQuery } from './contacts';
import { InteractionType } from './enums';
import { TimelineQuery } from './interactions';
import { OpportunityListQuery } from './opportunities';
import { QueryList, Uuid } from './primitives';

export const ExportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

const fileOptions = {
  format: ExportFormat.default('csv'),
  /** CSV only: German Excel reads 1234,56 as a number and 1234.56 as text, so the comma is the default. */
  decimal: z.enum(['comma', 'point']).default('comma'),
};
/** The file options alone, for exports of lists that are not one of the list endpoints (a segment list). */
export const ExportFileQuery = z.object(fileOptions);

// The list filters without paging: an export walks every page itself.
export const AccountExportQuery = AccountListQuery.omit({ limit: true, cursor: true }).extend(fileOptions);
export type AccountExportQuery = z.infer<typeof AccountExportQuery>;
export const ContactExportQuery = ContactListQuery.omit({ limit: true, cursor: true }).extend(fileOptions);
export type ContactExportQuery = z.infer<typeof ContactExportQuery>;
export const OpportunityExportQuery = OpportunityListQuery.omit({ limit: true, cursor: true }).extend(fileOptions);
export type OpportunityExportQuery = z.infer<typeof OpportunityExportQuery>;

/** Interactions have no list of their own; these are the account timeline's filters, with the account optional. */
export const InteractionExportQuery = z.object({
  accountId: Uuid.optional(),
  contactId: Uuid.optional(),
  type: QueryList(InteractionType),
  q: TimelineQuery.shape.q,
  ...fileOptions,
});
export type InteractionExportQuery = z.infer<typeof InteractionExportQuery>;

export type ExportFileOptions = Pick<AccountExportQuery, 'format' | 'decimal'>;
