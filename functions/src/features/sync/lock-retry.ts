// Runs a transaction again when PostgreSQL chose it as the loser of a deadlock or a serialization conflict.
import { PgCode, pgErrorCode } from '../../core/db/db';

/**
 * Two mailboxes with the same meetings write the same rows; on a PostgreSQL server their page
 * transactions can deadlock. The loser rolled back whole, so running it again is safe.
 */
export async function retryOnLockConflict<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = pgErrorCode(error);
      if (attempt >= attempts || (code !== PgCode.deadlockDetected && code !== PgCode.serializationFailure)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
    }
  }
}
