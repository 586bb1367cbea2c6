/**
 * Hostile and broken input through the real server over HTTP. Each request
 * gets a clear answer (its status, and the kind of reply or the error), none
 * hangs the server, and a conversation in the middle of a walk-through keeps
 * its place however the others misbehave: it is checked after every test.
 * Cases already covered in server.test.ts and teams.test.ts are not repeated
 * here except where this file checks more (the state of the conversation).
 */
import { randomUUID } from 'node:crypto';
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BotReply } from '../../src/client/localClient';
import { escapeMarkdown } from '../../src/bot/text';
import { startTestBot, type TestBot } from '../support/bot';
import { TENANT, TeamsConversation } from '../support/teams';

type Guidance = NonNullable<NonNullable<BotReply['channelData']>['guidance']>;

interface Answer {
  status: number;
  /** The message replies (expectReplies); [] when there were none or the request was refused. */
  replies: BotReply[];
  /** The response body as sent. */
  raw: string;
  body: unknown;
  ms: number;
}

let bot: TestBot;

/** Posts a raw body to /api/messages. */
async function postRaw(payload: string | Uint8Array, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(bot.messagesUrl, { method: 'POST', headers, body: payload });
  const raw = await response.text();
  const ms = performance.now() - started;
  let body: unknown;
  try {
    body = raw ? JSON.parse(raw) : undefined;
  } catch {
    body = raw;
  }
  const activities = (body as { activities?: BotReply[] } | undefined)?.activities ?? [];
  return { status: response.status, replies: activities.filter((a) => a?.type === 'message'), raw, body, ms };
}

/** An activity on the text channel `test` with expectReplies; `extra` overrides any field (undefined removes it). */
function activity(extra: Record<string, unknown> = {}, conversationId = `hostile-${randomUUID()}`): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'test',
    serviceUrl: 'http://localhost',
    conversation: { id: conversationId },
    from: { id: `user-${conversationId}` },
    recipient: { id: 'waypoint' },
    deliveryMode: 'expectReplies',
    // The tenant filter is on, as in production; the tenant comes as Teams sends it.
    channelData: { tenant: { id: TENANT } },
    ...extra,
  };
}

const send = (extra: Record<string, unknown> = {}, conversationId?: string) => postRaw(JSON.stringify(activity(extra, conversationId)));
const kinds = (answer: Answer) => answer.replies.map((r) => r.channelData?.guidance?.kind);
const last = (answer: Answer): Guidance | undefined => answer.replies.at(-1)?.channelData?.guidance;

/** The "resume" button: shows where a conversation is, changing nothing. */
const RESUME = { action: 'command', command: 'resume' };

/**
 * A conversation part-way through a walk-through: it must be exactly where it
 * was after every test. Its stored state is checked after each test; over
 * HTTP (which is rate limited, per conversation) after each group of tests.
 */
const sentinel = { id: `sentinel-${randomUUID()}`, tree: 'couples-housing', node: '' };

async function expectSentinelInPlace(): Promise<void> {
  const step = last(await send({ value: RESUME }, sentinel.id));
  expect(step, 'the other conversation kept its place').toMatchObject({ kind: 'tree', id: sentinel.tree, node: sentinel.node });
}

async function sentinelStored(): Promise<string> {
  return JSON.stringify(await bot.waypoint.storage.read([`test/conversations/${sentinel.id}/`]));
}

beforeAll(async () => {
  bot = await startTestBot({ allowedTenantIds: [TENANT] });
  const start = await send({ value: { action: 'start', tree: sentinel.tree } }, sentinel.id);
  // The second answer: the first (someone is in danger now) raises the emergency reply, not a step.
  const first = last(start)?.choices[1]?.value;
  const step = await send({ value: first }, sentinel.id);
  sentinel.node = last(step)?.node ?? '';
  expect(sentinel.node).not.toBe('');
  expect(sentinel.node).not.toBe(bot.waypoint.library.tree(sentinel.tree)?.start);
  await expectSentinelInPlace();
  sentinelState = await sentinelStored();
  expect(sentinelState).toContain(`"node":"${sentinel.node}"`);
});

