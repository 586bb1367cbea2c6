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
  private constructor(private readonly nb: Model) {}

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
   */
  evidence(features: string[], label: L): number {
    const odds = this.odds(features, label);
    return odds === 0 ? 0 : odds - this.priorOdds(label);
  }

  /** Per label, the log2 odds its share of the examples gives it before any feature is read. */
  private readonly priors = new Map<L, number>();

  private priorOdds(label: L): number {
    let prior = this.priors.get(label);
    if (prior === undefined) {
      const samples = this.nb.stats().labelWiseSamples;
      let others = 0;
      for (const [l, n] of Object.entries(samples)) if (l !== label) others += n;
      prior = Math.log2((samples[label] ?? 0) / others);
      this.priors.set(label, prior);
    }
    return prior;
  }
}
