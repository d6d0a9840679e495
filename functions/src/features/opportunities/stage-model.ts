// The rules that tie stage, probability and status together.
import type { Stage, TenantSettings } from '@crm/common';
import { invalid } from '../../core/errors';

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