/** The sentinel's stored state once it was in place; nothing else may change it. */
let sentinelState = '';

afterEach(async () => {
  expect(await sentinelStored(), "the other conversation's stored state is untouched").toBe(sentinelState);
  expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
});

afterAll(async () => {
  await bot.close();
});

/** Each group of tests ends by asking the sentinel where it is, over HTTP. */
function sentinelCheckedAfterwards(): void {
  afterAll(async () => {
    await expectSentinelInPlace();
    sentinelState = await sentinelStored();
  });
}

/** The tenant, as Teams sends it (the filter refuses activities without one); for LocalConversation posts. */
const ours = { channelData: { tenant: { id: TENANT } } };

describe('text a person might send', () => {
  sentinelCheckedAfterwards();

  it('empty text gets the help, and in a walk-through keeps the step', async () => {
    const fresh = await send({ ...ours, text: '' });
    expect(fresh.status).toBe(200);
    expect(kinds(fresh)).toEqual(['welcome', 'help']);

    const id = `walk-${randomUUID()}`;
    const started = await send({ ...ours, value: { action: 'start', tree: 'third-party-report' } }, id);
    const node = last(started)?.node;
    expect(kinds(await send({ ...ours, text: '' }, id))).toEqual(['help']);
    expect(last(await send({ ...ours, value: RESUME }, id))).toMatchObject({ kind: 'tree', id: 'third-party-report', node });
  });

  it('whitespace only (spaces, tabs, line breaks, no-break and ideographic spaces) gets the help', async () => {
    const answer = await send({ ...ours, text: ' \t\n\r\u00a0\u3000 ' });
    expect(answer.status).toBe(200);
    expect(kinds(answer)).toEqual(['welcome', 'help']);
  });

  it('an attachment with no text (a photo) gets the help', async () => {
    const answer = await send({ ...ours, text: undefined, attachments: [{ contentType: 'image/png', contentUrl: 'https://example.com/photo.png', name: 'photo.png' }] });
    expect(answer.status).toBe(200);
    expect(kinds(answer)).toEqual(['welcome', 'help']);
  });

  it('100,000 characters get an answer quickly (the fallback), and the server is not held up', async () => {
    const answer = await send({ ...ours, text: 'x'.repeat(100_000) });
    expect(answer.status).toBe(200);
    expect(kinds(answer)).toEqual(['welcome', 'fallback']);
    expect(answer.ms).toBeLessThan(2_000);

    const words = await send({ ...ours, text: 'what is marac '.repeat(7_143).slice(0, 100_000) });
    expect(words.status).toBe(200);
    expect(words.ms).toBeLessThan(2_000);
  });

  it('100,000 characters that describe danger now at the very end get the emergency reply', async () => {
    const text = `${'we talked about the weather and the rota. '.repeat(2_400)}he is hitting her right now`;
    expect(text.length).toBeGreaterThan(100_000);
    const answer = await send({ ...ours, text });
    expect(answer.status).toBe(200);
    expect(last(answer)).toMatchObject({ kind: 'emergency' });
  });

  it('100,000 characters of emoji (200 KB) are answered; 100,000 of them (400 KB) are over the size limit (413)', async () => {
    const emoji = await send({ ...ours, text: '😀'.repeat(50_000) });
    expect(emoji.status).toBe(200);
    expect(kinds(emoji)).toEqual(['welcome', 'fallback']);
    const tooBig = await send({ ...ours, text: '😀'.repeat(100_000) });
    expect(tooBig.status).toBe(413);
  });

  it('emoji, right-to-left text and control characters are read as text', async () => {
    // A few emoji alone are a reaction, answered as small talk.
    expect(last(await send({ ...ours, text: '😀🙈🔥 👩‍👩‍👧‍👦' }))?.kind).toBe('small-talk');
    // Arabic around an English keyword: the keyword is still found.
    expect(last(await send({ ...ours, text: 'ما هو marac؟' }))).toMatchObject({ id: expect.stringMatching(/^marac/) });
    // A right-to-left override disguises "caram si tahw" as "what is marac": the text as typed is what counts.
    expect(last(await send({ ...ours, text: '\u202ecaram si tahw' }))?.kind).toBe('fallback');
    // NUL, bell, escape, DEL and a C1 control inside a question do not stop it being understood.
    expect(last(await send({ ...ours, text: 'what\u0000 is\u0007 marac\u001b\u007f\u0085' }))).toMatchObject({ id: expect.stringMatching(/^marac/) });
    // A lone surrogate (invalid UTF-16, valid JSON) is just an unknown character.
    const lone = await postRaw(JSON.stringify(activity({ ...ours, text: 'x' })).replace('"text":"x"', '"text":"\\ud800 what is marac \\udfff"'));
    expect(lone.status).toBe(200);
    expect(last(lone)?.kind).toBeDefined();
  });

  it('Markdown and HTML in a question are never echoed back, on any channel', async () => {
    const attack = '[Click here](https://evil.example/phish) ![x](https://evil.example/i.png) <a href="https://evil.example">x</a> <script>alert(1)</script> **urgent**';
    const text = await send({ ...ours, text: attack });
    const teams = await new TeamsConversation(bot.messagesUrl).say(attack);
    for (const answer of [text, { raw: JSON.stringify(teams.body), status: teams.status }]) {
      expect(answer.status).toBe(200);
      expect(answer.raw).not.toMatch(/evil\.example|<script|<a href|Click here|urgent/);
    }
  });
});

