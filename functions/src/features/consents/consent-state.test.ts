// Consent state from the ledger: the latest entry per channel and purpose decides; warnings are never hidden.
import type { ConsentEntry } from '@crm/common';
import { describe, expect, it } from 'vitest';
import { consentState } from './consent-state';

let n = 0;
const entry = (
  channel: ConsentEntry['channel'],
  purpose: ConsentEntry['purpose'],
  action: ConsentEntry['action'],
  capturedAt: string,
  recordedAt = capturedAt,
): ConsentEntry => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  contactId: '00000000-0000-4000-8000-000000000000',
  channel,
  purpose,
  legalBasis: 'consent',
  action,
  source: 'test',
  note: null,
  capturedBy: null,
  capturedByName: null,
  capturedAt,
  recordedAt,
});

describe('consentState', () => {
  it('says "none" for every channel of a contact never asked', () => {
    expect(consentState([]).channels).toEqual({ email: 'none', phone: 'none', post: 'none', sms: 'none', messenger: 'none' });
  });

  it('lets the latest decision per channel and purpose win, whatever the order of entries', () => {
    const grant = entry('email', 'marketing', 'granted', '2025-01-01T00:00:00.000Z');
    const withdraw = entry('email', 'marketing', 'withdrawn', '2026-03-01T00:00:00.000Z');
    const regrant = entry('email', 'marketing', 'granted', '2026-06-01T00:00:00.000Z');
    expect(consentState([withdraw, grant]).current).toEqual([withdraw]);
    expect(consentState([regrant, grant, withdraw]).current).toEqual([regrant]);
  });

  it('breaks a tie on capture time by the later recording', () => {
    const first = entry('phone', 'events', 'granted', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z');
    const second = entry('phone', 'events', 'objected', '2026-01-01T00:00:00.000Z', '2026-01-03T00:00:00.000Z');
    expect(consentState([second, first]).current).toEqual([second]);
  });

  it('summarises a channel by its strongest refusal, so a grant for one purpose never hides an objection for another', () => {
    const state = consentState([
      entry('email', 'newsletter', 'granted', '2026-01-01T00:00:00.000Z'),
      entry('email', 'marketing', 'objected', '2025-01-01T00:00:00.000Z'),
      entry('sms', 'marketing', 'withdrawn', '2025-01-01T00:00:00.000Z'),
      entry('sms', 'events', 'granted', '2026-01-01T00:00:00.000Z'),
      entry('post', 'marketing', 'granted', '2026-01-01T00:00:00.000Z'),
    ]);
    expect(state.channels).toMatchObject({ email: 'objected', sms: 'withdrawn', post: 'granted', phone: 'none' });
    expect(state.current).toHaveLength(5);
  });

  it('ranks an objection above a withdrawal for the channel summary and lists current entries by channel and purpose', () => {
    const state = consentState([
      entry('sms', 'marketing', 'objected', '2024-01-01T00:00:00.000Z'),
      entry('sms', 'events', 'withdrawn', '2026-01-01T00:00:00.000Z'),
      entry('email', 'surveys', 'granted', '2026-01-01T00:00:00.000Z'),
    ]);
    expect(state.channels.sms).toBe('objected');
    expect(state.current.map((c) => `${c.channel}/${c.purpose}`)).toEqual(['email/surveys', 'sms/events', 'sms/marketing']);
  });
});
