/**
 * `npm run content:diagrams`: writes docs/trees/<tree>.md, a Mermaid
 * flowchart of each tree. A test fails when these files are stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultContentPaths, loadContentLibrary } from '../core/content/library';
import { PROJECT_ROOT } from '../paths';
import { treeDiagramFile } from '../tooling/mermaid';

const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
const dir = join(PROJECT_ROOT, 'docs', 'trees');
mkdirSync(dir, { recursive: true });
for (const tree of library.trees.values()) {
  writeFileSync(join(dir, `${tree.id}.md`), treeDiagramFile(tree));
  console.log(`wrote docs/trees/${tree.id}.md`);
}
