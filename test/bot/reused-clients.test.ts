/**
 * The connector client (the HTTP client that sends replies to the channel) is
 * built once per bot, service URL and audience, and the user token client
 * once per bot, and shared by later turns, instead of built for every turn;
 * and replies still reach the channel turn after turn through the real
 * server, on a local stand-in for the channel's endpoint.
 */
import { randomUUID } from 'node:crypto';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReusedClients } from '../../src/bot/reusedClients';
import { startTestBot, type TestBot } from '../support/bot';
import { startChannelStandIn, type ChannelStandIn } from '../support/channel';

const message = (serviceUrl: string) => ({ type: 'message', channelId: 'test', serviceUrl, conversation: { id: 'c' }, from: { id: 'u' } }) as Activity;

/** The client a turn for an activity from `serviceUrl` gets, as CloudAdapter asks for it. */
async function incomingClient(auth: ReusedClients, serviceUrl: string) {
  const result = await auth.authenticateRequest(message(serviceUrl), '');
  if (!result.connectorFactory) throw new Error('no connector factory');
  return result.connectorFactory.create(serviceUrl, result.audience);
}

describe('ReusedClients', () => {
  it('gives later turns the client the first one built, one per service URL', async () => {
    const auth = new ReusedClients(new ConfigurationBotFrameworkAuthentication({}));
    const clientFor = (serviceUrl: string) => incomingClient(auth, serviceUrl);
    const first = await clientFor('https://smba.example/emea/');
    expect(await clientFor('https://smba.example/emea/')).toBe(first);
    const other = await clientFor('https://smba.example/amer/');
    expect(other).not.toBe(first);
    // A proactive message's factory (createConnectorFactory) shares the same clients.
    const { claimsIdentity, audience } = await auth.authenticateRequest(message('https://smba.example/emea/'), '');
    expect(await auth.createConnectorFactory(claimsIdentity).create('https://smba.example/emea/', audience)).toBe(first);
  });

  it('gives later turns the user token client the first one built', async () => {
    const auth = new ReusedClients(new ConfigurationBotFrameworkAuthentication({}));
    const tokenClient = async () => auth.createUserTokenClient((await auth.authenticateRequest(message('https://smba.example/emea/'), '')).claimsIdentity);
    expect(await tokenClient()).toBe(await tokenClient());
  });

  it('keeps a bounded number of clients, dropping the oldest', async () => {
    const auth = new ReusedClients(new ConfigurationBotFrameworkAuthentication({}));
    const clientFor = (serviceUrl: string) => incomingClient(auth, serviceUrl);
    const first = await clientFor('https://channel.example/0/');
    for (let i = 1; i <= 64; i += 1) await clientFor(`https://channel.example/${i}/`);
    expect(await clientFor('https://channel.example/0/')).not.toBe(first);
  });
});

describe('replies sent to the channel (no expectReplies), turn after turn', () => {
  let bot: TestBot;
  let channel: ChannelStandIn;
  let channelUrl: string;
  let received: ChannelStandIn['received'];

  beforeAll(async () => {
    channel = await startChannelStandIn();
    channelUrl = channel.url;
    received = channel.received;
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.close();
    await channel.close();
  });

  it('each turn’s replies reach the channel', async () => {
    const conversation = `channel-${randomUUID()}`;
    const post = (text: string) =>
      fetch(bot.messagesUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', id: randomUUID(), channelId: 'test', serviceUrl: channelUrl, conversation: { id: conversation }, from: { id: 'u' }, recipient: { id: 'waypoint' }, text }),
      });
    expect((await post('what is marac')).status).toBeLessThan(300);
    const afterFirst = received.filter((r) => r.conversation === conversation).length;
    expect(afterFirst).toBeGreaterThan(0);
    expect((await post('menu')).status).toBeLessThan(300);
    expect(received.filter((r) => r.conversation === conversation).length).toBeGreaterThan(afterFirst);
    expect(received.every((r) => r.body.type === 'message')).toBe(true);
  });
});
