/**
 * The real Azure Blob Storage emulator (the npm package `azurite`) as a child process on a
 * loopback port, in memory and offline: started for the whole run by the global setup
 * (azurite.mts), and on its own by tests that stop and restart storage (GET /readyz).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';

/** The emulator's well-known development account (public, the same in every Azurite). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  connectionString: string;
  stop(): Promise<void>;
}

export function azuriteConnectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};BlobEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`;
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

/** Starts Azurite's Blob service on `port` and resolves once it accepts connections. */
export async function startAzurite(port: number, projectRoot: string): Promise<Azurite> {
  const bin = join(projectRoot, 'node_modules', '.bin', 'azurite-blob');
  const child = spawn(bin, ['--blobHost', '127.0.0.1', '--blobPort', String(port), '--inMemoryPersistence', '--disableTelemetry', '--skipApiVersionCheck', '--silent'], {
    stdio: 'ignore',
  });
  await waitForPort(port, child, 20_000);
  return {
    connectionString: azuriteConnectionString(port),
    async stop() {
      if (child.pid === undefined || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(child.pid, 'SIGTERM');
      await exited;
    },
  };
}
