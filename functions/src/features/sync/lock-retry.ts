// Runs a transaction again when PostgreSQL chose it as the loser of a deadlock or a serialization conflict.
import { PgCode, pgErrorCode } from '../../core/db/db';
import { realSleep, type Sleep } from './clock';

export interface LockRetryOptions {
  attempts?: number;
  sleep?: Sleep;
  /** Spreads the retries of colliding workers apart; a test pins it. */
  random?: () => number;
}

/**
 * Two mailboxes with the same meetings write the same rows; on a PostgreSQL server their page
 * transactions can deadlock. The loser rolled back whole, so running it again is safe.
 */
export async function retryOnLockConflict<T>(work: () => Promise<T>, options: LockRetryOptions = {}): Promise<T> {
  const { attempts = 3, sleep = realSleep, random = Math.random } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = pgErrorCode(error);
      if (attempt >= attempts || (code !== PgCode.deadlockDetected && code !== PgCode.serializationFailure)) throw error;
      await sleep(20 * attempt + random() * 30);
    }
  }
}
