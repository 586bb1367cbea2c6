/**
 * GET /readyz: 200 when the readiness check passes, 503 when it fails,
 * throws, takes too long, or the server is shutting down; and 200 through
 * the real bot.
 */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type restify from 'restify';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, markDraining, type Readiness, type ServerOptions } from '../../src/http/server';
import { startTestBot } from '../support/bot';

const servers: restify.Server[] = [];

async function serve(options: Partial<ServerOptions> = {}): Promise<{ url: string; server: restify.Server }> {
  const server = createServer({
    endpoint: { process: async (_req, res) => void res.send(200) },
    health: () => ({}),
    logger: pino({ level: 'silent' }),
    ...options,
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

async function readyz(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: await response.json() };
}

describe('GET /readyz at the server', () => {
  it('is 200 with every check when the check says ready', async () => {
    const { url } = await serve({ ready: async () => ({ ok: true, checks: { content: true, storage: true } }) });
    expect(await readyz(url)).toEqual({ status: 200, body: { status: 'ready', checks: { content: true, storage: true } } });
  });

  it('is 503 naming the failed check when it says not ready', async () => {
    const { url } = await serve({ ready: async () => ({ ok: false, checks: { content: true, storage: false } }) });
    expect(await readyz(url)).toEqual({ status: 503, body: { status: 'not ready', checks: { content: true, storage: false } } });
  });

  it('follows the check as it changes (storage goes away, then comes back)', async () => {
    let storage = true;
    const { url } = await serve({ ready: async () => ({ ok: storage, checks: { storage } }) });
    expect((await readyz(url)).status).toBe(200);
    storage = false;
    expect((await readyz(url)).status).toBe(503);
    storage = true;
    expect((await readyz(url)).status).toBe(200);
  });

  it('is 503 when the check throws', async () => {
    const { url } = await serve({
      ready: async (): Promise<Readiness> => {
        throw new Error('connection refused');
      },
    });
    expect(await readyz(url)).toEqual({ status: 503, body: { status: 'not ready', checks: {} } });
  });

  it('is 503 when the check takes longer than readyTimeoutMs, without waiting for it', async () => {
    const { url } = await serve({ ready: () => new Promise<Readiness>(() => {}), readyTimeoutMs: 100 });
    const started = performance.now();
    expect((await readyz(url)).status).toBe(503);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('is 200 by default (no check given)', async () => {
    const { url } = await serve();
    expect(await readyz(url)).toEqual({ status: 200, body: { status: 'ready', checks: {} } });
  });

  it('is 503 once the server is shutting down, whatever the check says', async () => {
    const { url, server } = await serve({ ready: async () => ({ ok: true, checks: {} }) });
    markDraining(server);
    expect(await readyz(url)).toEqual({ status: 503, body: { status: 'shutting down', checks: {} } });
    expect((await fetch(`${url}/healthz`)).headers.get('connection')).toBe('close');
  });
});

describe('GET /readyz through the real bot', () => {
  it('is 200: content loaded, storage reachable', async () => {
    const bot = await startTestBot();
    try {
      const { status, body } = await readyz(bot.url);
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'ready' });
      // Every check reported (the real ones once buildWaypoint passes them) passed.
      expect(Object.values((body as { checks: Record<string, boolean> }).checks).every(Boolean)).toBe(true);
    } finally {
      await bot.close();
    }
  });
});
