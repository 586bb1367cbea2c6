/**
 * Per-conversation rate limiting: a token bucket for each conversation id.
 * A conversation may send `capacity` activities at once (a worker tapping
 * through a walk-through quickly is a burst), and the bucket refills at
 * `capacity` per `refillMs`. The default, 30 per 10 seconds, is far beyond
 * what a person typing or pressing buttons sends, and stops one
 * conversation (a stuck client, a script) from hogging the bot.
 *
 * The bucket map is bounded: a bucket that has not been used for `refillMs`
 * is full again, which is the same as having no bucket, so it is dropped;
 * and past `maxBuckets` conversations the least recently seen are dropped
 * too. Buckets are kept in least-recently-used order (a Map re-inserted on
 * every use), so expiring them costs nothing per request beyond the ones it
 * removes.
 */
import { createHash } from 'node:crypto';

export interface RateLimitOptions {
  /** How many activities a conversation may send at once (the bucket's size). */
  capacity: number;
  /** How long an empty bucket takes to fill again, in milliseconds. */
  refillMs: number;
  /** The most conversations tracked at once. */
  maxBuckets: number;
  /** The clock, for tests. */
  now?: () => number;
}

export const DEFAULT_RATE_LIMIT: Readonly<Required<Omit<RateLimitOptions, 'now'>>> = {
  capacity: 30,
  refillMs: 10_000,
  maxBuckets: 10_000,
};

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  /** When the bucket was last used (and its tokens brought up to date). */
  updated: number;
}

/** Ids longer than this are hashed, so one key's memory is bounded whatever a client sends. */
const MAX_KEY_CHARS = 200;

export class ConversationRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly refillMs: number;
  private readonly maxBuckets: number;
  private readonly now: () => number;

  constructor(options: Partial<RateLimitOptions> = {}) {
    this.capacity = options.capacity ?? DEFAULT_RATE_LIMIT.capacity;
    this.refillMs = options.refillMs ?? DEFAULT_RATE_LIMIT.refillMs;
    this.maxBuckets = options.maxBuckets ?? DEFAULT_RATE_LIMIT.maxBuckets;
    this.now = options.now ?? Date.now;
    if (!(this.capacity >= 1) || !(this.refillMs > 0) || !(this.maxBuckets >= 1)) {
      throw new RangeError('Rate limit: capacity and maxBuckets must be at least 1, and refillMs positive');
    }
  }

  /** How many conversations have a bucket now. */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes one token for this conversation, or says how long to wait for the next. */
  take(conversationId: string): RateDecision {
    const now = this.now();
    this.expire(now);
    const key = keyOf(conversationId);
    const bucket = this.refilled(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const msToNextToken = ((1 - bucket.tokens) * this.refillMs) / this.capacity;
    // Whole seconds, rounded up (less a hair, so floating-point dust does not add a second).
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msToNextToken / 1000 - 1e-9)) };
  }

  /** Gives back a token taken for a request that turned out not to count (one refused for want of credentials). */
  refund(conversationId: string): void {
    const bucket = this.buckets.get(keyOf(conversationId));
    if (bucket) bucket.tokens = Math.min(this.capacity, bucket.tokens + 1);
  }

  /** The conversation's bucket, brought up to date and moved to the most recently used end. */
  private refilled(key: string, now: number): Bucket {
    const existing = this.buckets.get(key);
    const bucket = existing ?? { tokens: this.capacity, updated: now };
    if (existing) {
      const elapsed = Math.max(0, now - existing.updated);
      bucket.tokens = Math.min(this.capacity, existing.tokens + (elapsed * this.capacity) / this.refillMs);
      bucket.updated = now;
      this.buckets.delete(key);
    }
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxBuckets) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined && oldest !== key) this.buckets.delete(oldest);
    }
    return bucket;
  }

  /** Drops buckets unused for refillMs: they are full again, so forgetting them changes nothing. */
  private expire(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.updated < this.refillMs) break; // least recently used first: the rest are newer
      this.buckets.delete(key);
    }
  }
}

function keyOf(conversationId: string): string {
  if (conversationId.length <= MAX_KEY_CHARS) return conversationId;
  return `sha256:${createHash('sha256').update(conversationId).digest('base64')}`;
}
