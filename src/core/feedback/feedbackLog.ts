/**
 * What content authors need to see the gaps, and nothing more: per item,
 * how many people found it helpful or not (counts only, no user ids, no
 * text), and the questions that got the fallback, redacted and capped.
 * Kept in memory for the life of the process.
 */
import { redact } from '../privacy/redact';

export interface FeedbackCount {
  /** A card id, or `tree-id/node-id` for a tree outcome. */
  id: string;
  helpful: number;
  notHelpful: number;
}

export interface UnansweredQuery {
  /** The question as typed, redacted (see privacy/redact) and cut to a maximum length. */
  query: string;
  count: number;
}

export interface FeedbackSnapshot {
  feedback: FeedbackCount[];
  unanswered: UnansweredQuery[];
}

export interface FeedbackLogOptions {
  /** Distinct unanswered queries kept; when full, the least asked (the oldest of those) makes room. */
  maxQueries?: number;
  /** Longest query kept, in characters. */
  maxQueryChars?: number;
}

/** Characters kept past the limit for redaction to see whole, before the final cut. */
const REDACTION_MARGIN = 100;

export class FeedbackLog {
  private readonly counts = new Map<string, FeedbackCount>();
  private readonly queries = new Map<string, number>();
  private readonly maxQueries: number;
  private readonly maxQueryChars: number;

  constructor(options: FeedbackLogOptions = {}) {
    this.maxQueries = options.maxQueries ?? 200;
    this.maxQueryChars = options.maxQueryChars ?? 200;
  }

  /** Callers pass only ids that exist in the content, so the number of keys stays bounded. */
  rate(id: string, helpful: boolean): void {
    const count = this.counts.get(id) ?? { id, helpful: 0, notHelpful: 0 };
    if (helpful) count.helpful += 1;
    else count.notHelpful += 1;
    this.counts.set(id, count);
  }

  unanswered(text: string): void {
    // Cut before redacting (redaction is not linear on very long text), with room to spare so a
    // number or address straddling the cut is still whole enough to be caught.
    const query = redact(text.slice(0, this.maxQueryChars + REDACTION_MARGIN).replace(/\s+/g, ' ').trim()).slice(0, this.maxQueryChars);
    if (!query) return;
    const seen = this.queries.get(query) ?? 0;
    if (seen === 0 && this.queries.size >= this.maxQueries) this.queries.delete(this.leastAsked());
    this.queries.set(query, seen + 1);
  }

  /** The query asked least often; among equals, the first recorded (Map keeps insertion order). */
  private leastAsked(): string {
    let least: [string, number] | undefined;
    for (const entry of this.queries) if (!least || entry[1] < least[1]) least = entry;
    return least?.[0] ?? '';
  }

  /** Most rated and most asked first. */
  snapshot(): FeedbackSnapshot {
    return {
      feedback: [...this.counts.values()]
        .map((c) => ({ ...c }))
        .sort((a, b) => b.helpful + b.notHelpful - (a.helpful + a.notHelpful) || a.id.localeCompare(b.id)),
      unanswered: [...this.queries].map(([query, count]) => ({ query, count })).sort((a, b) => b.count - a.count),
    };
  }
}
