/**
 * The scope check (core/search/scope.ts): whether a question is about domestic abuse at all,
 * learned from the cards' own words against content/out-of-scope.yaml. Held here on questions it
 * was not trained on: a quarter of the workers' questions and of the questions not covered, held
 * out. The honest figures on validation and test are `npm run eval`'s.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultContentPaths, loadContentLibrary, type ContentLibrary } from '../../src/core/content/library';
import { searchWords } from '../../src/core/search/terms';
import { ScopeCheck } from '../../src/core/search/scope';
import { DEFAULT_TUNING, documentsFrom, GuidanceSearch } from '../../src/core/search/search';
import { PROJECT_ROOT } from '../../src/paths';
import { expectAnswer } from '../support/search';

let library: ContentLibrary;
let search: GuidanceSearch;
beforeAll(() => {
  library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
  search = new GuidanceSearch(documentsFrom(library));
});

describe('the scope check, on questions it was not trained on', () => {
  it('keeps workers’ questions about domestic abuse in scope and turns away questions that are not', () => {
    // A quarter of content/worker-questions.yaml and of content/out-of-scope.yaml held out of training.
    const heldOut = <T>(items: T[]) => items.filter((_, i) => i % 4 === 0);
    const workers = library.workerQuestions.questions.map((w) => w.q);
    const askedHeldOut = new Set(heldOut(workers));
    const notCovered = library.outOfScope.examples;
    const covered = documentsFrom(library).documents.flatMap((doc) => [...doc.examples, ...doc.asked.filter((e) => !askedHeldOut.has(e)), doc.fields.summary]);
    const check = new ScopeCheck(
      covered.map((t) => searchWords(t)),
      notCovered.filter((_, i) => i % 4 !== 0).map((t) => searchWords(t)),
    );
    const inScope = (q: string) => check.odds(searchWords(q)) > DEFAULT_TUNING.scope;
    expect(askedHeldOut.size).toBeGreaterThanOrEqual(300);
    // Reached when written: 95% of held-out workers' questions kept, 94% of held-out questions not covered turned away.
    expect([...askedHeldOut].filter(inScope).length / askedHeldOut.size).toBeGreaterThanOrEqual(0.93);
    const away = heldOut(notCovered).filter((q) => !inScope(q));
    expect(away.length / heldOut(notCovered).length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the answer gate with the scope check', () => {
  it.each([
    'can someone sort out the boiler in the staff kitchen, its been cold all week',
    'how do I book the minibus for the residents trip to the coast',
    'whats the process for claiming back mileage for home visits',
    'challenge a speeding ticket from the work van',
  ])('gives "%s" no answer and names no topics', (q) => {
    expect(search.classify(q)).toEqual({ type: 'none', hits: [] });
  });

  // Short, messy questions in scope that the gate turned away when it had to keep off-topic
  // questions out on matched meaning alone (eval/examples/).
  it.each([
    ['he never leaves her side how do i get 5 mins alone with her', 'survivor-always-with-perpetrator'],
    ["she's had to tell her story to like 6 diff agencies", 'retelling-the-story'],
    ["he won't give her money for food or pads", 'economic-abuse'],
  ])('answers "%s"', (q, id) => expectAnswer(search, q, id));
});

describe('the scope bar for a short question', () => {
  // The scope check's odds are a sum over a question's words, so a few words that match one item
  // strongly cannot reach the bar a long question must (eval/examples/ questions, on the full search;
  // which ones fall short of the full bar moves as workers' questions are added).
  const short: [string, string][] = [
    ['DAPO new protection order', 'protection-orders'],
    ['barred from home, no bed', 'protection-order-housing-gap'],
    ['rape crisis number', 'helplines'],
  ];

  it.each(short)('answers "%s" on odds in proportion to its words', (q, id) => expectAnswer(search, q, id));

  it('turns the same questions away when every question must reach the full bar', () => {
    const fullBar = new GuidanceSearch(documentsFrom(library), { ...DEFAULT_TUNING, scopePerTerm: Number.POSITIVE_INFINITY });
    for (const [q] of short) expect(fullBar.classify(q).type).toBe('none');
  });

  it('still gives a short question that is not about abuse no answer', () => {
    for (const q of ['challenge a parking fine', 'petty cash tin', 'cheers that was really useful']) {
      expect(search.classify(q)).toEqual({ type: 'none', hits: [] });
    }
  });
});
