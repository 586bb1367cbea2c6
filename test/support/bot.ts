/**
 * Starts the real Waypoint server (same wiring as `npm start`) on a free
 * loopback port in local mode, for tests that talk to it over HTTP.
 */
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { buildWaypoint, type Waypoint, type WaypointConfig } from '../../src/index';
import { PROJECT_ROOT } from '../../src/paths';
import { LocalConversation } from '../../src/client/localClient';

export interface TestBot {
  url: string;
  messagesUrl: string;
  waypoint: Waypoint;
  /** Every log line the server wrote, as text. */
  logs: string[];
  conversation(channelId?: string, user?: { id: string; name: string }): LocalConversation;
  close(): Promise<void>;
}

/** Local mode unless `auth` says otherwise; any other setting can be overridden. */
export async function startTestBot(options: Partial<Omit<WaypointConfig, 'logger' | 'port'>> = {}): Promise<TestBot> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString());
      callback();
    },
  });
  const waypoint = buildWaypoint({
    port: 0,
    auth: {},
    allowedTenantIds: [],
    contentRoot: PROJECT_ROOT,
    sessionIdleMs: 12 * 60 * 60 * 1000,
    ...options,
    logger: pino({ level: 'info' }, sink),
  });
  await new Promise<void>((resolve) => waypoint.server.listen(0, '127.0.0.1', resolve));
  const { port } = waypoint.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    messagesUrl: `${url}/api/messages`,
    waypoint,
    logs,
    conversation: (channelId?: string, user?: { id: string; name: string }) => new LocalConversation(`${url}/api/messages`, channelId, user),
    close: () => new Promise<void>((resolve) => waypoint.server.close(() => resolve())),
  };
}
