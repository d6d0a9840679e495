// The browser's copy of the purposes must be the consent ledger's, plus one-to-one correspondence.
import { describe, expect, it } from 'vitest';
import { COMPOSE_PURPOSES, isComposePurpose } from './compose-rule';
import { ConsentPurpose } from './enums';

describe('compose purposes', () => {
  it('are correspondence and every purpose of the consent ledger', () => {
    expect(COMPOSE_PURPOSES).toEqual(['correspondence', ...ConsentPurpose.options]);
    expect(isComposePurpose('newsletter')).toBe(true);
    expect(isComposePurpose('spam')).toBe(false);
  });
});
