/**
 * `npm run content:copy-check [seed folder]`: how much of the content repeats the seed documents
 * word for word (see tooling/seedCopy.ts). Exits 1 when the copied share or the longest copied run
 * is over its limit. The seeds are not part of this repository; by default they are read from
 * ../shared/seeds beside it.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { PROJECT_ROOT } from '../paths';
import { COPIED_RUN, seedCopyReport } from '../tooling/seedCopy';

/** At most this share of the content's words may sit in runs copied from a seed. */
const MAX_COPIED_SHARE = 0.015;
/** No copied run may be longer than this many words (a proper name or a title quoted in a sentence is fine). */
const MAX_RUN = 16;

const seeds = resolve(process.argv[2] ?? join(PROJECT_ROOT, '..', 'shared', 'seeds'));
if (!existsSync(seeds)) {
  console.error(`No seed documents at ${seeds}: pass their folder as the first argument.`);
  process.exit(2);
}
const report = seedCopyReport(seeds, [join(PROJECT_ROOT, 'content', 'cards'), join(PROJECT_ROOT, 'dialogs')]);
const share = report.copiedWords / Math.max(1, report.words);
const longest = report.copied[0]?.run ?? 0;
console.log(`${report.words} words of prose; ${report.copiedWords} (${(share * 100).toFixed(2)}%) in runs of ${COPIED_RUN}+ words also in a seed (limit ${MAX_COPIED_SHARE * 100}%).`);
console.log(`Longest copied run: ${longest} words (limit ${MAX_RUN}).`);
for (const item of report.copied.slice(0, 10)) console.log(`  ${item.run} words  ${relative(PROJECT_ROOT, item.file)}: ${item.text}`);
if (share > MAX_COPIED_SHARE || longest > MAX_RUN) {
  console.error('Over the limit: rewrite the longest runs in your own words.');
  process.exitCode = 1;
}
