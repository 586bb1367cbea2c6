/**
 * Waypoint's composition root: the only module that reads the environment,
 * and the one place where content, search, conversation logic, bot and HTTP
 * server are wired together. `buildWaypoint` is exported so the terminal chat
 * and the tests run exactly the same wiring as `npm start`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Storage,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import pino, { type Logger } from 'pino';
import type restify from 'restify';
import { ContentError, defaultContentPaths, loadContentLibrary, type ContentLibrary } from './core/content/library';
import { Assistant } from './core/conversation/assistant';
import { FeedbackLog } from './core/feedback/feedbackLog';
import { documentsFrom, GuidanceSearch } from './core/search/search';
import { learnedDangerReader } from './core/safety/learnedDanger';
import { TurnStateStore } from './bot/turnState';
import { toActivity } from './bot/render';
import { tenantFilter } from './bot/tenantFilter';
import { turnLogger } from './bot/turnLog';
import { replyHoldMiddleware } from './bot/replyHold';
import { WaypointBot } from './bot/waypointBot';
import { ClassifiedAuthentication, withAuthOutcome } from './bot/classifiedAuthentication';
import { ReusedClients } from './bot/reusedClients';
import { LocalAlerts, TeamsAlertChannel } from './bot/alerts';
import { createStateStorage, type StorageConfig } from './storage/stateStorage';
import { PROJECT_ROOT } from './paths';
import { createServer, markDraining } from './http/server';
import { adminPageFiles, localChatFiles } from './http/localChat';
import { adminReport } from './core/feedback/adminReport';
import { createLifecycle, shutdownOnSignals } from './http/lifecycle';

export { PROJECT_ROOT };

export interface WaypointConfig {
  port: number;
  /** Bot Framework credentials; an empty MicrosoftAppId means local mode (no inbound auth). */
  auth: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
  /** Azure AD tenants whose users may talk to the bot. Empty: anyone in local mode, nobody otherwise. */
  allowedTenantIds: string[];
  /** The key GET /admin/feedback requires outside local mode; without one the route is off there. */
  adminKey?: string;
  contentRoot: string;
  sessionIdleMs: number;
  /** Where conversation and user state live; memory unless STORAGE=blob. */
  storage?: StorageConfig;
  /** LOCAL_CHAT=1: serve the local chat page even with credentials (never in production). */
  localChat?: boolean;
  /** NODE_ENV=production. */
  production?: boolean;
  /** ALERT_CHANNEL_ID: the Teams channel "Alert my team's channel" posts to (19:...@thread.tacv2). */
  alertChannelId?: string;
  logger: Logger;
}

export interface Waypoint {
  server: restify.Server;
  library: ContentLibrary;
  adapter: CloudAdapter;
  feedback: FeedbackLog;
  /** Where conversation and user state are kept (read directly by tests). */
  storage: Storage;
  /** Whether the state store answers, for /readyz. */
  storageReachable: () => Promise<boolean>;
}

const HOUR = 60 * 60 * 1000;

