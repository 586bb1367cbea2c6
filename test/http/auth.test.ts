/**
 * Inbound authentication with an app id set, against real tokens: a local server stands in for the
 * channel's OpenID metadata and signing keys (the authentication configuration takes its URL), and
 * tokens are signed with a test key. A genuine token is accepted; a forged one (signed by a key that
 * is not the channel's), an expired one and one for another app id each get 401, never 500; and
 * when the signing keys cannot be fetched the answer is 503 with a log line, not 500.
 */
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/net';
import { startTestBot, type TestBot } from '../support/bot';

const APP_ID = '00000000-0000-0000-0000-00000000a001';
const TENANT = 'tenant-auth-test';
const ISSUER = 'https://api.botframework.com';
const KID = 'waypoint-test-key';

const channelKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const forgerKey = generateKeyPairSync('rsa', { modulusLength: 2048 });

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** A JWT signed with RS256, as the channel signs the tokens it sends a bot. */
function token(claims: Record<string, unknown>, key: KeyObject = channelKey.privateKey): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: KID }));
  const payload = base64url(JSON.stringify({ iss: ISSUER, aud: APP_ID, nbf: now - 60, exp: now + 600, serviceurl: SERVICE_URL, ...claims }));
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key);
  return `${header}.${payload}.${base64url(signature)}`;
}

/** The channel's OpenID metadata and signing keys, served locally. */
let metadata: Server;
let metadataUrl = '';
const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';
let bot: TestBot;
let keyless: TestBot;

/**
 * Public-cloud settings with the channel's metadata URL pointed at `openIdUrl`. Setting any one of
 * these makes the SDK use exactly the ones given, so all of them are given.
 */
function authFor(openIdUrl: string) {
  return {
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'test-password',
    MicrosoftAppType: 'MultiTenant',
    ToBotFromChannelOpenIdMetadataUrl: openIdUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: openIdUrl,
    ToBotFromChannelTokenIssuer: ISSUER,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ValidateAuthority: true,
    CallerId: 'urn:botframework:azure',
  };
}

beforeAll(async () => {
  const jwk = channelKey.publicKey.export({ format: 'jwk' });
  metadata = createServer((req, res) => {
    const origin = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${origin}/v1/keys` }));
    else if (req.url === '/v1/keys') res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid: KID, n: jwk.n, e: jwk.e }] }));
    else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
  metadataUrl = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
  bot = await startTestBot({ auth: authFor(metadataUrl), allowedTenantIds: [TENANT] });
  // Nothing listens on this port: the signing keys cannot be fetched.
  keyless = await startTestBot({ auth: authFor(`http://127.0.0.1:${await freePort()}/v1/.well-known/openidconfiguration`), allowedTenantIds: [TENANT] });
});

afterAll(async () => {
  await bot?.close();
  await keyless?.close();
  await new Promise<void>((resolve) => metadata?.close(() => resolve()));
});

/** A typing activity (the bot answers it without sending anything), with the token given. */
async function post(target: TestBot, bearer: string): Promise<{ status: number; retryAfter: string | null }> {
  const activity = {
    type: 'typing',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: { id: 'user-1', aadObjectId: 'user-1' },
    recipient: { id: `28:${APP_ID}` },
    conversation: { id: `auth-${randomUUID()}`, tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
  const response = await fetch(target.messagesUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify(activity),
  });
  await response.arrayBuffer();
  return { status: response.status, retryAfter: response.headers.get('retry-after') };
}

describe('inbound authentication with an app id set', () => {
  it('accepts a token the channel signed for this app', async () => {
    expect((await post(bot, token({}))).status).toBe(200);
  });

  it('answers 401, never 500, to a forged token (signed by a key that is not the channel\'s)', async () => {
    expect((await post(bot, token({}, forgerKey.privateKey))).status).toBe(401);
  });

  it('answers 401 to an expired token', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    expect((await post(bot, token({ nbf: past - 600, exp: past }))).status).toBe(401);
  });

  it('answers 401 to a token for another app id', async () => {
    expect((await post(bot, token({ aud: '00000000-0000-0000-0000-00000000beef' }))).status).toBe(401);
  });

  it('answers 503, with Retry-After and a log line, when the signing keys cannot be fetched', async () => {
    const { status, retryAfter } = await post(keyless, token({}));
    expect(status).toBe(503);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(keyless.logs.some((line) => line.includes('signing keys unavailable'))).toBe(true);
  });
});
