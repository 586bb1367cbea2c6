/**
 * Vitest global setup: starts the real Azure Blob Storage emulator (see ./azuriteProcess.ts) on
 * a free loopback port for the whole run, and stops it when the tests are done. Test files get
 * its connection string with `inject('azuriteConnectionString')` and use a fresh container each
 * (see blobStorageConfig in ./blobs.ts).
 */
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startAzurite } from './azuriteProcess.js';
import { freePort } from './net.js';

declare module 'vitest' {
  export interface ProvidedContext {
    azuriteConnectionString: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const azurite = await startAzurite(await freePort(), fileURLToPath(new URL('../..', import.meta.url)));
  project.provide('azuriteConnectionString', azurite.connectionString);
  return () => azurite.stop();
}