describe('a reflective summary shows the answers as typed, never as markup', () => {
  sentinelCheckedAfterwards();

  const attack =
    '[Click here](https://evil.example/phish) ![x](https://evil.example/i.png) <a href="https://evil.example">link</a> <script>alert(1)</script> **bold** _it_ `code`\n# Heading\n- item\n> quote';
  /** What the bot reads: it folds line breaks and runs of spaces into one space (as Teams text arrives). */
  const answer = attack.replace(/\s+/g, ' ');

  /** Answers the first prompt with `attack` and skips the rest: the summary. */
  async function summaryOn(say: (text: string) => Promise<BotReply[]>, press: (value: unknown) => Promise<BotReply[]>): Promise<BotReply | undefined> {
    const reflection = [...bot.waypoint.library.reflections.values()][0];
    expect(reflection).toBeDefined();
    let replies = await press({ action: 'reflect', reflection: reflection?.id });
    replies = await say(attack);
    for (let i = 1; i < (reflection?.prompts.length ?? 0); i += 1) replies = await say('skip');
    const summary = replies.at(-1);
    expect(summary?.channelData?.guidance?.kind).toBe('reflection-summary');
    return summary;
  }

  it('in Teams: the answer is a TextRun (never Markdown), and no TextBlock holds it', async () => {
    const teams = new TeamsConversation(bot.messagesUrl);
    const summary = await summaryOn(
      async (text) => (await teams.say(text)).replies,
      async (value) => (await teams.submit(value)).replies,
    );
    type Element = { type?: string; text?: string; inlines?: Array<{ type: string; text: string }>; items?: Element[] };
    const card = summary?.attachments?.[0]?.content as { body: Element[]; fallbackText: string };
    const walk = (elements: Element[]): Element[] => elements.flatMap((e) => [e, ...walk(e.items ?? [])]);
    const elements = walk(card.body);
    expect(elements.filter((e) => e.type === 'TextBlock' && e.text?.includes('evil.example'))).toEqual([]);
    const runs = elements.filter((e) => e.type === 'RichTextBlock').flatMap((e) => e.inlines ?? []);
    expect(runs).toContainEqual({ type: 'TextRun', text: answer });
    expect(runs.every((run) => run.type === 'TextRun')).toBe(true);
    // The plain-text fallback is never read as markup: the answer as typed, to copy. The notification
    // line is the title alone: what someone typed never shows on a lock screen.
    expect(card.fallbackText).toContain(answer);
    expect(summary?.summary).toBeTruthy();
    expect(summary?.summary).not.toContain(answer);
  });

  it('as Markdown text: every character that could be markup is escaped', async () => {
    const conversation = bot.conversation();
    const summary = await summaryOn(
      (text) => conversation.post({ type: 'message', text, ...ours }),
      (value) => conversation.post({ type: 'message', value, ...ours }),
    );
    const text = summary?.text ?? '';
    expect(text).toContain(escapeMarkdown(answer));
    // No link, image or tag survives: each bracket and angle bracket is escaped.
    expect(text).not.toMatch(/(?<!\\)\]\(|(?<!\\)<(?:a|script)\b/);
    // The prompts and the rest of the reply are the bot's own, and keep their formatting.
    expect(text).toMatch(/^\*\*Summary: /);
  });
});

