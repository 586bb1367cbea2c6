/**
 * Search quality, held to eval/examples/search-golden.yaml: realistic queries (colloquial,
 * misspelled, abbreviated), first written without sight of the cards' search aids and since
 * used to write them, so these are examples (the honest figures are `npm run eval`'s).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultContentPaths, loadContentLibrary, type ContentLibrary } from '../../src/core/content/library';
import { documentsFrom, GuidanceSearch } from '../../src/core/search/search';
import { PROJECT_ROOT } from '../../src/paths';
import { exampleSet } from '../../src/tooling/evaluation';

const golden = exampleSet(PROJECT_ROOT, 'search-golden');
const expected = (e: string[]) => e;

let library: ContentLibrary;
let search: GuidanceSearch;
beforeAll(() => {
  library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
  search = new GuidanceSearch(documentsFrom(library));
});

describe('golden queries', () => {
  it('has at least 80 queries, each expecting real ids', () => {
    expect(golden.queries.length).toBeGreaterThanOrEqual(80);
    for (const { q, expect: ids } of golden.queries) {
      for (const id of expected(ids)) expect(library.titleOf(id), `${q} expects unknown id ${id}`).toBeDefined();
    }
  });

  // A ratchet at the level the search reaches (issue 12's engine; the old one was tuned on these
  // very questions and scored 93.5%). The figures that matter are npm run eval's, on validation and test.
  it('puts the expected item first for at least 85% of queries', () => {
    const misses = golden.queries.filter(({ q, expect: ids }) => !expected(ids).includes(search.search(q, 1)[0]?.id ?? ''));
    const accuracy = 1 - misses.length / golden.queries.length;
    expect(accuracy, `top-1 misses:\n${misses.map((m) => `  ${m.q}`).join('\n')}`).toBeGreaterThanOrEqual(0.85);
  });

  it('has the expected item in the top three for at least 96% of queries', () => {
    const misses = golden.queries.filter(
      ({ q, expect: ids }) => !search.search(q, 3).some((hit) => expected(ids).includes(hit.id)),
    );
    expect(1 - misses.length / golden.queries.length).toBeGreaterThanOrEqual(0.96);
  });

  it('gives a clear answer to most queries, and when it does, the answer is the expected one at least 90% of the time', () => {
    let right = 0;
    let wrong = 0;
    for (const { q, expect: ids } of golden.queries) {
      const verdict = search.classify(q);
      if (verdict.type !== 'answer') continue;
      if (expected(ids).includes(verdict.best.id)) right += 1;
      else wrong += 1;
    }
    expect((right + wrong) / golden.queries.length).toBeGreaterThanOrEqual(0.8);
    expect(right / (right + wrong)).toBeGreaterThanOrEqual(0.88);
  });
});

describe('off-topic queries', () => {
  it('all but one get the honest fallback', () => {
    // "What's the capital of Australia" meets a card on capital limits in means-tested help, whose
    // word "capital" is rarer in everyday English than in the guidance.
    expect(golden.offTopic.filter((q) => search.classify(q).type !== 'none').length).toBeLessThanOrEqual(1);
  });
});

describe('search mechanics', () => {
  it('tolerates typos but does not match a word inside another', () => {
    expect(search.search('safegaurding colusion', 3).map((h) => h.id)).toContain('humouring-vs-collusion');
    expect(search.search('zzzz qqqq', 3)).toEqual([]);
  });

  it('returns nothing for an empty or stop-word-only query', () => {
    expect(search.search('')).toEqual([]);
    expect(search.classify('what is the').type).toBe('none');
  });

  it("corrects a word that is not English towards the guidance's words", () => {
    expect(search.search('coersive controll', 1)[0]?.id).toBe('coercive-control');
    expect(search.search('marrac refferal', 3).map((h) => h.id)).toContain('marac');
  });

  it("reads workers' phrases through the sector thesaurus", () => {
    expect(search.search("he's threatening to out her to her family", 3).map((h) => h.id)).toContain('lgbt-victims');
    expect(search.search("she doesnt want the police involved", 3).map((h) => h.id)).toContain('third-party-report');
  });

  it('answers a long question told as a situation, judging the words that carry meaning', () => {
    const verdict = search.classify(
      'keyworker here, been supporting Shannon for a few months in our hostel on the second floor, she told me her fella grabbed her last week and she does not want the police involved, can I report it myself without her consent',
    );
    expect(verdict.type).toBe('answer');
    if (verdict.type === 'answer') expect(['third-party-report', 'third-party-reporting-101']).toContain(verdict.best.id);
  });

  it('finds abbreviations workers use', () => {
    expect(search.search('TAM meeting', 1)[0]?.id).toBe('team-around-me');
    expect(['marac', 'marac-referral']).toContain(search.search('marac', 1)[0]?.id);
  });
});

describe('hostile input', () => {
  it('searches only the start of a very long message, so the work per turn stays bounded', () => {
    expect(search.search(`what is marac ${'zzzz '.repeat(20_000)}`, 1)[0]?.id).toBe('marac');
    expect(search.search(`${'zzzz '.repeat(300)} what is marac`, 1)).toEqual([]);
  });
});
