import { describe, expect, it } from 'vitest';
import { retryOnLockConflict } from './lock-retry';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('retry on lock conflicts', () => {
  it('runs the work again after a deadlock or serialization failure', async () => {
    const failures = [pgError('40P01'), pgError('40001')];
    let runs = 0;
    expect(
      await retryOnLockConflict(async () => {
        runs++;
        const next = failures.shift();
        if (next) throw next;
        return 'done';
      }),
    ).toBe('done');
    expect(runs).toBe(3);
  });

  it('gives up after the last attempt and never retries other errors', async () => {
    let runs = 0;
    await expect(retryOnLockConflict(async () => (runs++, Promise.reject(pgError('40P01'))), 2)).rejects.toThrow('pg 40P01');
    expect(runs).toBe(2);
    runs = 0;
    await expect(retryOnLockConflict(async () => (runs++, Promise.reject(pgError('23505'))))).rejects.toThrow('pg 23505');
    expect(runs).toBe(1);
  });
});
