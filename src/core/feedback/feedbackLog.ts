/**
 * What content authors and supervisors need to see the gaps, and nothing
 * more: per item, how many people found it helpful or not (counts only, no
 * user ids, no text); the questions that got the fallback, with every word
 * that could name or place someone taken out, and how many came each week;
 * and per walk-through, how many walks started, reached an outcome, or were
 * left, at which step. Kept in memory for the life of the process.
 */
import { redactForReport } from '../privacy/redact';

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

/** Questions that got the fallback in one week (ISO week, `2026-W49`). */
export interface WeekCount {
  week: string;
  count: number;
}

/** One walk-through's walks: started, reached an outcome, and left before one (at which step). */
export interface WalkCount {
  tree: string;
  started: number;
  finished: number;
  /** Walks left before an outcome, by the step they were left at, most first. */
  stops: Array<{ node: string; count: number }>;
}

export interface FeedbackSnapshot {
  feedback: FeedbackCount[];
  unanswered: UnansweredQuery[];
  unansweredByWeek: WeekCount[];
  walks: WalkCount[];
}

export interface FeedbackLogOptions {
  /** Distinct unanswered queries kept; when full, the least asked (the oldest of those) makes room. */
  maxQueries?: number;
  /** Longest query kept, in characters. */
  maxQueryChars?: number;
  now?: () => number;
  /** The guidance's own words, kept in unanswered questions although no dictionary has them (see redactForReport). */
  knownWords?: ReadonlySet<string>;
}

/** Weeks of unanswered counts kept (a year). */
const MAX_WEEKS = 53;

/** Characters kept past the limit for redaction to see whole, before the final cut. */
const REDACTION_MARGIN = 100;

export class FeedbackLog {
  private readonly counts = new Map<string, FeedbackCount>();
  private readonly queries = new Map<string, number>();
  private readonly maxQueries: number;
  private readonly maxQueryChars: number;
  private readonly weeks = new Map<string, number>();
  private readonly walks = new Map<string, { started: number; finished: number; stops: Map<string, number> }>();
  private readonly now: () => number;
  private readonly knownWords: ReadonlySet<string>;

  constructor(options: FeedbackLogOptions = {}) {
    this.maxQueries = options.maxQueries ?? 200;
    this.maxQueryChars = options.maxQueryChars ?? 200;
    this.now = options.now ?? Date.now;
    this.knownWords = options.knownWords ?? new Set();
  }

  /** Callers pass only tree and node ids that exist in the content, so the keys stay bounded. */
  walkStarted(tree: string): void {
    this.walk(tree).started += 1;
  }

  walkFinished(tree: string): void {
    this.walk(tree).finished += 1;
  }

  walkLeft(tree: string, node: string): void {
    const stops = this.walk(tree).stops;
    stops.set(node, (stops.get(node) ?? 0) + 1);
  }

  private walk(tree: string) {
    let counts = this.walks.get(tree);
    if (!counts) this.walks.set(tree, (counts = { started: 0, finished: 0, stops: new Map() }));
    return counts;
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
    const query = redactForReport(text.slice(0, this.maxQueryChars + REDACTION_MARGIN).replace(/\s+/g, ' ').trim(), this.knownWords).slice(0, this.maxQueryChars);
    if (!query) return;
    const week = isoWeek(this.now());
    this.weeks.set(week, (this.weeks.get(week) ?? 0) + 1);
    if (this.weeks.size > MAX_WEEKS) this.weeks.delete([...this.weeks.keys()].sort()[0] as string);
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
      unansweredByWeek: [...this.weeks].map(([week, count]) => ({ week, count })).sort((a, b) => a.week.localeCompare(b.week)),
      walks: [...this.walks]
        .map(([tree, w]) => ({
          tree,
          started: w.started,
          finished: w.finished,
          stops: [...w.stops].map(([node, count]) => ({ node, count })).sort((a, b) => b.count - a.count || a.node.localeCompare(b.node)),
        }))
        .sort((a, b) => b.started - a.started || a.tree.localeCompare(b.tree)),
    };
  }
}

/** The ISO 8601 week of a moment, as `2026-W49` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(at: number): string {
  const day = new Date(at);
  const date = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
