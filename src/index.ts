/**
 * Waypoint's composition root: the only module that reads the environment,
 * and the one place where content, search, conversation logic, bot and HTTP
 * server are wired together. `buildWaypoint` is exported so the terminal chat
 * and the tests run exactly the same wiring as `npm start`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import pino, { type Logger } from 'pino';
import type restify from 'restify';
import { ContentError, defaultContentPaths, loadContentLibrary, type ContentLibrary } from './core/content/library';
import { Assistant } from './core/conversation/assistant';
import { documentsFrom, GuidanceSearch } from './core/search/search';
import { GuidanceDialog } from './bot/guidanceDialog';
import { toActivity } from './bot/render';
import { turnLogger } from './bot/turnLog';
import { WaypointBot } from './bot/waypointBot';
import { PROJECT_ROOT } from './paths';
import { createServer } from './server';

export { PROJECT_ROOT };

export interface WaypointConfig {
  port: number;
  /** Bot Framework credentials; an empty MicrosoftAppId means local mode (no inbound auth). */
  auth: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
  contentRoot: string;
  sessionIdleMs: number;
  logger: Logger;
}

export interface Waypoint {
  server: restify.Server;
  library: ContentLibrary;
  adapter: CloudAdapter;
}

const HOUR = 60 * 60 * 1000;

export function configFromEnv(env: NodeJS.ProcessEnv): WaypointConfig {
  const port = Number(env.PORT ?? 3978);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const idleHours = Number(env.SESSION_IDLE_HOURS ?? 12);
  if (!(idleHours > 0)) throw new Error(`SESSION_IDLE_HOURS must be a positive number, not "${env.SESSION_IDLE_HOURS}"`);
  return {
    port,
    auth: {
      MicrosoftAppType: env.MicrosoftAppType ?? '',
      MicrosoftAppId: env.MicrosoftAppId ?? '',
      MicrosoftAppPassword: env.MicrosoftAppPassword ?? '',
      MicrosoftAppTenantId: env.MicrosoftAppTenantId ?? '',
    },
    contentRoot: env.CONTENT_ROOT ? resolve(env.CONTENT_ROOT) : PROJECT_ROOT,
    sessionIdleMs: idleHours * HOUR,
    logger: pino({ level: env.LOG_LEVEL ?? 'info', base: { service: 'waypoint' } }),
  };
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Builds the whole bot; throws a ContentError (listing every fault) if the content is invalid. */
export function buildWaypoint(config: WaypointConfig): Waypoint {
  const { logger } = config;
  const library = loadContentLibrary(defaultContentPaths(config.contentRoot));
  const search = new GuidanceSearch(documentsFrom(library));
  const assistant = new Assistant(library, search, { idleTimeoutMs: config.sessionIdleMs });

  const conversationState = new ConversationState(new MemoryStorage());
  const bot = new WaypointBot(conversationState, new GuidanceDialog(assistant, toActivity));

  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication(config.auth as ConfigurationBotFrameworkAuthenticationOptions),
  );
  adapter.use(turnLogger(logger));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Log the fault, never the message; then reset the conversation so a broken state cannot wedge it.
    logger.error({ err: { name: error.name, message: error.message, stack: error.stack }, activityType: context.activity.type }, 'turn failed');
    await conversationState.delete(context);
    await context.sendActivity(
      'Sorry, something went wrong on my side, so I have reset our conversation. Type menu to start again. If someone is in danger now, call 999.',
    );
  };

  const version = packageVersion();
  const server = createServer({
    logger,
    endpoint: { process: (req, res) => adapter.process(req, res, (context) => bot.run(context)) },
    health: () => ({ version, content: { cards: library.cards.size, trees: library.trees.size } }),
  });
  return { server, library, adapter };
}

function main(): void {
  const envFile = join(PROJECT_ROOT, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const config = configFromEnv(process.env);
  let waypoint: Waypoint;
  try {
    waypoint = buildWaypoint(config);
  } catch (error) {
    if (error instanceof ContentError) {
      config.logger.fatal({ faults: error.faults }, 'content is invalid: run npm run content:check');
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const localMode = !config.auth.MicrosoftAppId;
  waypoint.server.listen(config.port, () => {
    config.logger.info(
      { port: config.port, localMode, cards: waypoint.library.cards.size, trees: waypoint.library.trees.size },
      `Waypoint listening on http://localhost:${config.port}/api/messages${localMode ? ' (local mode: no Azure credentials)' : ''}`,
    );
  });
}

if (require.main === module) main();
