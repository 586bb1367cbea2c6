/**
 * Inbound authentication that answers for what went wrong. The SDK's CloudAdapter answers 401 only
 * for its own AuthenticationError and 500 for anything else, so a token signed by a key that is not
 * the channel's (a JsonWebTokenError from the signature check) came back as 500, and so did a key
 * source that could not be reached. This wraps the SDK's authentication:
 *   - a token that fails its checks (bad signature, not yet valid, expired, wrong audience or
 *     issuer) is an AuthenticationError, so the adapter answers 401;
 *   - when the signing keys cannot be fetched (the metadata or keys URL unreachable or failing),
 *     it is a KeySourceUnavailable, which withAuthOutcome answers as 503 (try again later) with
 *     a log line, never 500: the request may well be genuine.
 * Everything else is passed straight to the wrapped authentication (DelegatingAuthentication).
 */
import { AuthenticationError, type AuthenticateRequestResult, type BotFrameworkAuthentication } from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { DelegatingAuthentication } from './delegatingAuthentication';

/** The error thrown when the signing keys could not be fetched; its message is the 503's body. */
export class KeySourceUnavailable extends Error {
  static readonly MESSAGE = 'The signing keys could not be fetched: try again later.';
  constructor(override readonly cause: Error) {
    super(KeySourceUnavailable.MESSAGE);
    this.name = 'KeySourceUnavailable';
  }
}

/** The part of an HTTP response the adapter writes to (restify's Response has it). */
interface StatusResponse {
  status(code: number): unknown;
  header(name: string, value: string): unknown;
  send(body?: unknown): unknown;
  end(): unknown;
}

/** How long a caller should wait before retrying when the signing keys could not be fetched. */
const RETRY_AFTER_SECONDS = 30;

/**
 * Handles one request (`handle` is given the response to write to). The adapter answers an error
 * from authentication with 500 and the error's message as the body; when that message says the
 * signing keys could not be fetched, the 500 is answered as 503 with Retry-After instead: the
 * channel retries, and the request is neither accepted nor called forged.
 *
 * The news travels in the adapter's own answer, not in AsyncLocalStorage: that turns on promise
 * hooks for the whole process, which cost a quarter of a tree step's CPU (bench/README.md).
 */
export function withAuthOutcome<R extends StatusResponse>(res: R, handle: (res: R) => Promise<void>): Promise<void> {
  // A 500 is held until the body shows why; the adapter always sends or ends right after.
  let held = false;
  const release = (body: unknown) => {
    if (!held) return;
    held = false;
    if (body !== KeySourceUnavailable.MESSAGE) return void res.status(500);
    res.header('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(503);
  };
  const answered = new Proxy(res, {
    get(target, property) {
      if (property === 'status') {
        return (code: number) => {
          if (code === 500) held = true;
          else target.status(code);
          return answered;
        };
      }
      if (property === 'send') {
        return (body?: unknown) => {
          release(body);
          return target.send(body);
        };
      }
      if (property === 'end') {
        return () => {
          release(undefined);
          return target.end();
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return handle(answered);
}

/** The errors of jsonwebtoken's checks, by name: the token itself is bad. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

function keySourceFailed(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // node-fetch could not reach the metadata or keys URL, or they answered with an error status.
  if (error.name === 'FetchError') return true;
  return error instanceof AuthenticationError && /^Failed to load (?:openID config|Keys)/.test(error.message);
}

export class ClassifiedAuthentication extends DelegatingAuthentication {
  constructor(
    inner: BotFrameworkAuthentication,
    private readonly onKeySourceUnavailable: (error: Error) => void,
  ) {
    super(inner);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (keySourceFailed(error)) {
        this.onKeySourceUnavailable(error as Error);
        throw new KeySourceUnavailable(error as Error);
      }
      if (error instanceof Error && TOKEN_ERRORS.has(error.name)) throw new AuthenticationError(error.message, 401);
      throw error;
    }
  }
}
