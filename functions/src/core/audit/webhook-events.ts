// Which webhook event an audited change is. Every change the API, the Graph sync or an import makes is audited in its
// own transaction, so deriving the events there puts each one in the outbox in that same transaction, with no write
// path able to forget it.
import type { WebhookEventType } from '@crm/common';

const RECORDS = new Set(['account', 'contact', 'opportunity', 'case']);
const VERB: Partial<Record<string, 'created' | 'changed' | 'deleted'>> = { create: 'created', update: 'changed', delete: 'deleted' };

/** The parts of an audit entry that decide (typed apart from audit-store.ts, which imports this). */
export interface AuditedChange {
  action: string;
  entity: string;
  changedFields?: readonly string[];
}

export function webhookEventOf(entry: AuditedChange): WebhookEventType | null {
  if (entry.entity === 'interaction' && entry.action === 'log') return 'interaction.logged';
  if (entry.entity === 'contact' && entry.action === 'consent') return 'consent.changed';
  if (entry.entity === 'contact' && entry.action === 'erase') return 'person.erased';
  if (entry.entity === 'lead' && entry.action === 'convert') return 'lead.converted';
  if (!RECORDS.has(entry.entity)) return null;
  // The Graph sync audits its creates without fields and its updates with them.
  const verb = entry.action === 'sync' ? (entry.changedFields?.length ? 'changed' : 'created') : VERB[entry.action];
  return verb ? (`${entry.entity}.${verb}` as WebhookEventType) : null;
}
