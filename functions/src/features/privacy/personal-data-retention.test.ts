// The export's retention statement names the tenant's periods, in German and English, and says which class has none.
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from './retention-policies';
import { retentionStatement } from './personal-data-retention';

describe('retention statement of the access export', () => {
  it('names the German defaults as such, one sentence per class', () => {
    const text = retentionStatement({ saved: false, dailyRun: false, policies: DEFAULT_POLICIES }, 'en');
    expect(text).toContain('Our retention policies (the German defaults, applied when the data protection officer runs them):');
    expect(text).toContain('Emails and meetings (commercial letters, s.257 HGB, s.147 AO): anonymised 6 years after the end of the calendar year of sending or receipt.');
    expect(text).toContain('The record of who read your data: deleted 1 year after the read.');
    expect(text).toContain('While processing is restricted (Art. 18 GDPR), nothing is anonymised or deleted.');
    expect(text).not.toMatch(/no retention policy/i);
  });

  it('states a saved policy with its own period, action and a class switched off, in German', () => {
    const policies = DEFAULT_POLICIES.map((p) =>
      p.dataClass === 'note_chat_web_form_interactions'
        ? { ...p, periodMonths: 18, action: 'delete' as const, fromEndOfYear: false }
        : p.dataClass === 'read_audit'
          ? { ...p, enabled: false }
          : p,
    );
    const text = retentionStatement({ saved: true, dailyRun: true, policies }, 'de');
    expect(text).toContain('Unsere Löschfristen (jede Nacht angewandt):');
    expect(text).toContain('Notizen, Chats und Webformulare: 18 Monate nach ihrem Datum gelöscht.');
    expect(text).toContain('E-Mails und Termine (Handelsbriefe, § 257 HGB, § 147 AO): 6 Jahre nach Ende des Kalenderjahres des Versands bzw. Empfangs anonymisiert.');
    expect(text).toContain('Das Protokoll, wer Ihre Daten gelesen hat: keine Frist eingestellt; gespeichert bis zur Löschung.');
  });
});