describe('activities Waypoint does not act on', () => {
  sentinelCheckedAfterwards();

  it.each(['event', 'typing', 'messageReaction', 'messageUpdate', 'messageDelete', 'endOfConversation', 'deleteUserData', 'handoff', 'suggestion', 'somethingMadeUp'])(
    'type %s: 200 with no replies',
    async (type) => {
      const answer = await send({ ...ours, type, text: undefined, name: 'x', value: { anything: true }, reactionsAdded: [{ type: 'like' }] });
      expect(answer.status).toBe(200);
      expect(answer.replies).toEqual([]);
    },
  );

  it.each([
    ['an unknown name', { name: 'no/such/thing', value: {} }],
    ['no name', { name: undefined, value: {} }],
    ['adaptiveCard/action with a value that is not an object (was a 500 and a reset conversation)', { name: 'adaptiveCard/action', value: 5 }],
    ['adaptiveCard/action with an empty value', { name: 'adaptiveCard/action', value: {} }],
    ['fileConsent/invoke without a value', { name: 'fileConsent/invoke' }],
    ['composeExtension/submitAction without a value', { name: 'composeExtension/submitAction' }],
    ['application/search with a string value', { name: 'application/search', value: 'x' }],
  ])('an invoke with %s: 501 Not Implemented, and its conversation keeps its place', async (_name, fields) => {
    const teams = new TeamsConversation(bot.messagesUrl);
    const started = await teams.submit({ action: 'start', tree: 'third-party-report' });
    const node = started.replies.at(-1)?.channelData?.guidance?.node;
    const answer = await teams.post({ type: 'invoke', ...fields }, false);
    expect(answer.status).toBe(501);
    const here = await teams.submit(RESUME);
    expect(here.replies.at(-1)?.channelData?.guidance).toMatchObject({ kind: 'tree', id: 'third-party-report', node });
  });
});

