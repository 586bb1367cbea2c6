/**
 * The supervisor's view (GET /admin/feedback, and the page at /admin that draws it): the feedback
 * log's counts, with the titles of what they count, and the content due for review. Everything in
 * it is already free of client details: counts, content ids and titles, and unanswered questions
 * with every word that could name or place someone taken out (see privacy/redact).
 */
import type { ContentLibrary } from '../content/library';
import { reviewStatus, type ReviewStatus } from '../content/review';
import type { FeedbackSnapshot } from './feedbackLog';

export interface AdminReport extends FeedbackSnapshot {
  /** When the report was made (ISO 8601). */
  at: string;
  /** The title of every card, tree and tree step the counts name, by id (`tree-id/node-id` for a step). */
  titles: Record<string, string>;
  review: ReviewStatus;
}

export function adminReport(snapshot: FeedbackSnapshot, library: ContentLibrary, now: number): AdminReport {
  const titles: Record<string, string> = {};
  const name = (id: string) => {
    const [item, node] = id.split('/');
    const title = item ? library.titleOf(item) : undefined;
    if (!title) return;
    const step = node ? library.tree(item as string)?.nodes[node]?.text : undefined;
    titles[id] = step ? `${title}: ${step}` : title;
  };
  snapshot.feedback.forEach((count) => name(count.id));
  for (const walk of snapshot.walks) {
    name(walk.tree);
    walk.stops.forEach((stop) => name(`${walk.tree}/${stop.node}`));
  }
  const at = new Date(now).toISOString();
  return { ...snapshot, at, titles, review: reviewStatus(library, at.slice(0, 10)) };
}
