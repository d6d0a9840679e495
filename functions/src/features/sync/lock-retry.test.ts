import { describe, expect, it } from 'vitest';
import { retryOnLockConflict } from './lock-retry';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('retry on lock conflicts', () => {
  it('runs the work again after a deadlock or serialization failure, waiting longer each time', async () => {
    const failures = [pgError('40P01'), pgError('40001')];
    const waits: number[] = [];
    let runs = 0;
    const work = async () => {
      runs++;
      const next = failures.shift();
      if (next) throw next;
      return 'done';
    };
    expect(await retryOnLockConflict(work, { sleep: async (ms) => void waits.push(ms), random: () => 0.5 })).toBe('done');
    expect(runs).toBe(3);
    expect(waits).toEqual([35, 55]);
  });

  it('gives up after the last attempt and never retries other errors', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    let runs = 0;
    await expect(retryOnLockConflict(async () => (runs++, Promise.reject(pgError('40P01'))), { attempts: 2, sleep })).rejects.toThrow('pg 40P01');
    expect(runs).toBe(2);
    expect(waits).toHaveLength(1);
    runs = 0;
    await expect(retryOnLockConflict(async () => (runs++, Promise.reject(pgError('23505'))), { sleep })).rejects.toThrow('pg 23505');
    expect(runs).toBe(1);
    expect(waits).toHaveLength(1);
  });
});
