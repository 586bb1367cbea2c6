/**
 * Graceful shutdown. The real entry point (src/index.ts, as `npm start`
 * runs it) in a child process: SIGTERM arrives while a request is in
 * flight (its body still being uploaded); the server stops accepting
 * connections, the request is answered in full, and the process exits 0.
 * Then the lifecycle module in-process: a request that never finishes is
 * cut off after the timeout (exit 1), and a second signal exits at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createLifecycle } from '../../src/http/lifecycle';
import { PROJECT_ROOT } from '../../src/paths';

interface LogLine {
  msg: string;
  [field: string]: unknown;
}

interface Child {
  process: ChildProcess;
  port: number;
  logs: LogLine[];
  /** Resolves with the first log line (past or future) that matches. */
  logged(match: (line: LogLine) => boolean): Promise<LogLine>;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];

afterEach(() => {
  // Only the processes this file started, by their own handle.
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Starts Waypoint as `npm start` does (from source, through tsx), in local mode on a free port. */
async function startWaypoint(): Promise<Child> {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', 'src/index.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
      STORAGE: 'memory',
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      MicrosoftAppType: '',
      MicrosoftAppTenantId: '',
      ALLOWED_TENANT_IDS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const logs: LogLine[] = [];
  const waiting: Array<{ match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }> = [];
  let buffered = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const text of lines) {
      if (!text.trim()) continue;
      const line = JSON.parse(text) as LogLine;
      logs.push(line);
      for (const waiter of [...waiting]) {
        if (waiter.match(line)) {
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const logged = (match: (line: LogLine) => boolean) =>
    new Promise<LogLine>((resolve, reject) => {
      const seen = logs.find(match);
      if (seen) return resolve(seen);
      waiting.push({ match, resolve });
      void exited.then(() => setTimeout(() => reject(new Error(`Waypoint exited before logging it. stderr: ${stderr}`)), 100));
    });
  const listening = await logged((line) => line.msg.startsWith('Waypoint listening on'));
  const port = listening.port;
  expect(typeof port === 'number' && port > 0).toBe(true);
  expect(listening.msg).toContain(`http://localhost:${port}/api/messages`);
  return { process: child, port: port as number, logs, logged, exited };
}

const activity = JSON.stringify({
  type: 'message',
  text: 'what is marac',
  channelId: 'test',
  serviceUrl: 'http://localhost',
  conversation: { id: 'shutdown-test' },
  from: { id: 'user-1' },
  recipient: { id: 'waypoint' },
  deliveryMode: 'expectReplies',
});

/** Opens POST /api/messages and sends the headers only: the body follows when `finish` is called. */
function openUpload(port: number, headers: Record<string, string>) {
  const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/messages', headers: { 'content-type': 'application/json', ...headers } });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
  return { request, response };
}

const shuttingDown = (line: LogLine) => line.msg.startsWith('shutting down');

async function expectNewConnectionsRefused(port: number): Promise<void> {
  await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
}

async function expectAnswered(response: Promise<{ status: number; body: string }>): Promise<void> {
  const { status, body } = await response;
  expect(status).toBe(200);
  const replies = (JSON.parse(body) as { activities: Array<{ channelData?: { guidance?: { kind: string; id?: string } } }> }).activities;
  expect(replies.at(-1)?.channelData?.guidance).toMatchObject({ kind: 'card', id: 'marac' });
}

describe('SIGTERM to the real server', () => {
  it('with a request in flight (Expect: 100-continue, body not yet sent): stops accepting, answers it, exits 0', async () => {
    const waypoint = await startWaypoint();
    const upload = openUpload(waypoint.port, { 'content-length': String(Buffer.byteLength(activity)), expect: '100-continue' });
    upload.request.flushHeaders();
    // "100 Continue" means the server has the headers: the request is in flight.
    await new Promise<void>((resolve) => upload.request.once('continue', () => resolve()));

    waypoint.process.kill('SIGTERM');
    expect(await waypoint.logged(shuttingDown)).toMatchObject({ reason: 'SIGTERM', inFlight: 1 });
    await expectNewConnectionsRefused(waypoint.port);

    upload.request.end(activity);
    await expectAnswered(upload.response);
    expect(await waypoint.exited).toBe(0);
    expect(waypoint.logs.some((line) => line.msg === 'shut down cleanly')).toBe(true);
  });

  it('with a chunked upload half sent: finishes it after the signal, answers it, exits 0', async () => {
    const waypoint = await startWaypoint();
    const upload = openUpload(waypoint.port, { 'transfer-encoding': 'chunked' });
    const half = Math.floor(activity.length / 2);
    upload.request.write(activity.slice(0, half));
    // Give the server a moment to read the headers and the first chunk.
    await new Promise((resolve) => setTimeout(resolve, 300));

    waypoint.process.kill('SIGTERM');
    expect(await waypoint.logged(shuttingDown)).toMatchObject({ inFlight: 1 });
    await expectNewConnectionsRefused(waypoint.port);

    upload.request.end(activity.slice(half));
    await expectAnswered(upload.response);
    expect(await waypoint.exited).toBe(0);
  });

  it('with nothing in flight: exits 0 at once', async () => {
    const waypoint = await startWaypoint();
    // A finished request on a keep-alive connection does not hold the shutdown up.
    expect((await fetch(`http://127.0.0.1:${waypoint.port}/healthz`)).status).toBe(200);
    const signalled = performance.now();
    waypoint.process.kill('SIGTERM');
    expect(await waypoint.exited).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(3_000);
    expect(await waypoint.logged(shuttingDown)).toMatchObject({ inFlight: 0 });
  });
});

describe('the lifecycle module', () => {
  async function hangingServer() {
    const server = http.createServer(() => {
      // Never answers.
    });
    const exits: number[] = [];
    const lifecycle = createLifecycle({ server, logger: pino({ level: 'silent' }), timeoutMs: 200, exit: (code) => exits.push(code) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const request = fetch(`http://127.0.0.1:${port}/`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { server, lifecycle, exits, request };
  }

  it('cuts off requests still running after the timeout, and exits 1', async () => {
    const { lifecycle, exits, request } = await hangingServer();
    expect(lifecycle.inFlight()).toBe(1);
    const started = performance.now();
    await lifecycle.shutdown('SIGTERM');
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(exits).toEqual([1]);
    // The client's connection was closed under it.
    expect(await request).toBeInstanceOf(Error);
  });

  it('exits at once (1) on a second signal while draining', async () => {
    const { lifecycle, exits } = await hangingServer();
    const draining = lifecycle.shutdown('SIGTERM');
    await lifecycle.shutdown('SIGINT');
    expect(exits).toEqual([1]);
    await draining; // (a real exit would have ended the process by now)
  });
});
