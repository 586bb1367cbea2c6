/** The question sets behind npm run eval: three splits, real ids, and a frozen test split of the promised size. */
import { describe, expect, it } from 'vitest';
import { defaultContentPaths, loadContentLibrary } from '../../src/core/content/library';
import { PROJECT_ROOT } from '../../src/paths';
import { loadEvalSets } from '../../src/tooling/evaluation';

const sets = loadEvalSets(PROJECT_ROOT);
const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));

describe('eval sets', () => {
  it('come in three splits, each with search and danger-now sets', () => {
    for (const split of ['examples', 'validation', 'test'] as const) {
      expect(sets.some((s) => s.split === split && s.type === 'search'), split).toBe(true);
      expect(sets.some((s) => s.split === split && s.type === 'danger'), split).toBe(true);
    }
  });

  it('expect only ids that exist', () => {
    for (const set of sets) {
      if (set.type !== 'search') continue;
      for (const item of set.items) if (Array.isArray(item.expect)) for (const id of item.expect) expect(library.titleOf(id), `${set.name}: ${id}`).toBeDefined();
    }
  });

  it('hold at least 150 frozen test questions and 300 danger-now and 300 other messages in all', () => {
    const testQuestions = sets.flatMap((s) => (s.split === 'test' && s.type === 'search' ? s.items : [])).filter((i) => Array.isArray(i.expect));
    expect(testQuestions.length).toBeGreaterThanOrEqual(150);
    const danger = sets.flatMap((s) => (s.type === 'danger' ? s.items : []));
    expect(danger.filter((m) => m.label === 'now').length).toBeGreaterThanOrEqual(300);
    expect(danger.filter((m) => m.label === 'not').length).toBeGreaterThanOrEqual(300);
  });
});
