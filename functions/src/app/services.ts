// What every request handler needs, created once per process by whichever host runs the functions.
import type { ActorResolver } from '../auth/actor-resolver';
import type { TokenValidator } from '../auth/token-validator';
import type { Db } from '../store/db';
import type { SyncService } from '../sync/sync-service';

export interface Services {
  /** Resolves once the database is open and migrated; hosts open it lazily or up front. */
  db(): Promise<Db>;
  authenticate: TokenValidator;
  resolveActor: ActorResolver;
  version: string;
  /** Graph sync; absent where a host does not run it. */
  sync?: SyncService;
}
