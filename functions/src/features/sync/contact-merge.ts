// Field-level two-way merge of a CRM contact and its Outlook copy against what both looked like at the last sync.
import { CONTACT_FIELDS, type ContactFields } from './ports';

/** Both sides as the last sync left them; a side changed a field when its value differs from its own snapshot. */
export interface SyncedSnapshot {
  crm: ContactFields;
  outlook: ContactFields;
  /** The Outlook contact's addresses at the last sync; absent in links made before addresses were kept. */
  outlookEmails?: string[];
}

export interface FieldConflict {
  field: keyof ContactFields;
  crmValue: string;
  outlookValue: string;
  winner: 'crm' | 'outlook';
}

export interface MergeResult {
  /** Fields to write to the CRM contact. */
  toCrm: Partial<ContactFields>;
  /** Fields to write to the Outlook contact. */
  toOutlook: Partial<ContactFields>;
  conflicts: FieldConflict[];
  /** The snapshot to keep once the writes are done. */
  snapshot: SyncedSnapshot;
}

export function mergeContact(crm: ContactFields, crmChangedAt: Date, outlook: ContactFields, outlookChangedAt: Date, last: SyncedSnapshot | null): MergeResult {
  const toCrm: Partial<ContactFields> = {};
  const toOutlook: Partial<ContactFields> = {};
  const conflicts: FieldConflict[] = [];
  const next: SyncedSnapshot = { crm: { ...crm }, outlook: { ...outlook } };
  for (const field of CONTACT_FIELDS) {
    const c = crm[field];
    const o = outlook[field];
    if (c === o) continue;
    // First link: no history, so fill gaps on either side and otherwise keep the CRM's value.
    const crmChanged = last ? c !== last.crm[field] : c !== '';
    const outlookChanged = last ? o !== last.outlook[field] : c === '';
    let winner: 'crm' | 'outlook';
    if (crmChanged && outlookChanged && last) {
      winner = outlookChangedAt > crmChangedAt ? 'outlook' : 'crm';
      conflicts.push({ field, crmValue: c, outlookValue: o, winner });
    } else if (outlookChanged) winner = 'outlook';
    else if (crmChanged) winner = 'crm';
    else continue;
    if (winner === 'outlook') {
      toCrm[field] = o;
      next.crm[field] = o;
    } else {
      toOutlook[field] = c;
      next.outlook[field] = c;
    }
  }
  return { toCrm, toOutlook, conflicts, snapshot: next };
}

/**
 * Addresses to add to the CRM contact: those Outlook gained since the last sync (all of them on first link) that the CRM
 * contact lacks. An address the CRM side removed while Outlook kept it is not brought back; nothing is ever taken away.
 */
export function addedAddresses(crmEmails: readonly string[], outlookEmails: readonly string[], last: SyncedSnapshot | null): string[] {
  const before = new Set(last?.outlookEmails ?? []);
  return outlookEmails.filter((address) => !crmEmails.includes(address) && !before.has(address));
}
