/**
 * The HTTP layer: restify routes for the Bot Framework endpoint, health,
 * readiness and the content authors' feedback report.
 * It checks the shape of a request before the adapter sees it, so a malformed
 * request gets a clear 4xx rather than reaching the bot, and limits how fast
 * one conversation may post (429 with Retry-After past the limit).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import restify, { type Next, type Request, type Response } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ConversationRateLimiter, type RateLimitOptions } from './rateLimit';
import { mountLocalChat, serveFiles, type LocalChatFiles } from './localChat';

/** What the server needs from the bot side; keeps restify apart from botbuilder. */
export interface MessageEndpoint {
  process(req: Request, res: Response): Promise<void>;
}

/** What GET /readyz reports: ready when every check passed. */
export interface Readiness {
  ok: boolean;
  /** Each dependency checked, by name: content loaded, storage reachable. */
  checks: Record<string, boolean>;
}

export interface ServerOptions {
  endpoint: MessageEndpoint;
  /** The body of GET /healthz. */
  health: () => Record<string, unknown>;
  /**
   * GET /readyz: 200 when this says ok, 503 otherwise (and when it throws or
   * takes longer than readyTimeoutMs). Until the caller passes one, ready.
   */
  ready?: () => Promise<Readiness>;
  /** How long GET /readyz waits for `ready`, in milliseconds (default 2 s). */
  readyTimeoutMs?: number;
  logger: Logger;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /**
   * Per-conversation limit on POST /api/messages (default 30 activities per
   * 10 seconds, at most 10,000 conversations tracked); false turns it off.
   */
  rateLimit?: Partial<RateLimitOptions> | false;
  /**
   * GET /admin/feedback (the report as JSON) and GET /admin (the supervisor's page, which reads it):
   * open in local mode, otherwise the JSON only with the admin key, and both off without one.
   */
  admin?: { report: () => unknown; open: boolean; key?: string; page?: { html: string; js: string } };
  /** The local chat page at GET /; left out, there is none. */
  localChat?: LocalChatFiles;
}

const DEFAULT_MAX_BODY = 256 * 1024;
const DEFAULT_READY_TIMEOUT = 2_000;

/** Servers shutting down (see lifecycle.ts): /readyz says so, and every response closes its connection. */
const draining = new WeakSet<restify.Server>();

/** Marks a server as shutting down: GET /readyz answers 503 and keep-alive connections are closed after each response. */
export function markDraining(server: restify.Server): void {
  draining.add(server);
}

export function createServer(options: ServerOptions): restify.Server {
  const server = restify.createServer({ name: 'waypoint', handleUncaughtExceptions: false });
  const limiter = options.rateLimit === false ? undefined : new ConversationRateLimiter(options.rateLimit ?? {});
  const ready = options.ready ?? (async () => ({ ok: true, checks: {} }));

  server.pre((_req: Request, res: Response, next: Next) => {
    if (draining.has(server)) res.setHeader('connection', 'close');
    next();
  });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: options.maxBodyBytes ?? DEFAULT_MAX_BODY }));

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok', ...options.health() });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    if (draining.has(server)) {
      res.send(503, { status: 'shutting down', checks: {} });
      return;
    }
    const readiness = await withTimeout(ready(), options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT).catch((error: unknown) => {
      options.logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'readiness check failed');
      return { ok: false, checks: {} } satisfies Readiness;
    });
    res.send(readiness.ok ? 200 : 503, { status: readiness.ok ? 'ready' : 'not ready', checks: readiness.checks });
  });

  if (options.localChat) mountLocalChat(server, options.localChat);

  const admin = options.admin;
  if (admin && (admin.open || admin.key)) {
    server.get('/admin/feedback', async (req: Request, res: Response) => {
      if (!admin.open && !keyMatches(req, admin.key ?? '')) {
        res.send(401, { error: 'Send the admin key as "Authorization: Bearer <key>".' });
        return;
      }
      res.send(200, admin.report());
    });
    // The page holds no data: it asks for the key (outside local mode) and reads /admin/feedback with it.
    if (admin.page) serveFiles(server, [['/admin', admin.page.html, 'html'], ['/admin.js', admin.page.js, 'js']]);
  }

  server.post('/api/messages', async (req: Request, res: Response) => {
    const fault = requestFault(req);
    if (fault) {
      res.send(fault.status, { error: fault.message });
      return;
    }
    const conversationId = (req.body as { conversation: { id: string } }).conversation.id;
    const decision = limiter?.take(conversationId);
    if (decision && !decision.allowed) {
      options.logger.warn({ route: req.getPath(), status: 429, retryAfter: decision.retryAfterSeconds }, 'rate limited');
      res.header('Retry-After', String(decision.retryAfterSeconds));
      res.send(429, { error: `Too many messages in this conversation. Try again in ${decision.retryAfterSeconds} second${decision.retryAfterSeconds === 1 ? '' : 's'}.` });
      return;
    }
    await options.endpoint.process(req, res);
    // A request refused for want of a valid token (401), or that could not be checked because the
    // signing keys were unavailable (503), says nothing about the real conversation: it does not count.
    if (res.statusCode === 401 || res.statusCode === 503) limiter?.refund(conversationId);
  });

  server.on('restifyError', (req: Request, _res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
    options.logger.warn({ route: req.getPath(), status: error.statusCode, error: error.name }, 'request rejected');
    callback();
  });
  return server;
}

