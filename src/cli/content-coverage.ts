/**
 * `npm run content:coverage`: for each source document and section, the cards
 * and tree nodes that cite it, and a total per document against its bar
 * (every substantive section of the homelessness guidance; 80% of the
 * others). Exits 1 when a document is below its bar. `--summary` prints the
 * totals only.
 */
import { resolve } from 'node:path';
import { coverageReport } from '../core/content/coverage';
import { defaultContentPaths, loadContentLibrary } from '../core/content/library';

const args = process.argv.slice(2);
const root = args.find((arg) => !arg.startsWith('--')) ?? process.cwd();
const verbose = !args.includes('--summary');
const library = loadContentLibrary(defaultContentPaths(resolve(root)));
const percent = (share: number) => `${Math.round(share * 100)}%`;

let allMet = true;
for (const doc of coverageReport(library)) {
  allMet &&= doc.meetsBar;
  console.log(`\n${doc.id}: ${doc.title}`);
  console.log(`  ${doc.covered}/${doc.substantive} substantive sections cited (${percent(doc.share)}; bar ${percent(doc.bar)}) ${doc.meetsBar ? 'OK' : 'BELOW BAR'}`);
  if (!verbose) continue;
  for (const section of doc.sections) {
    const indent = '  '.repeat(section.depth + 2);
    const mark = !section.substantive ? '-' : section.covered ? '✓' : '✗';
    const who = !section.substantive ? '(not counted)' : section.citedBy.length > 0 ? section.citedBy.join(', ') : section.covered ? '(through sub-sections)' : 'not cited';
    console.log(`${indent}${mark} ${section.id} "${section.title}": ${who}`);
  }
}
if (!allMet) process.exitCode = 1;
