/**
 * Optimistic concurrency over Bot Framework storage: a turn writes with the
 * eTag it read, so of two turns that read the same state, the second to save
 * is refused instead of silently overwriting the first.
 */
import { MemoryStorage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { describe, expect, it } from 'vitest';
import { isConflict, VersionedStorage } from '../../src/storage/versionedStorage';
import { blobStorageConfig } from '../support/blobs';

const blob = blobStorageConfig('versioned');

describe.each([
  ['MemoryStorage', () => new MemoryStorage()],
  ['BlobsStorage on Azurite', () => new BlobsStorage(blob.connectionString, blob.container)],
])('VersionedStorage over %s', (_name, makeInner) => {
  it('refuses the second of two turns that read the same state, and lets a re-read turn save', async () => {
    const storage = new VersionedStorage(makeInner());
    const key = `conversation-${Math.random()}`;
    await storage.write({ [key]: { node: 'start', eTag: '*' } });

    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const turnA = storage.runTurn(async () => {
      await storage.read([key]);
      await gate;
      await storage.write({ [key]: { node: 'from-a', eTag: '*' } });
    });
    const turnB = storage.runTurn(async () => {
      await storage.read([key]);
      await storage.write({ [key]: { node: 'from-b', eTag: '*' } });
      release();
    });
    await turnB;
    const outcome = await turnA.then(() => 'saved', (error: unknown) => (isConflict(error) ? 'conflict' : String(error)));
    expect(outcome).toBe('conflict');
    expect((await storage.read([key]))[key]).toMatchObject({ node: 'from-b' });

    await storage.runTurn(async () => {
      await storage.read([key]);
      await storage.write({ [key]: { node: 'from-a-retried', eTag: '*' } });
    });
    expect((await storage.read([key]))[key]).toMatchObject({ node: 'from-a-retried' });
  });

  it('writes outside a turn, or of keys the turn never read, as before', async () => {
    const storage = new VersionedStorage(makeInner());
    const key = `fresh-${Math.random()}`;
    await storage.write({ [key]: { n: 1, eTag: '*' } });
    await storage.runTurn(() => storage.write({ [key]: { n: 2, eTag: '*' } }));
    expect((await storage.read([key]))[key]).toMatchObject({ n: 2 });
  });
});