/** A setting that stops Waypoint starting; the message names it. */
export class ConfigError extends Error {}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function configFromEnv(env: NodeJS.ProcessEnv): WaypointConfig {
  const port = Number(env.PORT ?? 3978);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  const idleHours = Number(env.SESSION_IDLE_HOURS ?? 12);
  if (!(idleHours > 0)) throw new ConfigError(`SESSION_IDLE_HOURS must be a positive number, not "${env.SESSION_IDLE_HOURS}"`);
  const allowedTenantIds = (env.ALLOWED_TENANT_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const malformed = allowedTenantIds.find((id) => !GUID.test(id));
  if (malformed) throw new ConfigError(`ALLOWED_TENANT_IDS must be tenant ids (GUIDs), separated by commas; "${malformed}" is not one`);
  const auth = {
    MicrosoftAppType: env.MicrosoftAppType ?? '',
    MicrosoftAppId: env.MicrosoftAppId ?? '',
    MicrosoftAppPassword: env.MicrosoftAppPassword ?? '',
    MicrosoftAppTenantId: env.MicrosoftAppTenantId ?? '',
  };
  if (env.NODE_ENV === 'production') checkProductionSettings(auth, allowedTenantIds);
  const storage = storageFromEnv(env);
  return {
    port,
    auth,
    allowedTenantIds,
    adminKey: env.ADMIN_KEY || undefined,
    contentRoot: env.CONTENT_ROOT ? resolve(env.CONTENT_ROOT) : PROJECT_ROOT,
    sessionIdleMs: idleHours * HOUR,
    storage,
    localChat: env.LOCAL_CHAT === '1',
    production: env.NODE_ENV === 'production',
    alertChannelId: alertChannelFromEnv(env),
    logger: pino({ level: env.LOG_LEVEL ?? 'info', base: { service: 'waypoint' } }),
  };
}

/** ALERT_CHANNEL_ID: a Teams channel id (19:...@thread...), or none. */
function alertChannelFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const id = env.ALERT_CHANNEL_ID?.trim();
  if (!id) return undefined;
  if (!/^19:[^\s@]+@thread\.[a-z0-9]+$/.test(id)) {
    throw new ConfigError(`ALERT_CHANNEL_ID must be a Teams channel id such as 19:abc...@thread.tacv2 (from the channel's "Get link to channel"), not "${id}"`);
  }
  return id;
}

