/**
 * A second reader for danger now, learned from labelled messages rather than written as rules.
 *
 * The rules in danger.ts read grammar (who is doing what, and when), and they miss phrasings
 * nobody here wrote: tried on 200 danger-now messages written by a stranger to the code, they
 * recognised 157 (and 118 of another 180). This reader is naive Bayes
 * (wink-naive-bayes-text-classifier) over the message's words as the danger check reads them
 * (spelling corrected towards the danger vocabulary, figures of speech left out, then lemmas),
 * their pairs ("be_outside", "on_fire") and three shapes of panic typing (all capitals, a short
 * message, no question mark). It is trained by `npm run train:danger` on the messages of
 * eval/examples/ (danger now against not, with the example search questions as not) and never on
 * eval/validation or eval/test.
 *
 * It raises a level: danger.ts asks it when the rules found no danger now, and its odds above a
 * threshold (chosen on eval/validation) turn the reply into the emergency reply. It lowers one
 * reading only, and only to the caution line: a scene the rules read from a danger word alone,
 * with no grammar of now ("the duty phone's been on fire since 8"), when its odds are far below
 * (danger.ts, LEARNED_AGAINST_SCENE). A learned model that could silence the rules would trade
 * away the safety they give.
 */
import type { Word } from '../language/analyse';
import { TextClassifier, type LabelledExample } from '../language/classifier';
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

/** Trains the reader on labelled feature lists; the model as JSON, for dangerModel.generated.ts. */
export function trainDangerModel(examples: Iterable<LabelledExample<LearnedLabel>>): string {
  return TextClassifier.trained(examples).toJSON();
}

/** The learned reader over one trained model (JSON from trainDangerModel). */
export class LearnedDangerReader {
  private readonly classifier: TextClassifier<LearnedLabel>;

  constructor(model: string) {
    this.classifier = TextClassifier.fromJSON(model);
  }

  /**
   * The log2 odds that a message is danger now, from its features alone: the shares of danger-now
   * and other examples are left out, so adding example questions does not move the bars (0 when
   * none of its features was ever seen).
   */
  odds(features: string[]): number {
    return this.classifier.evidence(features, 'now');
  }
}

let standard: LearnedDangerReader | undefined;

/** The reader trained on eval/examples/ (dangerModel.generated.ts), loaded on first use. */
export function learnedDangerReader(): LearnedDangerReader {
  standard ??= new LearnedDangerReader(DANGER_MODEL);
  return standard;
}
