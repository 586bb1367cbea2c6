/**
 * `npm run content:check`: validates every card, tree, practice scenario,
 * reflective session, the source registry and the menu, printing each fault
 * with its file and path, then the review dates: what is due within 60 days is
 * listed, and anything past its review date is a fault. Exits 1 on any fault.
 * WAYPOINT_TODAY (YYYY-MM-DD) stands in for today's date, for tests.
 */
import { resolve } from 'node:path';
import { ContentError, defaultContentPaths, loadContentLibrary } from '../core/content/library';
import { DUE_SOON_DAYS, reviewStatus, type ReviewItem } from '../core/content/review';

const root = resolve(process.argv[2] ?? process.cwd());
const today = process.env.WAYPOINT_TODAY ?? new Date().toISOString().slice(0, 10);
const dueLine = (item: ReviewItem) => `  - ${item.kind} ${item.id} (${item.owner}): review due ${item.reviewDue}`;
try {
  const library = loadContentLibrary(defaultContentPaths(root));
  const { overdue, dueSoon } = reviewStatus(library, today);
  if (dueSoon.length > 0) console.log(`Due for review within ${DUE_SOON_DAYS} days of ${today}:\n${dueSoon.map(dueLine).join('\n')}`);
  if (overdue.length > 0) {
    console.error(`Past their review date on ${today} (review them, then move reviewed and reviewDue on):\n${overdue.map(dueLine).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log(
      `Content OK: ${library.cards.size} cards, ${library.trees.size} trees, ${library.scenarios.size} scenarios, ${library.reflections.size} reflective sessions.`,
    );
  }
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
