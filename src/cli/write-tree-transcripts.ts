/**
 * `npm run content:transcripts`: regenerates test/conversations/trees/*.yaml,
 * one transcript per root-to-outcome path of every tree. A test fails when
 * these files no longer match the trees.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultContentPaths, loadContentLibrary } from '../core/content/library';
import { treeWalkFile } from '../transcripts/treeWalks';
import { PROJECT_ROOT } from '../paths';

const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
const dir = join(PROJECT_ROOT, 'test', 'conversations', 'trees');
mkdirSync(dir, { recursive: true });
for (const tree of library.trees.values()) {
  writeFileSync(join(dir, `${tree.id}.yaml`), treeWalkFile(library, tree));
  console.log(`wrote test/conversations/trees/${tree.id}.yaml`);
}
