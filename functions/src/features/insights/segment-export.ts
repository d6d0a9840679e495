// A segment list as a file for a campaign: its members now, through the exports' CSV (German Excel) and XLSX writer.
// The same rule as the members answer decides who is in it, so a marketing export never holds a person the list
// would leave out. Headers are the names the import recognises, so the file can be imported again.
import type { SegmentExportQuery, SegmentMember } from '@crm/common';
import type { Actor } from '../../core/actor';
import type { Db } from '../../core/db/db';
import { exportFile, type Column, type ExportFile } from '../exports';
import { everySegmentMember } from './segment-lists';

const accountColumns: readonly Column<SegmentMember>[] = [
  { header: 'Account ID', type: 'text', value: (m) => m.account.id, width: 38 },
  { header: 'Company', type: 'text', value: (m) => m.account.name, width: 32 },
  { header: 'Industry', type: 'text', value: (m) => m.account.industry, width: 20 },
  { header: 'ABC class', type: 'text', value: (m) => m.account.abcClass, width: 8 },
  { header: 'Segment', type: 'text', value: (m) => m.account.segment, width: 12 },
  { header: 'Revenue', type: 'decimal', value: (m) => m.account.revenue, width: 14 },
  { header: 'Previous revenue', type: 'decimal', value: (m) => m.account.previousRevenue, width: 14 },
  { header: 'Revenue trend', type: 'text', value: (m) => m.account.revenueTrend, width: 12 },
  { header: 'Last contact', type: 'timestamp', value: (m) => m.account.lastContactAt, width: 18 },
];

const contactColumns: readonly Column<SegmentMember>[] = [
  { header: 'ID', type: 'text', value: (m) => m.contact!.id, width: 38 },
  { header: 'First name', type: 'text', value: (m) => m.contact!.firstName, width: 16 },
  { header: 'Last name', type: 'text', value: (m) => m.contact!.lastName, width: 20 },
  { header: 'Email', type: 'text', value: (m) => m.contact!.email, width: 30 },
  { header: 'Job title', type: 'text', value: (m) => m.contact!.jobTitle, width: 24 },
  ...accountColumns,
];

/** The file and the people in it (for the read audit). */
export async function exportSegment(
  db: Db,
  actor: Actor,
  id: string,
  { format, decimal, purpose }: SegmentExportQuery,
  now = new Date(),
): Promise<{ file: ExportFile; contactIds: string[] }> {
  const members = await everySegmentMember(db, actor, id, purpose, now);
  const columns = members.target === 'contacts' ? contactColumns : accountColumns;
  const name = members.purpose ? `segment-${members.purpose}` : 'segment';
  return {
    file: exportFile(name, columns, members.pages, { format, decimal }, now),
    contactIds: members.contactIds,
  };
}
