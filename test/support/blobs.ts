/** A fresh Azurite container per test file, and its storage settings. */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { StorageConfig } from '../../src/storage/stateStorage';

export function blobStorageConfig(prefix: string): StorageConfig & { kind: 'blob' } {
  // Container names: 3-63 lower-case letters, digits and hyphens.
  const container = `${prefix}-${randomUUID().slice(0, 8)}`.toLowerCase();
  return { kind: 'blob', connectionString: inject('azuriteConnectionString'), container };
}
