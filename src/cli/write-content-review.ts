/**
 * `npm run content:review`: writes docs/content-review.md, the review report for the person who
 * signs content off (every card and walk-through with its owner, dates, sources and currency
 * notes). A test fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultContentPaths, loadContentLibrary } from '../core/content/library';
import { reviewReport } from '../core/content/review';
import { PROJECT_ROOT } from '../paths';

const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
writeFileSync(join(PROJECT_ROOT, 'docs', 'content-review.md'), reviewReport(library));
console.log('wrote docs/content-review.md');
