/**
 * Search quality, held to eval/examples/search-golden.yaml: realistic queries (colloquial,
 * misspelled, abbreviated), first written without sight of the cards' search aids and since
 * used to write them, so these are examples (the honest figures are `npm run eval`'s).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultContentPaths, loadContentLibrary, type ContentLibrary } from '../../src/core/content/library';
import { documentsFrom, GuidanceSearch, termSimilarity } from '../../src/core/search/search';
import { terms } from '../../src/core/search/text';
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

  it('puts the expected item first for at least 90% of queries', () => {
    const misses = golden.queries.filter(({ q, expect: ids }) => !expected(ids).includes(search.search(q, 1)[0]?.id ?? ''));
    const accuracy = 1 - misses.length / golden.queries.length;
    expect(accuracy, `top-1 misses:\n${misses.map((m) => `  ${m.q}`).join('\n')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('has the expected item in the top three for at least 97% of queries', () => {
    const misses = golden.queries.filter(
      ({ q, expect: ids }) => !search.search(q, 3).some((hit) => expected(ids).includes(hit.id)),
    );
    expect(1 - misses.length / golden.queries.length).toBeGreaterThanOrEqual(0.97);
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
    expect(right / (right + wrong)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('off-topic queries', () => {
  it('never presents a weak match as the answer', () => {
    const answered = golden.offTopic.filter((q) => search.classify(q).type === 'answer');
    expect(answered).toEqual([]);
  });

  it('all get the honest fallback', () => {
    expect(golden.offTopic.filter((q) => search.classify(q).type !== 'none')).toEqual([]);
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

  it('does not let a shared prefix or a one-letter change make a different word', () => {
    expect(termSimilarity('collud', 'collusion')).toBeGreaterThan(0.8);
    expect(termSimilarity('control', 'contract')).toBeLessThan(0.76);
    expect(termSimilarity('reset', 'resettlement')).toBeLessThan(0.76);
    expect(termSimilarity('reset', 'rest')).toBe(0);
    expect(termSimilarity('abuze', 'abuse')).toBeGreaterThanOrEqual(0.8);
  });

  it('reads "to out her" as outing, and keeps "trans" whole', () => {
    expect(terms("he's threatening to out her to her family")).toContain('outing');
    expect(terms('kicked her out')).not.toContain('outing');
    expect(terms('trans woman')).toContain('trans');
    expect(search.search("he's threatening to out her", 1)[0]?.id).toBe('lgbt-victims');
  });

  it('finds abbreviations workers use', () => {
    expect(search.search('TAM meeting', 1)[0]?.id).toBe('team-around-me');
    expect(search.search('marac', 1)[0]?.id).toBe('marac');
  });
});

describe('hostile input', () => {
  it('searches only the start of a very long message, so the work per turn stays bounded', () => {
    expect(search.search(`what is marac ${'zzzz '.repeat(20_000)}`, 1)[0]?.id).toBe('marac');
    expect(search.search(`${'zzzz '.repeat(300)} what is marac`, 1)).toEqual([]);
  });
});
