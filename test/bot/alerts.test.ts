/**
 * "Alert my team's channel" (issue 15, part 1), through the real server and adapter: the
 * channel's conversation reference is kept when Waypoint is added to that channel's team, and
 * an alert is then posted there (to a local stand-in for the channel's endpoint) saying which
 * guidance was reached, when, and that the worker asked for contact; never anything typed. In
 * local mode without a channel, the alert is logged and shown in the worker's own chat.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotReply } from '../../src/client/localClient';
import { startTestBot, type TestBot } from '../support/bot';
import { startChannelStandIn, type ChannelStandIn } from '../support/channel';

const ALERT_CHANNEL = '19:alerts-channel@thread.tacv2';
const SENTINEL = 'Zebedee Quintrell';
const ALERT = { action: 'command', command: 'alert' };

/** Posts one activity as Teams would (expectReplies) and returns the bot's message replies. */
async function post(bot: TestBot, activity: Record<string, unknown>): Promise<BotReply[]> {
  const response = await fetch(bot.messagesUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: randomUUID(), channelId: 'msteams', recipient: { id: '28:waypoint', name: 'Waypoint' }, deliveryMode: 'expectReplies', ...activity }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { activities?: BotReply[] };
  return (body.activities ?? []).filter((a) => a.type === 'message');
}

/** A worker's 1:1 chat: says or presses, with the service URL Teams would give. */
function worker(bot: TestBot, serviceUrl: string) {
  const conversation = { id: `a:${randomUUID()}`, conversationType: 'personal' };
  const from = { id: `29:${randomUUID()}`, name: 'Sam Worker' };
  return (input: { text?: string; value?: unknown }) => post(bot, { type: 'message', serviceUrl, conversation, from, ...input });
}

const guidance = (replies: BotReply[]) => replies.at(-1)?.channelData?.guidance;

describe('alerts to a Teams channel', () => {
  let bot: TestBot;
  let channel: ChannelStandIn;
  beforeAll(async () => {
    channel = await startChannelStandIn();
    bot = await startTestBot({ alertChannelId: ALERT_CHANNEL });
  });
  afterAll(async () => {
    await bot.close();
    await channel.close();
  });

  it('before Waypoint has been added to the channel, says the alert could not be sent and lists the contacts', async () => {
    const say = worker(bot, channel.url);
    const contacts = await say({ value: { action: 'command', command: 'contact' } });
    expect(guidance(contacts)?.choices.map((c) => c.value)).toContainEqual(ALERT);
    const failed = await say({ value: ALERT });
    expect(guidance(failed)?.kind).toBe('contact');
    expect(failed.at(-1)?.text ?? JSON.stringify(failed.at(-1))).toMatch(/could not send the alert/);
    expect(channel.received).toEqual([]);
  });

  it("once added, posts the guidance reached, the time and the worker's name to the channel, and nothing typed", async () => {
    // Waypoint is added to the team: Teams announces it in the channel, with the channel's id.
    await post(bot, {
      type: 'conversationUpdate',
      serviceUrl: channel.url,
      conversation: { id: ALERT_CHANNEL, conversationType: 'channel', isGroup: true },
      from: { id: '29:admin' },
      membersAdded: [{ id: '28:waypoint' }],
      channelData: { channel: { id: ALERT_CHANNEL }, team: { id: '19:team@thread.tacv2' }, eventType: 'teamMemberAdded' },
    });
    expect(bot.logs.some((line) => line.includes('alert channel found'))).toBe(true);

    const say = worker(bot, channel.url);
    await say({ text: `${SENTINEL} is outside shouting at her again` });
    await say({ value: { action: 'start', tree: 'third-party-report' } });
    const contacts = await say({ text: 'talk to someone' });
    expect(guidance(contacts)?.kind).toBe('contact');
    const sent = await say({ value: ALERT });
    expect(JSON.stringify(sent.at(-1))).toMatch(/alerted your team's channel/);

    const alert = channel.received.find((r) => r.conversation === ALERT_CHANNEL);
    expect(alert?.body.type).toBe('message');
    expect(alert?.body.text).toMatch(/^Waypoint alert: Sam Worker asked for contact at .* \(UK time\)/);
    expect(alert?.body.text).toMatch(/Guidance reached: Should I report to the police on 101\?/);
    expect(alert?.body.text).not.toMatch(/Zebedee|Quintrell|shouting/);
    // The log says an alert went, and which guidance; never the text typed.
    const logged = bot.logs.filter((line) => line.includes('"msg":"alert sent"'));
    expect(logged).toHaveLength(1);
    expect(bot.logs.join('\n')).not.toMatch(/Zebedee/);
  });
});

describe('alerts in local mode, with no channel', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('are shown in the chat and written to the log, not sent', async () => {
    const conversation = bot.conversation();
    await conversation.press({ action: 'start', tree: 'couples-housing' });
    const replies = await conversation.press(ALERT);
    const text = replies.map((r) => r.text ?? JSON.stringify(r.attachments)).join('\n');
    expect(text).toMatch(/Local mode: there is no Teams channel here/);
    expect(text).toMatch(/Guidance reached: A couple/);
    expect(bot.logs.some((line) => line.includes('alert (local mode'))).toBe(true);
  });
});
