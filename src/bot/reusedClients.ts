/**
 * The SDK's outbound clients, built once and kept for later turns: one
 * ConnectorClient (sends replies to the channel) per bot, service URL and
 * audience, and one UserTokenClient (sign-in tokens) per bot. The SDK builds
 * both afresh for every incoming activity (credentials and a whole HTTP
 * pipeline of policies each) even when the replies go back in the HTTP
 * response (expectReplies) and neither is used: together about a tenth of a
 * search turn's CPU in the profile (bench/README.md). A client holds no
 * per-turn state (its credentials cache their own token), so turns can
 * share it.
 *
 * The cache is bounded: service URLs come from the activity, so in local mode
 * (no authentication) a caller could name any number of them.
 */
import {
  AuthenticationConstants,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { DelegatingAuthentication } from './delegatingAuthentication';

/** Clients kept; the oldest is dropped past this (a bot talks to a handful of service URLs). */
const MAX_CLIENTS = 64;

export class ReusedClients extends DelegatingAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient | UserTokenClient>>();

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.kept(['token', botOf(claimsIdentity)], () => this.inner.createUserTokenClient(claimsIdentity));
  }

  /** `factory`, answering from the cache. */
  private reusing(factory: ConnectorFactory, identity: ClaimsIdentity): ConnectorFactory {
    return new ReusingFactory(factory, botOf(identity), this);
  }

  /** The client kept under `key`, created the first time it is asked for. */
  kept<T extends ConnectorClient | UserTokenClient>(key: string[], create: () => Promise<T>): Promise<T> {
    const id = JSON.stringify(key);
    const existing = this.clients.get(id) as Promise<T> | undefined;
    if (existing) return existing;
    const created = create();
    // A failed creation is not kept: the next turn tries again.
    created.catch(() => this.clients.get(id) === created && this.clients.delete(id));
    if (this.clients.size >= MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value as string);
    this.clients.set(id, created);
    return created;
  }
}

/** A connector factory that asks the cache first. */
class ReusingFactory extends ConnectorFactory {
  constructor(
    private readonly factory: ConnectorFactory,
    private readonly bot: string,
    private readonly clients: ReusedClients,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.clients.kept(['connector', this.bot, serviceUrl, audience ?? ''], () => this.factory.create(serviceUrl, audience));
  }
}

/** The bot the SDK's factories act as, from the request's claims (as the SDK reads it). */
function botOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? identity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}
