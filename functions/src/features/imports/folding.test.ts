import { describe, expect, it } from 'vitest';
import { foldText } from './folding';

describe('text folding', () => {
  it('folds case, umlauts, ß, accents, punctuation and spacing to one ASCII key', () => {
    expect(foldText('Müller')).toBe(foldText('MUELLER'));
    expect(foldText('Straße')).toBe('strasse');
    expect(foldText('  Café  Crème—Bäckerei ')).toBe('cafe creme baeckerei');
    expect(foldText('Łódź, S.A.')).toBe('lodz s a');
    expect(foldText('ÄÖÜ')).toBe('aeoeue');
  });

  it('keeps plain vowels apart from umlauts: Muller is not Müller', () => {
    expect(foldText('Muller')).not.toBe(foldText('Müller'));
  });
});
