/**
 * Optimistic concurrency for Bot Framework state. BotState saves with
 * `eTag: '*'`, so when two instances run turns for one conversation at once
 * (a double tap on a card, a message and a card submit together) the last
 * writer silently wins. This wrapper remembers, per turn, the eTag each key
 * had when the turn read it, and writes with that eTag instead of '*': the
 * storage then refuses a write that would overwrite a newer turn's state
 * ("eTag conflict"), and the bot re-runs the turn on the fresh state
 * (see WaypointBot.run). The turn is tracked with AsyncLocalStorage, so one
 * wrapper serves every concurrent turn.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Storage, StoreItems } from 'botbuilder';

/** key -> eTag as read this turn; undefined once written (later writes in the same turn go unconditionally). */
type TurnVersions = Map<string, string | undefined>;

export class VersionedStorage implements Storage {
  private readonly turns = new AsyncLocalStorage<TurnVersions>();

  constructor(readonly inner: Storage) {}

  /** Runs one turn (or one attempt at it) with its own record of what was read. */
  runTurn<T>(work: () => Promise<T>): Promise<T> {
    return this.turns.run(new Map(), work);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    const versions = this.turns.getStore();
    if (versions) {
      for (const [key, item] of Object.entries(items)) {
        const eTag = (item as { eTag?: unknown } | undefined)?.eTag;
        if (typeof eTag === 'string' && eTag !== '*') versions.set(key, eTag);
      }
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const versions = this.turns.getStore();
    const conditional: StoreItems = {};
    for (const [key, item] of Object.entries(changes)) {
      const known = versions?.get(key);
      const asRead = item && typeof item === 'object' && (item as { eTag?: string }).eTag === '*' && known ? { ...item, eTag: known } : item;
      conditional[key] = asRead;
    }
    await this.inner.write(conditional);
    for (const key of Object.keys(changes)) versions?.set(key, undefined);
  }

  delete(keys: string[]): Promise<void> {
    for (const key of keys) this.turns.getStore()?.delete(key);
    return this.inner.delete(keys);
  }
}

/** The error both MemoryStorage and BlobsStorage throw when a conditional write loses. */
export function isConflict(error: unknown): boolean {
  return error instanceof Error && /eTag conflict/.test(error.message);
}
