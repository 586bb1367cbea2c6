/**
 * Vitest global setup: starts the real Azure Blob Storage emulator (the npm
 * package `azurite`) on a free loopback port, in memory and offline, and
 * stops it by its process id when the tests are done. Test files get its
 * connection string with `inject('azuriteConnectionString')` and use a fresh
 * container each (see blobStorageConfig in ./blobs.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { freePort } from './net.js';

/** The emulator's well-known development account (public, the same in every Azurite). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

declare module 'vitest' {
  export interface ProvidedContext {
    azuriteConnectionString: string;
  }
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`azurite exited early with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`azurite did not open port ${port} within ${timeoutMs} ms`);
}

let azurite: ChildProcess | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = await freePort();
  const bin = fileURLToPath(new URL('../../node_modules/.bin/azurite-blob', import.meta.url));
  azurite = spawn(bin, ['--blobHost', '127.0.0.1', '--blobPort', String(port), '--inMemoryPersistence', '--disableTelemetry', '--skipApiVersionCheck', '--silent'], {
    stdio: 'ignore',
  });
  await waitForPort(port, azurite, 20_000);
  project.provide(
    'azuriteConnectionString',
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};BlobEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`,
  );
  return async () => {
    const pid = azurite?.pid;
    if (pid !== undefined && azurite?.exitCode === null) {
      process.kill(pid, 'SIGTERM');
      await new Promise((resolve) => azurite?.once('exit', resolve));
    }
  };
}
