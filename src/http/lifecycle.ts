/**
 * Graceful shutdown. On SIGTERM (or SIGINT) the server stops accepting
 * connections, closes idle keep-alive ones, answers every request already
 * in flight (a turn half-way through finishes and its reply is sent), then
 * the process exits 0. If requests are still running after `timeoutMs`,
 * they are cut off and the process exits 1, so a stuck turn cannot hold a
 * deployment up. A second signal while draining exits at once (1).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

export interface ShutdownOptions {
  /** The HTTP server (for restify, `server.server`). */
  server: Server;
  logger: Logger;
  /** How long in-flight requests may take to finish, in milliseconds. */
  timeoutMs?: number;
  /** Called as draining starts, e.g. so GET /readyz answers 503 (see markDraining in server.ts). */
  onDraining?: () => void;
  /** Called once requests have drained, before exiting: close storage and the like. */
  onDrained?: () => Promise<void>;
  /** How to exit; tests pass their own. */
  exit?: (code: number) => void;
}

/** Under Kubernetes' default 30 s grace period, which ends in SIGKILL. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 25_000;

export interface Lifecycle {
  /** Requests received and not yet answered. */
  inFlight(): number;
  /** Drains and exits; resolves once the exit function has been called. */
  shutdown(reason: string): Promise<void>;
}

/** Tracks requests in flight on `server`; call before it starts listening so none is missed. */
export function createLifecycle(options: ShutdownOptions): Lifecycle {
  const { server, logger } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let inFlight = 0;
  let whenIdle: (() => void) | undefined;
  let shutting: Promise<void> | undefined;

  // Counted once the headers are in, so a request whose body is still arriving counts. A request
  // with "Expect: 100-continue" comes as 'checkContinue' instead of 'request' (restify answers it).
  const track = (_req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) whenIdle?.();
    });
  };
  server.on('request', track);
  server.on('checkContinue', track);

  async function drain(reason: string): Promise<void> {
    logger.info({ reason, inFlight, timeoutMs }, 'shutting down: no new connections, finishing requests in flight');
    options.onDraining?.();
    // Stops listening and (Node 19+) closes keep-alive connections with nothing in flight.
    server.close();
    const idle = new Promise<boolean>((resolve) => {
      if (inFlight === 0) resolve(true);
      else whenIdle = () => resolve(true);
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const drained = await Promise.race([idle, timedOut]);
    clearTimeout(timer);
    if (!drained) {
      logger.warn({ inFlight, timeoutMs }, 'shutdown timed out: cutting off requests still in flight');
      server.closeAllConnections();
    }
    try {
      await options.onDrained?.();
    } catch (error) {
      logger.error({ error: error instanceof Error ? error.message : String(error) }, 'shutdown clean-up failed');
    }
    logger.info({ drained }, drained ? 'shut down cleanly' : 'shut down with requests cut off');
    server.closeAllConnections();
    exit(drained ? 0 : 1);
  }

  return {
    inFlight: () => inFlight,
    shutdown(reason: string): Promise<void> {
      if (shutting) {
        logger.warn({ reason }, 'second shutdown signal: exiting now');
        exit(1);
        return Promise.resolve();
      }
      shutting = drain(reason);
      return shutting;
    },
  };
}

/** Drains and exits on SIGTERM and SIGINT. */
export function shutdownOnSignals(lifecycle: Lifecycle, signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): void {
  for (const signal of signals) process.on(signal, () => void lifecycle.shutdown(signal));
}
