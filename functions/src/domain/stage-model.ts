// The default sales stage model and the rules that tie stage, probability and status together.
import { GraphSyncSettings, type Stage, type TenantSettings } from '@crm/common';
import { invalid } from './errors';

export const defaultStages: Stage[] = [
  { key: 'lead', label: { de: 'Lead', en: 'Lead' }, probability: 10 },
  { key: 'qualified', label: { de: 'Qualifiziert', en: 'Qualified' }, probability: 25 },
  { key: 'proposal', label: { de: 'Angebot', en: 'Proposal' }, probability: 50 },
  { key: 'negotiation', label: { de: 'Verhandlung', en: 'Negotiation' }, probability: 75 },
  { key: 'commit', label: { de: 'Abschluss in Sicht', en: 'Commit' }, probability: 90 },
];

export const defaultSettings: TenantSettings = { stages: defaultStages, sleepingAfterDays: 90, defaultCurrency: 'EUR', graphSync: GraphSyncSettings.parse({}) };

export function stageOf(settings: TenantSettings, key: string): Stage {
  const stage = settings.stages.find((s) => s.key === key);
  if (!stage) throw invalid('stage', `must be one of ${settings.stages.map((s) => s.key).join(', ')}`);
  return stage;
}

/** Won deals count in full and lost deals not at all, whatever probability was last set. */
export function effectiveProbability(status: string, probability: number): number {
  if (status === 'won') return 100;
  if (status === 'lost') return 0;
  return probability;
}

export const weighted = (amount: number, probability: number): number => Math.round(amount * probability) / 100;
