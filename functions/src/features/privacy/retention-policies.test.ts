// The periods count back as the laws count them: from the record's date, or from the end of its calendar year.
import { describe, expect, it } from 'vitest';
import { completePolicies, DEFAULT_POLICIES, describePolicies, retentionCutoff } from './retention-policies';

describe('retention cutoff', () => {
  it('makes a commercial letter of 2019 due on 1 January 2026, not before (6 years from the end of 2019)', () => {
    const policy = { periodMonths: 72, fromEndOfYear: true };
    expect(retentionCutoff(new Date('2025-12-31T23:59:59Z'), policy).toISOString()).toBe('2019-01-01T00:00:00.000Z');
    expect(retentionCutoff(new Date('2026-01-01T00:00:00Z'), policy).toISOString()).toBe('2020-01-01T00:00:00.000Z');
    expect(retentionCutoff(new Date('2026-07-15T10:00:00Z'), policy).toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });

  it('counts months from the date itself, at the end of a shorter month on its last day', () => {
    expect(retentionCutoff(new Date('2026-12-02T09:30:00Z'), { periodMonths: 12, fromEndOfYear: false }).toISOString()).toBe('2025-12-02T09:30:00.000Z');
    expect(retentionCutoff(new Date('2026-03-31T12:00:00Z'), { periodMonths: 1, fromEndOfYear: false }).toISOString()).toBe('2026-02-28T12:00:00.000Z');
  });
});

describe('retention policies', () => {
  it('fills every class the stored document lacks with its German default, in one order', () => {
    const stored = [{ dataClass: 'read_audit' as const, enabled: false, periodMonths: 6, action: 'delete' as const, fromEndOfYear: false }];
    const complete = completePolicies(stored);
    expect(complete.map((p) => p.dataClass)).toEqual(DEFAULT_POLICIES.map((p) => p.dataClass));
    expect(complete.find((p) => p.dataClass === 'read_audit')).toEqual(stored[0]);
    expect(complete.find((p) => p.dataClass === 'email_meeting_interactions')).toMatchObject({ periodMonths: 72, fromEndOfYear: true });
  });

  it('says what each policy removes and keeps, and that the read audit waits for its table', () => {
    const described = describePolicies(DEFAULT_POLICIES, false);
    for (const policy of described) {
      expect(policy.removes.length).toBeGreaterThan(10);
      expect(policy.keeps.length).toBeGreaterThan(10);
    }
    expect(described.find((p) => p.dataClass === 'read_audit')?.available).toBe(false);
    expect(describePolicies(DEFAULT_POLICIES, true).every((p) => p.available)).toBe(true);
    expect(describePolicies([{ ...DEFAULT_POLICIES[1]!, action: 'delete' }], true)[0]!.keeps).toMatch(/nothing/);
  });

  it('says it in German too, for every class and action, with the German way of citing the law', () => {
    for (const action of ['anonymise', 'delete'] as const) {
      const settings = DEFAULT_POLICIES.map((p) => ({ ...p, action }));
      const en = describePolicies(settings, true, 'en');
      const de = describePolicies(settings, true, 'de');
      de.forEach((policy, i) => {
        for (const field of ['removes', 'keeps', 'basis'] as const) {
          expect(policy[field].length, `${policy.dataClass} ${action} ${field}`).toBeGreaterThan(10);
          expect(policy[field], `${policy.dataClass} ${action} ${field}`).not.toBe(en[i]![field]);
        }
      });
    }
    const [contacts, letters] = describePolicies(DEFAULT_POLICIES, true, 'de');
    expect(contacts!.basis).toContain('§§ 195, 199 BGB');
    expect(letters!.basis).toContain('§ 257 Abs. 1 Nr. 2, 3, Abs. 4, 5 HGB');
    expect(letters!.basis).not.toMatch(/\bs\.\d/);
    expect(describePolicies([{ ...DEFAULT_POLICIES[1]!, action: 'delete' }], true, 'de')[0]!.keeps).toBe('nichts außer den Zahlen dieses Laufs');
  });
});
