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

  it('hold no worker’s question or question not covered, and sit inside none, word for word', () => {
    // A whole question of five words or more inside another shares few of the longer one's words,
    // so the share above misses it: "does it count as dv if its her brother not her bf ..." held
    // a held-out question whole.
    const plain = (text: string) => ` ${[...text.toLowerCase().replace(/[‘’']/g, '').matchAll(/[a-z0-9]+/g)].map((m) => m[0]).join(' ')} `;
    const long = (text: string) => text.trim().split(' ').length >= 5;
    const heldOut = loadEvalSets(PROJECT_ROOT)
      .filter((set) => set.split !== 'examples')
      .flatMap((set) => (set.type === 'search' ? set.items.map((i) => i.q) : set.items.map((i) => i.text)))
      .map(plain);
    const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
    const questions = [...library.workerQuestions.questions.map((w) => w.q), ...library.outOfScope.examples].map(plain);
    // Each side joined into one text, so a question is looked for once, not once per question.
    const allHeldOut = heldOut.join('\n');
    const allQuestions = questions.join('\n');
    const heldInside = questions.filter((q) => long(q) && allHeldOut.includes(q));
    const insideHeld = heldOut.filter((h) => long(h) && allQuestions.includes(h));
    expect([...heldInside, ...insideHeld].map((q) => q.trim())).toEqual([]);
  });
});