/** STORAGE=memory (the default) or STORAGE=blob with BLOB_CONNECTION_STRING and BLOB_CONTAINER. */
function storageFromEnv(env: NodeJS.ProcessEnv): StorageConfig {
  const kind = env.STORAGE || 'memory';
  if (kind === 'memory') return { kind };
  if (kind !== 'blob') throw new ConfigError(`STORAGE must be memory or blob, not "${kind}"`);
  const connectionString = env.BLOB_CONNECTION_STRING ?? '';
  const container = env.BLOB_CONTAINER ?? '';
  if (!connectionString) throw new ConfigError('STORAGE=blob needs BLOB_CONNECTION_STRING');
  // Azure's rule for container names: 3-63 lower-case letters, digits and single hyphens.
  if (!/^(?=.{3,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$/.test(container)) {
    throw new ConfigError(`STORAGE=blob needs BLOB_CONTAINER, a container name of 3-63 lower-case letters, digits and hyphens, not "${container}"`);
  }
  return { kind, connectionString, container };
}

/** In production Waypoint must authenticate every request and admit only its own organisation. */
function checkProductionSettings(auth: Record<string, string>, allowedTenantIds: string[]): void {
  const missing = (name: string) => new ConfigError(`NODE_ENV=production needs ${name}; see .env.example and the README`);
  const type = auth.MicrosoftAppType;
  if (!auth.MicrosoftAppId) throw missing('MicrosoftAppId');
  if (!type) throw missing('MicrosoftAppType (SingleTenant or UserAssignedMSI)');
  if (!['SingleTenant', 'UserAssignedMSI', 'MultiTenant'].includes(type ?? '')) {
    throw new ConfigError(`MicrosoftAppType must be SingleTenant, UserAssignedMSI or MultiTenant, not "${type}"`);
  }
  if (type !== 'MultiTenant' && !auth.MicrosoftAppTenantId) throw missing(`MicrosoftAppTenantId (required for ${type})`);
  if (type !== 'UserAssignedMSI' && !auth.MicrosoftAppPassword) {
    throw missing('MicrosoftAppPassword (or MicrosoftAppType=UserAssignedMSI for a managed identity)');
  }
  if (allowedTenantIds.length === 0) throw missing('ALLOWED_TENANT_IDS (at least one tenant id)');
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Builds the whole bot; throws a ContentError (listing every fault) if the content is invalid. */
export function buildWaypoint(config: WaypointConfig): Waypoint {
  const { logger } = config;
  const library = loadContentLibrary(defaultContentPaths(config.contentRoot));
  const search = new GuidanceSearch(documentsFrom(library));
  // The danger check's learned reader takes about a second to load: paid here, at start-up, not
  // by the first message a worker sends, which may be the one that says someone is in danger.
  learnedDangerReader();
  const feedback = new FeedbackLog({ knownWords: library.guidanceWords() });
  const localMode = !config.auth.MicrosoftAppId;
  // Alerts go to a configured Teams channel; in local mode, with none, they are logged and shown to the worker.
  const alertsOffered = Boolean(config.alertChannelId) || localMode;
  const assistant = new Assistant(library, search, { idleTimeoutMs: config.sessionIdleMs, feedback, alerts: alertsOffered });

  const state = createStateStorage(config.storage ?? { kind: 'memory' });
  const storage = state.storage;
  const turnState = new TurnStateStore(storage);
  const adapter = new CloudAdapter(
    new ClassifiedAuthentication(new ReusedClients(new ConfigurationBotFrameworkAuthentication(config.auth as ConfigurationBotFrameworkAuthenticationOptions)), (error) =>
      logger.error({ err: { name: error.name, message: error.message } }, 'signing keys unavailable: answered 503'),
    ),
  );
  const alerts = config.alertChannelId
    ? new TeamsAlertChannel(storage, adapter, config.auth.MicrosoftAppId ?? '', config.alertChannelId, logger)
    : localMode
      ? new LocalAlerts(logger)
      : undefined;
  const bot = new WaypointBot({ assistant, state: turnState, render: toActivity, lookup: (query, limit) => assistant.lookup(query, limit), alerts });
  // First, so a refused turn touches nothing: no state, no reply, no turn log.
  if (!localMode || config.allowedTenantIds.length > 0) adapter.use(tenantFilter(config.allowedTenantIds, logger));
  // Before the logger, so only replies really sent are logged (see bot/replyHold.ts).
  adapter.use(replyHoldMiddleware());
  adapter.use(turnLogger(logger));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Log the fault, never the message; then reset the conversation so a broken state cannot wedge it.
    logger.error({ err: { name: error.name, message: error.message, stack: error.stack }, activityType: context.activity.type }, 'turn failed');
    await turnState.deleteConversation(context);
    if (context.activity.type === ActivityTypes.Invoke) {
      // An invoke (a compose-box search) is answered over HTTP, not with a message.
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 500 } });
      return;
    }
    await context.sendActivity(
      'Sorry, something went wrong on my side, so I have reset our conversation. Type menu to start again. If someone is in danger now, call 999.',
    );
  };

  const version = packageVersion();
  const server = createServer({
    logger,
    endpoint: { process: (req, res) => withAuthOutcome(res, (answered) => adapter.process(req, answered, (context) => bot.run(context))) },
    health: () => ({ version, content: { cards: library.cards.size, trees: library.trees.size } }),
    // Content is loaded and validated before the server exists, so it is ready whenever storage answers.
    ready: async () => {
      const storage = await state.reachable();
      return { ok: storage, checks: { content: true, storage } };
    },
    admin: { report: () => adminReport(feedback.snapshot(), library, Date.now()), open: localMode, key: config.adminKey, page: adminPageFiles(PROJECT_ROOT) },
    // The browser chat page: in local mode, or asked for with LOCAL_CHAT=1, but never in production with credentials.
    localChat: (localMode || config.localChat) && !(config.production && !localMode) ? localChatFiles(PROJECT_ROOT) : undefined,
  });
  return { server, library, adapter, feedback, storage, storageReachable: () => state.reachable() };
}

function main(): void {
  const envFile = join(PROJECT_ROOT, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  let config: WaypointConfig;
  try {
    config = configFromEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Waypoint cannot start: ${error.message}`);
    process.exit(1);
  }
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
  // SIGTERM or SIGINT: stop accepting connections, finish the turns in flight, then exit (see lifecycle.ts).
  const lifecycle = createLifecycle({ server: waypoint.server.server, logger: config.logger, onDraining: () => markDraining(waypoint.server) });
  shutdownOnSignals(lifecycle);
  waypoint.server.listen(config.port, () => {
    // The port really bound (PORT=0 picks a free one), so scripts and tests can read it from this line.
    const { port } = waypoint.server.address();
    config.logger.info(
      { port, localMode, cards: waypoint.library.cards.size, trees: waypoint.library.trees.size },
      `Waypoint listening on http://localhost:${port}/api/messages${localMode ? ' (local mode: no Azure credentials)' : ''}`,
    );
  });
}

if (require.main === module) main();
