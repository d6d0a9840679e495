// The pane marks a person whose data protection state limits what the user may do (issue 14: "a restricted or objecting
// person is shown as such"): an objection to email marketing on the person's card, a restriction instead of their
// data, in English and German.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { accountContext, consentEntry, knownPerson, paneApi, testUuid } from './test-fixtures';
import { message, ready, renderPane } from './pane-test-kit';

const ACCOUNT = testUuid('a7');

afterEach(cleanup);

describe('task pane: privacy marks', () => {
  for (const [language, objected, restricted] of [
    ['en-US', 'Objected to email marketing', 'Processing restricted (GDPR Art. 18)'],
    ['de-DE', 'Widerspruch gegen E-Mail-Werbung', 'Verarbeitung eingeschränkt (DSGVO Art. 18)'],
  ] as const) {
    it(`shows an objection and a restriction as such (${language})`, async () => {
      const api = paneApi({
        context: () => ({
          people: [
            knownPerson('karl@kunde.de', 'Karl Keller', ACCOUNT, 'Keller Pumpen', [consentEntry('objected', 'marketing', '2026-05-01T00:00:00Z', 'Telefon')]),
            { email: 'rita@kunde.de', status: 'restricted', restricted: true },
          ],
          accounts: [accountContext(ACCOUNT, 'Keller Pumpen')],
        }),
      });
      renderPane([message('m1', { email: 'karl@kunde.de', name: 'Karl Keller' }, { recipients: [{ email: 'rita@kunde.de', name: 'Rita R' }] })], api.client, language);
      await ready('m1');
      const karl = document.querySelector('[data-person="karl@kunde.de"]')!;
      expect(karl.querySelector('[data-consent]')?.getAttribute('data-consent')).toBe('objected');
      expect(karl.textContent).toContain(objected);
      const rita = document.querySelector('[data-person="rita@kunde.de"]')!;
      expect(rita.getAttribute('data-status')).toBe('restricted');
      expect(rita.textContent).not.toContain('Rita R');
      expect(screen.getByText(restricted)).toBeTruthy();
    });
  }
});
