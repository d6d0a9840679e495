// Name-based ids: stable, distinct per name, and valid UUIDs for the contracts.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { nameBasedId } from './name-based-id';

describe('nameBasedId', () => {
  it('gives the same valid UUID for the same name and another for another', () => {
    const id = nameBasedId('lead:1:account');
    expect(nameBasedId('lead:1:account')).toBe(id);
    expect(nameBasedId('lead:1:contact')).not.toBe(id);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(id[14]).toBe('8');
  });
});
