/**
 * The scope check (core/search/scope.ts): whether a question is about domestic abuse at all,
 * learned from the cards' own words against content/out-of-scope.yaml. Held here on questions it
 * was not trained on: a quarter of the out-of-scope examples held out, and the example questions
 * of eval/examples/ (written by people, not the cards' own questions). The honest figures on
 * validation and test are `npm run eval`'s.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultContentPaths, loadContentLibrary, type ContentLibrary } from '../../src/core/content/library';
import { searchWords } from '../../src/core/search/terms';
import { ScopeCheck } from '../../src/core/search/scope';
import { DEFAULT_TUNING, documentsFrom, GuidanceSearch } from '../../src/core/search/search';
import { PROJECT_ROOT } from '../../src/paths';
import { exampleSet } from '../../src/tooling/evaluation';

let library: ContentLibrary;
let search: GuidanceSearch;
beforeAll(() => {
  library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
  search = new GuidanceSearch(documentsFrom(library));
});

describe('the scope check, on questions it was not trained on', () => {
  it('keeps people’s questions about domestic abuse in scope and turns away held-out questions that are not', () => {
    const corpus = documentsFrom(library);
    const outOfScope = library.outOfScope.examples;
    const heldOut = outOfScope.filter((_, i) => i % 4 === 0);
    // The workers' questions (content/worker-questions.yaml) are the example questions below: left out here.
    const asked = ['search-golden', 'search-corpus'].flatMap((name) => exampleSet(PROJECT_ROOT, name).queries.map((q) => q.q));
    const workers = new Set(library.workerQuestions.questions.map((w) => w.q));
    const covered = corpus.documents.flatMap((doc) => [...doc.examples.filter((e) => !workers.has(e)), doc.fields.summary]);
    const check = new ScopeCheck(
      covered.map((t) => searchWords(t)),
      outOfScope.filter((_, i) => i % 4 !== 0).map((t) => searchWords(t)),
    );
    const inScope = (q: string) => check.odds(searchWords(q)) > DEFAULT_TUNING.scope;
    expect(heldOut.length).toBeGreaterThanOrEqual(100);
    // Reached when written: 94% of the held-out questions not covered turned away, 95% of the example questions kept.
    const keptOut = heldOut.filter((q) => !inScope(q));
    expect(keptOut.length / heldOut.length).toBeGreaterThanOrEqual(0.9);
    const keptIn = asked.filter((q) => inScope(q));
    expect(keptIn.length / asked.length).toBeGreaterThanOrEqual(0.93);
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
  ])('answers "%s"', (q, id) => {
    const verdict = search.classify(q);
    expect(verdict.type).toBe('answer');
    if (verdict.type === 'answer') expect(verdict.best.id).toBe(id);
  });
});
