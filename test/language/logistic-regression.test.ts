/**
 * The sparse logistic regression beside naive Bayes in the learned danger reader: it learns which
 * features tell the labels apart, weighs features that always come together once (where naive
 * Bayes counts each), trains the same model from the same examples, and saves and loads exactly.
 */
import { describe, expect, it } from 'vitest';
import { TextClassifier } from '../../src/core/language/classifier';
import { LogisticRegression } from '../../src/core/language/logisticRegression';

/** Danger now: a knife or kicking, now. Not: the same words told as past, or the rota. */
const EXAMPLES = [
  { features: ['knife', 'now', 'kitchen'], positive: true },
  { features: ['kicking', 'door', 'now'], positive: true },
  { features: ['screaming', 'now', 'room'], positive: true },
  { features: ['knife', 'yesterday', 'kitchen'], positive: false },
  { features: ['kicking', 'door', 'last', 'week'], positive: false },
  { features: ['rota', 'shift', 'manager'], positive: false },
  { features: ['screaming', 'yesterday', 'police'], positive: false },
];

describe('logistic regression', () => {
  it('learns which features tell the labels apart', () => {
    const model = LogisticRegression.trained(EXAMPLES);
    expect(model.logOdds(['knife', 'now'])).toBeGreaterThan(2);
    expect(model.logOdds(['knife', 'yesterday'])).toBeLessThan(-2);
    // "now" carries the decision; "kitchen", said on both sides, carries next to nothing.
    expect(model.logOdds(['now'])).toBeGreaterThan(model.logOdds(['kitchen']) + 2);
  });

  it('weighs features that always come together once, where naive Bayes counts each', () => {
    // "knife" comes with its pairs "has_knife" and "got_knife", on both sides, half the time danger now.
    const withPairs = (features: string[], positive: boolean) => ({ features: features.flatMap((f) => (f === 'knife' ? ['knife', 'has_knife', 'got_knife'] : [f])), positive });
    const examples = [...EXAMPLES, ...EXAMPLES.map(({ features, positive }) => withPairs(features, positive))];
    const regression = LogisticRegression.trained(examples);
    const bayes = TextClassifier.trained(examples.map(({ features, positive }) => ({ features, label: positive ? 'now' : 'not' })));
    const spread = (odds: (f: string[]) => number) => Math.abs(odds(['knife', 'has_knife', 'got_knife', 'now']) - odds(['knife', 'now']));
    expect(spread((f) => regression.logOdds(f))).toBeLessThan(spread((f) => bayes.evidence(f, 'now')));
  });

  it('trains the same model from the same examples, and saves and loads it exactly', () => {
    const json = LogisticRegression.trained(EXAMPLES).toJSON();
    expect(LogisticRegression.trained(EXAMPLES).toJSON()).toBe(json);
    const loaded = LogisticRegression.fromJSON(json);
    expect(loaded.toJSON()).toBe(json);
    expect(loaded.logOdds(['kicking', 'now'])).toBe(LogisticRegression.fromJSON(json).logOdds(['kicking', 'now']));
    // An unknown feature says nothing: the bias alone.
    expect(loaded.logOdds(['unseen'])).toBe(loaded.logOdds([]));
  });

  it('needs examples of both labels', () => {
    expect(() => LogisticRegression.trained(EXAMPLES.filter((e) => e.positive))).toThrow(/both labels/);
  });
});
