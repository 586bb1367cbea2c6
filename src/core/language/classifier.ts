/**
 * A text classifier learned from labelled examples: naive Bayes over feature lists (words, word
 * pairs, shapes), from wink-naive-bayes-text-classifier. The danger check's second reader and the
 * search's scope check are both this, each with its own features and examples.
 */
import NaiveBayes from 'wink-naive-bayes-text-classifier';

export interface LabelledExample<L extends string> {
  features: string[];
  label: L;
}

type Model = ReturnType<typeof NaiveBayes>;

function model(): Model {
  const nb = NaiveBayes();
  // Presence, not counts: a word said twice is no more telling than once.
  nb.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 });
  // Features are made by the caller; the classifier takes them as they are.
  nb.definePrepTasks([(features: string[]) => features]);
  return nb;
}

export class TextClassifier<L extends string> {
  /**
   * Per label, what each feature of the vocabulary adds to its log2 odds (see weightsByLabel). Worked
   * out when the classifier is made, from one export of the model, so the first message read
   * does not pay for it (100 ms on the real corpus's scope check, seconds at 10,000 cards).
   */
  private readonly weights: ReadonlyMap<string, ReadonlyMap<string, number>>;

  private constructor(private readonly nb: Model) {
    this.weights = weightsByLabel(nb.exportJSON());
  }

  /** Learns from examples of at least two labels. */
  static trained<L extends string>(examples: Iterable<LabelledExample<L>>): TextClassifier<L> {
    const nb = model();
    for (const { features, label } of examples) nb.learn(features, label);
    nb.consolidate();
    return new TextClassifier<L>(nb);
  }

  /** A classifier saved with toJSON. */
  static fromJSON<L extends string>(json: string): TextClassifier<L> {
    const nb = model();
    nb.importJSON(json);
    nb.consolidate();
    return new TextClassifier<L>(nb);
  }

  toJSON(): string {
    return this.nb.exportJSON();
  }

  /** The log2 odds of `label` against the rest (0 when none of the features was ever seen). */
  odds(features: string[], label: L): number {
    return this.nb.computeOdds(features).find(([l]) => l === label)?.[1] ?? 0;
  }

  /**
   * The log2 odds of `label` with the labels' shares of the examples left out: what the features
   * say, whatever the number of examples of each label. A bar on it does not move as examples are
   * added to one side. 0 when none of the features was ever seen.
   *
   * This is the library's computeOdds less the prior, which comes to a sum over the known features
   * of what each says for `label` against the rest. The library works out every feature's
   * smoothed likelihoods (two logarithms per label) on every call, which was an eighth of a
   * search turn's time in the profile; here each feature's share is worked out once, from the
   * model's own counts. test/language/classifier.test.ts holds the two equal.
   */
  evidence(features: readonly string[], label: L): number {
    const weights = this.weights.get(label);
    if (!weights) return 0;
    let sum = 0;
    let known = false;
    for (const feature of features) {
      const weight = weights.get(feature);
      if (weight === undefined) continue;
      sum += weight;
      known = true;
    }
    return known ? sum : 0;
  }
}

/** The model as wink-naive-bayes-text-classifier exports it: its config, and per label the examples, feature counts and feature total, then the vocabulary. */
type Exported = [{ smoothingFactor: number }, Record<string, number>, Record<string, Record<string, number>>, Record<string, number>, string[]];

/**
 * Per label, per feature of the vocabulary, its smoothed log2 likelihood under the label less that
 * under every other label taken together: the library's own formula (logLikelihood and
 * inverseLogLikelihood). A feature's count under the other labels is its count under all, less
 * the label's own.
 */
function weightsByLabel(json: string): Map<string, Map<string, number>> {
  const [config, , count, words, vocabulary] = JSON.parse(json) as Exported;
  const smoothing = config.smoothingFactor;
  const spread = vocabulary.length * smoothing;
  const labels = Object.keys(words);
  const allWords = labels.reduce((sum, l) => sum + (words[l] ?? 0), 0);
  const total = new Map<string, number>();
  for (const l of labels) for (const [feature, n] of Object.entries(count[l] ?? {})) total.set(feature, (total.get(feature) ?? 0) + n);
  const byLabel = new Map<string, Map<string, number>>();
  for (const label of labels) {
    const inLabel = Math.log2((words[label] ?? 0) + spread);
    const inOthers = Math.log2(allWords - (words[label] ?? 0) + spread);
    const mine = count[label] ?? {};
    const weights = new Map<string, number>();
    for (const feature of vocabulary) {
      const own = mine[feature] ?? 0;
      const theirs = (total.get(feature) ?? 0) - own;
      weights.set(feature, Math.log2(own + smoothing) - inLabel - (Math.log2(theirs + smoothing) - inOthers));
    }
    byLabel.set(label, weights);
  }
  return byLabel;
}