/** The promise's value, or a rejection after `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Compares the bearer token with the key in constant time (hashing first evens out the lengths). */
function keyMatches(req: Request, key: string): boolean {
  const header = req.header('authorization') ?? '';
  const given = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return key.length > 0 && timingSafeEqual(digest(given), digest(key));
}

/**
 * The Bot Framework schema's types for the accounts and fields a reply copies
 * from the activity it answers (conversation, from and recipient swapped, id,
 * locale): when replies go through the Bot Connector its client checks them,
 * and a wrong type there (a number for a name, an object for a locale) would
 * fail the turn after it ran, a 500.
 */
const text = z.string().nullish();
const properties = z.record(z.string(), z.unknown()).nullish();
const Account = z.looseObject({ id: z.string(), name: text, aadObjectId: text, role: text, properties });

/**
 * The parts of an activity the adapter and the bot rely on. Anything else is
 * passed through untouched; checking these here turns what would be a 500
 * deep in the SDK into a clear 400.
 */
const IncomingActivity = z.looseObject({
  type: z.string().min(1),
  id: text,
  channelId: z.string().min(1),
  conversation: z.looseObject({
    id: z.string().min(1),
    name: text,
    isGroup: z.boolean().nullish(),
    conversationType: text,
    tenantId: text,
    aadObjectId: text,
    role: text,
    properties,
  }),
  text: z.string().optional(),
  locale: text,
  from: Account.optional(),
  recipient: Account.optional(),
  membersAdded: z.array(Account).optional(),
  membersRemoved: z.array(Account).optional(),
  deliveryMode: z.unknown().optional(),
  serviceUrl: z.unknown().optional(),
});

/** An absolute http(s) URL, the only kind the connector can post replies to. */
function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Why an incoming activity cannot be processed, or undefined when it can. */
export function requestFault(req: Request): { status: number; message: string } | undefined {
  if (!req.is('application/json')) return { status: 415, message: 'Send the activity as application/json.' };
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { status: 400, message: 'The body must be an activity object.' };
  }
  const parsed = IncomingActivity.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { status: 400, message: `Invalid activity at ${issue?.path.join('.') || 'the top level'}: ${issue?.message}` };
  }
  // Replies go to serviceUrl unless they come back in the response (expectReplies): without a usable
  // one the turn would run and then fail to answer, a 500 after the connector's retries.
  const { serviceUrl, deliveryMode } = parsed.data;
  if ((serviceUrl !== undefined || deliveryMode !== 'expectReplies') && !isHttpUrl(serviceUrl)) {
    return { status: 400, message: 'Invalid activity at serviceUrl: expected an http(s) URL to send the replies to' };
  }
  return undefined;
}
