/**
 * The real server over HTTP in local mode: health, expectReplies, the
 * welcome, the guidance contract on every reply, and 4xx (never a crash) for
 * malformed requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});

const activity = (extra: Record<string, unknown> = {}) => ({
  type: 'message',
  text: 'what is marac',
  channelId: 'test',
  serviceUrl: 'http://localhost',
  conversation: { id: `http-${Math.random()}` },
  from: { id: 'user-1' },
  recipient: { id: 'waypoint' },
  deliveryMode: 'expectReplies',
  ...extra,
});

async function post(body: string, contentType = 'application/json') {
  const response = await fetch(bot.messagesUrl, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: response.status, body: await response.text() };
}

describe('GET /healthz', () => {
  it('answers 200 with the version and content counts', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; version: string; content: { cards: number; trees: number } };
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.content).toEqual({ cards: bot.waypoint.library.cards.size, trees: bot.waypoint.library.trees.size });
    expect(body.content.cards).toBeGreaterThanOrEqual(38);
  });
});

describe('POST /api/messages with deliveryMode expectReplies', () => {
  it('returns the replies in the response, each carrying channelData.guidance', async () => {
    const { status, body } = await post(JSON.stringify(activity()));
    expect(status).toBe(200);
    const { activities } = JSON.parse(body) as { activities: Array<{ type: string; channelData: { guidance: { kind: string; id?: string; source?: { section: string } } } }> };
    expect(activities.map((a) => a.channelData.guidance.kind)).toEqual(['welcome', 'card']);
    const card = activities[1]?.channelData.guidance;
    expect(card?.id).toBe('marac');
    expect(card?.source?.section).toBe('MARAC');
  });

  it('welcomes a user when the bot is added, but not for the bot joining alone', async () => {
    const conversation = bot.conversation();
    const welcome = await conversation.join();
    expect(welcome.map((a) => a.channelData?.guidance?.kind)).toEqual(['welcome']);
    expect(welcome[0]?.text).toMatch(/don't type clients' names/);

    const botOnly = await post(JSON.stringify(activity({ type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'waypoint' }] })));
    expect(JSON.parse(botOnly.body).activities).toEqual([]);
  });

  it('welcomes on installationUpdate add, once even when membersAdded follows', async () => {
    const conversation = { id: `install-${Math.random()}` };
    const install = await post(JSON.stringify(activity({ type: 'installationUpdate', action: 'add', text: undefined, conversation })));
    expect(JSON.parse(install.body).activities.map((a: { channelData: { guidance: { kind: string } } }) => a.channelData.guidance.kind)).toEqual(['welcome']);
    const added = await post(
      JSON.stringify(activity({ type: 'conversationUpdate', text: undefined, conversation, membersAdded: [{ id: 'user-1' }, { id: 'waypoint' }] })),
    );
    expect(JSON.parse(added.body).activities).toEqual([]);
  });

  it('renders text with numbered options on a channel without cards', async () => {
    const replies = await bot.conversation().press({ action: 'start', tree: 'third-party-report' });
    const reply = replies.at(-1);
    const choices = reply?.channelData?.guidance?.choices ?? [];
    expect(reply?.attachments).toBeUndefined();
    expect(choices[0]?.value).toEqual({ action: 'choose', tree: 'third-party-report', node: 'danger-now', choice: expect.any(String) });
    choices.forEach((choice, i) => expect(reply?.text).toContain(`${i + 1}. ${choice.label}`));
  });

  it('keeps conversations apart', async () => {
    const a = bot.conversation();
    const b = bot.conversation();
    await a.press({ action: 'start', tree: 'couples-housing' });
    await b.press({ action: 'start', tree: 'third-party-report' });
    const [backA] = await a.say('start over');
    const [backB] = await b.say('start over');
    expect(backA?.channelData?.guidance?.id).toBe('couples-housing');
    expect(backB?.channelData?.guidance?.id).toBe('third-party-report');
  });

  it('answers an unknown activity type without replies or errors', async () => {
    const { status, body } = await post(JSON.stringify(activity({ type: 'event', name: 'something', text: undefined })));
    expect(status).toBe(200);
    expect(JSON.parse(body).activities).toEqual([]);
  });
});

describe('malformed requests get a 4xx, never a crash', () => {
  it('says what is wrong', async () => {
    const { body } = await post(JSON.stringify(activity({ conversation: {} })));
    expect(JSON.parse(body).error).toMatch(/^Invalid activity at conversation\.id:/);
  });

  it.each([
    ['malformed JSON', '{"type": "message", ', 'application/json', 400],
    ['a wrong content type', 'type=message', 'application/x-www-form-urlencoded', 415],
    ['a plain-text body', 'hello', 'text/plain', 415],
    ['an array body', '[]', 'application/json', 400],
    ['an activity without a type', JSON.stringify({ conversation: { id: 'x' } }), 'application/json', 400],
    ['an activity without a conversation id', JSON.stringify({ type: 'message', text: 'hi' }), 'application/json', 400],
    ['text that is not a string', JSON.stringify(activity({ text: { evil: true } })), 'application/json', 400],
    ['an activity without a channelId', JSON.stringify(activity({ channelId: undefined })), 'application/json', 400],
    ['membersAdded that is not a list', JSON.stringify(activity({ type: 'conversationUpdate', membersAdded: 'everyone' })), 'application/json', 400],
    ['membersAdded with a null member', JSON.stringify(activity({ type: 'conversationUpdate', membersAdded: [null] })), 'application/json', 400],
    ['a body over the size limit', JSON.stringify(activity({ text: 'x'.repeat(400_000) })), 'application/json', 413],
  ])('%s', async (_name, body, contentType, status) => {
    expect((await post(body, contentType)).status).toBe(status);
  });

  it('is still healthy afterwards', async () => {
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});

describe('privacy', () => {
  it('never writes what the user typed to the logs', async () => {
    const secret = 'Zebedee Quintrell 07700 900123';
    const conversation = bot.conversation();
    await conversation.say(`${secret} says he answers every question for her`);
    await conversation.say(`${secret} is hitting her right now`);
    expect(bot.logs.length).toBeGreaterThan(0);
    expect(bot.logs.join('\n')).not.toMatch(/Zebedee|Quintrell|07700/);
  });
});
