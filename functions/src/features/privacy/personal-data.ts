// Access (Art. 15) and portability (Art. 20): everything stored about a person as one machine-readable JSON document.
import type { PersonalData } from '@crm/common';
import type { Actor } from '../../core/actor';
import { recordReads } from '../../core/audit/read-audit';
import type { Db } from '../../core/db/db';
import type { Row } from '../../core/db/rows';
import { notFound } from '../../core/errors';
import { personReads } from './audit-search';
import { valueLabels, type PdfLanguage } from './personal-data-pdf-text';
import { retentionStatement } from './personal-data-retention';
import { restrictionOf } from './restriction';
import { retentionPolicies } from './retention';
import { personalDataRows } from './store';

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** A stored row with its columns in camelCase and instants as ISO strings; the tenant id is the company's, not the person's. */
export function storedRecord(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === 'tenant_id') continue;
    out[camel(key)] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/** What the CRM itself processes every contact for, besides what the consent ledger records. */
const CRM_PURPOSE = { purpose: 'customer_relationship', legalBasis: 'contract_or_legitimate_interest' };

/** A purpose and its legal basis as stored codes and in words of the document's language, as the PDF prints them. */
const processingEntry = (purpose: string, legalBasis: string, channels: readonly string[], lang: PdfLanguage): PersonalData['processing'][number] => ({
  purpose,
  legalBasis,
  channels: [...channels].sort(),
  purposeText: valueLabels.purpose?.[purpose]?.[lang] ?? purpose,
  legalBasisText: valueLabels.legalBasis?.[legalBasis]?.[lang] ?? legalBasis,
});

export async function personalData(db: Db, actor: Actor, contactId: string, lang: PdfLanguage): Promise<PersonalData> {
  const rows = await personalDataRows(db, actor.tenantId, contactId);
  if (!rows) throw notFound('contact');
  // The export is itself a read, and it lists itself among the reads.
  recordReads(db, actor, 'export', [{ entity: 'contact', id: contactId }]);
  const purposes = new Map<string, { purpose: string; legalBasis: string; channels: Set<string> }>();
  for (const entry of rows.consents) {
    const key = `${entry.purpose}\u0000${entry.legal_basis}`;
    const item = purposes.get(key) ?? { purpose: String(entry.purpose), legalBasis: String(entry.legal_basis), channels: new Set<string>() };
    item.channels.add(String(entry.channel));
    purposes.set(key, item);
  }
  const policies = await retentionPolicies(db, actor.tenantId);
  const retention = {
    saved: policies.saved,
    dailyRun: policies.dailyRun,
    policies: policies.policies.map(({ dataClass, enabled, periodMonths, action, fromEndOfYear }) => ({
      dataClass,
      enabled,
      periodMonths,
      action,
      fromEndOfYear,
    })),
  };
  return {
    generatedAt: new Date().toISOString(),
    contact: storedRecord(rows.contact),
    emails: rows.emails,
    account: rows.account ? storedRecord(rows.account) : null,
    restriction: await restrictionOf(db, actor.tenantId, contactId),
    interactions: rows.interactions.map(storedRecord),
    consents: rows.consents.map(storedRecord),
    tasks: rows.tasks.map(storedRecord),
    opportunities: rows.opportunities.map(storedRecord),
    graphSyncItems: rows.graphItems.map(storedRecord),
    syncConflicts: rows.syncConflicts.map(storedRecord),
    processing: [
      processingEntry(CRM_PURPOSE.purpose, CRM_PURPOSE.legalBasis, [], lang),
      ...[...purposes.values()].map((p) => processingEntry(p.purpose, p.legalBasis, [...p.channels], lang)),
    ],
    retention: retentionStatement(retention, lang),
    retentionPolicies: retention,
    reads: await personReads(db, actor.tenantId, contactId, rows.emails),
  };
}
