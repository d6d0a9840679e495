// The sleeping-customer rule without a database: strictly more than the threshold since the last contact, or since creation.
import { describe, expect, it } from 'vitest';
import { daysSince, isSleeping } from './sleeping';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const before = (days: number, extraMs = 0) => new Date(NOW.getTime() - days * 86_400_000 - extraMs).toISOString();
const CREATED_LONG_AGO = before(1_000);

describe('isSleeping', () => {
  it('sleeps only after more than the threshold since the last contact', () => {
    expect(isSleeping({ lastContactAt: before(90), createdAt: CREATED_LONG_AGO }, NOW, 90)).toBe(false);
    expect(isSleeping({ lastContactAt: before(90, 1), createdAt: CREATED_LONG_AGO }, NOW, 90)).toBe(true);
    expect(isSleeping({ lastContactAt: before(3), createdAt: CREATED_LONG_AGO }, NOW, 7)).toBe(false);
  });

  it('follows the threshold of the tenant', () => {
    const account = { lastContactAt: before(100), createdAt: CREATED_LONG_AGO };
    expect(isSleeping(account, NOW, 90)).toBe(true);
    expect(isSleeping(account, NOW, 365)).toBe(false);
  });

  it('lets an account without any interaction sleep once it is older than the threshold', () => {
    expect(isSleeping({ lastContactAt: null, createdAt: before(10) }, NOW, 90)).toBe(false);
    expect(isSleeping({ lastContactAt: null, createdAt: before(91) }, NOW, 90)).toBe(true);
  });

  it('goes by the last contact, not the creation, once there was one', () => {
    expect(isSleeping({ lastContactAt: before(1), createdAt: CREATED_LONG_AGO }, NOW, 90)).toBe(false);
  });
});

describe('daysSince', () => {
  it('counts whole days, rounded down', () => {
    expect(daysSince(before(28), NOW)).toBe(28);
    expect(daysSince(before(27, 23 * 3_600_000), NOW)).toBe(27);
    expect(daysSince(NOW.toISOString(), NOW)).toBe(0);
  });
});
