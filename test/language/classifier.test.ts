/**
 * The classifier's evidence is worked out from per-feature weights computed once, not by the
 * library on every call: it must give what the library gives, on real messages and features.
 */
import NaiveBayes from 'wink-naive-bayes-text-classifier';
import { describe, expect, it } from 'vitest';
import { TextClassifier } from '../../src/core/language/classifier';
import { wordsForDanger } from '../../src/core/safety/danger';
import { DANGER_MODEL } from '../../src/core/safety/dangerModel.generated';
import { dangerFeatures } from '../../src/core/safety/learnedDanger';
import { PROJECT_ROOT } from '../../src/paths';
import { loadEvalSets } from '../../src/tooling/evaluation';

/** The library's own answer, as a function of features: computeOdds for `label`, less the log2 odds its share of the examples gives it. */
function libraryEvidence(json: string, label: string): (features: string[]) => number {
  const nb = NaiveBayes();
  nb.definePrepTasks([(f: string[]) => f]);
  nb.importJSON(json);
  nb.consolidate();
  const samples = nb.stats().labelWiseSamples as Record<string, number>;
  const others = Object.entries(samples).reduce((sum, [l, n]) => (l === label ? sum : sum + n), 0);
  const prior = Math.log2((samples[label] ?? 0) / others);
  return (features) => {
    const odds = (nb.computeOdds(features) as [string, number][]).find(([l]) => l === label)?.[1] ?? 0;
    return odds === 0 ? 0 : odds - prior;
  };
}

/** Danger messages of the examples sets, every fifth (about 800). */
function messages(): string[] {
  const texts = loadEvalSets(PROJECT_ROOT).flatMap((set) =>
    set.split === 'examples' && set.type === 'danger' ? set.items.map((item) => (item as { text: string }).text) : [],
  );
  return texts.filter((_, i) => i % 5 === 0);
}

describe('naive Bayes evidence', () => {
  it("equals the library's on the danger model, message by message", () => {
    // The danger model holds naive Bayes beside a regression (learnedDanger.ts).
    const bayes = JSON.stringify((JSON.parse(DANGER_MODEL) as { bayes: unknown }).bayes);
    const ours = TextClassifier.fromJSON<'now' | 'not'>(bayes);
    const theirs = libraryEvidence(bayes, 'now');
    const texts = messages();
    expect(texts.length).toBeGreaterThan(500);
    let nonZero = 0;
    for (const text of texts) {
      const features = dangerFeatures(wordsForDanger(text), text);
      const expected = theirs(features);
      if (expected !== 0) nonZero += 1;
      expect(ours.evidence(features, 'now'), text).toBeCloseTo(expected, 9);
    }
    expect(nonZero).toBe(texts.length);
  });

  it('is 0 when no feature was seen, and counts a feature each time it is given', () => {
    const trained = TextClassifier.trained([
      { features: ['knife', 'now', 'kitchen', 'screaming'], label: 'now' as const },
      { features: ['knife', 'yesterday', 'kitchen', 'police'], label: 'not' as const },
      { features: ['rota', 'shift', 'manager', 'leave'], label: 'not' as const },
      { features: ['door', 'kicking', 'now'], label: 'now' as const },
    ]);
    const theirs = libraryEvidence(trained.toJSON(), 'now');
    expect(trained.evidence(['unseen', 'words'], 'now')).toBe(0);
    for (const features of [['now'], ['now', 'now'], ['knife', 'rota', 'unseen'], ['yesterday', 'door'], ['screaming', 'kitchen', 'shift']]) {
      expect(trained.evidence(features, 'now')).toBeCloseTo(theirs(features), 9);
      expect(trained.evidence(features, 'not')).toBeCloseTo(libraryEvidence(trained.toJSON(), 'not')(features), 9);
    }
  });
});
