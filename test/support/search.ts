/** Shared assertions for the search's verdicts (core/search/search.ts classify). */
import { expect } from 'vitest';
import type { GuidanceSearch } from '../../src/core/search/search';

/** The search answers `question` outright, with the item `id`. */
export function expectAnswer(search: GuidanceSearch, question: string, id: string): void {
  const verdict = search.classify(question);
  expect(verdict.type).toBe('answer');
  if (verdict.type === 'answer') expect(verdict.best.id).toBe(id);
}