describe('broken requests get a clear 4xx', () => {
  sentinelCheckedAfterwards();

  const json = { 'content-type': 'application/json' };

  it.each([
    ['truncated', '{"type": "message", "text": "hi"'],
    ['trailing garbage', '{"type": "message"} and more'],
    ['single quotes', "{'type': 'message'}"],
    ['nested 100,000 deep', '['.repeat(100_000) + ']'.repeat(100_000)],
  ])('malformed JSON (%s): 400', async (_name, body) => {
    const answer = await postRaw(body, json);
    expect(answer.status).toBe(400);
  });

  it('bytes that are not UTF-8: 400', async () => {
    const answer = await postRaw(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), json);
    expect(answer.status).toBe(400);
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['application/xml', { 'content-type': 'application/xml' }],
    ['application/x-www-form-urlencoded', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['no content type', {}],
  ])('a wrong content type (%s): 415 asking for JSON', async (_name, headers) => {
    const answer = await postRaw(JSON.stringify(activity({ ...ours, text: 'what is marac' })), headers);
    expect(answer.status).toBe(415);
    expect((answer.body as { error?: string }).error).toMatch(/application\/json/);
  });

  it('multipart/form-data that is not multipart: 400 (the body parser refuses it before the content type is checked)', async () => {
    const answer = await postRaw(JSON.stringify(activity({ ...ours, text: 'what is marac' })), { 'content-type': 'multipart/form-data; boundary=x' });
    expect(answer.status).toBe(400);
  });

  it('application/json with a charset is fine', async () => {
    const answer = await postRaw(JSON.stringify(activity({ ...ours, text: 'what is marac' })), { 'content-type': 'application/json; charset=utf-8' });
    expect(answer.status).toBe(200);
    expect(last(answer)).toMatchObject({ id: expect.stringMatching(/^marac/) });
  });

  it('a body over the size limit sent in chunks, without a length: 413', async () => {
    const big = JSON.stringify(activity({ ...ours, text: 'x'.repeat(400_000) }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(big);
        for (let i = 0; i < bytes.length; i += 16_384) controller.enqueue(bytes.slice(i, i + 16_384));
        controller.close();
      },
    });
    const response = await fetch(bot.messagesUrl, { method: 'POST', headers: json, body: stream, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
  });

  it.each([
    ['missing', { conversation: undefined }],
    ['null', { conversation: null }],
    ['with no id', { conversation: { name: 'x' } }],
    ['with an empty id', { conversation: { id: '' } }],
    ['with a number for an id', { conversation: { id: 42 } }],
  ])('a conversation %s: 400 naming it', async (_name, fields) => {
    const answer = await postRaw(JSON.stringify({ ...activity({ ...ours, text: 'what is marac' }), ...fields }), json);
    expect(answer.status).toBe(400);
    expect((answer.body as { error: string }).error).toMatch(/^Invalid activity at conversation/);
  });

  it.each([
    ['not a URL', 'not a url'],
    ['not http', 'file:///etc/passwd'],
    ['missing', undefined],
  ])('a serviceUrl %s, with replies to send to it: 400 (it was a 500 after the connector gave up)', async (_name, serviceUrl) => {
    const answer = await send({ ...ours, text: 'what is marac', deliveryMode: undefined, serviceUrl });
    expect(answer.status).toBe(400);
    expect((answer.body as { error: string }).error).toMatch(/serviceUrl/);
  });
});

describe('button values (activity.value) from outside', () => {
  sentinelCheckedAfterwards();

  it.each([
    ['an empty object', {}],
    ['an unknown action', { action: 'delete-everything' }],
    ['a known action missing its fields', { action: 'choose', tree: 'couples-housing' }],
    ['fields of the wrong type', { action: 'start', tree: 42 }],
    ['an unknown command', { action: 'command', command: 'rm -rf' }],
    ['a feedback id far too long', { action: 'feedback', id: 'x'.repeat(5_000), helpful: true }],
    ['a string', 'start'],
    ['a number', 7],
    ['a list', [{ action: 'start', tree: 'couples-housing' }]],
  ])('%s: "didn\'t recognise that button" with the menu', async (_name, value) => {
    const answer = await send({ ...ours, text: undefined, value });
    expect(answer.status).toBe(200);
    expect(kinds(answer)).toEqual(['welcome', 'menu']);
    expect(answer.replies.at(-1)?.text).toMatch(/didn't recognise that button/);
  });

  it('unknown extra fields are ignored: the press does what it names', async () => {
    const answer = await send({ ...ours, value: { action: 'start', tree: 'couples-housing', extra: 'x', nested: { deep: [1, 2] } } });
    expect(last(answer)).toMatchObject({ kind: 'tree', id: 'couples-housing' });
  });

  it('a __proto__ key opens the card and pollutes nothing', async () => {
    const body = JSON.stringify(activity({ ...ours, text: undefined })).replace(/}$/, ',"value":{"__proto__":{"polluted":true},"action":"open","card":"marac"}}');
    const answer = await postRaw(body);
    expect(last(answer)).toMatchObject({ id: expect.stringMatching(/^marac/) });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('content that no longer exists: says so, with the menu', async () => {
    const answer = await send({ ...ours, value: { action: 'start', tree: 'no-such-tree' } });
    expect(last(answer)?.kind).toBe('menu');
    expect(answer.replies.at(-1)?.text).toMatch(/isn't available any more/);
  });

  it('a choice that is not an option of the step, mid-walk: asks again at the same step', async () => {
    const id = `choose-${randomUUID()}`;
    const started = await send({ ...ours, value: { action: 'start', tree: 'third-party-report' } }, id);
    const node = last(started)?.node;
    const answer = await send({ ...ours, value: { action: 'choose', tree: 'third-party-report', node, choice: 'no-such-option' } }, id);
    expect(last(answer)).toMatchObject({ kind: 'tree', id: 'third-party-report', node });
    expect(answer.replies.at(-1)?.text).toMatch(/isn't one of the options/);
  });

  it('a broken value with text: the text is answered', async () => {
    const answer = await send({ ...ours, text: 'what is marac', value: { action: 'nonsense' } });
    expect(last(answer)).toMatchObject({ id: expect.stringMatching(/^marac/) });
  });
});

describe('a turn that throws (onTurnError)', () => {
  sentinelCheckedAfterwards();

  it('a turn whose state cannot be saved: its replies are dropped, the conversation is reset and told so plainly', async () => {
    // A store that fails (not an eTag conflict: a fault) when told to, for one conversation only.
    const failing = new Set<string>();
    class FaultyStore extends MemoryStorage {
      override async write(changes: StoreItems): Promise<void> {
        if (Object.keys(changes).some((key) => [...failing].some((id) => key.includes(id)))) throw new Error('storage is broken');
        return super.write(changes);
      }
    }
    const own = await startTestBot({ storage: { kind: 'given', store: new FaultyStore() } });
    try {
      const sendHere = async (extra: Record<string, unknown>, id: string) => {
        const response = await fetch(own.messagesUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity(extra, id)) });
        const body = (await response.json()) as { activities?: BotReply[] };
        return { status: response.status, replies: (body.activities ?? []).filter((a) => a.type === 'message') };
      };
      const id = `broken-${randomUUID()}`;
      const started = await sendHere({ value: { action: 'start', tree: 'couples-housing' } }, id);
      expect(started.replies.at(-1)?.channelData?.guidance?.kind).toBe('tree');

      failing.add(id);
      const failed = await sendHere({ text: 'yes' }, id);
      expect(failed.status).toBe(200);
      expect(failed.replies).toHaveLength(1);
      expect(failed.replies[0]?.text).toBe(
        'Sorry, something went wrong on my side, so I have reset our conversation. Type menu to start again. If someone is in danger now, call 999.',
      );
      expect(own.logs.some((line) => line.includes('"msg":"turn failed"') && line.includes('storage is broken'))).toBe(true);

      // The conversation really was reset: no walk to resume, and it is introduced afresh.
      failing.delete(id);
      const after = await sendHere({ value: RESUME }, id);
      expect(after.replies.map((r) => r.channelData?.guidance?.kind)).toEqual(['welcome', 'menu']);
    } finally {
      await own.close();
    }
  });

  it('a message with no sender is answered: only a practice record needs to know the user', async () => {
    const answer = await send({ ...ours, text: 'what is marac', from: undefined });
    expect(answer.status).toBe(200);
    expect(last(answer)).toMatchObject({ id: expect.stringMatching(/^marac/) });
    const practice = await send({ ...ours, text: 'my progress', from: { id: '' } });
    expect(last(practice)?.kind).toBe('progress');
  });
});
