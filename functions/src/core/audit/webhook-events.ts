// Which webhook event an audited change is. Every change the API, the Graph sync or an import makes is audited in its
// own transaction, so deriving the events there puts each one in the outbox in that same transaction, with no write
// path able to forget it.
import type { WebhookEventType } from '@crm/common';
import type { AuditEntry } from './audit-store';

const RECORDS = new Set(['account', 'contact', 'opportunity']);
const VERB: Partial<Record<AuditEntry['action'], 'created' | 'changed' | 'deleted'>> = { create: 'created', update: 'changed', delete: 'deleted' };

export function webhookEventOf(entry: Pick<AuditEntry, 'action' | 'entity' | 'changedFields'>): WebhookEventType | null {
  if (entry.entity === 'interaction' && entry.action === 'log') return 'interaction.logged';
  if (entry.entity === 'contact' && entry.action === 'consent') return 'consent.changed';
  if (entry.entity === 'contact' && entry.action === 'erase') return 'person.erased';
  if (!RECORDS.has(entry.entity)) return null;
  // The Graph sync audits its creates without fields and its updates with them.
  const verb = entry.action === 'sync' ? (entry.changedFields?.length ? 'changed' : 'created') : VERB[entry.action];
  return verb ? (`${entry.entity}.${verb}` as WebhookEventType) : null;
}
