/**
 * The labelled examples' vote (core/search/exampleClassifier.ts): learned from how workers ask for
 * each item, it reorders the index's candidates. Held here on workers' questions it was not
 * trained on (a quarter of content/worker-questions.yaml, held out of the index too). The honest
 * figures on validation and test are `npm run eval`'s.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultContentPaths, loadContentLibrary, type ContentLibrary } from '../../src/core/content/library';
import { ExampleClassifier } from '../../src/core/search/exampleClassifier';
import { DEFAULT_TUNING, documentsFrom, GuidanceSearch, type SearchCorpus } from '../../src/core/search/search';
import { searchWords } from '../../src/core/search/terms';
import { PROJECT_ROOT } from '../../src/paths';

let library: ContentLibrary;
beforeAll(() => {
  library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
});

describe('the examples’ vote, on workers’ questions it was not trained on', () => {
  it('ranks more of them first than the index alone', () => {
    const heldOut = library.workerQuestions.questions.filter((_, i) => i % 4 === 0);
    const held = new Set(heldOut.map((w) => w.q));
    const full = documentsFrom(library);
    const corpus: SearchCorpus = {
      ...full,
      documents: full.documents.map((doc) => {
        const asked = doc.asked.filter((q) => !held.has(q));
        return { ...doc, asked, fields: { ...doc.fields, asked: asked.join(' . ') } };
      }),
    };
    const topOne = (search: GuidanceSearch) => heldOut.filter(({ q, answer }) => search.search(q, 1)[0]?.id === answer).length / heldOut.length;
    const withVote = topOne(new GuidanceSearch(corpus));
    const without = topOne(new GuidanceSearch(corpus, { ...DEFAULT_TUNING, exampleVote: 0 }));
    expect(heldOut.length).toBeGreaterThanOrEqual(600);
    // Reached when written: 76.8% first against 74.9% without the vote. Since "DA" is read as the
    // sector's word (2026-12-07) the index alone finds more: 78.4% against 77.2%.
    expect(withVote - without).toBeGreaterThanOrEqual(0.01);
  });
});

describe('ExampleClassifier', () => {
  const classifier = new ExampleClassifier([
    { words: searchWords('he checks her phone and tells her what to wear'), label: 'control' },
    { words: searchWords('she has no friends left and never goes out'), label: 'isolation' },
  ]);

  it('shares the chance among the candidates it is asked about, by the words of the examples', () => {
    const [control, isolation] = classifier.shares(searchWords('he checks her phone every hour'), ['control', 'isolation']);
    expect((control as number) + (isolation as number)).toBeCloseTo(1);
    expect(control).toBeGreaterThan(0.8);
  });

  it('says nothing about words no example used', () => {
    expect(classifier.shares(searchWords('the weather in Leeds'), ['control', 'isolation'])).toEqual([0.5, 0.5]);
  });
});
