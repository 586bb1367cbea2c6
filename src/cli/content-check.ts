/**
 * `npm run content:check`: validates every card, tree, practice scenario,
 * reflective session, the source registry and the menu, printing each fault
 * with its file and path. Exits 1 on any fault.
 */
import { resolve } from 'node:path';
import { ContentError, defaultContentPaths, loadContentLibrary } from '../core/content/library';

const root = resolve(process.argv[2] ?? process.cwd());
try {
  const library = loadContentLibrary(defaultContentPaths(root));
  console.log(
    `Content OK: ${library.cards.size} cards, ${library.trees.size} trees, ${library.scenarios.size} scenarios, ${library.reflections.size} reflective sessions.`,
  );
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
