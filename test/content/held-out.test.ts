/**
 * The held-out question sets stay held out: no search aid (a card's or walk-through's example
 * questions and synonyms, a worker's question, a question not covered) shares most of its words
 * with a question or message of eval/validation or eval/test. An aid that close to a held-out
 * question would let the search see it, and the figures would flatter.
 */
import { describe, expect, it } from 'vitest';
import { defaultContentPaths, loadContentLibrary } from '../../src/core/content/library';
import { PROJECT_ROOT } from '../../src/paths';
import { loadEvalSets } from '../../src/tooling/evaluation';

/** An aid sharing this share of its distinct words (and the question's) with a held-out question is too close. */
const TOO_CLOSE = 0.6;

const words = (text: string) => new Set(text.toLowerCase().replace(/[‘’]/g, "'").replace(/[^a-z0-9' ]+/g, ' ').trim().split(/\s+/));

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / (a.size + b.size - shared);
}

describe('held-out questions', () => {
  it('share most of their words with no search aid', () => {
    const heldOut = loadEvalSets(PROJECT_ROOT)
      .filter((set) => set.split !== 'examples')
      .flatMap((set) => (set.type === 'search' ? set.items.map((i) => i.q) : set.items.map((i) => i.text)));
    expect(heldOut.length).toBeGreaterThan(500);
    const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
    const aids = [
      ...[...library.cards.values(), ...library.trees.values()].flatMap((item) => [...item.search.questions, ...item.search.synonyms]),
      ...library.workerQuestions.questions.map((w) => w.q),
      ...library.outOfScope.examples,
    ];
    const held = heldOut.map(words);
    const tooClose = aids.filter((aid) => {
      const a = words(aid);
      return a.size >= 3 && held.some((h) => overlap(a, h) >= TOO_CLOSE);
    });
    expect(tooClose).toEqual([]);
  });
});
