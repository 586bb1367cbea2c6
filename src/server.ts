/**
 * The HTTP layer: restify routes for the Bot Framework endpoint, health and
 * the content authors' feedback report.
 * It checks the shape of a request before the adapter sees it, so a malformed
 * request gets a clear 4xx rather than reaching the bot.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import restify, { type Request, type Response } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';

/** What the server needs from the bot side; keeps restify apart from botbuilder. */
export interface MessageEndpoint {
  process(req: Request, res: Response): Promise<void>;
}

export interface ServerOptions {
  endpoint: MessageEndpoint;
  /** The body of GET /healthz. */
  health: () => Record<string, unknown>;
  logger: Logger;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** GET /admin/feedback: open in local mode, otherwise only with the admin key (and off without one). */
  admin?: { report: () => unknown; open: boolean; key?: string };
}

const DEFAULT_MAX_BODY = 256 * 1024;

export function createServer(options: ServerOptions): restify.Server {
  const server = restify.createServer({ name: 'waypoint', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: options.maxBodyBytes ?? DEFAULT_MAX_BODY }));

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok', ...options.health() });
  });

  const admin = options.admin;
  if (admin && (admin.open || admin.key)) {
    server.get('/admin/feedback', async (req: Request, res: Response) => {
      if (!admin.open && !keyMatches(req, admin.key ?? '')) {
        res.send(401, { error: 'Send the admin key as "Authorization: Bearer <key>".' });
        return;
      }
      res.send(200, admin.report());
    });
  }

  server.post('/api/messages', async (req: Request, res: Response) => {
    const fault = requestFault(req);
    if (fault) {
      res.send(fault.status, { error: fault.message });
      return;
    }
    await options.endpoint.process(req, res);
  });

  server.on('restifyError', (req: Request, _res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
    options.logger.warn({ route: req.getPath(), status: error.statusCode, error: error.name }, 'request rejected');
    callback();
  });
  return server;
}

/** Compares the bearer token with the key in constant time (hashing first evens out the lengths). */
function keyMatches(req: Request, key: string): boolean {
  const header = req.header('authorization') ?? '';
  const given = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return key.length > 0 && timingSafeEqual(digest(given), digest(key));
}

const Account = z.object({ id: z.string() });

/**
 * The parts of an activity the adapter and the bot rely on. Anything else is
 * passed through untouched; checking these here turns what would be a 500
 * deep in the SDK into a clear 400.
 */
const IncomingActivity = z.looseObject({
  type: z.string().min(1),
  channelId: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
  text: z.string().optional(),
  from: Account.loose().optional(),
  recipient: Account.loose().optional(),
  membersAdded: z.array(Account.loose()).optional(),
  membersRemoved: z.array(Account.loose()).optional(),
});

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
  return undefined;
}
