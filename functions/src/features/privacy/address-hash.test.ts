// The keyed hash: one per normalised address and key, never the address itself.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addressHash, newHmacKey } from './address-hash';

describe('addressHash', () => {
  it('is HMAC-SHA256 of the normalised address under the tenant key', () => {
    const key = newHmacKey();
    const expected = createHmac('sha256', Buffer.from(key, 'hex')).update('maria.sommer@example.de').digest('hex');
    expect(addressHash(key, ' Maria.Sommer@Example.DE ')).toBe(expected);
    expect(addressHash(key, 'maria.sommer@example.de')).not.toContain('sommer');
  });

  it('differs between tenants for the same address', () => {
    const [a, b] = [newHmacKey(), newHmacKey()];
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(addressHash(a, 'x@example.de')).not.toBe(addressHash(b, 'x@example.de'));
  });
});
