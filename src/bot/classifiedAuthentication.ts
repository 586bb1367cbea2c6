/**
 * Inbound authentication that answers for what went wrong. The SDK's CloudAdapter answers 401 only
 * for its own AuthenticationError and 500 for anything else, so a token signed by a key that is not
 * the channel's (a JsonWebTokenError from the signature check) came back as 500, and so did a key
 * source that could not be reached. This wraps the SDK's authentication:
 *   - a token that fails its checks (bad signature, not yet valid, expired, wrong audience or
 *     issuer) is an AuthenticationError, so the adapter answers 401;
 *   - when the signing keys cannot be fetched (the metadata or keys URL unreachable or failing),
 *     the request is marked, so the HTTP layer answers 503 (try again later) with a log line,
 *     never 500: the request may well be genuine.
 * Everything else is passed straight to the wrapped authentication (DelegatingAuthentication).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { AuthenticationError, type AuthenticateRequestResult, type BotFrameworkAuthentication } from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { DelegatingAuthentication } from './delegatingAuthentication';

/** What authentication found out about the request being handled (see whileHandling). */
export interface AuthOutcome {
  /** The signing keys could not be fetched: the request could not be checked either way. */
  keySourceUnavailable?: boolean;
}

const outcomes = new AsyncLocalStorage<AuthOutcome>();

/** The part of an HTTP response the adapter writes a status to (restify's Response has it). */
interface StatusResponse {
  status(code: number): unknown;
  header(name: string, value: string): unknown;
}

/** How long a caller should wait before retrying when the signing keys could not be fetched. */
const RETRY_AFTER_SECONDS = 30;

/**
 * Handles one request (`handle` is given the response to write to). If authentication could not
 * fetch the signing keys, the adapter's 500 is answered as 503 with Retry-After: the channel
 * retries, and the request is neither accepted nor called forged.
 */
export function withAuthOutcome<R extends StatusResponse>(res: R, handle: (res: R) => Promise<void>): Promise<void> {
  const outcome: AuthOutcome = {};
  const answered = new Proxy(res, {
    get(target, property) {
      if (property === 'status') {
        return (code: number) => {
          if (code !== 500 || !outcome.keySourceUnavailable) return target.status(code);
          target.header('Retry-After', String(RETRY_AFTER_SECONDS));
          return target.status(503);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return outcomes.run(outcome, () => handle(answered));
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
        const outcome = outcomes.getStore();
        if (outcome) outcome.keySourceUnavailable = true;
        this.onKeySourceUnavailable(error as Error);
        throw error;
      }
      if (error instanceof Error && TOKEN_ERRORS.has(error.name)) throw new AuthenticationError(error.message, 401);
      throw error;
    }
  }
}
