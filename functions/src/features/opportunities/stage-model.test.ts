// The stage model without a database: a stage must exist in the tenant's model, and closed deals weigh all or nothing.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors';
import { defaultSettings } from '../settings';
import { effectiveProbability, stageOf, weighted } from './stage-model';

describe('stageOf', () => {
  it("returns the stage of the tenant's model with its probability", () => {
    expect(stageOf(defaultSettings, 'proposal')).toEqual({ key: 'proposal', label: { de: 'Angebot', en: 'Proposal' }, probability: 50 });
  });

  it('refuses a key the model does not have, naming the ones it has', () => {
    const settings = { ...defaultSettings, stages: [{ key: 'only', label: { de: 'Einzig', en: 'Only' }, probability: 40 }] };
    expect(() => stageOf(settings, 'proposal')).toThrow(expect.objectContaining({ kind: 'invalid', field: 'stage', message: 'stage: must be one of only' }));
    expect(() => stageOf(settings, 'proposal')).toThrow(DomainError);
  });
});

describe('effectiveProbability', () => {
  it('counts won deals in full and lost ones not at all, whatever probability was last set', () => {
    expect(effectiveProbability('won', 25)).toBe(100);
    expect(effectiveProbability('lost', 90)).toBe(0);
  });

  it('keeps the probability of an open deal, also beyond the stage default', () => {
    expect(effectiveProbability('open', 35)).toBe(35);
    expect(effectiveProbability('open', 0)).toBe(0);
  });
});

describe('weighted', () => {
  it('weighs the amount by the probability in percent, rounded to cents', () => {
    expect(weighted(10_000, 25)).toBe(2_500);
    expect(weighted(1_234.56, 33)).toBe(407.4);
    expect(weighted(99.99, 50)).toBe(50);
    expect(weighted(5_000, 0)).toBe(0);
  });
});
