/**
 * A second reader for danger now, learned from labelled messages rather than written as rules.
 *
 * The rules in danger.ts read grammar (who is doing what, and when), and they miss phrasings
 * nobody here wrote: tried on 200 danger-now messages written by a stranger to the code, they
 * recognised 157 (and 118 of another 180). This reader reads the message's words as the danger
 * check reads them (spelling corrected towards the danger vocabulary, figures of speech left out,
 * then lemmas), their pairs ("be_outside", "on_fire") and three shapes of panic typing (all
 * capitals, a short message, no question mark). It is trained by `npm run train:danger` on the
 * messages of eval/examples/ (danger now against not, with the example search questions as not)
 * and never on eval/validation or eval/test.
 *
 * Its odds are the mean of two models' over the same features: naive Bayes
 * (wink-naive-bayes-text-classifier) and a logistic regression (language/logisticRegression.ts),
 * which weighs words that come together once rather than once each. Held out on eval/examples/
 * (each set read by a reader trained without it), naive Bayes alone found 2,363 of 2,495
 * danger-now messages with 84 false alarms of 3,233 and 23 emergency replies to 5,911 search
 * questions; the mean finds 2,381 with 85 and 25. Naive Bayes with its odds stretched to find as
 * many (by a tenth) raised 90 false alarms: at the same recall the mean raises about five fewer.
 * The regression's log2 odds are scaled by REGRESSION_SCALE first, so that the bars in
 * danger.ts, chosen for naive Bayes, still apply.
 *
 * It raises a level: danger.ts asks it when the rules found no danger now, and its odds above a
 * threshold (chosen on eval/validation) turn the reply into the emergency reply. It lowers two
 * readings only, and only to the caution line: a scene the rules read from a danger word alone,
 * with no grammar of now ("the duty phone's been on fire since 8"), or a sentence, when naive
 * Bayes's odds alone are far below (danger.ts, LEARNED_AGAINST_SCENE and _SENTENCE). A learned
 * model that could silence the rules would trade away the safety they give.
 */
import type { Word } from '../language/analyse';
import { TextClassifier, type LabelledExample } from '../language/classifier';
import { LogisticRegression } from '../language/logisticRegression';
import { DANGER_MODEL } from './dangerModel.generated';

export type LearnedLabel = 'now' | 'not';

/** A message as the learned reader sees it: its words as the danger check read them, word pairs and the shape of the typing. */
export function dangerFeatures(words: readonly Word[], typed: string): string[] {
  const lemmas = words.map((w) => w.lemma.replace(/'/g, ''));
  const features = [...lemmas];
  for (let i = 1; i < lemmas.length; i += 1) features.push(`${lemmas[i - 1]}_${lemmas[i]}`);
  const letters = typed.replace(/[^A-Za-z]/g, '');
  if (letters.length >= 6 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.7) features.push('#capitals');
  if (lemmas.length <= 8) features.push('#short');
  if (typed.includes('?')) features.push('#question-mark');
  return features;
}

/**
 * How far the regression's log2 odds are stretched before the mean. Naive Bayes counts words that
 * come together as evidence over and over, so its odds run wider: on the training messages their
 * spread (standard deviation) is about 3.5 times the regression's. Held out on eval/examples/,
 * 3 found 2,358 danger-now messages with 80 false alarms, 4 found 2,381 with 85, 5 found 2,398
 * with 92 (naive Bayes alone: 2,363 with 84).
 */
const REGRESSION_SCALE = 4;

/** The two models, as saved in dangerModel.generated.ts. */
interface SavedDangerModel {
  bayes: unknown;
  regression: unknown;
}

/** Trains the reader on labelled feature lists; the model as JSON, for dangerModel.generated.ts. */
export function trainDangerModel(examples: Iterable<LabelledExample<LearnedLabel>>): string {
  const all = [...examples];
  const saved: SavedDangerModel = {
    bayes: JSON.parse(TextClassifier.trained(all).toJSON()),
    regression: JSON.parse(LogisticRegression.trained(all.map(({ features, label }) => ({ features, positive: label === 'now' }))).toJSON()),
  };
  return JSON.stringify(saved);
}

/** The learned reader over one trained model (JSON from trainDangerModel). */
export class LearnedDangerReader {
  private readonly classifier: TextClassifier<LearnedLabel>;
  private readonly regression: LogisticRegression;

  constructor(model: string) {
    const saved = JSON.parse(model) as SavedDangerModel;
    this.classifier = TextClassifier.fromJSON(JSON.stringify(saved.bayes));
    this.regression = LogisticRegression.fromJSON(JSON.stringify(saved.regression));
  }

  /**
   * The log2 odds that a message is danger now: the mean of naive Bayes's, from the features alone
   * (the shares of danger-now and other examples are left out, so adding example questions does
   * not move the bars), and the regression's, scaled.
   */
  odds(features: string[]): number {
    return (this.classifier.evidence(features, 'now') + REGRESSION_SCALE * this.regression.logOdds(features)) / 2;
  }

  /** Naive Bayes's log2 odds alone: what the bars for lowering a reading were chosen on. */
  bayesOdds(features: string[]): number {
    return this.classifier.evidence(features, 'now');
  }
}

let standard: LearnedDangerReader | undefined;

/** The reader trained on eval/examples/ (dangerModel.generated.ts), loaded on first use. */
export function learnedDangerReader(): LearnedDangerReader {
  standard ??= new LearnedDangerReader(DANGER_MODEL);
  return standard;
}
