/**
 * One ConnectorClient per bot identity, service URL and audience, kept for
 * later turns. The SDK builds a new client for every incoming activity (its
 * credentials and a whole HTTP pipeline of policies) even when the replies go
 * back in the HTTP response (expectReplies) and the client is never used:
 * about a tenth of a search turn's CPU in the profile (bench/README.md).
 * A client holds no per-turn state (the credentials cache their own token),
 * so turns can share it.
 *
 * The cache is bounded: service URLs come from the activity, so in local mode
 * (no authentication) a caller could name any number of them.
 */
import { AuthenticationConstants, ConnectorFactory, type AuthenticateRequestResult, type ClaimsIdentity, type ConnectorClient } from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { DelegatingAuthentication } from './delegatingAuthentication';

/** Clients kept; the oldest is dropped past this (a bot talks to a handful of service URLs). */
const MAX_CLIENTS = 64;

export class ReusedConnectors extends DelegatingAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  /** `factory`, answering from the cache; the key names the bot the SDK's factory would act as. */
  private reusing(factory: ConnectorFactory, identity: ClaimsIdentity): ConnectorFactory {
    const bot = identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? identity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
    const clients = this.clients;
    return new (class extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        const key = JSON.stringify([bot, serviceUrl, audience ?? null]);
        let client = clients.get(key);
        if (!client) {
          client = factory.create(serviceUrl, audience);
          // A failed creation is not kept: the next turn tries again.
          const created = client;
          created.catch(() => clients.get(key) === created && clients.delete(key));
          if (clients.size >= MAX_CLIENTS) clients.delete(clients.keys().next().value as string);
          clients.set(key, client);
        }
        return client;
      }
    })();
  }
}
