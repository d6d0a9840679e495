// Every code the audit can answer has German and English words in the tab: a missing one would show the officer the
// stored code (the read "audit", a search of this log, did until the tab learnt it).
import { AUDIT_ENTITIES, CHANGE_ACTIONS, READ_ACTIONS } from '@crm/common/web';
import { describe, expect, it } from 'vitest';
import { privacyTexts } from '../privacy-texts';
import { auditTexts } from './audit-texts';

const languages = ['en', 'de'] as const;
const words = (texts: { en: object; de: object }, language: (typeof languages)[number], key: string) =>
  (texts[language] as Record<string, string | undefined>)[key];

describe('privacy tab: words for the audit codes', () => {
  it('names every kind of read in English and German', () => {
    for (const action of READ_ACTIONS) {
      for (const language of languages) expect(words(privacyTexts, language, `privacy.read.${action}`), `${action} (${language})`).toMatch(/\S/);
    }
  });

  it('names every kind of change in English and German', () => {
    for (const action of CHANGE_ACTIONS) {
      for (const language of languages) expect(words(auditTexts, language, `audit.change.${action}`), `${action} (${language})`).toMatch(/\S/);
    }
  });

  it('names every kind of record in English and German', () => {
    for (const entity of AUDIT_ENTITIES) {
      for (const language of languages) expect(words(auditTexts, language, `audit.entity.${entity}`), `${entity} (${language})`).toMatch(/\S/);
    }
  });

  it('gives the German tab German words, not the English ones', () => {
    const same = (texts: { en: object; de: object }, keys: string[]) => keys.filter((key) => words(texts, 'de', key) === words(texts, 'en', key));
    expect(same(auditTexts, CHANGE_ACTIONS.map((a) => `audit.change.${a}`))).toEqual([]);
    expect(same(privacyTexts, READ_ACTIONS.map((a) => `privacy.read.${a}`))).toEqual([]);
  });
});
