// The pure rules of segment lists: the revenue trend at its boundaries and who may be in a marketing export.
import { InsightsSettings } from '@crm/common';
import { describe, expect, it } from 'vitest';
import { exportLeftOutReason, revenueTrendOf, type PersonFacts } from './segment-rules';

const settings = InsightsSettings.parse({}).segments;

describe('revenueTrendOf', () => {
  it('is growing from +20 %, declining from -20 % (the defaults), stable between, and none without revenue', () => {
    expect(revenueTrendOf(120_00, 100_00, settings)).toBe('growing');
    expect(revenueTrendOf(119_99, 100_00, settings)).toBe('stable');
    expect(revenueTrendOf(80_01, 100_00, settings)).toBe('stable');
    expect(revenueTrendOf(80_00, 100_00, settings)).toBe('declining');
    expect(revenueTrendOf(0, 100_00, settings)).toBe('declining');
    expect(revenueTrendOf(1, 0, settings)).toBe('growing');
    expect(revenueTrendOf(0, 0, settings)).toBe('none');
  });
});

describe('exportLeftOutReason', () => {
  const person = (current: PersonFacts['current'], extra: Partial<PersonFacts> = {}): PersonFacts => ({ restricted: false, hasEmail: true, current, ...extra });
  const granted = { channel: 'email', purpose: 'marketing', action: 'granted' } as const;

  it('lets in a current email grant for the purpose with an address', () => {
    expect(exportLeftOutReason(person([granted]), 'marketing')).toBeNull();
  });

  it('leaves out, in this order: restricted, objected (any channel or purpose), withdrawn, no consent, no address', () => {
    expect(exportLeftOutReason(person([granted], { restricted: true }), 'marketing')).toBe('restricted');
    expect(exportLeftOutReason(person([granted, { channel: 'post', purpose: 'events', action: 'objected' }]), 'marketing')).toBe('objected');
    expect(exportLeftOutReason(person([{ ...granted, action: 'withdrawn' }]), 'marketing')).toBe('withdrawn');
    expect(exportLeftOutReason(person([{ ...granted, channel: 'phone' }]), 'marketing')).toBe('no_consent');
    expect(exportLeftOutReason(person([{ ...granted, purpose: 'newsletter' }]), 'marketing')).toBe('no_consent');
    expect(exportLeftOutReason(person([{ ...granted, purpose: 'newsletter', action: 'withdrawn' }]), 'marketing')).toBe('no_consent');
    expect(exportLeftOutReason(person([granted], { hasEmail: false }), 'marketing')).toBe('no_email');
  });
});
