// What a new tenant starts with: the default sales stage model and the documented defaults of every setting.
import { GraphSyncSettings, type Stage, type TenantSettings } from '@crm/common';

export const defaultStages: Stage[] = [
  { key: 'lead', label: { de: 'Lead', en: 'Lead' }, probability: 10 },
  { key: 'qualified', label: { de: 'Qualifiziert', en: 'Qualified' }, probability: 25 },
  { key: 'proposal', label: { de: 'Angebot', en: 'Proposal' }, probability: 50 },
  { key: 'negotiation', label: { de: 'Verhandlung', en: 'Negotiation' }, probability: 75 },
  { key: 'commit', label: { de: 'Abschluss in Sicht', en: 'Commit' }, probability: 90 },
];

export const defaultSettings: TenantSettings = { stages: defaultStages, sleepingAfterDays: 90, defaultCurrency: 'EUR', graphSync: GraphSyncSettings.parse({}) };
