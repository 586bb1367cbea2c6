/**
 * Where conversation and user state live: in memory (the default, for local
 * use and a single instance) or in Azure Blob Storage (the Bot Framework's
 * own scale-out store, for several instances). Turns write conditionally on
 * the eTag they read (bot/turnState.ts), so concurrent turns cannot silently
 * overwrite each other in either.
 */
import { MemoryStorage, type Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';

export type StorageConfig =
  | { kind: 'memory' }
  | { kind: 'blob'; connectionString: string; container: string }
  /** A store the caller built (tests: a slowed or altered Blob store). */
  | { kind: 'given'; store: Storage };

export interface StateStorage {
  storage: Storage;
  /** Whether the store answers (for /readyz): a read of a key that need not exist. */
  reachable(): Promise<boolean>;
}

/** A key no conversation or user can have: channel ids never contain this. */
const PROBE_KEY = 'waypoint-readiness-probe';

/** A store that has not answered in this long is not reachable (the SDK itself retries for much longer). */
const PROBE_TIMEOUT_MS = 1_000;

export function createStateStorage(config: StorageConfig): StateStorage {
  const inner: Storage =
    config.kind === 'blob' ? new BlobsStorage(config.connectionString, config.container) : config.kind === 'given' ? config.store : new MemoryStorage();
  return {
    storage: inner,
    async reachable() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
      });
      const probe = inner.read([PROBE_KEY]).then(
        () => true,
        () => false,
      );
      return Promise.race([probe, timeout]).finally(() => clearTimeout(timer));
    },
  };
}
