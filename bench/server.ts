/**
 * A server for the load benchmark, run as its own process (bench/load.ts
 * starts it with an IPC channel), so the load generator never shares its
 * event loop.
 *
 *   tsx bench/server.ts waypoint        the real bot: buildWaypoint(configFromEnv(...)) as `npm start`
 *                                       wires it, in local mode, logging at the production level (info)
 *   tsx bench/server.ts echo            the baseline: the same restify server (createServer) and
 *                                       botbuilder CloudAdapter in local mode, whose bot only
 *                                       echoes the text back, logging at the same level
 *   tsx bench/server.ts stateful-echo   the echo, reading and saving conversation state in the same
 *                                       store Waypoint uses (memory), with botbuilder's ConversationState, every
 *                                       turn: what state costs on its own
 * Log lines go to the process's stdout, which bench/load.ts discards: they are written, not shown.
 *
 * It listens on a free loopback port and tells the parent over IPC:
 *   -> { type: 'listening', port, rss }   rss: resident set size once listening, in bytes
 *   <- { type: 'reset' }           start a new measurement window
 *   <- { type: 'report' }          -> { type: 'report', peakRss, cpuMs } since the last reset
 * Peak RSS is sampled every 20 ms, plus at every report.
 */
import type { AddressInfo } from 'node:net';
import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState } from 'botbuilder';
import pino from 'pino';
import type restify from 'restify';
import { createServer } from '../src/http/server';
import { createStateStorage } from '../src/storage/stateStorage';

export type ServerMode = 'waypoint' | 'echo' | 'stateful-echo';

/** The production log level (LOG_LEVEL's default in src/index.ts). */
const LOG_LEVEL = 'info';

export type ParentMessage = { type: 'reset' } | { type: 'report' };
export type ChildMessage =
  | { type: 'listening'; port: number; rss: number }
  | { type: 'report'; peakRss: number; cpuMs: number };

function waypointServer(): restify.Server {
  // Loaded only here, so the echo server carries none of Waypoint's code or content.
  const { buildWaypoint, configFromEnv } = require('../src/index') as typeof import('../src/index');
  // Exactly what `npm start` builds, from an environment with no credentials (local mode), logging as in production.
  return buildWaypoint(configFromEnv({ PORT: '0', LOG_LEVEL })).server;
}

function echoServer(stateful: boolean): restify.Server {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const state = stateful ? new ConversationState(createStateStorage({ kind: 'memory' }).storage) : undefined;
  const turns = state?.createProperty<number>('turns');
  const logger = pino({ level: LOG_LEVEL });
  return createServer({
    logger,
    health: () => ({ echo: true }),
    endpoint: {
      process: (req, res) =>
        adapter.process(req, res, async (context) => {
          if (state && turns) {
            await turns.set(context, ((await turns.get(context)) ?? 0) + 1);
            await state.saveChanges(context, false);
          }
          if (context.activity.type === ActivityTypes.Message) await context.sendActivity(context.activity.text ?? '');
          // One line per turn, as Waypoint's turn log writes (never the text).
          logger.info({ activityType: context.activity.type }, 'turn');
        }),
    },
  });
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== 'waypoint' && mode !== 'echo' && mode !== 'stateful-echo') throw new Error('usage: tsx bench/server.ts waypoint|echo|stateful-echo');
  if (!process.send) throw new Error('bench/server.ts reports over IPC; bench/load.ts starts it');
  const send = (message: ChildMessage) => process.send?.(message);
  const server = mode === 'waypoint' ? waypointServer() : echoServer(mode === 'stateful-echo');

  let peakRss = process.memoryUsage.rss();
  let cpuStart = process.cpuUsage();
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > peakRss) peakRss = rss;
  };
  setInterval(sample, 20).unref();
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'reset') {
      peakRss = process.memoryUsage.rss();
      cpuStart = process.cpuUsage();
    } else if (message.type === 'report') {
      sample();
      const cpu = process.cpuUsage(cpuStart);
      send({ type: 'report', peakRss, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
  });
  // The parent going away (or closing the channel) ends the server.
  process.on('disconnect', () => process.exit(0));
  server.listen(0, '127.0.0.1', () => {
    send({ type: 'listening', port: (server.address() as AddressInfo).port, rss: process.memoryUsage.rss() });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
