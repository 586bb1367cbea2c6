/**
 * Per-conversation rate limiting: the token bucket itself (bursts, refill,
 * Retry-After, bounded memory), the server with small limits and a fake
 * clock, and the real bot with its defaults (30 per 10 seconds).
 */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type restify from 'restify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConversationRateLimiter, DEFAULT_RATE_LIMIT } from '../../src/http/rateLimit';
import { createServer, type MessageEndpoint } from '../../src/http/server';
import { startTestBot, type TestBot } from '../support/bot';

describe('the token bucket', () => {
  it('allows a burst of `capacity`, then refuses with the seconds until the next token', () => {
    let now = 0;
    const limiter = new ConversationRateLimiter({ capacity: 3, refillMs: 3_000, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // Another conversation has its own bucket.
    expect(limiter.take('b').allowed).toBe(true);
    // One token comes back every refillMs / capacity (1 s).
    now = 999;
    expect(limiter.take('a').allowed).toBe(false);
    now = 1_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('says how long to wait when tokens come back slowly', () => {
    let now = 0;
    const limiter = new ConversationRateLimiter({ capacity: 2, refillMs: 60_000, now: () => now });
    limiter.take('a');
    limiter.take('a');
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    now = 20_000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('never holds more than `capacity`, however long a conversation was idle', () => {
    let now = 0;
    const limiter = new ConversationRateLimiter({ capacity: 2, refillMs: 1_000, now: () => now });
    limiter.take('a');
    now = 1_000_000;
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, false]);
  });

  it('forgets buckets idle for refillMs (they are full again), so memory does not grow with conversations', () => {
    let now = 0;
    const limiter = new ConversationRateLimiter({ capacity: 5, refillMs: 10_000, now: () => now });
    for (let i = 0; i < 1_000; i += 1) limiter.take(`conversation-${i}`);
    expect(limiter.size).toBe(1_000);
    now = 10_000;
    limiter.take('one-more');
    expect(limiter.size).toBe(1);
  });

  it('keeps at most maxBuckets, dropping the least recently seen', () => {
    let now = 0;
    const limiter = new ConversationRateLimiter({ capacity: 1, refillMs: 60_000, maxBuckets: 100, now: () => now });
    limiter.take('busy');
    for (let i = 0; i < 10_000; i += 1) {
      now += 1;
      limiter.take(`flood-${i}`);
      if (i % 50 === 0) limiter.take('busy'); // still seen, so kept, and still limited
    }
    expect(limiter.size).toBeLessThanOrEqual(100);
    expect(limiter.take('busy').allowed).toBe(false);
  });

  it('bounds the memory of a huge conversation id', () => {
    const limiter = new ConversationRateLimiter({ capacity: 1 });
    const huge = 'x'.repeat(200_000);
    expect(limiter.take(huge).allowed).toBe(true);
    expect(limiter.take(huge).allowed).toBe(false);
    expect(limiter.take(`${huge}y`).allowed).toBe(true);
  });

  it('gives a token back (for a request refused without valid credentials)', () => {
    const limiter = new ConversationRateLimiter({ capacity: 1, now: () => 0 });
    limiter.take('a');
    limiter.refund('a');
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('defaults to 30 per 10 seconds', () => {
    expect(DEFAULT_RATE_LIMIT).toMatchObject({ capacity: 30, refillMs: 10_000 });
  });
});

describe('the server with small limits', () => {
  let server: restify.Server;
  let url: string;
  let now = 0;
  let answer = 200;
  let processed = 0;
  const endpoint: MessageEndpoint = {
    async process(_req, res) {
      processed += 1;
      res.send(answer, answer === 200 ? { activities: [] } : undefined);
    },
  };

  beforeAll(async () => {
    server = createServer({
      endpoint,
      health: () => ({}),
      logger: pino({ level: 'silent' }),
      rateLimit: { capacity: 3, refillMs: 3_000, now: () => now },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  afterEach(() => {
    answer = 200;
  });

  const post = (conversation: string, body?: string) =>
    fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body ?? JSON.stringify({ type: 'message', channelId: 'test', serviceUrl: 'http://localhost', conversation: { id: conversation } }),
    });

  it('answers 429 with Retry-After past the limit, without running the bot, and per conversation', async () => {
    const before = processed;
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await post('burst')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(processed - before).toBe(3);

    const limited = await post('burst');
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toEqual({ error: 'Too many messages in this conversation. Try again in 1 second.' });
    expect((await post('someone-else')).status).toBe(200);

    now += 1_000;
    expect((await post('burst')).status).toBe(200);
    expect((await post('burst')).status).toBe(429);
  });

  it('never limits GET /healthz or GET /readyz', async () => {
    for (let i = 0; i < 50; i += 1) {
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
    }
  });

  it('does not count malformed requests (they never reach the bot)', async () => {
    for (let i = 0; i < 10; i += 1) expect((await post('malformed', '{"type": "message", "conversation": {"id": "malformed"}}')).status).toBe(400);
    expect((await post('malformed')).status).toBe(200);
  });

  it('does not count requests refused for want of a valid token (401), so forged ones cannot lock a conversation out', async () => {
    answer = 401;
    for (let i = 0; i < 10; i += 1) expect((await post('forged')).status).toBe(401);
    answer = 200;
    expect((await post('forged')).status).toBe(200);
  });

  it('can be turned off', async () => {
    const open = createServer({ endpoint, health: () => ({}), logger: pino({ level: 'silent' }), rateLimit: false });
    await new Promise<void>((resolve) => open.listen(0, '127.0.0.1', resolve));
    try {
      const openUrl = `http://127.0.0.1:${(open.address() as AddressInfo).port}/api/messages`;
      const body = JSON.stringify({ type: 'typing', channelId: 'test', serviceUrl: 'http://localhost', conversation: { id: 'x' } });
      for (let i = 0; i < 50; i += 1) {
        expect((await fetch(openUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(200);
      }
    } finally {
      await new Promise<void>((resolve) => open.close(() => resolve()));
    }
  });
});

describe('the real bot, with the default limit', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('lets a conversation send a burst of 30, then answers 429 with Retry-After; other conversations carry on', async () => {
    const conversation = bot.conversation();
    const typing = () =>
      fetch(bot.messagesUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'typing',
          channelId: 'test',
          serviceUrl: 'http://localhost',
          conversation: { id: conversation.conversationId },
          from: conversation.user,
          deliveryMode: 'expectReplies',
        }),
      });
    const started = performance.now();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) statuses.push((await typing()).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    // The bucket refills at 3 a second: a few more may get through while these are sent, but not many.
    const extra: Response[] = [];
    for (let i = 0; i < 10; i += 1) extra.push(await typing());
    const elapsedSeconds = (performance.now() - started) / 1000;
    const limited = extra.filter((response) => response.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(10 - Math.ceil(elapsedSeconds * 3) - 1);
    expect(limited.length).toBeGreaterThan(0);
    const retryAfter = Number(limited[0]?.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 10).toBe(true);

    const other = await bot.conversation().say('what is marac');
    expect(other.at(-1)?.channelData?.guidance).toMatchObject({ kind: 'card', id: 'marac' });
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});
