// The blocklist's keyed hash of an address: HMAC-SHA256 with the tenant's own key, so the same address hashes
// differently in every tenant and a stolen blocklist cannot be checked against guessed addresses without the key.
import { createHmac, randomBytes } from 'node:crypto';
import { normalizeEmail } from '@crm/common';

export const newHmacKey = (): string => randomBytes(32).toString('hex');

/** Hex of HMAC-SHA256(key, normalised address); the key is hex as stored. */
export const addressHash = (keyHex: string, email: string): string =>
  createHmac('sha256', Buffer.from(keyHex, 'hex')).update(normalizeEmail(email), 'utf8').digest('hex');
