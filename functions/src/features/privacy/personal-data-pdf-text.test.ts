import { describe, expect, it } from 'vitest';
import { READ_ACTIONS } from '../../core/audit/read-audit';
import { PDF_LANGUAGES, valueLabels } from './personal-data-pdf-text';

describe('personal data PDF words', () => {
  // The PDF prints the stored code when a label is missing, so a new kind of read would reach the data subject as "compose".
  it('names every kind of read in the read audit in German and English', () => {
    for (const action of READ_ACTIONS) {
      for (const language of PDF_LANGUAGES) {
        expect(valueLabels.action?.[action]?.[language], `${action} (${language})`).toMatch(/\S/);
      }
    }
    expect(valueLabels.action?.compose).toEqual({ de: 'Einwilligungsprüfung beim Senden', en: 'send check' });
  });
});
